#include "base/text_safety.h"

#include <cstdint>

namespace base {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one UTF-8 sequence at `at`; returns its length, or 0 when it is not UTF-8 (overlong,
// surrogate, truncated or above U+10FFFF).
size_t Decode(std::string_view text, size_t at, uint32_t& code) {
    auto byte = [&](size_t i) { return (uint8_t)text[i]; };
    uint8_t lead = byte(at);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > text.size()) return 0;
    code = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

bool IsUnsafe(uint32_t code, bool allow_newlines) {
    if (code == '\t') return false;
    if (code == '\n') return !allow_newlines;
    if (code < 0x20 || code == 0x7F) return true;
    if (code >= 0x80 && code <= 0x9F) return true;
    if (code >= 0x202A && code <= 0x202E) return true;
    if (code >= 0x2066 && code <= 0x2069) return true;
    return false;
}

std::string Replace(std::string_view text, bool allow_newlines) {
    std::string out;
    out.reserve(text.size());
    for (size_t at = 0; at < text.size();) {
        uint32_t code = 0;
        size_t length = Decode(text, at, code);
        if (length == 0) {
            out += kReplacement;
            at += 1;
            continue;
        }
        if (IsUnsafe(code, allow_newlines)) {
            out += kReplacement;
        } else {
            out.append(text.substr(at, length));
        }
        at += length;
    }
    return out;
}

}  // namespace

bool HasUnsafeText(std::string_view text, bool allow_newlines) {
    for (size_t at = 0; at < text.size();) {
        uint32_t code = 0;
        size_t length = Decode(text, at, code);
        if (length == 0 || IsUnsafe(code, allow_newlines)) return true;
        at += length;
    }
    return false;
}

std::string ForTerminal(std::string_view text) { return Replace(text, /*allow_newlines=*/false); }

std::string ForSpreadsheet(std::string_view text) {
    std::string out = Replace(text, /*allow_newlines=*/true);
    if (!out.empty() && (out[0] == '=' || out[0] == '+' || out[0] == '-' || out[0] == '@' || out[0] == '\t' ||
                         out[0] == '\r')) {
        out.insert(out.begin(), '\'');
    }
    return out;
}

}  // namespace base
