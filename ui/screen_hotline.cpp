// ui/screen_hotline.cpp: crisis help: the free number large, its hours, what it is for, and a
// tel: QR code. Falls back to the emergency number when the content has no hotline.
#include <imgui.h>

#include <algorithm>

#include "ui/qr.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawHotlineScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    const auto& hotline = ui.cache.Hotline(ui.lang());
    const float qr_w = std::min(area.size.x * 0.3f, 420.0f * ui.m.ui_scale);
    const float main_w = area.size.x - qr_w - 2 * ui.m.pad;
    BeginScrollArea(ui, "hotline", ImVec2(main_w, area.size.y));
    Heading(ui, ui.T("hotline.title"), ui.m.title_px);
    Gap(ui);
    std::string number, read;
    if (!hotline.ok()) {
        Para(ui, ui.T("hotline.missing"), ui.m.large_px, false, true);
        read = ui.T("hotline.missing");
    } else {
        const content::ServiceDetail& h = *hotline;
        number = FirstPhone(h.phones);
        if (number.empty()) number = FirstPhone(h.provider.phones);
        LocalPara(ui, h.name, ui.m.heading_px, true);
        Gap(ui, 0.5f);
        // The number on a panel of its own, as large as the screen allows.
        const float width = ImGui::GetContentRegionAvail().x;
        ImVec2 p = ImGui::GetCursorScreenPos();
        text::Style big = MakeStyle(ui, ui.m.huge_px * 1.4f, true, ui.theme.on_hotline, "en");
        text::Style small = MakeStyle(ui, ui.m.large_px, true, ui.theme.on_hotline);
        std::string free = h.is_free.value_or(true) ? ui.T("hotline.free") : ui.T("common.paid");
        ImVec2 ns = text::Measure(number.empty() ? "112" : number, big, width - 2 * ui.m.pad);
        ImVec2 fs = text::Measure(free, small, width - 2 * ui.m.pad);
        float panel_h = ns.y + fs.y + 3 * ui.m.pad;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(p, ImVec2(p.x + width, p.y + panel_h), Col(ui.theme.hotline), ui.m.rounding * 2);
        text::DrawText(draw, ImVec2(p.x + ui.m.pad, p.y + ui.m.pad), number.empty() ? "112" : number, big,
                       width - 2 * ui.m.pad);
        text::DrawText(draw, ImVec2(p.x + ui.m.pad, p.y + 2 * ui.m.pad + ns.y), free, small, width - 2 * ui.m.pad);
        ImGui::Dummy(ImVec2(width, panel_h));
        read = number + ". " + free + ".\n";
        std::vector<std::string> hours = content::DescribeOpeningHours(h.opening_hours, ui.lang());
        if (!hours.empty()) {
            SectionTitle(ui, ui.T("hotline.hours"), Icon::Clock);
            for (const std::string& line : hours) {
                Para(ui, line, ui.m.large_px);
                read += line + ".\n";
            }
        }
        if (!h.description.empty()) {
            SectionTitle(ui, ui.T("hotline.what_for"), Icon::About);
            LocalPara(ui, h.description, ui.m.large_px);
            read += h.description.text + "\n";
        }
    }
    Gap(ui);
    ErrorText(ui, ui.T("hotline.emergency"));
    read += ui.T("hotline.emergency");
    EndScrollArea(ui);

    std::string tel = MakeTelUri(number.empty() ? std::string("112") : number);
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + main_w + ui.m.pad, area.min.y + ui.m.pad));
    ImGui::BeginGroup();
    QrBlock(ui, tel, qr_w, ui.T("hotline.scan"));
    ImGui::EndGroup();
    ui.SetReadAloud(ui.T("hotline.title"), read);
}

}  // namespace ui
