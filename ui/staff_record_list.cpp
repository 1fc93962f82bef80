// ui/staff_record_list.cpp: the records of one table (or one parent's records, e.g. the
// hotline's hours), sorted in the staff member's language, each with what needs attention:
// missing and outdated translations and open conflicts, in words. A search box above the list
// narrows it by name as the staff member types.
//
// Design note
// - The search text (StaffSession::list_query) belongs to one list (list_query_of: table and
//   parent): it survives opening a record and coming back, and starts empty on another list.
// - The heading and the search box stay in view above the scrolling rows. Tapping the box (or
//   typing on a hardware keyboard) opens the on-screen keyboard in a panel on the right, as in
//   the editor; "Hide keyboard" gives the list its full width back. Matching folds case and
//   diacritics (MatchingRecords), so "konsultacija" finds "Konsultācija".
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/keyboard_layouts.h"
#include "ui/screens.h"
#include "ui/staff_field_pickers.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr size_t kListSearchMaxChars = 60;

void FocusSearch(VisitorUi::Impl& ui, StaffSession& staff) {
    if (!staff.list_search_focused && FindKeyboardLayout(ui.lang())) ui.visit.keyboard_layout = ui.lang();
    staff.list_search_focused = true;
}

}  // namespace

const content::Result<std::vector<content::EditableSummary>>& StaffRecords(VisitorUi::Impl& ui, StaffSession& staff,
                                                                           const std::string& table,
                                                                           const std::string& parent) {
    const std::string key = table + "|" + parent + "|" + ui.lang();
    auto it = staff.lists.find(key);
    if (it != staff.lists.end()) return it->second;
    auto records = content::ListEditableRecords(ui.db, table, ui.lang(), StaffLanguages(ui));
    if (records.ok() && !parent.empty()) {
        auto& list = *records;
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const content::EditableSummary& s) { return s.parent_id != parent; }),
                   list.end());
    }
    return staff.lists.emplace(key, std::move(records)).first->second;
}

void DrawStaffRecordList(VisitorUi::Impl& ui, StaffSession& staff) {
    const std::string list_key = staff.list_table + "|" + staff.list_parent;
    if (staff.list_query_of != list_key) {
        staff.list_query_of = list_key;
        staff.list_query.clear();
        staff.list_search_focused = false;
    }
    // A hardware keyboard types into the search without a tap first.
    if (!ImGui::GetIO().InputQueueCharacters.empty()) FocusSearch(ui, staff);

    ContentArea area = BeginContent(ui);
    const float right_w = staff.list_search_focused ? std::floor(area.size.x * 0.38f) : 0.0f;
    const float left_w = area.size.x - right_w;
    const auto& records = StaffRecords(ui, staff, staff.list_table, staff.list_parent);
    std::vector<size_t> shown;
    if (records.ok()) shown = MatchingRecords(*records, staff.list_query);

    // The header (title, notice, search) stays above the rows; its height is last frame's.
    if (staff.list_head_h <= 0) staff.list_head_h = std::round(ui.m.title_px * 1.5f + ui.m.button_h * 1.5f + 3 * ui.m.pad);
    const std::string head_id = "staff_list_head_" + staff.list_table + "_" + staff.list_parent;
    BeginScrollArea(ui, head_id.c_str(), ImVec2(left_w, staff.list_head_h), /*remember=*/false);
    const float head_top = ImGui::GetCursorScreenPos().y;
    const std::string title = staff.list_title.empty() ? StaffTableLabel(ui, staff.list_table) : staff.list_title;
    Heading(ui, title, ui.m.title_px);
    if (!staff.list_notice.empty()) ErrorText(ui, staff.list_notice);
    Gap(ui, 0.25f);
    const float width = ImGui::GetContentRegionAvail().x;
    if (records.ok() && !records->empty()) {
        const std::string search_name = ui.T("staff.list.search_name");
        ButtonOptions clear;
        clear.icon = Icon::Backspace;
        const std::string clear_label = ui.T("staff.list.clear_search");
        const ImVec2 clear_size = ButtonSize(ui, clear_label, clear);
        const bool has_query = !staff.list_query.empty();
        const float box_w = has_query ? std::max(width * 0.4f, width - clear_size.x - ui.m.pad * 0.5f) : width;
        const ImVec2 row = ImGui::GetCursorScreenPos();
        if (FieldBox(ui, "list_search", staff.list_query, ui.T("staff.list.search_prompt"), box_w,
                     staff.list_search_focused, false, 1, search_name)) {
            FocusSearch(ui, staff);
        }
        const float box_bottom = ImGui::GetCursorScreenPos().y;
        if (has_query) {
            ImGui::SetCursorScreenPos(ImVec2(row.x + box_w + ui.m.pad * 0.5f, row.y));
            if (Button(ui, "list_search_clear", clear_label, clear_size, clear)) staff.list_query.clear();
            ImGui::SetCursorScreenPos(ImVec2(row.x, std::max(box_bottom, row.y + clear_size.y + ui.m.pad * 0.5f)));
        }
        if (!staff.list_query.empty()) {
            Para(ui,
                 Format(ui.T("staff.list.shown"),
                        {{"shown", std::to_string(shown.size())}, {"total", std::to_string(records->size())}}),
                 ui.m.body_px, true);
        }
    }
    const float head_h = ImGui::GetCursorScreenPos().y - head_top + 2 * ui.m.pad;
    EndScrollArea(ui, /*remember=*/false);
    if (std::fabs(head_h - staff.list_head_h) > 0.5f) staff.list_head_h = std::min(head_h, area.size.y * 0.6f);

    ImGui::SetCursorScreenPos(ImVec2(area.min.x, area.min.y + staff.list_head_h));
    const std::string scroll_id = "staff_list_" + staff.list_table + "_" + staff.list_parent;
    BeginScrollArea(ui, scroll_id.c_str(), ImVec2(left_w, area.size.y - staff.list_head_h), /*remember=*/false);
    std::string read;
    if (!records.ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", records.error().message}}));
    } else if (records->empty()) {
        Para(ui, ui.T("staff.list.empty"), ui.m.large_px);
    } else if (shown.empty()) {
        read = Format(ui.T("staff.picker.nothing_found"), {{"query", staff.list_query}});
        Para(ui, read, ui.m.large_px);
    } else {
        const float row_w = ImGui::GetContentRegionAvail().x;
        // Copy the id first: opening an editor may drop the cache this list lives in.
        std::string open_id;
        for (size_t i : shown) {
            const content::EditableSummary& s = (*records)[i];
            std::string detail;
            auto add = [&](const std::string& part) { detail += (detail.empty() ? "" : "  ·  ") + part; };
            if (s.missing_texts > 0) add(Format(ui.T("staff.list.missing"), {{"n", std::to_string(s.missing_texts)}}));
            if (s.outdated_texts > 0) add(Format(ui.T("staff.list.outdated"), {{"n", std::to_string(s.outdated_texts)}}));
            if (s.open_conflicts > 0) add(Format(ui.T("staff.list.conflicts"), {{"n", std::to_string(s.open_conflicts)}}));
            if (detail.empty()) detail = ui.T("staff.list.all_done");
            if (s.status == "cancelled") detail = ui.T("staff.sessions.cancelled") + "  ·  " + detail;
            // Ids follow the record, not the row, so a narrowing search keeps ImGui's state apart.
            std::string id = "record" + std::to_string(i);
            if (ListRow(ui, id.c_str(), s.name.empty() ? s.id : s.name, detail, "", row_w)) open_id = s.id;
            Gap(ui, 0.5f);
            read += s.name + ".\n";
        }
        if (!open_id.empty()) OpenStaffEditor(ui, staff, staff.list_table, open_id);
    }
    EndScrollArea(ui, /*remember=*/false);

    // The keyboard panel while the search is focused.
    if (staff.list_search_focused && staff.screen == StaffScreen::RecordList) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
        BeginScrollArea(ui, "staff_list_keyboard", ImVec2(right_w, area.size.y), /*remember=*/false);
        const float kw = ImGui::GetContentRegionAvail().x;
        Para(ui, ui.T("staff.list.search_name"), ui.m.large_px, false, true);
        FieldBox(ui, "list_search_copy", staff.list_query, ui.T("staff.list.search_prompt"), kw, true, false, 1);
        Gap(ui, 0.5f);
        StaffKeyboard(ui, staff.list_query, kw, /*digits_only=*/false, kListSearchMaxChars);
        Gap(ui, 0.5f);
        ButtonOptions hide;
        hide.icon = Icon::Keyboard;
        if (Button(ui, "list_hide_keyboard", ui.T("staff.list.hide_keyboard"), ImVec2(0, 0), hide))
            staff.list_search_focused = false;
        EndScrollArea(ui, /*remember=*/false);
    }
    ui.SetReadAloud(title, read);
}

}  // namespace ui
