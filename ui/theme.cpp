// ui/theme.cpp: the two palettes, WCAG contrast, and frame metrics.
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

#include "ui/visitor_ui.h"

namespace ui {
namespace {

double Channel(uint8_t v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

constexpr Rgb Hex(uint32_t v) { return Rgb{uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}; }

}  // namespace

double RelativeLuminance(Rgb c) { return 0.2126 * Channel(c.r) + 0.7152 * Channel(c.g) + 0.0722 * Channel(c.b); }

double ContrastRatio(Rgb a, Rgb b) {
    double la = RelativeLuminance(a), lb = RelativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Calm: warm off-white page, deep navy accents, dark slate text.
Theme Theme::Normal() {
    Theme t;
    t.high_contrast = false;
    t.background = Hex(0xF5F3EE);
    t.text = Hex(0x1B2733);
    t.text_muted = Hex(0x4A5663);
    t.surface = Hex(0xFFFFFF);
    t.border = Hex(0x8A949E);
    t.accent = Hex(0x1F4E79);
    t.on_accent = Hex(0xFFFFFF);
    t.bar = Hex(0x1F4E79);
    t.on_bar = Hex(0xFFFFFF);
    t.error = Hex(0xA4161A);
    t.hotline = Hex(0x8B1E1E);
    t.on_hotline = Hex(0xFFFFFF);
    t.badge = Hex(0x5C4A00);
    t.on_badge = Hex(0xFFFFFF);
    t.overlay = Hex(0xFFF4CC);
    t.on_overlay = Hex(0x1B2733);
    t.focus = Hex(0xC77700);
    return t;
}

// Black and white with yellow for what can be touched.
Theme Theme::HighContrast() {
    Theme t;
    t.high_contrast = true;
    t.background = Hex(0x000000);
    t.text = Hex(0xFFFFFF);
    t.text_muted = Hex(0xD0D0D0);
    t.surface = Hex(0x000000);
    t.border = Hex(0xFFFFFF);
    t.accent = Hex(0xFFE600);
    t.on_accent = Hex(0x000000);
    t.bar = Hex(0x000000);
    t.on_bar = Hex(0xFFFFFF);
    t.error = Hex(0xFF8A80);
    t.hotline = Hex(0xFFE600);
    t.on_hotline = Hex(0x000000);
    t.badge = Hex(0xFFFFFF);
    t.on_badge = Hex(0x000000);
    t.overlay = Hex(0x000000);
    t.on_overlay = Hex(0xFFFFFF);
    t.focus = Hex(0x00E5FF);
    return t;
}

std::vector<Theme::TextPair> Theme::TextPairs() const {
    return {
        {"text on background", text, background},
        {"text on surface", text, surface},
        {"muted text on background", text_muted, background},
        {"muted text on surface", text_muted, surface},
        {"text on accent", on_accent, accent},
        {"text on bar", on_bar, bar},
        {"error on background", error, background},
        {"error on surface", error, surface},
        {"text on hotline", on_hotline, hotline},
        {"text on badge", on_badge, badge},
        {"text on overlay", on_overlay, overlay},
    };
}

double PixelsPerMm(double diagonal_inches, int width_px, int height_px) {
    if (diagonal_inches <= 0 || width_px <= 0 || height_px <= 0) return 96.0 / 25.4;  // a plain desktop screen
    return std::hypot(double(width_px), double(height_px)) / diagonal_inches / 25.4;
}

float MinTouchTargetPx(const UiConfig& config, double mm) {
    return float(std::ceil(mm * PixelsPerMm(config.screen_diagonal_inches, config.screen_width_px, config.screen_height_px)));
}

Metrics ComputeMetrics(const UiConfig& config, bool larger_text, float frame_width, float frame_height) {
    Metrics m;
    m.text_scale = larger_text ? kLargerTextScale : 1.0f;
    m.ui_scale = std::clamp(std::min(frame_width / 1920.0f, frame_height / 1080.0f), 0.4f, 4.0f);
    const float s = m.ui_scale * m.text_scale;
    m.small_px = 21.0f * s;
    m.body_px = 26.0f * s;
    m.large_px = 32.0f * s;
    m.heading_px = 42.0f * s;
    m.title_px = 54.0f * s;
    m.huge_px = 96.0f * s;
    m.pad = 16.0f * m.ui_scale;
    m.rounding = 12.0f * m.ui_scale;
    // The 9 mm minimum is physical: it depends on the screen, not on the window or text size.
    m.touch_min = MinTouchTargetPx(config);
    m.button_h = std::max(m.touch_min, std::round(m.body_px * 2.4f));
    // The bars hold one row of buttons; they grow with larger text so labels stay readable.
    m.top_bar_h = std::max(m.touch_min + 2 * 8.0f * m.ui_scale, std::round(m.small_px * 3.6f));
    m.status_h = std::round(m.small_px * 2.0f);
    return m;
}

}  // namespace ui
