// ui/screen_service.cpp: one service with everything a visitor needs to go there, and QR codes
// to take it away (vCard, tel:, geo:, URL).
#include <imgui.h>

#include <algorithm>

#include "ui/localize.h"
#include "ui/place_blocks.h"
#include "ui/qr.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawServiceScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    const auto& result = ui.cache.Service(ui.route().id, ui.lang());
    if (!result.ok()) {
        BeginScrollArea(ui, "service", area.size);
        ErrorText(ui, ui.T("common.error"));
        EndScrollArea(ui);
        ui.SetReadAloud(ui.T("common.error"), "");
        return;
    }
    const content::ServiceDetail& s = *result;
    // Two columns: the information (scrolls) and the take-away panel (QR codes, booking).
    const float side_w = std::min(area.size.x * 0.3f, 520.0f * ui.m.ui_scale * std::max(1.0f, ui.m.text_scale * 0.85f));
    const float main_w = area.size.x - side_w;
    std::string read;

    BeginScrollArea(ui, "service", ImVec2(main_w, area.size.y));
    if (s.name.fallback) FallbackBadge(ui, s.name.lang, ui.m.title_px);
    Para(ui, s.name.text, ui.m.title_px, false, true, s.name.lang);
    if (!s.alternate_name.empty()) LocalPara(ui, s.alternate_name);
    if (!s.alert.empty()) {
        Gap(ui, 0.5f);
        ErrorText(ui, s.alert.text);
    }
    if (s.is_free.has_value()) Para(ui, ui.T(*s.is_free ? "common.free" : "common.paid"), 0, false, true);
    Gap(ui, 0.5f);
    LocalPara(ui, s.description);
    read += s.description.text + "\n";

    if (!s.provider.name.empty()) {
        SectionTitle(ui, ui.T("service.provider"), Icon::About);
        LocalPara(ui, s.provider.name, 0, true);
    }
    for (const content::Location& loc : s.locations) LocationBlock(ui, loc, &read);
    const bool any_location_hours = std::any_of(s.locations.begin(), s.locations.end(),
                                                [](const content::Location& l) { return !l.opening_hours.empty(); });
    if (!s.opening_hours.empty()) {
        SectionTitle(ui, ui.T("service.hours"), Icon::Clock);
        HoursBlock(ui, s.opening_hours, &read);
    } else if (!any_location_hours) {
        SectionTitle(ui, ui.T("service.hours"), Icon::Clock);
        Para(ui, ui.T("service.no_hours"), 0, true);
    }
    const std::vector<content::Phone>& phones = !s.phones.empty() ? s.phones : s.provider.phones;
    if (!phones.empty()) {
        SectionTitle(ui, ui.T("service.phones"), Icon::Phone);
        PhonesBlock(ui, phones, &read);
    }
    if (!s.languages.empty()) {
        SectionTitle(ui, ui.T("service.languages"), Icon::Globe);
        std::string names;
        for (const std::string& code : s.languages) names += (names.empty() ? "" : ", ") + LanguageName(code, ui.lang());
        Para(ui, names);
    }
    auto section = [&](const char* key, const content::LocalText& text) {
        if (text.empty()) return;
        SectionTitle(ui, ui.T(key));
        LocalPara(ui, text);
    };
    section("service.cost", s.fees_description);
    section("service.eligibility", s.eligibility);
    section("service.how_to_apply", s.application_process);
    section("service.interpretation", s.interpretation_services);
    const std::string email = !s.email.empty() ? s.email : s.provider.email;
    if (!email.empty()) {
        SectionTitle(ui, ui.T("service.email"));
        Para(ui, email);
    }
    const std::string url = !s.url.empty() ? s.url : s.provider.website;
    if (!url.empty()) {
        SectionTitle(ui, ui.T("service.website"));
        Para(ui, url);
    }
    Gap(ui, 2);
    EndScrollArea(ui);

    // Take-away panel.
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + main_w, area.min.y));
    BeginScrollArea(ui, "service_take_away", ImVec2(side_w, area.size.y), /*remember=*/false);
    const float inner = ImGui::GetContentRegionAvail().x;
    if (!s.booking_form_id.empty()) {
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.icon = Icon::Booking;
        o.bold = true;
        // A course form books a session: the visitor picks one in Courses and events.
        const auto& form = ui.cache.Form(s.booking_form_id, ui.lang());
        const bool course = form.ok() && form->kind == "course";
        if (Button(ui, "book", ui.T(course ? "courses.sign_up" : "service.book"), ImVec2(inner, ui.m.button_h * 1.2f), o)) {
            ui.Go(course ? Route{Screen::Courses} : Route{Screen::Booking, s.id});
        }
        Gap(ui);
    }
    Para(ui, ui.T("service.take_away"), ui.m.body_px, false, true);
    Gap(ui, 0.5f);
    const float qr = std::min(inner, 300.0f * ui.m.ui_scale);
    QrBlock(ui, MakeVCard(VCardForService(s)), qr, ui.T("qr.contact"));
    std::string phone = FirstPhone(phones);
    if (std::string tel = MakeTelUri(phone); !tel.empty()) {
        Gap(ui);
        QrBlock(ui, tel, qr, ui.T("qr.call") + ": " + phone);
    }
    for (const content::Location& loc : s.locations) {
        if (loc.latitude && loc.longitude) {
            Gap(ui);
            QrBlock(ui, MakeGeoUri(*loc.latitude, *loc.longitude), qr, ui.T("qr.map"));
            break;
        }
    }
    if (!url.empty()) {
        Gap(ui);
        QrBlock(ui, MakeUrl(url), qr, ui.T("service.website"));
    }
    EndScrollArea(ui, /*remember=*/false);
    ui.SetReadAloud(s.name.text, read, s.description.empty() ? s.name.lang : s.description.lang);
}

}  // namespace ui
