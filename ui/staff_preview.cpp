// ui/staff_preview.cpp: "preview as a visitor sees it": the visitor's own screen for the record
// (service page, organisation page, course), in a language staff choose, under a banner.
//
// Why the real screen and saved values: a preview drawn by separate code would drift from what
// visitors see. The editor saves pending values before it opens the preview (the edit is on
// this device at once and goes to the hub with the next sync), so the visitor screen reads them
// from the content like any visitor would. The preview is look-only: taps on the visitor
// screen's buttons (book, back) do nothing, its navigation is dropped at the end of the frame.
#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {

void DrawStaffPreview(VisitorUi::Impl& ui, StaffSession& staff) {
    if (staff.editors.empty()) {
        StaffBack(staff);
        return;
    }
    EditorState& ed = staff.editors.back();
    if (ed.preview_lang.empty()) ed.preview_lang = ui.lang();

    // The banner: what this is, the language, and the way back.
    const float pad = ui.m.pad;
    const float top = ui.content_top;
    ImGui::SetCursorScreenPos(ImVec2(pad, top + pad * 0.5f));
    const float width = ui.frame.width - 2 * pad;
    ImGui::BeginGroup();
    FlowLayout flow(width, pad * 0.5f);
    std::string title = ui.T("staff.preview.title");
    text::Style title_style = MakeStyle(ui, ui.m.large_px, true, ui.theme.text);
    ImVec2 ts = text::Measure(title, title_style);
    ImVec2 row_size = ButtonSize(ui, "EN");
    flow.Next(ImVec2(ts.x + pad, row_size.y));
    ImVec2 tp = ImGui::GetCursorScreenPos();
    text::DrawInRect(ImGui::GetWindowDrawList(), tp, ImVec2(tp.x + ts.x + pad, tp.y + row_size.y), title, title_style,
                     text::VAlign::Center);
    for (const std::string& l : ui.config.languages) {
        ButtonOptions o;
        o.kind = l == ed.preview_lang ? ButtonKind::Selected : ButtonKind::Normal;
        // Named by the language's own name, so they never clash with the bar's "LV" "EN" "RU".
        const std::string label = Endonym(l);
        ImVec2 size = ButtonSize(ui, label, o);
        size.x += ui.m.body_px;
        flow.Next(size);
        std::string id = "preview_lang_" + l;
        if (Button(ui, id.c_str(), label, size, o)) ed.preview_lang = l;
    }
    ButtonOptions back;
    back.kind = ButtonKind::Primary;
    back.icon = Icon::Back;
    std::string back_label = ui.T("staff.preview.back");
    ImVec2 bs = ButtonSize(ui, back_label, back);
    flow.Next(bs);
    bool go_back = Button(ui, "preview_back", back_label, bs, back);
    flow.End();
    ImGui::EndGroup();
    const float banner_bottom = ImGui::GetItemRectMax().y + pad * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(0, banner_bottom - 1), ImVec2(ui.frame.width, banner_bottom - 1), Col(ui.theme.border),
                  3.0f * ui.m.ui_scale);

    // The visitor's screen below the banner, in the chosen language, for this record.
    Route route;
    if (ed.table == "service") route = Route{Screen::Service, ed.record_id};
    if (ed.table == "organization") route = Route{Screen::About, ed.record_id};
    if (ed.table == "course_series") route = Route{Screen::Courses, "", ed.record_id};
    if (route.screen == Screen::Attract) {
        ImGui::SetCursorScreenPos(ImVec2(pad, banner_bottom + pad));
        Para(ui, ui.T("staff.preview.none"), ui.m.large_px);
    } else {
        // The bar's own navigation (e.g. "Leave staff mode") must survive the look-only draw.
        auto staff_pending = std::move(ui.pending);
        ui.pending.reset();
        const std::string staff_lang = ui.visit.lang;
        ui.visit.lang = ed.preview_lang;
        ui.visit.nav.Push(route);
        ui.content_top = banner_bottom;
        switch (route.screen) {
            case Screen::Service: DrawServiceScreen(ui); break;
            case Screen::About: DrawAboutScreen(ui); break;
            case Screen::Courses: DrawCoursesScreen(ui); break;
            default: break;
        }
        ui.visit.nav.Back();
        ui.visit.lang = staff_lang;
        ui.pending = std::move(staff_pending);  // look-only: the visitor screen's navigation is dropped
        ui.read_requested = false;
    }
    if (go_back) StaffBack(staff);
}

}  // namespace ui
