// content/text.cpp: NFC normalisation and random UUIDs.
//
// ICU works on UTF-16, so NormalizeNfc converts in and out; it checks IsNormalized first so
// the common case (text already NFC, which is almost all of it) costs one pass and one copy.
#include "content/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <random>

namespace content {
namespace {

// True when `text` is well-formed UTF-8 (no surrogates, no overlongs, no truncated sequences).
bool IsValidUtf8(std::string_view text) {
    const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = (int32_t)text.size();
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

const icu::Normalizer2* Nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? nfc : nullptr;
}

}  // namespace

base::Result<std::string> NormalizeNfc(std::string_view text) {
    if (!IsValidUtf8(text)) {
        return base::MakeError("text_invalid_utf8", "text is not valid UTF-8 (" + std::to_string(text.size()) + " bytes)");
    }
    const icu::Normalizer2* nfc = Nfc();
    if (!nfc) return base::MakeError("text_icu_failed", "ICU has no NFC normaliser (missing ICU data?)");
    // Pure ASCII is always NFC; most identifiers and numbers take this path.
    bool ascii = true;
    for (char c : text) {
        if ((unsigned char)c >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) return std::string(text);
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
    UErrorCode status = U_ZERO_ERROR;
    if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) {
        return base::MakeError("text_icu_failed", std::string("NFC normalisation failed: ") + u_errorName(status));
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

bool IsNfc(std::string_view text) {
    if (!IsValidUtf8(text)) return false;
    const icu::Normalizer2* nfc = Nfc();
    if (!nfc) return false;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
    UErrorCode status = U_ZERO_ERROR;
    bool normalized = nfc->isNormalized(source, status);
    return U_SUCCESS(status) && normalized;
}

std::string NewUuid() {
    // std::random_device reads the kernel's CSPRNG on Linux (getrandom), so ids from two kiosks
    // (and two runs) do not collide; a seeded PRNG would risk equal seeds after a cold boot.
    static thread_local std::random_device device;
    std::array<uint8_t, 16> bytes;
    for (size_t i = 0; i < bytes.size(); i += 4) {
        uint32_t word = device();
        for (size_t j = 0; j < 4; ++j) bytes[i + j] = (uint8_t)(word >> (8 * j));
    }
    bytes[6] = (uint8_t)((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = (uint8_t)((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 0x0F]);
    }
    return out;
}

}  // namespace content
