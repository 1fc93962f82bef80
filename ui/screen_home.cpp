// ui/screen_home.cpp: the home screen's large tiles.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawHomeScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "home", area.size);
    Heading(ui, ui.T("home.title"), ui.m.title_px);
    Gap(ui);
    struct TileDef {
        const char* id;
        const char* title;
        const char* hint;
        Icon icon;
        Screen screen;
        ButtonKind kind;
    };
    const TileDef tiles[] = {
        {"services", "home.services", "home.services_hint", Icon::Services, Screen::Categories, ButtonKind::Normal},
        {"courses", "home.courses", "home.courses_hint", Icon::Courses, Screen::Courses, ButtonKind::Normal},
        {"booking", "home.booking", "home.booking_hint", Icon::Booking, Screen::Booking, ButtonKind::Normal},
        {"hotline", "home.hotline", "home.hotline_hint", Icon::Hotline, Screen::Hotline, ButtonKind::Hotline},
        {"about", "home.about", "home.about_hint", Icon::About, Screen::About, ButtonKind::Normal},
        {"search", "home.search", "home.search_hint", Icon::Search, Screen::Search, ButtonKind::Normal},
    };
    // Three columns normally; two with larger text, so words stay large instead of squeezed.
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = ui.visit.larger_text || width < 1200 ? 2 : 3;
    const float gap = ui.m.pad * 1.5f;
    const float tile_w = std::floor((width - gap * (columns - 1)) / columns);
    const float rows = std::ceil(6.0f / columns);
    const float avail_h = area.size.y - ImGui::GetCursorPosY() - ui.m.pad * 2;
    const float tile_h = std::max({ui.m.touch_min * 3, ui.m.large_px * 2 + ui.m.body_px * 4 + ui.m.heading_px * 2,
                                   std::floor((avail_h - gap * (rows - 1)) / rows)});
    FlowLayout flow(width, gap);
    std::string read_body;
    for (const TileDef& t : tiles) {
        flow.Next(ImVec2(tile_w, tile_h));
        std::string title = ui.T(t.title), hint = ui.T(t.hint);
        if (Tile(ui, t.id, title, hint, t.icon, ImVec2(tile_w, tile_h), t.kind)) ui.Go(Route{t.screen});
        read_body += title + ": " + hint + ".\n";
    }
    flow.End();
    EndScrollArea(ui);
    ui.SetReadAloud(ui.T("home.title"), read_body);
}

}  // namespace ui
