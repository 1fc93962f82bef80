// ui/keyboard_layouts.h: the on-screen keyboard's layouts as data.
//
// Each layout is rows of keys; a key types its text (lower case; the shift state upper-cases
// it). Latvian is QWERTY with a row of the long and softened letters (ā č ē ģ ī ķ ļ ņ š ū ž) so
// a visitor never needs a dead key; Russian and Ukrainian are ЙЦУКЕН; the digits layout serves
// phone fields.
#pragma once

#include <string>
#include <vector>

namespace ui {

struct KeyboardLayout {
    std::string id;                            // "lv", "en", "ru", "uk", "digits"
    // On the layout switch button: letters of the layout ("ĀČŠ", "ABC", "АБВ", "ҐЄЇ"), which a
    // visitor recognises, and which never clash with the top bar's language buttons (LV, RU).
    std::string switch_label;
    std::vector<std::vector<std::string>> rows;  // UTF-8, lower case
    bool has_case = true;                      // letters have capitals (digits: no)
};

const std::vector<KeyboardLayout>& KeyboardLayouts();
const KeyboardLayout* FindKeyboardLayout(const std::string& id);
// The layout a visitor of `ui_lang` most likely types in.
const KeyboardLayout& DefaultLayoutFor(const std::string& ui_lang);

// Upper case of one key's text (Latin-1, Latin Extended-A and Cyrillic letters the layouts use).
std::string KeyUpper(const std::string& key_utf8);

// Removes the last user-perceived character (a code point with any combining marks after it).
void EraseLastCharacter(std::string& utf8);

// Number of code points, for max-length checks while typing.
size_t CodepointCount(const std::string& utf8);

}  // namespace ui
