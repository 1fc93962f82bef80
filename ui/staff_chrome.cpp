// ui/staff_chrome.cpp: the bar over every staff screen: Back, who is signed in, the staff
// member's language, larger text, high contrast, and the always-visible "Leave staff mode".
#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "base/log.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

std::string StaffUpperAscii(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

struct BarItem {
    std::string id, label;
    Icon icon;
    ButtonKind kind;
    ImVec2 size;
    bool right;  // right-hand group
};

}  // namespace

void DrawStaffBar(VisitorUi::Impl& ui, StaffSession& staff) {
    const float pad = ui.m.pad;
    const float gap = pad * 0.6f;
    ButtonOptions opt;
    opt.text_px = ui.m.small_px * 1.15f;

    std::vector<BarItem> items;
    auto add = [&](std::string id, std::string label, Icon icon, ButtonKind kind, bool right) {
        ButtonOptions o = opt;
        o.icon = icon;
        o.kind = kind;
        ImVec2 size = ButtonSize(ui, label, o);
        if (kind == ButtonKind::Selected) size.x += opt.text_px;  // room for the check mark
        items.push_back(BarItem{std::move(id), std::move(label), icon, kind, size, right});
    };
    const bool can_go_back = staff.screen != StaffScreen::PinPad && staff.screen != StaffScreen::Home;
    if (can_go_back) add("staff_back", ui.T("topbar.back"), Icon::Back, ButtonKind::Normal, false);
    for (const std::string& l : ui.config.languages) {
        add("staff_lang_" + l, StaffUpperAscii(l), Icon::None, l == ui.visit.lang ? ButtonKind::Selected : ButtonKind::Normal,
            true);
    }
    add("staff_larger", ui.T(ui.visit.larger_text ? "topbar.normal_text" : "topbar.larger_text"), Icon::TextSize,
        ButtonKind::Normal, true);
    add("staff_contrast", ui.T(ui.visit.high_contrast ? "topbar.normal_contrast" : "topbar.high_contrast"),
        Icon::Contrast, ButtonKind::Normal, true);
    // On the PIN pad nobody is signed in yet: its own Cancel leaves; the bar offers the same.
    add("staff_leave", ui.T(staff.member ? "staff.leave" : "staff.pin.cancel"), Icon::Home, ButtonKind::Normal, true);

    std::string title = ui.T("staff.bar.title");
    if (staff.member) title += "  ·  " + staff.member->name;
    text::Style title_style = MakeStyle(ui, ui.m.large_px, true, ui.theme.on_bar);
    title_style.max_lines = 1;

    // One row when everything fits, else the right-hand group wraps to a second row.
    const float width = ui.frame.width - 2 * pad;
    float left_w = 0, right_w = 0;
    for (const BarItem& it : items) (it.right ? right_w : left_w) += it.size.x + gap;
    const float row_h = items.front().size.y;
    const float title_min = std::min(text::Measure(title, title_style).x, ui.frame.width * 0.25f);
    const bool one_row = left_w + title_min + right_w + 2 * gap <= width;
    float bar_h = one_row ? std::max(ui.m.top_bar_h, row_h + pad) : 2 * row_h + gap + pad;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.frame.width, bar_h), Col(ui.theme.bar));
    draw->AddLine(ImVec2(0, bar_h - 1), ImVec2(ui.frame.width, bar_h - 1), Col(ui.theme.border), 2.0f);
    ui.content_top = bar_h;

    const float y0 = one_row ? (bar_h - row_h) / 2 : pad * 0.5f;
    float x_left = pad;
    float x_right = ui.frame.width - pad - right_w + gap;
    float y_right = y0;
    if (!one_row) {
        x_right = std::max(pad, ui.frame.width - pad - right_w + gap);
        y_right = y0 + row_h + gap;
    }
    for (const BarItem& it : items) {
        float& x = it.right ? x_right : x_left;
        ImGui::SetCursorScreenPos(ImVec2(x, it.right ? y_right : y0));
        x += it.size.x + gap;
        ButtonOptions o = opt;
        o.icon = it.icon;
        o.kind = it.kind;
        if (!Button(ui, it.id.c_str(), it.label, it.size, o)) continue;
        if (it.id == "staff_back") {
            // An editor with unsaved changes asks first.
            if (staff.screen == StaffScreen::Editor && !staff.editors.empty() && EditorDirty(staff.editors.back())) {
                staff.editors.back().confirm_discard = true;
            } else {
                StaffBack(staff);
            }
        } else if (it.id.rfind("staff_lang_", 0) == 0) {
            ui.SetLanguage(it.id.substr(11));
            staff.DropCaches();  // lists are sorted and named in the reader's language
        } else if (it.id == "staff_larger") {
            ui.visit.larger_text = !ui.visit.larger_text;
        } else if (it.id == "staff_contrast") {
            ui.visit.high_contrast = !ui.visit.high_contrast;
        } else if (it.id == "staff_leave") {
            base::LogInfo("staff_mode_left", staff.member ? "signed_in=1" : "signed_in=0");
            ui.EndVisit();
        }
    }
    // The title sits between the groups (on the first row).
    const float title_x = x_left + gap;
    const float title_right = one_row ? x_right - 2 * gap : ui.frame.width - pad;
    if (title_right > title_x) {
        text::DrawInRect(draw, ImVec2(title_x, y0), ImVec2(title_right, y0 + row_h), title, title_style,
                         text::VAlign::Center);
    }
    ImGui::SetCursorScreenPos(ImVec2(0, bar_h));
}

}  // namespace ui
