// Shaping, bidi, NFC and font fallback of the text engine.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "tests/fonts/test_helpers.h"

using fonts_test::CpuEngine;
using fonts_test::LookUpGlyph;

namespace {
// At 1000 px an advance in pixels equals the advance in font units (Noto's em is 1000).
text::Style Em1000() { return text::Style{.size_px = 1000.0f}; }
}  // namespace

TEST_CASE("default fonts load without errors", "[fonts][shaping]") {
    auto& engine = CpuEngine();
    INFO((engine.font_errors().empty() ? std::string() : engine.font_errors()[0].ToString()));
    REQUIRE(engine.font_errors().empty());
    REQUIRE(engine.face_count() == 6);
    CHECK(engine.FaceName(0) == "Noto Sans");
    CHECK(engine.FaceName(1) == "Noto Sans Bold");
}

TEST_CASE("glyph ids and advances of known strings", "[fonts][shaping]") {
    auto layout = CpuEngine().Layout("ATу", Em1000());
    REQUIRE(layout->glyphs.size() == 3);
    // Known values of Noto Sans Regular (fonts-noto-core, Debian 12).
    CHECK(layout->glyphs[0].glyph_id == 36);
    CHECK(CpuEngine().Layout("A", Em1000())->glyphs[0].advance == Catch::Approx(639.0f));
    CHECK(CpuEngine().Layout("у", Em1000())->width == Catch::Approx(510.0f));
    const char32_t codepoints[] = {U'A', U'T', U'у'};
    for (int i = 0; i < 3; ++i) {
        const auto expected = LookUpGlyph(fonts_test::kNotoRegular, codepoints[i]);
        CHECK(layout->glyphs[i].face == 0);
        CHECK(layout->glyphs[i].glyph_id == expected.glyph_id);
        // The last glyph has no right neighbour to kern with: its advance is the font's.
        if (i == 2) CHECK(layout->glyphs[i].advance == Catch::Approx(expected.advance_units));
    }
    CHECK(layout->glyphs[0].cluster == 0);
    CHECK(layout->glyphs[1].cluster == 1);
    CHECK(layout->glyphs[2].cluster == 2);  // "у" is two bytes, starting at byte 2
    CHECK(layout->lines.size() == 1);
}

TEST_CASE("kerned pairs measure narrower than their glyphs", "[fonts][shaping]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 40.0f};
    for (const char* pair : {"AV", "Ту", "To", "VA"}) {
        auto whole = engine.Layout(pair, style);
        // Split the pair into its two characters (UTF-8 aware).
        const std::string s(pair);
        const size_t second_at = (static_cast<unsigned char>(s[0]) < 0x80) ? 1 : 2;
        const float a = engine.Layout(s.substr(0, second_at), style)->width;
        const float b = engine.Layout(s.substr(second_at), style)->width;
        INFO(pair << ": pair " << whole->width << " vs " << a << " + " << b);
        CHECK(whole->width < a + b - 1.0f);
    }
}

TEST_CASE("Arabic takes joined forms and runs right to left", "[fonts][shaping]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 40.0f, .language = "ar"};
    const std::string word = "بيت";  // beh, yeh, teh: initial, medial, final forms
    auto joined = engine.Layout(word, style);
    REQUIRE(joined->glyphs.size() >= 3);
    CHECK(engine.FaceName(joined->glyphs[0].face) == "Noto Sans Arabic");
    REQUIRE(joined->lines.size() == 1);
    CHECK(joined->lines[0].rtl);

    // Right to left: the leftmost glyph is the last letter, clusters fall left to right.
    for (size_t i = 1; i < joined->glyphs.size(); ++i) {
        CHECK(joined->glyphs[i].x > joined->glyphs[i - 1].x);
        CHECK(joined->glyphs[i].cluster <= joined->glyphs[i - 1].cluster);
    }
    REQUIRE(joined->glyphs.size() == 3);
    CHECK(joined->glyphs.front().cluster == word.rfind("ت"));
    CHECK(joined->glyphs.back().cluster == 0);

    // Each joined form differs from the isolated (nominal) form of its letter.
    const char32_t letters[] = {U'ب', U'ي', U'ت'};
    for (int i = 0; i < 3; ++i) {
        const uint32_t isolated = engine.Layout(word.substr(i * 2, 2), style)->glyphs[0].glyph_id;
        CHECK(isolated == LookUpGlyph(fonts_test::kNotoArabic, letters[i]).glyph_id);
        CHECK(joined->glyphs[2 - i].glyph_id != isolated);
    }
}

TEST_CASE("mixed-direction paragraphs follow the bidi algorithm", "[fonts][shaping][bidi]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 30.0f, .language = "ar"};

    SECTION("Latin and digits inside an Arabic sentence") {
        const std::string text = "اتصل على 67210000 الساعة 9";
        auto layout = engine.Layout(text, style);
        REQUIRE(layout->lines.size() == 1);
        CHECK(layout->lines[0].rtl);
        const uint32_t number_at = static_cast<uint32_t>(text.find("67210000"));
        const uint32_t hour_word_at = static_cast<uint32_t>(text.find("الساعة"));
        const uint32_t nine_at = static_cast<uint32_t>(text.rfind("9"));
        float number_min = 1e9f, number_max = -1e9f, first_words_min = 1e9f, hour_max = -1e9f, nine_x = 0;
        std::vector<uint32_t> digit_clusters;
        for (const auto& g : layout->glyphs) {
            if (g.cluster >= number_at && g.cluster < number_at + 8) {
                number_min = std::min(number_min, g.x);
                number_max = std::max(number_max, g.x);
                digit_clusters.push_back(g.cluster);
            } else if (g.cluster < number_at && g.advance > 0 && g.cluster < text.find(" ")) {
                first_words_min = std::min(first_words_min, g.x);
            } else if (g.cluster >= hour_word_at && g.cluster < nine_at - 1) {
                hour_max = std::max(hour_max, g.x);
            } else if (g.cluster == nine_at) {
                nine_x = g.x;
            }
        }
        // The number reads left to right: its digits keep logical order visually.
        REQUIRE(digit_clusters.size() == 8);
        CHECK(std::is_sorted(digit_clusters.begin(), digit_clusters.end()));
        // The first Arabic word is rightmost, then the number, then "الساعة", then "9".
        CHECK(first_words_min > number_max);
        CHECK(number_min > hour_max);
        CHECK(nine_x < hour_max);
    }

    SECTION("Latin words inside Arabic keep their order") {
        const std::string text = "مرحبا ABC 123";
        auto layout = engine.Layout(text, style);
        std::vector<uint32_t> latin;
        float latin_max = -1e9f, arabic_min = 1e9f;
        for (const auto& g : layout->glyphs) {
            if (g.cluster >= text.find("ABC")) {
                latin.push_back(g.cluster);
                latin_max = std::max(latin_max, g.x);
            } else if (g.cluster < text.find(" ")) {
                arabic_min = std::min(arabic_min, g.x);
            }
        }
        CHECK(std::is_sorted(latin.begin(), latin.end()));
        CHECK(latin_max < arabic_min);  // the paragraph is RTL: Arabic starts at the right
        CHECK(layout->lines[0].rtl);
    }

    SECTION("an Arabic phrase inside an English sentence") {
        const std::string text = "Say مرحبا to everyone";
        auto layout = engine.Layout(text, text::Style{.size_px = 30.0f});
        CHECK_FALSE(layout->lines[0].rtl);
        const uint32_t ar = static_cast<uint32_t>(text.find("م"));
        const uint32_t ar_end = static_cast<uint32_t>(text.find(" to"));
        std::vector<uint32_t> arabic;
        for (const auto& g : layout->glyphs) {
            if (g.cluster >= ar && g.cluster < ar_end) arabic.push_back(g.cluster);
        }
        REQUIRE(arabic.size() >= 3);
        CHECK(std::is_sorted(arabic.rbegin(), arabic.rend()));  // reversed inside the LTR line
        CHECK(layout->glyphs.front().cluster == 0);             // "S" stays leftmost
    }
}

TEST_CASE("input is NFC-normalised", "[fonts][shaping][nfc]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 30.0f};
    auto decomposed = engine.Layout("A\xCC\x84", style);  // A + U+0304 combining macron
    auto composed = engine.Layout("\xC4\x80", style);     // U+0100
    REQUIRE(decomposed->glyphs.size() == 1);
    CHECK(decomposed->text == "\xC4\x80");
    CHECK(decomposed->glyphs[0].glyph_id == composed->glyphs[0].glyph_id);
    CHECK(decomposed->glyphs[0].glyph_id == LookUpGlyph(fonts_test::kNotoRegular, 0x0100).glyph_id);
    // Latvian and Cyrillic with combining marks compose too: "ū" and "й".
    CHECK(engine.Layout("u\xCC\x84", style)->text == "ū");
    CHECK(engine.Layout("\xD0\xB8\xCC\x86", style)->text == "й");
}

TEST_CASE("characters the primary font lacks use the fallbacks", "[fonts][shaping][fallback]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 30.0f};
    REQUIRE(LookUpGlyph(fonts_test::kNotoRegular, 0x2603).glyph_id == 0);  // the premise
    auto layout = engine.Layout("a☃b", style);
    REQUIRE(layout->glyphs.size() == 3);
    CHECK(engine.FaceName(layout->glyphs[0].face) == "Noto Sans");
    CHECK(engine.FaceName(layout->glyphs[1].face) == "DejaVu Sans");
    CHECK(layout->glyphs[1].glyph_id == LookUpGlyph(fonts_test::kDejaVu, 0x2603).glyph_id);
    CHECK(engine.FaceName(layout->glyphs[2].face) == "Noto Sans");

    auto bold = engine.Layout("a☃", text::Style{.size_px = 30.0f, .weight = text::Weight::Bold});
    CHECK(engine.FaceName(bold->glyphs[0].face) == "Noto Sans Bold");
    CHECK(engine.FaceName(bold->glyphs[1].face) == "DejaVu Sans Bold");

    // Spaces between Arabic words stay in the Arabic face (one run, not three).
    auto arabic = engine.Layout("مرحبا بكم", style);
    for (const auto& g : arabic->glyphs) CHECK(engine.FaceName(g.face) == "Noto Sans Arabic");
}

TEST_CASE("a character no font has is a visible placeholder", "[fonts][shaping][fallback]") {
    auto& engine = CpuEngine();
    const text::Style style{.size_px = 30.0f};
    auto layout = engine.Layout("x中y", style);  // no configured font has CJK
    REQUIRE(layout->glyphs.size() == 3);
    CHECK(layout->glyphs[1].face == text::PlacedGlyph::kPlaceholderFace);
    CHECK(layout->glyphs[1].advance > 10.0f);
    CHECK(layout->glyphs[2].x > layout->glyphs[1].x + 10.0f);
    const auto missing = engine.MissingCodepoints("Sveiki 中 ☃ мир 中 ا \U0001F996");
    REQUIRE(missing.size() == 2);
    CHECK(missing[0] == 0x4E2D);
    CHECK(missing[1] == 0x1F996);
    // Invalid UTF-8 is shown as U+FFFD, not dropped.
    auto broken = engine.Layout("a\xFF" "b", style);
    CHECK(broken->glyphs.size() == 3);
    CHECK(broken->text == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("missing font files give errors and the engine still works", "[fonts][fallback]") {
    fonts::TextEngineConfig config;
    config.atlas_backend = fonts::AtlasBackend::CpuOnly;
    config.fonts.families[0].regular_path = "/nonexistent/NotoSans-Regular.ttf";
    config.fonts.families[0].bold_path = "/nonexistent/NotoSans-Bold.ttf";
    fonts::TextEngine engine(config);
    REQUIRE(engine.font_errors().size() == 2);
    CHECK(engine.font_errors()[0].code == "font_missing");
    CHECK(engine.font_errors()[0].message.find("/nonexistent/NotoSans-Regular.ttf") != std::string::npos);
    CHECK(engine.font_errors()[0].message.find("fonts-noto-core") != std::string::npos);
    // Latin and Cyrillic now come from DejaVu Sans: still no placeholder.
    auto layout = engine.Layout("Rīga Київ", text::Style{.size_px = 24.0f});
    REQUIRE(layout->glyphs.size() == 9);
    for (const auto& g : layout->glyphs) CHECK(g.face != text::PlacedGlyph::kPlaceholderFace);
    CHECK(engine.FaceName(layout->glyphs[0].face) == "DejaVu Sans");

    SECTION("no fonts at all: every character is a placeholder") {
        fonts::TextEngineConfig none;
        none.atlas_backend = fonts::AtlasBackend::CpuOnly;
        none.fonts.families = {{"/nonexistent/a.ttf", "/nonexistent/b.ttf", "fonts-noto-core"}};
        fonts::TextEngine empty(none);
        CHECK(empty.face_count() == 0);
        CHECK(empty.font_errors().size() == 2);
        auto boxes = empty.Layout("Sveiki", text::Style{.size_px = 20.0f}, 200.0f);
        CHECK(boxes->glyphs.size() == 6);
        CHECK(boxes->width > 50.0f);
        CHECK(boxes->height > 10.0f);
    }
    SECTION("a file that is not a font") {
        fonts::TextEngineConfig bad;
        bad.atlas_backend = fonts::AtlasBackend::CpuOnly;
        bad.fonts.families = {{KIOSK_SOURCE_DIR "/fonts/text.h", "", "fonts-noto-core"},
                              {fonts_test::kDejaVu, "", "fonts-dejavu-core"}};
        fonts::TextEngine engine2(bad);
        REQUIRE(engine2.font_errors().size() == 1);
        CHECK(engine2.font_errors()[0].code == "font_unreadable");
        CHECK(engine2.font_errors()[0].message.find("fonts/text.h") != std::string::npos);
        CHECK(engine2.face_count() == 1);
        CHECK(engine2.Layout("ok", text::Style{})->glyphs.size() == 2);
    }
}
