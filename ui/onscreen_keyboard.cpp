// ui/onscreen_keyboard.cpp: key grid, layout switching, editing.
#include "ui/onscreen_keyboard.h"

#include <algorithm>
#include <cmath>

#include "ui/keyboard_layouts.h"
#include "ui/widgets.h"

namespace ui {
namespace {

const KeyboardLayout& CurrentLayout(const VisitorUi::Impl& ui, const KeyboardOptions& options) {
    if (options.digits_only) return *FindKeyboardLayout("digits");
    const KeyboardLayout* chosen = FindKeyboardLayout(ui.visit.keyboard_layout);
    if (chosen && chosen->id != "digits") return *chosen;
    return DefaultLayoutFor(ui.visit.lang);
}

float KeyHeight(const VisitorUi::Impl& ui) { return std::max(ui.m.touch_min, std::round(ui.m.body_px * 2.3f)); }

size_t WidestRow(const KeyboardLayout& layout) {
    size_t n = 0;
    for (const auto& row : layout.rows) n = std::max(n, row.size());
    return n;
}

void AppendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// Staff, developers and automation scripts (`type`, `key Backspace`) may use a hardware
// keyboard: its characters go into the field this keyboard edits, with the same limits as
// the keys on screen (a phone field takes digits, '+' and spaces only). The queue is emptied
// so nothing else in the frame sees the same characters.
bool TypeFromHardwareKeyboard(VisitorUi::Impl& ui, std::string& text, const KeyboardOptions& options) {
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    for (ImWchar c : io.InputQueueCharacters) {
        if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF)) continue;  // controls, lone surrogates
        if (options.digits_only && !((c >= '0' && c <= '9') || c == '+' || c == ' ')) continue;
        std::string s;
        AppendUtf8(s, c);
        if (CodepointCount(text) + 1 > options.max_chars) break;
        text += s;
        changed = true;
    }
    io.InputQueueCharacters.resize(0);
    if (!text.empty() && ImGui::IsKeyPressed(ImGuiKey_Backspace, true)) {
        EraseLastCharacter(text);
        changed = true;
    }
    if (changed) ui.visit.shift = false;
    return changed;
}

}  // namespace

float KeyboardHeight(const VisitorUi::Impl& ui, const KeyboardOptions& options) {
    const KeyboardLayout& layout = CurrentLayout(ui, options);
    // Latvian has the most rows; reserve for it so switching layouts does not move the page.
    size_t rows = options.digits_only ? layout.rows.size() : FindKeyboardLayout("lv")->rows.size();
    const float gap = ui.m.pad * 0.5f;
    return float(rows + 1) * (KeyHeight(ui) + gap);
}

bool OnScreenKeyboard(VisitorUi::Impl& ui, std::string& text, const KeyboardOptions& options) {
    const KeyboardLayout& layout = CurrentLayout(ui, options);
    const float width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
    const float gap = ui.m.pad * 0.5f;
    const float key_h = KeyHeight(ui);
    const size_t columns = std::max<size_t>(WidestRow(layout), options.digits_only ? 3 : 11);
    const float key_w = std::max(ui.m.touch_min, std::floor((width - gap * (columns - 1)) / columns));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    bool changed = false;
    ButtonOptions key_options;
    key_options.kind = ButtonKind::Key;
    key_options.text_px = ui.m.large_px;
    key_options.bold = false;

    auto type = [&](const std::string& s) {
        if (CodepointCount(text) + CodepointCount(s) > options.max_chars) return;
        text += s;
        changed = true;
    };

    float y = origin.y;
    int key_index = 0;
    for (const auto& row : layout.rows) {
        float row_w = row.size() * key_w + (row.size() - 1) * gap;
        float x = origin.x + std::max(0.0f, (width - row_w) / 2);
        for (const std::string& key : row) {
            std::string label = (ui.visit.shift && layout.has_case) ? KeyUpper(key) : key;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            std::string id = "key" + std::to_string(key_index++);
            if (Button(ui, id.c_str(), label, ImVec2(key_w, key_h), key_options)) {
                type(label);
                ui.visit.shift = false;
            }
            x += key_w + gap;
        }
        y += key_h + gap;
    }
    if (!options.digits_only) {
        // Pad to the Latvian layout's row count so the bottom row stays put.
        size_t rows = FindKeyboardLayout("lv")->rows.size();
        if (layout.rows.size() < rows) y += float(rows - layout.rows.size()) * (key_h + gap);
    }

    // Bottom row.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    FlowLayout flow(width, gap);
    ButtonOptions special;
    special.text_px = ui.m.body_px;
    if (!options.digits_only) {
        special.icon = Icon::Shift;
        special.kind = ui.visit.shift ? ButtonKind::Selected : ButtonKind::Normal;
        std::string shift_label = ui.T("keyboard.shift");
        ImVec2 s = ButtonSize(ui, shift_label, special);
        s.y = key_h;
        flow.Next(s);
        if (Button(ui, "shift", shift_label, s, special)) ui.visit.shift = !ui.visit.shift;
        special.icon = Icon::None;
        for (const KeyboardLayout& l : KeyboardLayouts()) {
            if (l.id == "digits") continue;
            special.kind = l.id == layout.id ? ButtonKind::Selected : ButtonKind::Normal;
            ImVec2 ls = ButtonSize(ui, l.switch_label, special);
            ls.x += ui.m.body_px;  // room for the check mark
            ls.y = key_h;
            flow.Next(ls);
            std::string id = "layout_" + l.id;
            if (Button(ui, id.c_str(), l.switch_label, ls, special)) ui.visit.keyboard_layout = l.id;
        }
    }
    special.kind = ButtonKind::Normal;
    std::string space = ui.T("keyboard.space");
    ImVec2 space_size = ButtonSize(ui, space, special);
    space_size.x = std::max(space_size.x, key_w * 3);
    space_size.y = key_h;
    flow.Next(space_size);
    if (Button(ui, "space", space, space_size, special)) type(" ");
    special.icon = Icon::Backspace;
    std::string del = ui.T("keyboard.backspace");
    ImVec2 del_size = ButtonSize(ui, del, special);
    del_size.y = key_h;
    flow.Next(del_size);
    if (Button(ui, "backspace", del, del_size, special) && !text.empty()) {
        EraseLastCharacter(text);
        changed = true;
    }
    special.icon = Icon::None;
    std::string clear = ui.T("keyboard.clear");
    ImVec2 clear_size = ButtonSize(ui, clear, special);
    clear_size.y = key_h;
    flow.Next(clear_size);
    if (Button(ui, "clear", clear, clear_size, special) && !text.empty()) {
        text.clear();
        changed = true;
    }
    flow.End();
    if (TypeFromHardwareKeyboard(ui, text, options)) changed = true;
    return changed;
}

}  // namespace ui
