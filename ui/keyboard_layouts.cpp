// ui/keyboard_layouts.cpp: layout tables and small UTF-8 helpers for typing.
#include "ui/keyboard_layouts.h"

#include <cstdint>

namespace ui {
namespace {

std::u32string Decode(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string Encode(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
    return out;
}

char32_t UpperCodepoint(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 32;
    if (c >= 0x00E0 && c <= 0x00FE && c != 0x00F7) return c - 32;           // Latin-1
    if (c >= 0x0100 && c <= 0x017F) {                                       // Latin Extended-A
        // Pairs are (even upper, odd lower) except 0x0139..0x0148 and 0x0179..0x017E (odd upper).
        bool odd_upper = (c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E);
        if (odd_upper) return (c % 2 == 0) ? c - 1 : c;
        return (c % 2 == 1) ? c - 1 : c;
    }
    if (c >= 0x0430 && c <= 0x044F) return c - 32;                          // а..я
    if (c >= 0x0450 && c <= 0x045F) return c - 80;                          // ѐ..џ (ё, є, і, ї)
    if (c == 0x0491) return 0x0490;                                         // ґ
    return c;
}

bool IsCombining(char32_t c) { return (c >= 0x0300 && c <= 0x036F); }

std::vector<std::string> Split(const std::string& row) {
    std::vector<std::string> keys;
    for (char32_t cp : Decode(row)) keys.push_back(Encode(cp));
    return keys;
}

std::vector<KeyboardLayout> BuildLayouts() {
    std::vector<KeyboardLayout> layouts;
    layouts.push_back({"lv", "ĀČŠ",
                       {Split("1234567890-"), Split("āčēģīķļņšūž"), Split("qwertyuiop"), Split("asdfghjkl"),
                        Split("zxcvbnm.,@")},
                       true});
    layouts.push_back({"en", "ABC",
                       {Split("1234567890-"), Split("qwertyuiop"), Split("asdfghjkl'"), Split("zxcvbnm.,@")},
                       true});
    layouts.push_back({"ru", "АБВ",
                       {Split("1234567890-"), Split("йцукенгшщзхъ"), Split("фывапролджэ"), Split("ячсмитьбюё.,")},
                       true});
    layouts.push_back({"uk", "ҐЄЇ",
                       {Split("1234567890-"), Split("йцукенгшщзхї"), Split("фівапролджє"), Split("ячсмитьбюґ'.,")},
                       true});
    layouts.push_back({"digits", "123", {Split("123"), Split("456"), Split("789"), Split("+0")}, false});
    return layouts;
}

}  // namespace

const std::vector<KeyboardLayout>& KeyboardLayouts() {
    static const std::vector<KeyboardLayout> layouts = BuildLayouts();
    return layouts;
}

const KeyboardLayout* FindKeyboardLayout(const std::string& id) {
    for (const KeyboardLayout& layout : KeyboardLayouts()) {
        if (layout.id == id) return &layout;
    }
    return nullptr;
}

const KeyboardLayout& DefaultLayoutFor(const std::string& ui_lang) {
    const KeyboardLayout* layout = FindKeyboardLayout(ui_lang);
    return layout ? *layout : *FindKeyboardLayout("lv");
}

std::string KeyUpper(const std::string& key_utf8) {
    std::string out;
    for (char32_t cp : Decode(key_utf8)) out += Encode(UpperCodepoint(cp));
    return out;
}

void EraseLastCharacter(std::string& utf8) {
    std::u32string cps = Decode(utf8);
    while (!cps.empty() && IsCombining(cps.back())) cps.pop_back();
    if (!cps.empty()) cps.pop_back();
    std::string out;
    for (char32_t cp : cps) out += Encode(cp);
    utf8 = std::move(out);
}

size_t CodepointCount(const std::string& utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace ui
