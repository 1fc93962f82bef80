// ui/screen_services.cpp: the services of one category, as a list of rows.
#include <imgui.h>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawServicesScreen(VisitorUi::Impl& ui) {
    const std::string& category_id = ui.route().id;
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "services", area.size);
    std::string heading = ui.T("categories.title");
    const auto& categories = ui.cache.Categories(ui.lang());
    if (categories.ok()) {
        for (const content::Category& c : *categories) {
            if (c.id == category_id) heading = c.name.text;
        }
    }
    Heading(ui, heading, ui.m.title_px);
    Gap(ui);
    std::string read_body;
    const auto& services = ui.cache.ServicesIn(category_id, ui.lang());
    if (!services.ok()) {
        ErrorText(ui, ui.T("common.error"));
    } else if (services->empty()) {
        Para(ui, ui.T("services.empty"));
    } else {
        const float width = ImGui::GetContentRegionAvail().x;
        for (const content::ServiceSummary& s : *services) {
            std::string detail = s.organization_name.text;
            if (!s.description.empty()) detail += (detail.empty() ? "" : " — ") + s.description.text;
            std::string tag;
            if (s.is_free.has_value()) tag = ui.T(*s.is_free ? "common.free" : "common.paid");
            std::string id = "svc_" + s.id;
            if (ListRow(ui, id.c_str(), s.name.text, detail, tag, width, s.name.fallback, s.name.lang)) {
                ui.Go(Route{Screen::Service, s.id});
            }
            Gap(ui, 0.5f);
            read_body += s.name.text + ".\n";
        }
    }
    EndScrollArea(ui);
    ui.SetReadAloud(heading, read_body);
}

}  // namespace ui
