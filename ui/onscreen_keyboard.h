// ui/onscreen_keyboard.h: the on-screen keyboard widget (search and booking fields).
//
// The visitor has no physical keyboard. Keys are buttons (each registered with its visible
// character as label); the bottom row holds Capitals (one-shot shift), the layout switch
// (ĀČŠ ABC АБВ ҐЄЇ; phone fields get digits only), Space, Delete and Clear.
#pragma once

#include <string>

#include "ui/ui_impl.h"

namespace ui {

struct KeyboardOptions {
    float width = 0;              // 0: available width
    bool digits_only = false;     // phone fields: digits layout, no letter layouts offered
    size_t max_chars = 200;       // typing stops here (the form's max_length, or a sane cap)
};

// Height the keyboard will take at `width`.
float KeyboardHeight(const VisitorUi::Impl& ui, const KeyboardOptions& options);
// Draws the keyboard at the cursor and edits `text`. Returns true when `text` changed.
bool OnScreenKeyboard(VisitorUi::Impl& ui, std::string& text, const KeyboardOptions& options);

}  // namespace ui
