// The ImGui font for input widgets: FreeType-built, covering Latvian, Ukrainian, punctuation.
#include <catch2/catch_test_macros.hpp>

#include "imgui.h"
#include "imgui_freetype.h"
#include "tests/fonts/test_helpers.h"

TEST_CASE("the ImGui input font covers Latin Extended-A, Cyrillic and punctuation", "[fonts][imgui]") {
    ImFontAtlas atlas;
    auto font = text::BuildImGuiInputFont(&atlas, fonts::FontSetConfig{}, 22.0f);
    REQUIRE(font.ok());
    CHECK(atlas.FontBuilderIO == ImGuiFreeType::GetBuilderForFreeType());
    REQUIRE(atlas.Build());
    ImFont* f = *font;
    for (ImWchar c : {u'ā', u'č', u'ē', u'ģ', u'ī', u'ķ', u'ļ', u'ņ', u'š', u'ū', u'ž', u'Ž', u'і', u'ї', u'є', u'ґ', u'Ґ',
                      u'ё', u'Щ', u'—', u'–', u'„', u'“', u'…', u'€', u'№', u'«', u'»'}) {
        INFO("U+" << std::hex << static_cast<int>(c));
        CHECK(f->FindGlyphNoFallback(c) != nullptr);
    }
    CHECK(f->FontSize == 22.0f);
}

TEST_CASE("the ImGui input font falls back and reports missing files", "[fonts][imgui]") {
    fonts::FontSetConfig config;
    config.families[0].regular_path = "/nonexistent/NotoSans-Regular.ttf";
    ImFontAtlas atlas;
    auto font = text::BuildImGuiInputFont(&atlas, config, 18.0f);
    REQUIRE(font.ok());  // DejaVu Sans covers the same ranges (Noto Sans Arabic does not)
    REQUIRE(atlas.Build());
    CHECK((*font)->FindGlyphNoFallback(u'ґ') != nullptr);

    fonts::FontSetConfig none;
    none.families = {{"/nonexistent/a.ttf", "/nonexistent/b.ttf", "fonts-noto-core"}};
    ImFontAtlas empty;
    auto missing = text::BuildImGuiInputFont(&empty, none, 18.0f);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "font_missing");
    CHECK(missing.error().message.find("/nonexistent/a.ttf") != std::string::npos);
    CHECK(missing.error().message.find("fonts-noto-core") != std::string::npos);
}
