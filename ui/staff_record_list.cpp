// ui/staff_record_list.cpp: the records of one table (or one parent's records, e.g. the
// hotline's hours), sorted in the staff member's language, each with what needs attention:
// missing and outdated translations and open conflicts, in words.
#include <imgui.h>

#include <algorithm>

#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {

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
    ContentArea area = BeginContent(ui);
    const std::string scroll_id = "staff_list_" + staff.list_table + "_" + staff.list_parent;
    BeginScrollArea(ui, scroll_id.c_str(), area.size, /*remember=*/false);
    Heading(ui, staff.list_title.empty() ? StaffTableLabel(ui, staff.list_table) : staff.list_title, ui.m.title_px);
    if (!staff.list_notice.empty()) ErrorText(ui, staff.list_notice);
    Gap(ui, 0.5f);
    const auto& records = StaffRecords(ui, staff, staff.list_table, staff.list_parent);
    std::string read;
    if (!records.ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", records.error().message}}));
    } else if (records->empty()) {
        Para(ui, ui.T("staff.list.empty"), ui.m.large_px);
    } else {
        const float width = ImGui::GetContentRegionAvail().x;
        int index = 0;
        // Copy the ids first: opening an editor may drop the cache this list lives in.
        std::string open_id;
        for (const content::EditableSummary& s : *records) {
            std::string detail;
            auto add = [&](const std::string& part) { detail += (detail.empty() ? "" : "  ·  ") + part; };
            if (s.missing_texts > 0) add(Format(ui.T("staff.list.missing"), {{"n", std::to_string(s.missing_texts)}}));
            if (s.outdated_texts > 0) add(Format(ui.T("staff.list.outdated"), {{"n", std::to_string(s.outdated_texts)}}));
            if (s.open_conflicts > 0) add(Format(ui.T("staff.list.conflicts"), {{"n", std::to_string(s.open_conflicts)}}));
            if (detail.empty()) detail = ui.T("staff.list.all_done");
            std::string id = "record" + std::to_string(index++);
            if (ListRow(ui, id.c_str(), s.name.empty() ? s.id : s.name, detail, "", width)) open_id = s.id;
            Gap(ui, 0.5f);
            read += s.name + ".\n";
        }
        if (!open_id.empty()) OpenStaffEditor(ui, staff, staff.list_table, open_id);
    }
    EndScrollArea(ui, /*remember=*/false);
    ui.SetReadAloud(staff.list_title, read);
}

}  // namespace ui
