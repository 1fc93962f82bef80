// fonts/ltr_spans.h: finds the pieces of a paragraph that must read left to right as one
// unit even inside right-to-left text: phone numbers, time ranges, e-mail addresses, URLs.
//
// Why. The Unicode Bidi Algorithm sees "+371 6721 0000" in an Arabic sentence as three
// numbers separated by neutral spaces; each number stays left to right, but the groups are
// laid out right to left and the "+" lands on the far side: "0000 6721 371+". A reader dials
// the wrong number. The layout builder wraps every span found here in LRI … PDI (U+2066,
// U+2069) in the copy of the text it hands to ICU bidi, so a span is one left-to-right
// isolate placed like a single neutral character. Shaping and cluster offsets use the
// original text, so the isolates never become glyphs. Lines do not break inside a span
// that fits on one line.
//
// What counts (deliberately conservative; a miss falls back to plain UBA):
//  - Phone: an optional "+", digit groups joined by one space, hyphen or dot or by
//    parentheses ("+371 6721 0000", "(+371) 67-210-000"), at least kMinPhoneDigits digits,
//    and either a "+" or two groups or more. A number that continues with other punctuation
//    and digits ("1.234,50") is left alone.
//  - TimeRange: "9:00–17:00", "9:00 - 17:00", "9–17" (an en or em dash, or a hyphen when a
//    side has minutes), "2023–2024".
//  - Email: local@domain.tld (ASCII).
//  - Url: scheme://…, www.…, or a bare domain with a letter TLD ("kiosk.lv/lv/kursi");
//    trailing sentence punctuation is not part of it.
// Offsets are UTF-16 indices into the text given; spans are sorted and do not overlap.
#pragma once

#include <cstdint>
#include <vector>

#include <unicode/umachine.h>

namespace fonts {

enum class LtrSpanKind : uint8_t { Phone, TimeRange, Email, Url };

struct LtrSpan {
    int32_t start = 0;
    int32_t end = 0;
    LtrSpanKind kind = LtrSpanKind::Phone;
};

inline constexpr int kMinPhoneDigits = 6;

std::vector<LtrSpan> FindLtrSpans(const UChar* text, int32_t length);

}  // namespace fonts
