// ui/screen_categories.cpp: services by topic, one tile per category.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

// Content names an icon per category (x_icon); unknown names get the generic services icon.
Icon CategoryIcon(const std::string& name) {
    if (name.find("phone") != std::string::npos || name.find("crisis") != std::string::npos) return Icon::Phone;
    if (name.find("school") != std::string::npos || name.find("language") != std::string::npos ||
        name.find("education") != std::string::npos || name.find("book") != std::string::npos) return Icon::Courses;
    if (name.find("home") != std::string::npos || name.find("housing") != std::string::npos) return Icon::Home;
    if (name.find("family") != std::string::npos || name.find("person") != std::string::npos ||
        name.find("health") != std::string::npos) return Icon::Person;
    if (name.find("document") != std::string::npos || name.find("legal") != std::string::npos) return Icon::Booking;
    if (name.find("info") != std::string::npos) return Icon::About;
    return Icon::Services;
}

}  // namespace

void DrawCategoriesScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "categories", area.size);
    Heading(ui, ui.T("categories.title"), ui.m.title_px);
    Gap(ui);
    const auto& categories = ui.cache.Categories(ui.lang());
    std::string read_body;
    if (!categories.ok()) {
        ErrorText(ui, ui.T("common.error"));
    } else if (categories->empty()) {
        Para(ui, ui.T("categories.empty"));
    } else {
        const float width = ImGui::GetContentRegionAvail().x;
        const int columns = ui.visit.larger_text ? 2 : 3;
        const float gap = ui.m.pad * 1.5f;
        const float tile_w = std::floor((width - gap * (columns - 1)) / columns);
        const float tile_h = std::max(ui.m.touch_min * 2.5f, ui.m.large_px * 2.6f + ui.m.body_px * 2.6f + ui.m.heading_px * 1.5f);
        FlowLayout flow(width, gap);
        for (const content::Category& c : *categories) {
            flow.Next(ImVec2(tile_w, tile_h));
            std::string count = ui.TP("categories.count", c.service_count);
            std::string id = "cat_" + c.id;
            if (Tile(ui, id.c_str(), c.name.text, count, CategoryIcon(c.icon), ImVec2(tile_w, tile_h))) {
                ui.Go(Route{Screen::Services, c.id});
            }
            read_body += c.name.text + ", " + count + ".\n";
        }
        flow.End();
    }
    EndScrollArea(ui);
    ui.SetReadAloud(ui.T("categories.title"), read_body);
}

}  // namespace ui
