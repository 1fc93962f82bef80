// Tests of ui/theme: contrast of every text colour pair, touch-target size from the screen.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "ui/theme.h"
#include "ui/visitor_ui.h"

TEST_CASE("contrast ratio follows WCAG relative luminance", "[ui][theme]") {
    CHECK(ui::ContrastRatio({0, 0, 0}, {255, 255, 255}) == Catch::Approx(21.0));
    CHECK(ui::ContrastRatio({255, 255, 255}, {255, 255, 255}) == Catch::Approx(1.0));
    // #777777 on white is the textbook 4.48:1.
    CHECK(ui::ContrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}) == Catch::Approx(4.48).epsilon(0.01));
}

TEST_CASE("normal theme text is at least 4.5:1, high contrast at least 7:1", "[ui][theme]") {
    for (const ui::Theme& theme : {ui::Theme::Normal(), ui::Theme::HighContrast()}) {
        const double minimum = theme.high_contrast ? 7.0 : 4.5;
        CHECK(theme.MinimumContrast() == minimum);
        auto pairs = theme.TextPairs();
        REQUIRE(pairs.size() >= 10);
        for (const auto& pair : pairs) {
            INFO((theme.high_contrast ? "high contrast: " : "normal: ") << pair.name << " = "
                                                                         << ui::ContrastRatio(pair.fg, pair.bg));
            CHECK(ui::ContrastRatio(pair.fg, pair.bg) >= minimum);
        }
    }
}

TEST_CASE("a 9 mm touch target in pixels comes from the configured screen", "[ui][theme]") {
    ui::UiConfig config;  // 21.5" 1920x1080: 102.5 dpi, 4.03 px/mm
    CHECK(ui::PixelsPerMm(21.5, 1920, 1080) == Catch::Approx(4.034).epsilon(0.001));
    CHECK(ui::MinTouchTargetPx(config) == 37.0f);
    config.screen_diagonal_inches = 10.1;  // a small, dense panel needs bigger targets in pixels
    config.screen_width_px = 1920;
    config.screen_height_px = 1200;
    CHECK(ui::MinTouchTargetPx(config) == std::ceil(9.0 * std::hypot(1920.0, 1200.0) / 10.1 / 25.4));
    CHECK(ui::MinTouchTargetPx(config) > 70.0f);
    ui::Metrics m = ui::ComputeMetrics(config, false, 1920, 1200);
    CHECK(m.touch_min == ui::MinTouchTargetPx(config));
    CHECK(m.button_h >= m.touch_min);
}

TEST_CASE("larger text scales every text size by 1.5", "[ui][theme]") {
    ui::UiConfig config;
    ui::Metrics normal = ui::ComputeMetrics(config, false, 1920, 1080);
    ui::Metrics larger = ui::ComputeMetrics(config, true, 1920, 1080);
    CHECK(larger.body_px == Catch::Approx(normal.body_px * 1.5f));
    CHECK(larger.heading_px == Catch::Approx(normal.heading_px * 1.5f));
    CHECK(larger.small_px == Catch::Approx(normal.small_px * 1.5f));
    CHECK(larger.touch_min == normal.touch_min);  // physical, not typographic
    CHECK(larger.button_h > normal.button_h);
}
