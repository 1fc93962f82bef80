#include "fonts/unicode_text.h"

#include <unicode/normalizer2.h>
#include <unicode/utf16.h>

#include "base/log.h"

namespace fonts {

NormalizedText NormalizeToNfc(std::string_view utf8) {
    NormalizedText out;
    // fromUTF8 substitutes U+FFFD for each ill-formed sequence.
    icu::UnicodeString raw = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
        out.utf16 = nfc->normalize(raw, status);
    }
    if (U_FAILURE(status)) {
        base::LogWarn("text_nfc_failed", u_errorName(status));
        out.utf16 = raw;
    }

    const int32_t length = out.utf16.length();
    out.utf8_at.resize(static_cast<size_t>(length) + 1);
    out.utf8.reserve(static_cast<size_t>(length) + 8);
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U16_NEXT(out.utf16.getBuffer(), i, length, c);
        // Unpaired surrogates cannot be encoded in UTF-8: show them as U+FFFD.
        if (U_IS_SURROGATE(c)) c = 0xFFFD;
        for (int32_t k = start; k < i; ++k) out.utf8_at[k] = static_cast<uint32_t>(out.utf8.size());
        if (c < 0x80) {
            out.utf8.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.utf8.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.utf8.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.utf8.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.utf8.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.utf8.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.utf8.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    out.utf8_at[length] = static_cast<uint32_t>(out.utf8.size());
    return out;
}

}  // namespace fonts
