// fonts/unicode_text.h: UTF-8 input to the NFC UTF-16 text the engine works on.
//
// ICU and HarfBuzz both work in UTF-16 here, so the engine converts once: invalid UTF-8
// becomes U+FFFD (visible, never dropped), the result is NFC-normalised, and a table maps
// every UTF-16 index back to a byte offset of the NFC UTF-8 text that TextLayout reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

namespace fonts {

struct NormalizedText {
    icu::UnicodeString utf16;        // NFC
    std::string utf8;                // the same text in UTF-8
    std::vector<uint32_t> utf8_at;   // utf8_at[i] = byte offset of UTF-16 index i (size+1)
};

// Never fails: bad bytes become U+FFFD; a normaliser failure keeps the unnormalised text.
NormalizedText NormalizeToNfc(std::string_view utf8);

}  // namespace fonts
