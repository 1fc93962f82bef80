#include "fonts/layout_builder.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include "base/log.h"
#include "fonts/ltr_spans.h"

namespace fonts {
namespace {

constexpr UChar32 kSoftHyphen = 0x00AD;
constexpr UChar32 kEllipsis = 0x2026;

struct ShapedGlyph {
    uint16_t face = 0;
    uint32_t glyph_id = 0;
    int32_t cluster = 0;     // UTF-16 index in the whole text
    float advance = 0.0f;
    float x_offset = 0.0f;
    float y_offset = 0.0f;
};

// A maximal range of one embedding level, script and face. Glyphs are in visual order.
struct Item {
    int32_t start = 0;
    int32_t end = 0;
    uint8_t level = 0;
    UScriptCode script = USCRIPT_COMMON;
    int face = -1;            // -1: no face has these characters (placeholders)
    std::vector<ShapedGlyph> glyphs;
};

enum class Suffix : uint8_t { None, Hyphen, Ellipsis };

struct LineSpec {
    int32_t start = 0;
    int32_t end = 0;          // visible end: trailing spaces already removed
    Suffix suffix = Suffix::None;
};

bool IsHangingSpace(UChar32 c) { return c == '\t' || (u_charType(c) == U_SPACE_SEPARATOR && c != 0x00A0 && c != 0x202F); }

bool IsMark(UChar32 c) {
    const int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool IsIgnorable(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }

// Characters UAX #14 never lets start a line: closing punctuation, infix separators, "!?".
bool IsClosing(UChar32 c) {
    const int32_t lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS || lb == U_LB_INFIX_NUMERIC ||
           lb == U_LB_EXCLAMATION || (lb == U_LB_QUOTATION && u_charType(c) == U_FINAL_PUNCTUATION);
}

// Everything one Build() call needs, so the paragraph steps below stay free functions.
struct Context {
    FontSet* fonts;
    Counters* counters;
    hb_buffer_t* buffer;
    const NormalizedText* text;
    const UChar* u;
    const Style* style;
    float size;
    float wrap;
    hb_language_t language;
    icu::BreakIterator* line_breaker;
    icu::BreakIterator* char_breaker;
    LineMetrics metrics;
    float line_height;
    int lines_left;
    TextLayout* layout;
    UBiDi* line_bidi;
};

struct Paragraph {
    int32_t start = 0;
    int32_t end = 0;
    UBiDi* bidi = nullptr;
    uint8_t level = 0;
    std::vector<Item> items;
    std::vector<double> prefix;  // prefix[i] = advance of [start, start + i)
    std::vector<LtrSpan> spans;  // paragraph-relative, sorted (see ltr_spans.h)
    // When spans are isolated, bidi runs on bidi_text: the paragraph with LRI/PDI around
    // each span (ICU keeps a pointer to it, so it lives as long as bidi). to_bidi[i] is the
    // bidi_text index of paragraph index i (size length + 1); from_bidi[k] the paragraph
    // index of the first original character at or after bidi_text index k (size + 1).
    // All three are empty when bidi runs on the paragraph itself.
    std::vector<UChar> bidi_text;
    std::vector<int32_t> to_bidi;
    std::vector<int32_t> from_bidi;

    double Width(int32_t a, int32_t b) const { return prefix[b - start] - prefix[a - start]; }
    int32_t ToBidi(int32_t relative) const { return to_bidi.empty() ? relative : to_bidi[relative]; }
    int32_t FromBidi(int32_t bidi_index) const { return from_bidi.empty() ? bidi_index : from_bidi[bidi_index]; }
};

std::vector<ShapedGlyph> ShapeUtf16(Context& ctx, const UChar* context_text, int32_t context_length,
                                    int32_t offset, int32_t length, int face, uint8_t level,
                                    UScriptCode script, int32_t cluster_base, bool bot, bool eot) {
    hb_buffer_t* buf = ctx.buffer;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf16(buf, reinterpret_cast<const uint16_t*>(context_text), context_length,
                        static_cast<unsigned>(offset), length);
    hb_buffer_set_direction(buf, (level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED && script != USCRIPT_INVALID_CODE) {
        hb_buffer_set_script(buf, hb_script_from_string(uscript_getShortName(script), -1));
    }
    hb_buffer_set_language(buf, ctx.language);
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>((bot ? HB_BUFFER_FLAG_BOT : 0) |
                                                            (eot ? HB_BUFFER_FLAG_EOT : 0)));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(ctx.fonts->HbFont(static_cast<uint16_t>(face), ctx.size), buf, nullptr, 0);
    ++ctx.counters->shape_calls;

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    std::vector<ShapedGlyph> glyphs(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs[i].face = static_cast<uint16_t>(face);
        glyphs[i].glyph_id = info[i].codepoint;
        glyphs[i].cluster = cluster_base + static_cast<int32_t>(info[i].cluster);
        glyphs[i].advance = pos[i].x_advance / 64.0f;
        glyphs[i].x_offset = pos[i].x_offset / 64.0f;
        glyphs[i].y_offset = pos[i].y_offset / 64.0f;
    }
    return glyphs;
}

std::vector<ShapedGlyph> PlaceholderGlyphs(Context& ctx, int32_t start, int32_t end, uint8_t level) {
    std::vector<ShapedGlyph> glyphs;
    int32_t i = start;
    while (i < end) {
        const int32_t at = i;
        UChar32 c;
        U16_NEXT(ctx.u, i, end, c);
        if (IsIgnorable(c)) continue;  // invisible by definition, even without a font
        ShapedGlyph g;
        g.face = PlacedGlyph::kPlaceholderFace;
        g.glyph_id = static_cast<uint32_t>(c);
        g.cluster = at;
        g.advance = std::round(LayoutBuilder::kPlaceholderAdvance * ctx.size);
        glyphs.push_back(g);
    }
    if (level & 1) std::reverse(glyphs.begin(), glyphs.end());
    return glyphs;
}

// Splits [para.start, para.end) into items and shapes each one.
void Itemize(Context& ctx, Paragraph& para, const UBiDiLevel* levels) {
    struct Char {
        int32_t index;
        UChar32 c;
        UScriptCode script;
    };
    std::vector<Char> chars;
    for (int32_t i = para.start; i < para.end;) {
        Char ch{i, 0, USCRIPT_COMMON};
        U16_NEXT(ctx.u, i, para.end, ch.c);
        UErrorCode status = U_ZERO_ERROR;
        ch.script = uscript_getScript(ch.c, &status);
        chars.push_back(ch);
    }
    // Common and Inherited characters take the script of the text around them: the
    // preceding real script, or for leading ones the first real script that follows.
    std::vector<UScriptCode> resolved(chars.size(), USCRIPT_COMMON);
    UScriptCode last = USCRIPT_COMMON;
    for (size_t k = 0; k < chars.size(); ++k) {
        if (chars[k].script != USCRIPT_COMMON && chars[k].script != USCRIPT_INHERITED) last = chars[k].script;
        resolved[k] = last;
    }
    for (size_t k = 0; k < chars.size() && resolved[k] == USCRIPT_COMMON; ++k) {
        size_t j = k;
        while (j < chars.size() && resolved[j] == USCRIPT_COMMON) ++j;
        if (j == chars.size()) break;
        for (size_t m = k; m < j; ++m) resolved[m] = resolved[j];
        break;
    }

    const auto& chain = ctx.fonts->Chain(ctx.style->weight);
    int prev_face = -1;
    bool have_prev = false;
    for (size_t k = 0; k < chars.size(); ++k) {
        const UChar32 c = chars[k].c;
        int face;
        if (IsIgnorable(c)) {
            face = have_prev ? prev_face : (chain.empty() ? -1 : chain.front());
        } else if (have_prev && prev_face >= 0 &&
                   (IsMark(c) || chars[k].script == USCRIPT_COMMON || chars[k].script == USCRIPT_INHERITED) &&
                   ctx.fonts->HasGlyph(static_cast<uint16_t>(prev_face), c)) {
            face = prev_face;
        } else {
            face = ctx.fonts->FindFace(c, ctx.style->weight);
        }
        const uint8_t level = levels ? levels[chars[k].index - para.start] : para.level;
        if (para.items.empty() || para.items.back().face != face || para.items.back().level != level ||
            para.items.back().script != resolved[k]) {
            Item item;
            item.start = chars[k].index;
            item.level = level;
            item.script = resolved[k];
            item.face = face;
            para.items.push_back(item);
        }
        const int32_t next = k + 1 < chars.size() ? chars[k + 1].index : para.end;
        para.items.back().end = next;
        prev_face = face;
        have_prev = true;
    }

    para.prefix.assign(static_cast<size_t>(para.end - para.start) + 1, 0.0);
    std::vector<double> advance(static_cast<size_t>(para.end - para.start), 0.0);
    for (Item& item : para.items) {
        if (item.face < 0) {
            item.glyphs = PlaceholderGlyphs(ctx, item.start, item.end, item.level);
        } else {
            item.glyphs = ShapeUtf16(ctx, ctx.u + para.start, para.end - para.start,
                                     item.start - para.start, item.end - item.start, item.face,
                                     item.level, item.script, para.start,
                                     item.start == para.start, item.end == para.end);
        }
        for (const ShapedGlyph& g : item.glyphs) advance[g.cluster - para.start] += g.advance;
    }
    for (size_t i = 0; i < advance.size(); ++i) para.prefix[i + 1] = para.prefix[i] + advance[i];
}

int32_t VisibleEnd(const Context& ctx, int32_t start, int32_t end) {
    while (end > start) {
        int32_t i = end;
        UChar32 c;
        U16_PREV(ctx.u, start, i, c);
        if (!IsHangingSpace(c)) break;
        end = i;
    }
    return end;
}

const Item* ItemAt(const Paragraph& para, int32_t index) {
    for (const Item& item : para.items) {
        if (item.start <= index && index < item.end) return &item;
    }
    return nullptr;
}

// Glyphs for a hyphen or ellipsis appended at a line's logical end, in the face of the
// last character when it has the character (so it matches), else the first face that does.
std::vector<ShapedGlyph> SuffixGlyphs(Context& ctx, const Paragraph& para, int32_t last_index, Suffix suffix) {
    const Item* item = ItemAt(para, last_index);
    const uint8_t level = item ? item->level : para.level;
    std::u16string suffix_text;
    int face = -1;
    auto pick = [&](char32_t c) {
        if (item && item->face >= 0 && ctx.fonts->HasGlyph(static_cast<uint16_t>(item->face), c)) return item->face;
        return ctx.fonts->FindFace(c, ctx.style->weight);
    };
    if (suffix == Suffix::Hyphen) {
        face = pick(U'-');
        suffix_text = u"-";
    } else {
        face = pick(kEllipsis);
        suffix_text = u"\u2026";
        if (face < 0) {
            face = pick(U'.');
            suffix_text = u"...";
        }
    }
    if (face < 0) return {};
    // The suffix is its own tiny text; its glyphs point at the line's last character.
    std::vector<ShapedGlyph> glyphs =
        ShapeUtf16(ctx, reinterpret_cast<const UChar*>(suffix_text.data()),
                   static_cast<int32_t>(suffix_text.size()), 0, static_cast<int32_t>(suffix_text.size()),
                   face, level & 1, USCRIPT_COMMON, 0, true, true);
    for (ShapedGlyph& g : glyphs) g.cluster = last_index;
    return glyphs;
}

double SuffixWidth(Context& ctx, const Paragraph& para, int32_t last_index, Suffix suffix) {
    // Only measured where a line would end, so the extra shaping stays rare.
    double width = 0.0;
    for (const ShapedGlyph& g : SuffixGlyphs(ctx, para, last_index, suffix)) width += g.advance;
    return width;
}

void EmitLine(Context& ctx, const Paragraph& para, const LineSpec& spec) {
    TextLayout& layout = *ctx.layout;
    LayoutLine line;
    line.text_begin = ctx.text->utf8_at[spec.start];
    line.text_end = ctx.text->utf8_at[spec.end];
    line.rtl = (para.level & 1) != 0;
    line.ellipsized = spec.suffix == Suffix::Ellipsis;
    line.first_glyph = static_cast<uint32_t>(layout.glyphs.size());
    const float lead = (ctx.line_height - ctx.metrics.Natural()) * 0.5f;
    line.baseline = static_cast<float>(layout.lines.size()) * ctx.line_height + lead + ctx.metrics.ascender;

    std::vector<ShapedGlyph> visual;
    const int32_t last_index = spec.end > spec.start ? spec.end - 1 : spec.start;
    std::vector<ShapedGlyph> suffix;
    if (spec.suffix != Suffix::None) suffix = SuffixGlyphs(ctx, para, last_index, spec.suffix);
    bool suffix_placed = false;

    if (spec.end > spec.start && para.bidi != nullptr) {
        UErrorCode status = U_ZERO_ERROR;
        // Line bounds in bidi_text: an LRI just before the line's first character stays out,
        // a PDI just after its last one comes in; neither has glyphs, so runs made only of
        // them map to empty ranges below.
        const int32_t line_bidi_start = para.ToBidi(spec.start - para.start);
        ubidi_setLine(para.bidi, line_bidi_start, para.ToBidi(spec.end - para.start), ctx.line_bidi, &status);
        const int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(ctx.line_bidi, &status) : 0;
        for (int32_t r = 0; r < runs && U_SUCCESS(status); ++r) {
            int32_t logical_start = 0, length = 0;
            const UBiDiDirection dir = ubidi_getVisualRun(ctx.line_bidi, r, &logical_start, &length);
            const int32_t a0 = para.start + para.FromBidi(line_bidi_start + logical_start);
            const int32_t b0 = para.start + para.FromBidi(line_bidi_start + logical_start + length);
            if (a0 >= b0) continue;
            std::vector<const Item*> items;
            for (const Item& item : para.items) {
                if (item.end > a0 && item.start < b0) items.push_back(&item);
            }
            if (dir == UBIDI_RTL) std::reverse(items.begin(), items.end());
            for (const Item* item : items) {
                const int32_t a = std::max(item->start, a0);
                const int32_t b = std::min(item->end, b0);
                const bool suffix_here = !suffix.empty() && a <= last_index && last_index < b;
                const bool item_rtl = (item->level & 1) != 0;
                if (suffix_here && item_rtl) {
                    visual.insert(visual.end(), suffix.begin(), suffix.end());
                    suffix_placed = true;
                }
                for (const ShapedGlyph& g : item->glyphs) {
                    if (g.cluster >= a && g.cluster < b) visual.push_back(g);
                }
                if (suffix_here && !item_rtl) {
                    visual.insert(visual.end(), suffix.begin(), suffix.end());
                    suffix_placed = true;
                }
            }
        }
        if (U_FAILURE(status)) base::LogWarn("text_bidi_line_failed", u_errorName(status));
    }
    if (!suffix_placed && !suffix.empty()) {
        if (line.rtl) visual.insert(visual.begin(), suffix.begin(), suffix.end());
        else visual.insert(visual.end(), suffix.begin(), suffix.end());
    }

    float pen = 0.0f;
    for (const ShapedGlyph& g : visual) {
        PlacedGlyph placed;
        placed.face = g.face;
        placed.glyph_id = g.glyph_id;
        placed.x = pen + g.x_offset;
        placed.y = line.baseline - g.y_offset;
        placed.advance = g.advance;
        placed.cluster = ctx.text->utf8_at[g.cluster];
        layout.glyphs.push_back(placed);
        pen += g.advance;
    }
    line.width = pen;
    line.glyph_count = static_cast<uint32_t>(layout.glyphs.size()) - line.first_glyph;
    layout.lines.push_back(line);
}

// Greedy line filling over ICU's break opportunities.
std::vector<LineSpec> BreakLines(Context& ctx, const Paragraph& para) {
    std::vector<LineSpec> specs;
    if (ctx.wrap <= 0.0f || para.end == para.start) {
        specs.push_back({para.start, VisibleEnd(ctx, para.start, para.end), Suffix::None});
        return specs;
    }
    const int32_t base = para.start;
    auto following = [&](int32_t from) {
        int32_t b = ctx.line_breaker->following(from - base);
        return b == icu::BreakIterator::DONE ? para.end : base + b;
    };
    // A phone number, URL or time range that fits on a line is not broken: opportunities
    // inside it are skipped (spans are sorted, and b only grows, so one pass suffices).
    auto next_break = [&](int32_t from) {
        int32_t b = following(from);
        for (const LtrSpan& span : para.spans) {
            const int32_t s0 = base + span.start;
            const int32_t s1 = base + span.end;
            if (b > s0 && b < s1 && para.Width(s0, s1) <= ctx.wrap) b = following(s1 - 1);
        }
        return b;
    };
    auto fitting_width = [&](int32_t a, int32_t b, Suffix* suffix) {
        const int32_t visible = VisibleEnd(ctx, a, b);
        double width = para.Width(a, visible);
        *suffix = Suffix::None;
        if (visible > a && ctx.u[visible - 1] == kSoftHyphen && b < para.end) {
            *suffix = Suffix::Hyphen;
            width += SuffixWidth(ctx, para, visible - 1, Suffix::Hyphen);
        }
        return width;
    };

    int32_t line_start = para.start;
    int32_t cursor = para.start;
    int32_t last_fit = -1;
    Suffix last_fit_suffix = Suffix::None;
    while (line_start < para.end) {
        const int32_t b = next_break(cursor);
        Suffix suffix;
        const double width = fitting_width(line_start, b, &suffix);
        if (width <= ctx.wrap) {
            last_fit = b;
            last_fit_suffix = suffix;
            cursor = b;
            if (b >= para.end) {
                specs.push_back({line_start, VisibleEnd(ctx, line_start, para.end), Suffix::None});
                break;
            }
            continue;
        }
        if (last_fit > line_start) {
            specs.push_back({line_start, VisibleEnd(ctx, line_start, last_fit), last_fit_suffix});
            line_start = cursor = last_fit;
            last_fit = -1;
            continue;
        }
        // One unbreakable piece wider than the line: break it between graphemes.
        int32_t g = line_start;
        for (;;) {
            int32_t next = ctx.char_breaker->following(g - base);
            next = next == icu::BreakIterator::DONE ? para.end : base + next;
            if (next >= b || para.Width(line_start, next) > ctx.wrap) break;
            g = next;
        }
        // Even here, keep closing punctuation off the start of the next line.
        while (g > line_start && g < para.end && IsClosing(ctx.u[g])) {
            const int32_t prev = ctx.char_breaker->preceding(g - base);
            g = prev == icu::BreakIterator::DONE ? line_start : std::max(line_start, base + prev);
        }
        if (g == line_start) {
            const int32_t next = ctx.char_breaker->following(g - base);
            g = next == icu::BreakIterator::DONE ? para.end : base + next;
        }
        specs.push_back({line_start, VisibleEnd(ctx, line_start, g), Suffix::None});
        line_start = cursor = g;
        last_fit = -1;
    }
    return specs;
}

// Shortens a line so that it plus an ellipsis fits the wrap width.
LineSpec Ellipsize(Context& ctx, const Paragraph& para, LineSpec spec) {
    spec.suffix = Suffix::Ellipsis;
    if (ctx.wrap <= 0.0f) return spec;
    const int32_t last = spec.end > spec.start ? spec.end - 1 : spec.start;
    const double ellipsis = SuffixWidth(ctx, para, last, Suffix::Ellipsis);
    int32_t end = spec.end;
    while (end > spec.start && para.Width(spec.start, end) + ellipsis > ctx.wrap) {
        const int32_t prev = ctx.char_breaker->preceding(end - para.start);
        end = prev == icu::BreakIterator::DONE ? spec.start : std::max(spec.start, para.start + prev);
    }
    spec.end = VisibleEnd(ctx, spec.start, end);
    return spec;
}

// Without a right-to-left character (or an explicit embedding that may start one) every
// level stays even and the isolates would change nothing.
bool MayHaveRtl(const UChar* u, int32_t length) {
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(u, i, length, c);
        switch (u_charDirection(c)) {
            case U_RIGHT_TO_LEFT:
            case U_RIGHT_TO_LEFT_ARABIC:
            case U_ARABIC_NUMBER:
            case U_RIGHT_TO_LEFT_EMBEDDING:
            case U_RIGHT_TO_LEFT_OVERRIDE:
            case U_RIGHT_TO_LEFT_ISOLATE:
            case U_FIRST_STRONG_ISOLATE:
                return true;
            default:
                break;
        }
    }
    return false;
}

// Builds para.bidi_text (the paragraph with LRI … PDI around each span) and the index maps.
void IsolateSpans(const UChar* u, int32_t length, Paragraph& para) {
    constexpr UChar kLri = 0x2066;
    constexpr UChar kPdi = 0x2069;
    para.bidi_text.reserve(static_cast<size_t>(length) + 2 * para.spans.size());
    para.to_bidi.resize(static_cast<size_t>(length) + 1);
    para.from_bidi.reserve(static_cast<size_t>(length) + 2 * para.spans.size() + 1);
    size_t next_span = 0;
    bool inside = false;
    for (int32_t i = 0; i <= length; ++i) {
        if (inside && para.spans[next_span].end == i) {
            para.from_bidi.push_back(i);
            para.bidi_text.push_back(kPdi);
            inside = false;
            ++next_span;
        }
        if (!inside && next_span < para.spans.size() && para.spans[next_span].start == i) {
            para.from_bidi.push_back(i);
            para.bidi_text.push_back(kLri);
            inside = true;
        }
        para.to_bidi[i] = static_cast<int32_t>(para.bidi_text.size());
        para.from_bidi.push_back(i);
        if (i < length) para.bidi_text.push_back(u[i]);
    }
}

// Lays out one paragraph; false when max_lines stopped the layout.
bool LayoutParagraph(Context& ctx, int32_t start, int32_t end, bool more_paragraphs) {
    Paragraph para;
    para.start = start;
    para.end = end;
    const int32_t length = end - start;
    UErrorCode status = U_ZERO_ERROR;
    const UBiDiLevel* levels = nullptr;
    std::vector<UBiDiLevel> mapped_levels;
    if (length > 0) {
        para.spans = FindLtrSpans(ctx.u + start, length);
        if (!para.spans.empty() && MayHaveRtl(ctx.u + start, length)) IsolateSpans(ctx.u + start, length, para);
        const UChar* bidi_text = para.bidi_text.empty() ? ctx.u + start : para.bidi_text.data();
        const int32_t bidi_length = para.bidi_text.empty() ? length : static_cast<int32_t>(para.bidi_text.size());
        para.bidi = ubidi_openSized(bidi_length, 0, &status);
        ubidi_setPara(para.bidi, bidi_text, bidi_length, UBIDI_DEFAULT_LTR, nullptr, &status);
        if (U_SUCCESS(status)) {
            para.level = ubidi_getParaLevel(para.bidi);
            levels = ubidi_getLevels(para.bidi, &status);
        }
        if (U_SUCCESS(status) && !para.to_bidi.empty()) {
            mapped_levels.resize(static_cast<size_t>(length));
            for (int32_t i = 0; i < length; ++i) mapped_levels[i] = levels[para.to_bidi[i]];
            levels = mapped_levels.data();
        }
        if (U_FAILURE(status)) {
            // Without bidi the text still shows, left to right.
            base::LogWarn("text_bidi_failed", u_errorName(status));
            if (para.bidi) ubidi_close(para.bidi);
            para.bidi = nullptr;
            levels = nullptr;
            para.level = 0;
            para.bidi_text.clear();
            para.to_bidi.clear();
            para.from_bidi.clear();
        }
    }
    Itemize(ctx, para, levels);

    icu::UnicodeString alias(false, ctx.u + start, length);  // read-only alias, no copy
    ctx.line_breaker->setText(alias);
    ctx.char_breaker->setText(alias);

    std::vector<LineSpec> specs = BreakLines(ctx, para);
    bool go_on = true;
    for (size_t i = 0; i < specs.size(); ++i) {
        const bool more = i + 1 < specs.size() || more_paragraphs;
        if (ctx.lines_left == 1 && more) {
            EmitLine(ctx, para, Ellipsize(ctx, para, specs[i]));
            ctx.layout->truncated = true;
            go_on = false;
            break;
        }
        EmitLine(ctx, para, specs[i]);
        if (ctx.lines_left != INT_MAX) --ctx.lines_left;
    }
    if (para.bidi) ubidi_close(para.bidi);
    return go_on;
}

}  // namespace

LayoutBuilder::LayoutBuilder(FontSet* fonts, Counters* counters)
    : fonts_(fonts), counters_(counters), buffer_(hb_buffer_create()) {}

LayoutBuilder::~LayoutBuilder() { hb_buffer_destroy(buffer_); }

icu::BreakIterator* LayoutBuilder::LineBreaker(const std::string& language) {
    auto& slot = line_breakers_[language];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(icu::BreakIterator::createLineInstance(icu::Locale(language.c_str()), status));
        if (U_FAILURE(status) || !slot) {
            base::LogWarn("text_line_breaker_failed", language);
            status = U_ZERO_ERROR;
            slot.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        }
    }
    return slot.get();
}

icu::BreakIterator* LayoutBuilder::CharBreaker(const std::string& language) {
    auto& slot = char_breakers_[language];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(icu::BreakIterator::createCharacterInstance(icu::Locale(language.c_str()), status));
        if (U_FAILURE(status) || !slot) {
            status = U_ZERO_ERROR;
            slot.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        }
    }
    return slot.get();
}

TextLayout LayoutBuilder::Build(const NormalizedText& text, const Style& style, float wrap_width) {
    TextLayout layout;
    layout.text = text.utf8;
    layout.size_px = style.size_px;
    ++counters_->layouts_built;

    UBiDi* line_bidi = ubidi_open();

    Context ctx{};
    ctx.fonts = fonts_;
    ctx.counters = counters_;
    ctx.buffer = buffer_;
    ctx.text = &text;
    ctx.u = text.utf16.getBuffer();
    ctx.style = &style;
    ctx.size = std::max(style.size_px, 1.0f);
    ctx.wrap = wrap_width;
    ctx.language = style.language.empty() ? HB_LANGUAGE_INVALID
                                          : hb_language_from_string(style.language.c_str(), -1);
    ctx.line_breaker = LineBreaker(style.language);
    ctx.char_breaker = CharBreaker(style.language);
    ctx.metrics = fonts_->Metrics(style.weight, ctx.size);
    ctx.line_height = ctx.metrics.Natural() * (style.line_spacing > 0.0f ? style.line_spacing : 1.0f);
    ctx.lines_left = style.max_lines > 0 ? style.max_lines : INT_MAX;
    ctx.layout = &layout;
    ctx.line_bidi = line_bidi;
    layout.line_height = ctx.line_height;

    const int32_t n = text.utf16.length();
    int32_t start = 0;
    for (;;) {
        int32_t end = start;
        while (end < n && ctx.u[end] != '\n' && ctx.u[end] != 0x2029) ++end;
        int32_t content_end = end;
        if (content_end > start && ctx.u[content_end - 1] == '\r') --content_end;
        const bool more = end < n;
        if (!LayoutParagraph(ctx, start, content_end, more) || !more) break;
        start = end + 1;
    }
    ubidi_close(line_bidi);

    float widest = 0.0f;
    for (const LayoutLine& line : layout.lines) widest = std::max(widest, line.width);
    layout.width = widest;
    layout.height = static_cast<float>(layout.lines.size()) * ctx.line_height;
    // Alignment happens in a box as wide as the wrap width (or the widest line).
    const float box = wrap_width > 0.0f ? std::max(wrap_width, widest) : widest;
    for (LayoutLine& line : layout.lines) {
        Align align = style.align;
        if (align == Align::Start) align = line.rtl ? Align::Right : Align::Left;
        if (align == Align::End) align = line.rtl ? Align::Left : Align::Right;
        if (align == Align::Right) line.x = box - line.width;
        else if (align == Align::Center) line.x = (box - line.width) * 0.5f;
        else line.x = 0.0f;
        for (uint32_t i = 0; i < line.glyph_count; ++i) layout.glyphs[line.first_glyph + i].x += line.x;
    }
    return layout;
}

}  // namespace fonts
