// Golden images of paragraphs in lv, ru, uk and ar, rendered offscreen through the whole
// path: layout, FreeType atlas in a GL_R8 texture, ImGui OpenGL3 backend, Mesa llvmpipe.
// Regenerate after an intended change:  KIOSK_UPDATE_GOLDEN=1 test_fonts_golden
#include <catch2/catch_test_macros.hpp>

#include "imgui.h"
#include "fonts/text.h"
#include "fonts/tools/sample_text.h"
#include "tests/support/offscreen.h"

namespace {

constexpr int kWidth = 420;
constexpr int kHeight = 190;
constexpr uint32_t kBackground = 0xFFFFFFFFu;

// Pixels in the column range that are clearly darker than the white background.
int InkPixels(const test_support::Image& image, int x0, int x1) {
    int ink = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = x0; x < x1; ++x) ink += image.At(x, y)[0] < 128;
    return ink;
}

}  // namespace

TEST_CASE("paragraphs render like their golden images", "[fonts][golden]") {
    auto renderer = test_support::OffscreenRenderer::Create(kWidth, kHeight);
    INFO((renderer.ok() ? std::string() : renderer.error().ToString()));
    REQUIRE(renderer.ok());
    text::TextEngine engine;  // OpenGL atlas
    REQUIRE(engine.font_errors().empty());
    text::SetCurrentEngine(&engine);

    for (const auto& sample : fonts::samples::kParagraphs) {
        const std::string language = sample.language;
        if (language == "en") continue;  // en is covered by the unit tests; goldens hold the other scripts
        DYNAMIC_SECTION("golden " << language) {
            const text::Style heading{.size_px = 22.0f, .weight = text::Weight::Bold,
                                      .color = IM_COL32(0, 0, 0, 255), .language = language};
            const text::Style body{.size_px = 17.0f, .color = IM_COL32(0, 0, 0, 255), .language = language};
            test_support::Image image;
            for (int frame = 0; frame < 2; ++frame) {  // the second frame draws from the caches
                (*renderer)->BeginFrame();
                ImGui::SetCursorPos(ImVec2(10, 8));
                text::Paragraph(sample.heading, heading, kWidth - 20.0f);  // right-aligned for ar
                ImGui::SetCursorPosX(10);
                text::Paragraph(sample.body, body, kWidth - 20.0f);
                image = (*renderer)->EndFrame(kBackground);
            }
            const int ink = InkPixels(image, 0, kWidth);
            INFO("ink pixels: " << ink);
            CHECK(ink > 2000);  // text is there, not a blank frame
            if (language == "ar") {
                // Right-aligned: the rightmost strip has ink, like the leftmost for lv.
                CHECK(InkPixels(image, kWidth - 40, kWidth - 10) > 100);
            } else {
                CHECK(InkPixels(image, 10, 40) > 100);
            }
            const std::string golden = std::string(KIOSK_SOURCE_DIR) + "/tests/fonts/golden/paragraph_" + language + ".png";
            const base::Status match = test_support::MatchGolden(image, golden, test_support::Tolerance{});
            INFO((match.ok() ? std::string() : match.error().message));
            CHECK(match.ok());
        }
    }
    CHECK(engine.atlas_texture_id() != nullptr);
    text::SetCurrentEngine(nullptr);
}

TEST_CASE("an atlas that grows in the middle of a frame draws the same image", "[fonts][golden]") {
    auto renderer = test_support::OffscreenRenderer::Create(kWidth, kHeight);
    REQUIRE(renderer.ok());
    text::TextEngineConfig config;
    config.atlas_initial_size = 64;  // far too small: it must grow (new GL textures) mid-draw
    text::TextEngine engine(config);
    text::SetCurrentEngine(&engine);
    const auto& sample = fonts::samples::kParagraphs[0];
    REQUIRE(std::string(sample.language) == "lv");
    const text::Style heading{.size_px = 22.0f, .weight = text::Weight::Bold, .color = IM_COL32(0, 0, 0, 255),
                              .language = "lv"};
    const text::Style body{.size_px = 17.0f, .color = IM_COL32(0, 0, 0, 255), .language = "lv"};
    (*renderer)->BeginFrame();
    ImGui::SetCursorPos(ImVec2(10, 8));
    text::Paragraph(sample.heading, heading, kWidth - 20.0f);
    ImGui::SetCursorPosX(10);
    text::Paragraph(sample.body, body, kWidth - 20.0f);
    const test_support::Image image = (*renderer)->EndFrame(kBackground);
    CHECK(engine.counters().atlas_grows >= 2);
    const base::Status match = test_support::MatchGolden(
        image, std::string(KIOSK_SOURCE_DIR) + "/tests/fonts/golden/paragraph_lv.png", test_support::Tolerance{});
    INFO((match.ok() ? std::string() : match.error().message));
    CHECK(match.ok());
    text::SetCurrentEngine(nullptr);
}
