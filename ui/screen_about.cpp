// ui/screen_about.cpp: about the centre (or another organisation found by search).
#include <imgui.h>

#include <algorithm>

#include "ui/place_blocks.h"
#include "ui/qr.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawAboutScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    const std::string& org_id = ui.route().id;
    const auto& org = org_id.empty() ? ui.cache.Centre(ui.lang()) : ui.cache.Organization(org_id, ui.lang());
    const float qr_w = std::min(area.size.x * 0.28f, 400.0f * ui.m.ui_scale);
    const float main_w = area.size.x - qr_w - 2 * ui.m.pad;
    BeginScrollArea(ui, "about", ImVec2(main_w, area.size.y));
    std::string heading = ui.T("about.title"), read;
    if (!org.ok()) {
        Heading(ui, heading, ui.m.title_px);
        Para(ui, ui.T("about.missing"), ui.m.large_px);
        read = ui.T("about.missing");
        EndScrollArea(ui);
        ui.SetReadAloud(heading, read);
        return;
    }
    const content::Organization& o = *org;
    if (!o.name.empty()) heading = o.name.text;
    if (o.name.fallback) FallbackBadge(ui, o.name.lang, ui.m.title_px);
    Para(ui, heading, ui.m.title_px, false, true, o.name.lang);
    Gap(ui);
    LocalPara(ui, o.description, ui.m.large_px);
    read = o.description.text + "\n";
    for (const content::Location& loc : o.locations) LocationBlock(ui, loc, &read);
    if (!o.phones.empty() || !o.email.empty() || !o.website.empty()) {
        SectionTitle(ui, ui.T("about.contacts"), Icon::Phone);
        PhonesBlock(ui, o.phones, &read);
        if (!o.email.empty()) Para(ui, ui.T("service.email") + ": " + o.email);
        if (!o.website.empty()) Para(ui, ui.T("service.website") + ": " + o.website);
    }
    EndScrollArea(ui);

    ImGui::SetCursorScreenPos(ImVec2(area.min.x + main_w + ui.m.pad, area.min.y + ui.m.pad));
    ImGui::BeginGroup();
    QrBlock(ui, MakeVCard(VCardForOrganization(o)), qr_w, ui.T("qr.contact"));
    for (const content::Location& loc : o.locations) {
        if (loc.latitude && loc.longitude) {
            Gap(ui);
            QrBlock(ui, MakeGeoUri(*loc.latitude, *loc.longitude), qr_w, ui.T("qr.map"));
            break;
        }
    }
    if (!o.website.empty()) {
        Gap(ui);
        QrBlock(ui, MakeUrl(o.website), qr_w, ui.T("service.website"));
    }
    ImGui::EndGroup();
    ui.SetReadAloud(heading, read);
}

}  // namespace ui
