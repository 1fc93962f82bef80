// ui/staff_home.cpp: the staff member's start screen: what to edit (services, organisations,
// locations, courses and sessions, hotline hours, booking forms), the open conflicts, and the
// kiosk's diagnostics.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

struct HomeTile {
    const char* id;
    std::string title, hint;
    Icon icon;
};

void OpenList(StaffSession& staff, const std::string& table, const std::string& parent, std::string title) {
    staff.list_table = table;
    staff.list_parent = parent;
    staff.list_title = std::move(title);
    staff.list_notice.clear();
    StaffGo(staff, StaffScreen::RecordList);
}

const content::Result<std::vector<content::StaffConflict>>& OpenConflicts(VisitorUi::Impl& ui, StaffSession& staff) {
    if (!staff.conflicts) staff.conflicts = content::ListConflicts(ui.db, /*open_only=*/true);
    return *staff.conflicts;
}

}  // namespace

void DrawStaffHome(VisitorUi::Impl& ui, StaffSession& staff) {
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "staff_home", area.size, /*remember=*/false);
    Heading(ui, ui.T("staff.home.title"), ui.m.title_px);
    Gap(ui);

    const auto& conflicts = OpenConflicts(ui, staff);
    std::string conflicts_hint = conflicts.ok()
                                     ? Format(ui.T("staff.home.conflicts_hint"), {{"n", std::to_string(conflicts->size())}})
                                     : ui.T("common.error");
    const std::vector<HomeTile> tiles = {
        {"staff_services", ui.T("staff.home.services"), ui.T("staff.home.services_hint"), Icon::Services},
        {"staff_organizations", ui.T("staff.home.organizations"), ui.T("staff.home.organizations_hint"), Icon::About},
        {"staff_locations", ui.T("staff.home.locations"), ui.T("staff.home.locations_hint"), Icon::Pin},
        {"staff_courses", ui.T("staff.home.courses"), ui.T("staff.home.courses_hint"), Icon::Courses},
        {"staff_hotline", ui.T("staff.home.hotline"), ui.T("staff.home.hotline_hint"), Icon::Hotline},
        {"staff_forms", ui.T("staff.home.forms"), ui.T("staff.home.forms_hint"), Icon::Booking},
        {"staff_conflicts", ui.T("staff.home.conflicts"), conflicts_hint, Icon::Warning},
        {"staff_diagnostics", ui.T("staff.home.diagnostics"), ui.T("staff.home.diagnostics_hint"), Icon::List},
    };
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = ui.visit.larger_text ? 2 : 4;
    const float gap = ui.m.pad;
    const float tile_w = std::floor((width - gap * (columns - 1)) / columns);
    const float tile_h = std::max(ui.m.touch_min * 2, std::round(ui.m.large_px * 7.5f));
    FlowLayout flow(width, gap);
    for (const HomeTile& tile : tiles) {
        flow.Next(ImVec2(tile_w, tile_h));
        if (!Tile(ui, tile.id, tile.title, tile.hint, tile.icon, ImVec2(tile_w, tile_h))) continue;
        const std::string id = tile.id;
        if (id == "staff_services") {
            OpenList(staff, "service", "", tile.title);
        } else if (id == "staff_organizations") {
            OpenList(staff, "organization", "", tile.title);
        } else if (id == "staff_locations") {
            OpenList(staff, "location", "", tile.title);
        } else if (id == "staff_courses") {
            OpenList(staff, "course_series", "", tile.title);
        } else if (id == "staff_hotline") {
            // The hotline's hours are the hotline service's schedule rows.
            const auto& hotline = ui.cache.Hotline(ui.lang());
            if (hotline.ok() && !hotline->id.empty()) {
                OpenList(staff, "schedule", hotline->id, tile.title);
            } else {
                OpenList(staff, "schedule", "", tile.title);
                staff.list_notice = ui.T("staff.home.no_hotline");
            }
        } else if (id == "staff_forms") {
            OpenList(staff, "booking_form", "", tile.title);
        } else if (id == "staff_conflicts") {
            staff.conflicts.reset();  // the newest state when the screen opens
            StaffGo(staff, StaffScreen::Conflicts);
        } else if (id == "staff_diagnostics") {
            StaffGo(staff, StaffScreen::Diagnostics);
        }
    }
    flow.End();
    EndScrollArea(ui, /*remember=*/false);
    ui.SetReadAloud(ui.T("staff.home.title"), "");
}

}  // namespace ui
