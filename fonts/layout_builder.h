// fonts/layout_builder.h: text and style in, TextLayout out (shaping, bidi, line breaking).
//
// Design note. Build() runs, per paragraph ('\n'-separated):
//   1. ICU bidi (paragraph direction from the first strong character) gives each UTF-16
//      unit an embedding level. Phone numbers, time ranges, e-mail addresses and URLs
//      (ltr_spans.h) are first wrapped in LRI … PDI in a private copy of the paragraph when
//      it may contain right-to-left text, so each reads left to right as one unit; levels
//      and visual runs are mapped back to the original indices, so the isolates never reach
//      shaping and every cluster offset still points into the NFC text.
//   2. Itemisation splits the paragraph into items of equal (level, script, face). The face
//      of a character is the first face in the fallback chain that has it; spaces and
//      punctuation (script Common) and combining marks stay in the previous face when it has
//      them, so an Arabic sentence is not chopped at every space. A character no face has
//      becomes a placeholder item (a visible box), never a dropped character.
//   3. HarfBuzz shapes each item once (with the whole paragraph as context, so Arabic
//      joining sees its neighbours). Glyph advances are summed per cluster into a prefix
//      table, so the width of any logical range is O(1).
//   4. ICU's line break iterator gives the break opportunities (minus those inside an
//      LTR span that fits on one line); lines are filled greedily,
//      trailing spaces hang, a soft hyphen at a line end adds a visible hyphen, and a word
//      wider than the line is broken at grapheme boundaries. max_lines cuts the text at a
//      grapheme boundary so the last line plus "…" fits.
//   5. Each line is reordered with ubidi_setLine: items are visited in visual run order
//      (reversed inside right-to-left runs) and their glyphs, already in visual order from
//      HarfBuzz, are picked by cluster. No item is shaped twice.
// The builder keeps ICU break iterators per language (expensive to create) and one
// HarfBuzz buffer; it is not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <unicode/brkiter.h>

#include "fonts/font_set.h"
#include "fonts/text.h"
#include "fonts/unicode_text.h"

namespace fonts {

class LayoutBuilder {
public:
    LayoutBuilder(FontSet* fonts, Counters* counters);
    ~LayoutBuilder();
    LayoutBuilder(const LayoutBuilder&) = delete;
    LayoutBuilder& operator=(const LayoutBuilder&) = delete;

    TextLayout Build(const NormalizedText& text, const Style& style, float wrap_width);

    // Advance of a placeholder box, as a fraction of the em size.
    static constexpr float kPlaceholderAdvance = 0.6f;

private:
    icu::BreakIterator* LineBreaker(const std::string& language);
    icu::BreakIterator* CharBreaker(const std::string& language);

    FontSet* fonts_;
    Counters* counters_;
    hb_buffer_t* buffer_;
    std::map<std::string, std::unique_ptr<icu::BreakIterator>> line_breakers_;
    std::map<std::string, std::unique_ptr<icu::BreakIterator>> char_breakers_;
};

}  // namespace fonts
