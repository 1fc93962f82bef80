// Line breaking (ICU line break iterator), alignment, max lines and ellipsis.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>

#include "tests/fonts/test_helpers.h"

using fonts_test::CpuEngine;
using fonts_test::Joined;
using fonts_test::LineTexts;

namespace {

float Width(const std::string& s, const text::Style& style) { return CpuEngine().Layout(s, style)->width; }

std::vector<std::string> Lines(const std::string& s, const text::Style& style, float wrap) {
    return LineTexts(*CpuEngine().Layout(s, style, wrap));
}

// Wraps so that `fits` (a prefix of the text) just fits on the first line.
std::vector<std::string> LinesFitting(const std::string& s, const std::string& fits, const text::Style& style) {
    return Lines(s, style, Width(fits, style) + 1.0f);
}

// Width of the widest space-separated piece: narrower wraps must break inside words.
float WidestWord(const std::string& s, const text::Style& style) {
    float widest = 0.0f;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        widest = std::max(widest, Width(s.substr(start, end - start), style));
        start = end + 1;
    }
    return widest + 1.0f;
}

bool StartsWithAny(const std::string& line, std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes) {
        if (line.rfind(p, 0) == 0) return true;
    }
    return false;
}

const text::Style kEn{.size_px = 20.0f, .language = "en"};
const text::Style kLv{.size_px = 20.0f, .language = "lv"};
const text::Style kRu{.size_px = 20.0f, .language = "ru"};
const text::Style kUk{.size_px = 20.0f, .language = "uk"};
const text::Style kArStyle{.size_px = 20.0f, .language = "ar"};

}  // namespace

TEST_CASE("line breaks: English", "[fonts][linebreak]") {
    using V = std::vector<std::string>;
    CHECK(LinesFitting("The quick brown fox jumps", "The quick brown", kEn) == V{"The quick brown", "fox jumps"});
    // After a hyphen.
    CHECK(LinesFitting("a well-kept", "a well-", kEn) == V{"a well-", "kept"});
    // Never inside a decimal number or a time.
    CHECK(LinesFitting("costs 3,5 €", "costs 3,", kEn) == V{"costs", "3,5 €"});
    CHECK(LinesFitting("opens at 12:30", "opens at 12:", kEn) == V{"opens at", "12:30"});
    // A closing parenthesis never starts a line.
    CHECK(LinesFitting("see (the note) here", "see (the note", kEn) == V{"see (the", "note) here"});
    // Trailing spaces hang: they neither count nor show.
    auto layout = CpuEngine().Layout("one   two", kEn, Width("one", kEn) + 1.0f);
    REQUIRE(LineTexts(*layout) == V{"one", "two"});
    CHECK(layout->lines[0].width == Catch::Approx(Width("one", kEn)));
}

TEST_CASE("line breaks: Latvian", "[fonts][linebreak]") {
    using V = std::vector<std::string>;
    CHECK(LinesFitting("Rīga-Ogre", "Rīga-", kLv) == V{"Rīga-", "Ogre"});
    CHECK(LinesFitting("maksā 3,50 €", "maksā 3,5", kLv) == V{"maksā", "3,50 €"});
    CHECK(LinesFitting("sākums 12:30", "sākums 12:3", kLv) == V{"sākums", "12:30"});
    const auto comma = LinesFitting("ātri, lēti un ērti", "ātri, lē", kLv);
    CHECK(comma.front() == "ātri,");
    for (const auto& line : comma) CHECK_FALSE(StartsWithAny(line, {",", "."}));
}

TEST_CASE("soft hyphen is invisible unless the line breaks there", "[fonts][linebreak]") {
    auto& engine = CpuEngine();
    const uint32_t hyphen = fonts_test::LookUpGlyph(fonts_test::kNotoRegular, U'-').glyph_id;
    const std::string word = "Ne\u00ADat\u00ADka\u00ADrī\u00ADba";

    auto unbroken = engine.Layout(word, kLv);
    REQUIRE(unbroken->lines.size() == 1);
    CHECK(unbroken->width == Catch::Approx(Width("Neatkarība", kLv)).margin(0.5));
    for (const auto& g : unbroken->glyphs) CHECK((g.glyph_id != hyphen || g.advance == 0.0f));

    const float wrap = Width("Neatka-", kLv) + 1.0f;
    auto broken = engine.Layout(word, kLv, wrap);
    REQUIRE(broken->lines.size() == 2);
    const auto& first = broken->lines[0];
    CHECK(fonts_test::LineTexts(*broken)[0] == "Ne\u00ADat\u00ADka\u00AD");
    CHECK(fonts_test::LineTexts(*broken)[1] == "rī\u00ADba");
    CHECK(broken->glyphs[first.first_glyph + first.glyph_count - 1].glyph_id == hyphen);
    CHECK(first.width <= wrap);
    CHECK(first.width == Catch::Approx(Width("Neatka-", kLv)).margin(0.5));
}

TEST_CASE("line breaks: Russian and Ukrainian", "[fonts][linebreak]") {
    using V = std::vector<std::string>;
    CHECK(LinesFitting("Запись до 12:30", "Запись до 12:", kRu) == V{"Запись до", "12:30"});
    CHECK(LinesFitting("цена 3,5 €", "цена 3,", kRu) == V{"цена", "3,5 €"});
    CHECK(LinesFitting("северо-запад", "северо-", kRu) == V{"северо-", "запад"});
    // No line may start with a closing guillemet, whatever the width.
    const std::string quoted = "Он сказал «Ту» и «Там», потом ушёл.";
    for (float wrap = WidestWord(quoted, kRu); wrap < Width(quoted, kRu); wrap += 3.0f) {
        for (const auto& line : Lines(quoted, kRu, wrap)) {
            INFO(Joined(Lines(quoted, kRu, wrap)));
            CHECK_FALSE(StartsWithAny(line, {"»", ",", "."}));
        }
    }
    CHECK(LinesFitting("свіжа м'ята", "свіжа м'", kUk) == V{"свіжа", "м'ята"});
}

TEST_CASE("line breaks: Arabic", "[fonts][linebreak]") {
    using V = std::vector<std::string>;
    const float wrap = Width("مرحبا بكم", kArStyle) + 1.0f;
    auto layout = CpuEngine().Layout("مرحبا بكم في المركز", kArStyle, wrap);
    REQUIRE(LineTexts(*layout) == V{"مرحبا بكم", "في المركز"});
    for (const auto& line : layout->lines) {
        CHECK(line.rtl);
        CHECK(line.x + line.width == Catch::Approx(wrap).margin(0.01));  // right-aligned
    }
    // A phone number is never split.
    const auto phone = LinesFitting("اتصل على 67210000 الآن", "اتصل على 6721", kArStyle);
    REQUIRE(phone.size() >= 2);
    CHECK(phone[1].rfind("67210000", 0) == 0);
    // The Arabic comma stays with its word.
    const std::string commas = "نعم، شكرا، مع السلامة";
    for (float w = WidestWord(commas, kArStyle); w < Width(commas, kArStyle); w += 2.0f) {
        for (const auto& line : Lines(commas, kArStyle, w)) CHECK_FALSE(StartsWithAny(line, {"،"}));
    }
}

TEST_CASE("a word wider than the line breaks between graphemes", "[fonts][linebreak]") {
    const std::string word = "Neatkarībasatjaunošana";
    const float wrap = Width("Neatkar", kLv) + 1.0f;
    auto layout = CpuEngine().Layout(word, kLv, wrap);
    REQUIRE(layout->lines.size() >= 3);
    std::string joined;
    for (size_t i = 0; i < layout->lines.size(); ++i) {
        CHECK(layout->lines[i].width <= wrap);
        joined += LineTexts(*layout)[i];
    }
    CHECK(joined == word);
}

TEST_CASE("even forced breaks keep closing punctuation with its word", "[fonts][linebreak]") {
    // "«Там»," is wider than the line: it must break inside, but not before "»" or ",".
    const std::string text = "«Там»,";
    for (float wrap = Width("м»,", kRu) + 1.0f; wrap < Width(text, kRu); wrap += 1.0f) {
        const auto lines = Lines(text, kRu, wrap);
        INFO(Joined(lines));
        for (const auto& line : lines) CHECK_FALSE(StartsWithAny(line, {"»", ","}));
    }
}

TEST_CASE("newlines start paragraphs; empty ones keep their height", "[fonts][linebreak]") {
    auto layout = CpuEngine().Layout("a\n\nb\r\nc", kEn);
    CHECK(LineTexts(*layout) == std::vector<std::string>{"a", "", "b", "c"});
    CHECK(layout->height == Catch::Approx(4 * layout->line_height));
    CHECK(layout->lines[3].baseline == Catch::Approx(layout->lines[0].baseline + 3 * layout->line_height));
}

TEST_CASE("max lines cuts with an ellipsis", "[fonts][linebreak]") {
    const uint32_t ellipsis = fonts_test::LookUpGlyph(fonts_test::kNotoRegular, 0x2026).glyph_id;
    text::Style style = kLv;
    style.max_lines = 2;
    const std::string long_text =
        "Pieteikšanās konsultācijām notiek elektroniski, pa tālruni vai klātienē centra informācijas punktā.";
    const float wrap = 200.0f;
    auto layout = CpuEngine().Layout(long_text, style, wrap);
    REQUIRE(layout->lines.size() == 2);
    CHECK(layout->truncated);
    const auto& last = layout->lines[1];
    CHECK(last.ellipsized);
    CHECK(last.width <= wrap);
    CHECK(layout->glyphs[last.first_glyph + last.glyph_count - 1].glyph_id == ellipsis);
    // Enough room: nothing is cut.
    style.max_lines = 20;
    auto whole = CpuEngine().Layout(long_text, style, wrap);
    CHECK_FALSE(whole->truncated);
    CHECK(whole->lines.size() > 2);
    // Without wrapping, max_lines counts paragraphs.
    style.max_lines = 1;
    auto first = CpuEngine().Layout("pirmā rinda\notrā rinda", style);
    REQUIRE(first->lines.size() == 1);
    CHECK(first->truncated);
    // Right to left: the ellipsis is at the left end of the line.
    text::Style ar = kArStyle;
    ar.max_lines = 1;
    auto arabic = CpuEngine().Layout("مرحبا بكم في المركز الجديد للاندماج", ar, Width("مرحبا بكم في", kArStyle));
    REQUIRE(arabic->lines.size() == 1);
    CHECK(arabic->lines[0].ellipsized);
    const auto& g0 = arabic->glyphs[arabic->lines[0].first_glyph];
    // Noto Sans Arabic has no "…": it comes from the next face that has it.
    REQUIRE(fonts_test::LookUpGlyph(fonts_test::kNotoArabic, 0x2026).glyph_id == 0);
    CHECK(CpuEngine().FaceName(g0.face) == "Noto Sans");
    CHECK(g0.glyph_id == ellipsis);
}

TEST_CASE("alignment: left, right, centre, and start by direction", "[fonts][linebreak]") {
    const float wrap = 400.0f;
    text::Style style = kEn;
    style.align = text::Align::Left;
    CHECK(CpuEngine().Layout("centre", style, wrap)->lines[0].x == 0.0f);
    style.align = text::Align::Right;
    auto right = CpuEngine().Layout("centre", style, wrap);
    CHECK(right->lines[0].x + right->lines[0].width == Catch::Approx(wrap));
    CHECK(right->glyphs[0].x == Catch::Approx(right->lines[0].x));
    style.align = text::Align::Center;
    auto centre = CpuEngine().Layout("centre", style, wrap);
    CHECK(centre->lines[0].x == Catch::Approx((wrap - centre->lines[0].width) / 2));
    style.align = text::Align::Start;
    CHECK(CpuEngine().Layout("centre", style, wrap)->lines[0].x == 0.0f);
    auto arabic = CpuEngine().Layout("مرحبا", style, wrap);  // Start = right for RTL
    CHECK(arabic->lines[0].x + arabic->lines[0].width == Catch::Approx(wrap));
    style.align = text::Align::End;
    CHECK(CpuEngine().Layout("مرحبا", style, wrap)->lines[0].x == 0.0f);
}

TEST_CASE("wrapped sample paragraphs keep every character and respect the width", "[fonts][linebreak]") {
    const std::pair<const char*, const char*> samples[] = {
        {"lv", "Integrācijas centrs palīdz jaunajiem iedzīvotājiem: valodas kursi (bez maksas), konsultācijas; "
               "darba meklēšana! Pieteikšanās līdz 12:30, maksa 3,50 €."},
        {"ru", "Центр интеграции помогает: курсы (бесплатно), консультации; поиск работы! Запись до 12:30."},
        {"en", "The centre helps newcomers: courses (free), advice; job search! Registration until 12:30."},
        {"ar", "يساعد مركز الاندماج القادمين الجدد، في دورات اللغة (مجانا)؛ والبحث عن عمل!"},
    };
    for (const auto& [language, body] : samples) {
        text::Style style{.size_px = 18.0f, .language = language};
        const std::string text = body;
        std::string no_spaces;
        for (char c : text) if (c != ' ') no_spaces += c;
        for (float wrap = 120.0f; wrap <= 600.0f; wrap += 37.0f) {
            auto layout = CpuEngine().Layout(text, style, wrap);
            std::string rebuilt;
            for (size_t i = 0; i < layout->lines.size(); ++i) {
                const std::string line = LineTexts(*layout)[i];
                INFO(language << " wrap " << wrap << ": " << Joined(LineTexts(*layout)));
                CHECK(layout->lines[i].width <= wrap + 0.01f);
                CHECK_FALSE(StartsWithAny(line, {")", ".", ",", ";", ":", "!", "،", "؛", " "}));
                for (char c : line) if (c != ' ') rebuilt += c;
            }
            CHECK(rebuilt == no_spaces);
        }
    }
}
