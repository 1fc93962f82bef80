// Phone numbers, times, e-mail addresses and URLs inside right-to-left text read left to
// right as one unit (fonts/ltr_spans.h), and a phone number that fits is not split.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <unicode/unistr.h>

#include "fonts/ltr_spans.h"
#include "tests/fonts/test_helpers.h"

using fonts_test::CpuEngine;
using fonts_test::Joined;
using fonts_test::LineTexts;

namespace {

const text::Style kAr{.size_px = 20.0f, .language = "ar"};

size_t Utf8Length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// The characters of text[begin, end) in the order their glyphs appear, left to right.
std::string VisualSpelling(const text::TextLayout& layout, size_t begin, size_t end) {
    std::vector<const text::PlacedGlyph*> glyphs;
    for (const auto& g : layout.glyphs) {
        if (g.cluster >= begin && g.cluster < end) glyphs.push_back(&g);
    }
    std::stable_sort(glyphs.begin(), glyphs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::string out;
    for (const auto* g : glyphs) {
        out += layout.text.substr(g->cluster, Utf8Length(static_cast<unsigned char>(layout.text[g->cluster])));
    }
    return out;
}

std::string VisualSpelling(const text::TextLayout& layout, const std::string& piece) {
    const size_t at = layout.text.find(piece);
    REQUIRE(at != std::string::npos);
    return VisualSpelling(layout, at, at + piece.size());
}

// Leftmost and rightmost pen x of the glyphs of text[begin, end).
std::pair<float, float> Extent(const text::TextLayout& layout, size_t begin, size_t end) {
    float lo = 1e9f, hi = -1e9f;
    for (const auto& g : layout.glyphs) {
        if (g.cluster >= begin && g.cluster < end) {
            lo = std::min(lo, g.x);
            hi = std::max(hi, g.x + g.advance);
        }
    }
    return {lo, hi};
}

std::pair<float, float> Extent(const text::TextLayout& layout, const std::string& piece, size_t from = 0) {
    const size_t at = layout.text.find(piece, from);
    REQUIRE(at != std::string::npos);
    return Extent(layout, at, at + piece.size());
}

struct Found {
    std::string text;
    fonts::LtrSpanKind kind;
    bool operator==(const Found&) const = default;
};

std::vector<Found> Spans(const std::string& utf8) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::vector<Found> found;
    for (const fonts::LtrSpan& span : fonts::FindLtrSpans(u.getBuffer(), u.length())) {
        std::string piece;
        u.tempSubStringBetween(span.start, span.end).toUTF8String(piece);
        found.push_back({piece, span.kind});
    }
    return found;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Found> {
    static std::string convert(const Found& f) { return "{" + f.text + ", " + std::to_string(static_cast<int>(f.kind)) + "}"; }
};
}  // namespace Catch

TEST_CASE("phone numbers, times, e-mails and URLs are found as LTR spans", "[fonts][bidi]") {
    using K = fonts::LtrSpanKind;
    using V = std::vector<Found>;
    CHECK(Spans("اتصل بنا على الرقم +371 6721 0000 من الساعة 9 إلى 17") == V{{"+371 6721 0000", K::Phone}});
    CHECK(Spans("tālr. (+371) 67-210-000.") == V{{"(+371) 67-210-000", K::Phone}});
    CHECK(Spans("+1 (555) 123.4567, 67 21 00 00") == V{{"+1 (555) 123.4567", K::Phone}, {"67 21 00 00", K::Phone}});
    CHECK(Spans("+37167210000") == V{{"+37167210000", K::Phone}});
    CHECK(Spans("الرقم +٣٧١ ٦٧٢١ ٠٠٠٠") == V{{"+٣٧١ ٦٧٢١ ٠٠٠٠", K::Phone}});  // Arabic-Indic digits
    CHECK(Spans("9:00–17:00, 9:00 - 17:00; 9–17, 2023–2024") ==
          V{{"9:00–17:00", K::TimeRange}, {"9:00 - 17:00", K::TimeRange}, {"9–17", K::TimeRange}, {"2023–2024", K::TimeRange}});
    CHECK(Spans("info@example.lv, (www.integration.lv) https://kiosk.lv/ar/?id=5. kiosk.lv/lv") ==
          V{{"info@example.lv", K::Email}, {"www.integration.lv", K::Url}, {"https://kiosk.lv/ar/?id=5", K::Url},
            {"kiosk.lv/lv", K::Url}});

    // Not spans: a single number (UBA already keeps it whole), too few digits, decimals,
    // numbers glued to words, abbreviations, arithmetic-looking hyphens, two spaces.
    for (const char* plain : {"67210000", "12:30", "3,50 €", "1 234", "12.345.678,90", "ID12 345 678", "e.g. U.S.A",
                              "9-17", "5 - 3", "6721  0000", "a@b", "user@localhost", "+", "()", ""}) {
        INFO(plain);
        CHECK(Spans(plain).empty());
    }
}

TEST_CASE("a phone number inside Arabic reads left to right with the plus first", "[fonts][bidi]") {
    const std::string text = "اتصل بنا على الرقم +371 6721 0000 من الساعة 9 إلى 17";
    auto layout = CpuEngine().Layout(text, kAr);
    REQUIRE(layout->lines.size() == 1);
    CHECK(layout->lines[0].rtl);
    CHECK(layout->text == text);  // the isolates never reach the layout's text
    CHECK(VisualSpelling(*layout, "+371 6721 0000") == "+371 6721 0000");

    const auto plus = Extent(*layout, "+");
    const auto country = Extent(*layout, "+371");
    const auto middle = Extent(*layout, "6721");
    const auto last = Extent(*layout, "0000");
    CHECK(country.second <= middle.first);
    CHECK(middle.second <= last.first);
    CHECK(plus.first == Catch::Approx(country.first));
    CHECK(plus.second <= Extent(*layout, "371").first + 0.01f);
    // One glyph per character of the number: the isolates add none.
    const size_t at = text.find("+371");
    int number_glyphs = 0;
    for (const auto& g : layout->glyphs) number_glyphs += g.cluster >= at && g.cluster < at + 14;
    CHECK(number_glyphs == 14);
    // The number as a whole sits where UBA puts a neutral between Arabic words: left of
    // "الرقم" (which precedes it), right of "من" (which follows it).
    CHECK(last.second <= Extent(*layout, "الرقم").first + 0.01f);
    CHECK(country.first >= Extent(*layout, "من").second - 0.01f);
    // Hours 9 and 17 are separate numbers between Arabic words: plain UBA, 17 left of 9.
    CHECK(Extent(*layout, "17").second < Extent(*layout, "9", text.find("الساعة")).first);
}

TEST_CASE("e-mail addresses, URLs and time ranges inside Arabic keep their logical order", "[fonts][bidi]") {
    const std::string text = "راسلنا على info@example.lv أو زر www.integration.lv أو https://www.integration.lv/ar/ "
                             "من 9:00–17:00 يوميا";
    auto layout = CpuEngine().Layout(text, kAr);
    REQUIRE(layout->lines.size() == 1);
    CHECK(layout->lines[0].rtl);
    CHECK(VisualSpelling(*layout, "info@example.lv") == "info@example.lv");
    CHECK(VisualSpelling(*layout, "www.integration.lv") == "www.integration.lv");
    CHECK(VisualSpelling(*layout, "https://www.integration.lv/ar/") == "https://www.integration.lv/ar/");
    CHECK(VisualSpelling(*layout, "9:00–17:00") == "9:00–17:00");
    // Logical order right to left: e-mail rightmost, then the two URLs, then the hours.
    CHECK(Extent(*layout, "info@").first > Extent(*layout, "www.integration.lv ").second);
    CHECK(Extent(*layout, "www.integration.lv ").first > Extent(*layout, "https://").second);
    CHECK(Extent(*layout, "https://").first > Extent(*layout, "9:00").second);

    // Cluster offsets still point at their characters in the NFC text, line ranges too.
    for (const auto& g : layout->glyphs) {
        REQUIRE(g.cluster < layout->text.size());
        CHECK((static_cast<unsigned char>(layout->text[g.cluster]) & 0xC0) != 0x80);
    }
    CHECK(layout->lines[0].text_begin == 0);
    CHECK(layout->lines[0].text_end == text.size());
}

TEST_CASE("left-to-right paragraphs are unchanged by span detection", "[fonts][bidi]") {
    // No right-to-left character: no isolates, one shaping run per face as before.
    const std::string text = "Zvaniet +371 6721 0000 vai rakstiet info@example.lv";
    auto layout = CpuEngine().Layout(text, text::Style{.size_px = 20.0f, .language = "lv"});
    CHECK_FALSE(layout->lines[0].rtl);
    std::vector<uint32_t> clusters;
    for (const auto& g : layout->glyphs) clusters.push_back(g.cluster);
    CHECK(std::is_sorted(clusters.begin(), clusters.end()));
    // An Arabic name in an English sentence with a number after it: the number no longer
    // joins the Arabic run (UBA would make it an Arabic number after an Arabic letter).
    const std::string mixed = "Call محمد +371 6721 0000 today";
    auto mixed_layout = CpuEngine().Layout(mixed, text::Style{.size_px = 20.0f});
    CHECK_FALSE(mixed_layout->lines[0].rtl);
    CHECK(VisualSpelling(*mixed_layout, "+371 6721 0000") == "+371 6721 0000");
    CHECK(Extent(*mixed_layout, "+371").first > Extent(*mixed_layout, "محمد").second - 0.01f);
}

TEST_CASE("a phone number is not split across lines when it fits on one", "[fonts][bidi][linebreak]") {
    const std::string number = "+371 6721 0000";
    const float number_width = CpuEngine().Layout(number, kAr)->width;
    for (const std::string text : {"اتصل بنا على الرقم +371 6721 0000 من الساعة 9 إلى 17",
                                   "Zvaniet mums pa tālruni +371 6721 0000 darba dienās"}) {
        const text::Style style{.size_px = 20.0f, .language = text.front() == 'Z' ? "lv" : "ar"};
        const float full = CpuEngine().Layout(text, style)->width;
        // Measured inside the sentence: the digits take the face of the text around them.
        const float inner = Extent(*CpuEngine().Layout(text, style), number).second -
                            Extent(*CpuEngine().Layout(text, style), number).first;
        int wraps = 0;
        for (float wrap = inner + 1.0f; wrap < full; wrap += 7.0f) {
            auto layout = CpuEngine().Layout(text, style, wrap);
            const auto lines = LineTexts(*layout);
            INFO("wrap " << wrap << ": " << Joined(lines));
            bool whole = false;
            for (const std::string& line : lines) {
                const bool has_part = line.find("6721") != std::string::npos || line.find("371") != std::string::npos ||
                                      line.find("0000") != std::string::npos;
                if (has_part) {
                    CHECK(line.find(number) != std::string::npos);
                    whole = whole || line.find(number) != std::string::npos;
                }
                CHECK(layout->lines[&line - lines.data()].width <= wrap + 0.01f);
            }
            CHECK(whole);
            wraps += lines.size() > 1;
        }
        CHECK(wraps > 5);
    }

    SECTION("a number wider than the line still breaks, losing nothing") {
        const float wrap = CpuEngine().Layout("+371 6721", kAr)->width + 1.0f;
        REQUIRE(wrap < number_width);
        auto layout = CpuEngine().Layout("الرقم +371 6721 0000 الآن", kAr, wrap);
        const auto lines = LineTexts(*layout);
        INFO(Joined(lines));
        std::string joined;
        for (const auto& line : lines) joined += line + " ";
        CHECK(joined.find("+371 6721 ") != std::string::npos);
        CHECK(joined.find("0000") != std::string::npos);
        for (const auto& line : lines) CHECK(line.find(number) == std::string::npos);  // it did break
        for (const auto& line : layout->lines) CHECK(line.width <= wrap + 0.01f);
    }
}

TEST_CASE("random mixed text keeps every character and valid clusters", "[fonts][bidi]") {
    // Pieces chosen to make many spans and near-spans next to Arabic and Latin words, with
    // isolates ending at line ends, paragraph ends and next to each other. No lam (no
    // lam-alef ligature), so every non-space character has a glyph of its own.
    const char* pieces[] = {"+", "371", "6721", "0000", " ", " ", " ", "(", ")", "-", ".", "9:00", "–", "17:00",
                            "info@kiosk.lv", "www.kiosk.lv", "https://kiosk.lv/ar/", "بيت", "مركز", "Rīga", "٣٧١",
                            "،", "\n", "\u2067", "\u2069"};
    uint32_t seed = 12345;
    auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int count = 1 + static_cast<int>(next() % 40);
        for (int i = 0; i < count; ++i) text += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
        const float wrap = (round % 3 == 0) ? 0.0f : 40.0f + static_cast<float>(next() % 400);
        auto layout = CpuEngine().Layout(text, kAr, wrap);
        INFO("round " << round << " wrap " << wrap << ": " << text);
        REQUIRE(layout->text == text);
        std::vector<bool> seen(text.size(), false);
        for (const auto& line : layout->lines) {
            REQUIRE(line.text_begin <= line.text_end);
            REQUIRE(line.text_end <= text.size());
            for (uint32_t g = line.first_glyph; g < line.first_glyph + line.glyph_count; ++g) {
                const uint32_t cluster = layout->glyphs[g].cluster;
                REQUIRE(cluster < text.size());
                CHECK((static_cast<unsigned char>(text[cluster]) & 0xC0) != 0x80);
                CHECK(cluster >= line.text_begin);
                CHECK(cluster < line.text_end);
                seen[cluster] = true;
            }
            if (wrap > 0.0f) CHECK(line.width <= std::max(wrap, 0.0f) + layout->size_px * 2);
        }
        // Every visible character is drawn (spaces may hang at line ends; controls and
        // the isolate marks in the input are invisible).
        for (size_t i = 0; i < text.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n') continue;
            if (text.compare(i, 3, "\u2067") == 0 || text.compare(i, 3, "\u2069") == 0) continue;
            INFO("byte " << i);
            CHECK(seen[i]);
        }
    }
}
