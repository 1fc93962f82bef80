// ui/staff_conflicts.cpp: open conflicts (content::ListConflicts), this device's first. Each shows
// the field, the value before the edit, this edit's value and the hub's, and three ways out:
// keep this edit, keep the hub's, or type a new value (content::ResolveConflictLocally).
#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "base/log.h"
#include "content/text.h"
#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

std::string ShownValue(VisitorUi::Impl& ui, const nlohmann::json& value) {
    if (value.is_null()) return ui.T("staff.conflicts.absent");
    std::string text = ValueText(value);
    return text.empty() ? ui.T("staff.conflicts.absent") : text;
}

std::string FieldName(VisitorUi::Impl& ui, const std::string& field) {
    if (field == "record") return ui.T("staff.conflicts.record");
    if (auto text = content::ParseTextField(field)) {
        std::string lang = text->lang;
        for (char& c : lang) c = char(std::toupper(static_cast<unsigned char>(c)));
        return StaffFieldLabel(ui, text->field) + " (" + lang + ")";
    }
    return StaffFieldLabel(ui, field);
}

std::string RecordName(VisitorUi::Impl& ui, StaffSession& staff, const content::StaffConflict& c) {
    const auto& records = StaffRecords(ui, staff, c.table, "");
    if (records.ok()) {
        for (const content::EditableSummary& s : *records) {
            if (s.id == c.record_id && !s.name.empty()) return s.name;
        }
    }
    return c.record_id;
}

void Resolve(VisitorUi::Impl& ui, StaffSession& staff, const content::StaffConflict& c, content::ResolutionChoice choice,
             const nlohmann::json& value) {
    content::ConflictResolution resolution;
    resolution.resolution_id = content::NewUuid();
    resolution.conflict_id = c.id;
    resolution.staff_id = staff.member ? staff.member->id : std::string();
    resolution.device = StaffDevice(ui);
    resolution.choice = choice;
    resolution.value = value;
    resolution.made_at = ui.frame.now_utc;
    base::Status status = content::ResolveConflictLocally(ui.db, resolution, ui.frame.now_utc);
    if (!status.ok()) {
        base::LogWarn("staff_conflict_resolve_failed", "conflict=" + c.id + " error=\"" + status.error().ToString() + "\"");
        staff.conflicts_notice = Format(ui.T("staff.conflicts.failed"), {{"error", status.error().message}});
        staff.conflicts_notice_error = true;
        return;
    }
    base::LogInfo("staff_conflict_resolved", "conflict=" + c.id);
    staff.conflicts_notice = ui.T("staff.conflicts.resolved");
    staff.conflicts_notice_error = false;
    staff.conflict_editing.clear();
    staff.conflict_text.clear();
    ui.cache.Invalidate();
    staff.DropCaches();
}

}  // namespace

void DrawStaffConflicts(VisitorUi::Impl& ui, StaffSession& staff) {
    if (!staff.conflicts) staff.conflicts = content::ListConflicts(ui.db, /*open_only=*/true);
    ContentArea area = BeginContent(ui);
    const bool editing = !staff.conflict_editing.empty();
    const float right_w = editing ? std::floor(area.size.x * 0.42f) : 0.0f;
    const float left_w = area.size.x - right_w;
    BeginScrollArea(ui, "staff_conflicts", ImVec2(left_w, area.size.y), /*remember=*/false);
    Heading(ui, ui.T("staff.conflicts.title"), ui.m.title_px);
    StaffNotice(ui, staff.conflicts_notice, staff.conflicts_notice_error);
    Gap(ui, 0.5f);
    const float width = ImGui::GetContentRegionAvail().x;
    std::string read;
    if (!staff.conflicts->ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", staff.conflicts->error().message}}));
    } else if ((*staff.conflicts)->empty()) {
        Para(ui, ui.T("staff.conflicts.none"), ui.m.large_px);
        read = ui.T("staff.conflicts.none");
    } else {
        // This device's conflicts first (its staff made those edits), then the oldest first.
        std::vector<content::StaffConflict> list = **staff.conflicts;
        const std::string device = StaffDevice(ui);
        std::stable_sort(list.begin(), list.end(), [&](const content::StaffConflict& a, const content::StaffConflict& b) {
            bool a_mine = a.device == device, b_mine = b.device == device;
            if (a_mine != b_mine) return a_mine;
            return a.created_at < b.created_at;
        });
        int index = 0;
        for (const content::StaffConflict& c : list) {
            ImGui::PushID(index++);
            const std::string heading = StaffTableLabel(ui, c.table) + ": " + RecordName(ui, staff, c) + " — " +
                                        FieldName(ui, c.field);
            SectionTitle(ui, heading, Icon::Warning);
            std::string origin = c.device == device ? ui.T("staff.conflicts.this_device")
                                                    : Format(ui.T("staff.conflicts.other_device"), {{"device", c.device}});
            if (c.created_at > 0) origin += "  ·  " + FormatDateTimeUtc(c.created_at, ui.lang());
            Para(ui, origin, ui.m.body_px, true);
            Para(ui, ui.T("staff.conflicts.base") + ": " + ShownValue(ui, c.base), ui.m.body_px);
            Para(ui, ui.T("staff.conflicts.mine") + ": " + ShownValue(ui, c.mine), ui.m.body_px, false, true);
            Para(ui, ui.T("staff.conflicts.theirs") + ": " + ShownValue(ui, c.theirs), ui.m.body_px, false, true);
            Gap(ui, 0.5f);
            FlowLayout flow(width, ui.m.pad * 0.5f);
            ButtonOptions o;
            std::string mine = ui.T("staff.conflicts.keep_mine"), theirs = ui.T("staff.conflicts.keep_theirs"),
                        edit = ui.T("staff.conflicts.edit");
            ImVec2 ms = ButtonSize(ui, mine, o);
            flow.Next(ms);
            bool keep_mine = Button(ui, "mine", mine, ms, o);
            ImVec2 ts = ButtonSize(ui, theirs, o);
            flow.Next(ts);
            bool keep_theirs = Button(ui, "theirs", theirs, ts, o);
            ButtonOptions e;
            e.kind = staff.conflict_editing == c.id ? ButtonKind::Selected : ButtonKind::Normal;
            ImVec2 es = ButtonSize(ui, edit, e);
            es.x += ui.m.body_px;
            flow.Next(es);
            bool write = Button(ui, "edit", edit, es, e);
            flow.End();
            ImGui::PopID();
            Gap(ui);
            read += heading + ".\n";
            if (keep_mine) {
                Resolve(ui, staff, c, content::ResolutionChoice::Mine, c.mine);
                break;
            }
            if (keep_theirs) {
                Resolve(ui, staff, c, content::ResolutionChoice::Theirs, c.theirs);
                break;
            }
            if (write) {
                staff.conflict_editing = c.id;
                staff.conflict_text = c.mine.is_null() ? std::string() : ValueText(c.mine);
            }
        }
    }
    EndScrollArea(ui, /*remember=*/false);

    if (!staff.conflict_editing.empty() && staff.conflicts && staff.conflicts->ok()) {
        const content::StaffConflict* editing_conflict = nullptr;
        for (const content::StaffConflict& c : **staff.conflicts) {
            if (c.id == staff.conflict_editing) editing_conflict = &c;
        }
        if (editing_conflict == nullptr) {
            staff.conflict_editing.clear();
        } else if (right_w > 0) {
            const content::StaffConflict c = *editing_conflict;  // a save drops the list
            ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
            BeginScrollArea(ui, "staff_conflict_keyboard", ImVec2(right_w, area.size.y), /*remember=*/false);
            const float kw = ImGui::GetContentRegionAvail().x;
            const std::string name = FieldName(ui, c.field);
            Para(ui, name, ui.m.large_px, false, true);
            FieldBox(ui, "conflict_value", staff.conflict_text, "", kw, true, false, 4, name);
            Gap(ui, 0.5f);
            ButtonOptions save;
            save.kind = ButtonKind::Primary;
            save.icon = Icon::Check;
            bool do_save = Button(ui, "conflict_save", ui.T("staff.conflicts.save"), ImVec2(kw, 0), save);
            Gap(ui, 0.5f);
            StaffKeyboard(ui, staff.conflict_text, kw, false);
            EndScrollArea(ui, /*remember=*/false);
            if (do_save) {
                nlohmann::json value = staff.conflict_text.empty() ? nlohmann::json() : nlohmann::json(staff.conflict_text);
                Resolve(ui, staff, c, content::ResolutionChoice::Edit, value);
            }
        }
    }
    ui.SetReadAloud(ui.T("staff.conflicts.title"), read);
}

}  // namespace ui
