// ui/screen_confirmation.cpp: "request received", the reference code, and a QR code of the
// booking's details. Worded honestly: nothing is confirmed until the centre (through sync)
// says so; the screen re-reads the booking's status every few seconds.
#include <imgui.h>

#include <algorithm>

#include "ui/qr.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawConfirmationScreen(VisitorUi::Impl& ui) {
    BookingFlow& flow = ui.visit.booking;
    ContentArea area = BeginContent(ui);
    if (flow.receipt.reference.empty()) {
        // Nothing was submitted in this visit (a script or a reset got here): nothing to show.
        ui.GoHome();
        return;
    }
    if (ui.frame.content_changed || ui.frame.now_seconds - flow.status_checked_at >= 5.0) {
        flow.status_checked_at = ui.frame.now_seconds;
        auto status = content::GetBookingStatus(ui.db, flow.receipt.booking_id);
        if (status.ok()) flow.status = status->status;
    }
    const auto& centre = ui.cache.Centre(ui.lang());
    std::string centre_name, centre_phone;
    if (centre.ok()) {
        centre_name = centre->name.text;
        centre_phone = FirstPhone(centre->phones);
    }

    const float qr_w = std::min(area.size.x * 0.32f, 460.0f * ui.m.ui_scale);
    const float main_w = area.size.x - qr_w - 2 * ui.m.pad;
    BeginScrollArea(ui, "confirmation", ImVec2(main_w, area.size.y));
    std::string title = ui.T(flow.status == "confirmed" ? "confirmation.confirmed" : "confirmation.title");
    ImVec2 p = ImGui::GetCursorScreenPos();
    DrawIcon(ImGui::GetWindowDrawList(), flow.status == "rejected" ? Icon::Warning : Icon::Check,
             ImVec2(p.x + ui.m.title_px * 0.6f, p.y + ui.m.title_px * 0.7f), ui.m.title_px,
             Col(flow.status == "rejected" ? ui.theme.error : ui.theme.text));
    ImGui::SetCursorScreenPos(ImVec2(p.x + ui.m.title_px * 1.5f, p.y));
    Heading(ui, title, ui.m.title_px);
    Gap(ui);
    std::string body = ui.T(flow.status == "rejected" ? "confirmation.rejected" : "confirmation.body");
    if (flow.status == "rejected") {
        ErrorText(ui, body);
    } else if (flow.status != "confirmed") {
        Para(ui, body, ui.m.large_px);
    }
    Gap(ui);
    if (!flow.booked_name.empty()) Para(ui, flow.booked_name, ui.m.large_px, false, true);
    if (!flow.booked_when.empty()) Para(ui, flow.booked_when, ui.m.large_px);
    Gap(ui);
    Para(ui, ui.T("confirmation.reference"), ui.m.large_px);
    Para(ui, flow.receipt.reference, ui.m.huge_px, false, true, "en");
    Gap(ui);
    if (!centre_phone.empty()) Para(ui, centre_name + ": " + centre_phone, ui.m.large_px);
    Para(ui, ui.T("confirmation.private"), ui.m.body_px, true);
    Gap(ui, 2);
    ButtonOptions o;
    o.kind = ButtonKind::Primary;
    o.bold = true;
    o.icon = Icon::Check;
    if (Button(ui, "finish", ui.T("confirmation.done"), ImVec2(std::min(main_w - 2 * ui.m.pad, 700.0f), ui.m.button_h * 1.3f), o)) {
        ui.EndVisit();
    }
    EndScrollArea(ui);

    ImGui::SetCursorScreenPos(ImVec2(area.min.x + main_w + ui.m.pad, area.min.y + ui.m.pad));
    ImGui::BeginGroup();
    QrBlock(ui, BookingQrText(flow, centre_name, centre_phone, ui.strings, ui.lang()), qr_w, ui.T("confirmation.scan"));
    ImGui::EndGroup();
    ui.SetReadAloud(title, body + "\n" + ui.T("confirmation.reference") + ": " + flow.receipt.reference);
}

}  // namespace ui
