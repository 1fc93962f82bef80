// ui/staff_conflicts.cpp: open conflicts (content::ListConflicts), this device's first. Each shows
// the field, the value before the edit, this edit's value and the hub's, in words, and three ways
// out: keep this edit, keep the hub's, or type a new value (content::ResolveConflictLocally).
//
// Design note
// - A decision removes its card and the cards below move up. A second tap on the same spot
//   (a double tap, or a tap repeated because the first seemed slow) would then decide the NEXT
//   conflict. So the choice buttons ignore taps for kDecisionSettleSeconds after a decision;
//   the time lives in the list window's ImGui storage (UI state, no content, no person).
// - A typed value is checked with content::ValidateStaffEdit in the staff member's language
//   before it is written, so the problem is shown in their words next to the field.
// - The pseudo-field "record" (a delete that met a change) offers only "keep this edit" (delete)
//   and "keep the hub's": a whole record cannot be typed into one box.
// - The read-aloud text carries each conflict in the same words the screen shows.
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

constexpr double kDecisionSettleSeconds = 0.6;

std::string FieldName(VisitorUi::Impl& ui, const std::string& field) {
    if (field == "record") return ui.T("staff.conflicts.record");
    if (auto text = content::ParseTextField(field)) {
        std::string lang = text->lang;
        for (char& c : lang) c = char(std::toupper(static_cast<unsigned char>(c)));
        return StaffFieldLabel(ui, text->field) + " (" + lang + ")";
    }
    return StaffFieldLabel(ui, field);
}

// A value in words: "(nothing)" for absent, a record's columns as "Label: value" pairs.
std::string ShownValue(VisitorUi::Impl& ui, const nlohmann::json& value) {
    if (value.is_null()) return ui.T("staff.conflicts.absent");
    if (value.is_object()) {
        std::string out;
        for (const auto& [key, v] : value.items()) {
            if (key == "id" || key == "version" || key == "updated_at" || v.is_null()) continue;
            std::string text = ValueText(v);
            if (text.empty()) continue;
            out += (out.empty() ? "" : "; ") + FieldName(ui, key) + ": " + text;
        }
        return out.empty() ? ui.T("staff.conflicts.absent") : out;
    }
    std::string text = ValueText(value);
    return text.empty() ? ui.T("staff.conflicts.absent") : text;
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

ImGuiID DecidedAtKey() { return ImGui::GetID("decided_at"); }

// Problems with a typed value, in the staff member's language (empty when it may be written).
std::string CheckTypedValue(VisitorUi::Impl& ui, StaffSession& staff, const content::StaffConflict& c,
                            const nlohmann::json& value) {
    content::StaffEdit edit;
    edit.edit_id = content::NewUuid();
    edit.staff_id = staff.member ? staff.member->id : c.staff_id;
    edit.device = StaffDevice(ui);
    edit.table = c.table;
    edit.record_id = c.record_id;
    edit.action = content::EditAction::Update;
    edit.changes.push_back({c.field, c.theirs, value});
    auto problems = content::ValidateStaffEdit(ui.db, edit, ui.lang());
    if (!problems.ok()) return problems.error().message;
    std::string out;
    for (const content::EditProblem& p : *problems) out += (out.empty() ? "" : " ") + p.message;
    return out;
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
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID decided_key = DecidedAtKey();
    const float decided_at = storage->GetFloat(decided_key, -1e9f);
    const bool settling = ui.frame.now_seconds - double(decided_at) < kDecisionSettleSeconds &&
                          ui.frame.now_seconds >= double(decided_at);
    Heading(ui, ui.T("staff.conflicts.title"), ui.m.title_px);
    StaffNotice(ui, staff.conflicts_notice, staff.conflicts_notice_error);
    Gap(ui, 0.5f);
    const float width = ImGui::GetContentRegionAvail().x;
    std::string read = staff.conflicts_notice.empty() ? std::string() : staff.conflicts_notice + "\n";
    if (!staff.conflicts->ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", staff.conflicts->error().message}}));
    } else if ((*staff.conflicts)->empty()) {
        Para(ui, ui.T("staff.conflicts.none"), ui.m.large_px);
        read += ui.T("staff.conflicts.none");
    } else {
        // This device's conflicts first (its staff made those edits), then the oldest first.
        std::vector<content::StaffConflict> list = **staff.conflicts;
        const std::string device = StaffDevice(ui);
        std::stable_sort(list.begin(), list.end(), [&](const content::StaffConflict& a, const content::StaffConflict& b) {
            bool a_mine = a.device == device, b_mine = b.device == device;
            if (a_mine != b_mine) return a_mine;
            return a.created_at < b.created_at;
        });
        for (const content::StaffConflict& c : list) {
            ImGui::PushID(c.id.c_str());  // a decision moves the cards up: ids follow the conflict
            const std::string heading = StaffTableLabel(ui, c.table) + ": " + RecordName(ui, staff, c) + " — " +
                                        FieldName(ui, c.field);
            SectionTitle(ui, heading, Icon::Warning);
            std::string origin = c.device == device ? ui.T("staff.conflicts.this_device")
                                                    : Format(ui.T("staff.conflicts.other_device"), {{"device", c.device}});
            if (c.created_at > 0) origin += "  ·  " + FormatDateTimeUtc(c.created_at, ui.lang());
            const std::string base = ui.T("staff.conflicts.base") + ": " + ShownValue(ui, c.base);
            const std::string mine_line = ui.T("staff.conflicts.mine") + ": " + ShownValue(ui, c.mine);
            const std::string theirs_line = ui.T("staff.conflicts.theirs") + ": " + ShownValue(ui, c.theirs);
            Para(ui, origin, ui.m.body_px, true);
            Para(ui, base, ui.m.body_px);
            Para(ui, mine_line, ui.m.body_px, false, true);
            Para(ui, theirs_line, ui.m.body_px, false, true);
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
            bool write = false;
            if (c.field != "record") {
                ButtonOptions e;
                e.kind = staff.conflict_editing == c.id ? ButtonKind::Selected : ButtonKind::Normal;
                ImVec2 es = ButtonSize(ui, edit, e);
                es.x += ui.m.body_px;
                flow.Next(es);
                write = Button(ui, "edit", edit, es, e);
            }
            flow.End();
            ImGui::PopID();
            Gap(ui);
            read += heading + ". " + origin + ". " + base + ". " + mine_line + ". " + theirs_line + ".\n";
            if (settling && (keep_mine || keep_theirs || write)) {
                base::LogInfo("staff_conflict_tap_ignored", "conflict=" + c.id + " reason=just_decided");
                continue;
            }
            if (keep_mine || keep_theirs) {
                Resolve(ui, staff, c, keep_mine ? content::ResolutionChoice::Mine : content::ResolutionChoice::Theirs,
                        keep_mine ? c.mine : c.theirs);
                storage->SetFloat(decided_key, float(ui.frame.now_seconds));
                break;
            }
            if (write) {
                staff.conflict_editing = c.id;
                staff.conflict_text = c.mine.is_null() ? std::string() : ValueText(c.mine);
                staff.conflicts_notice.clear();
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
            FieldBox(ui, "conflict_value", staff.conflict_text, "", kw, true, staff.conflicts_notice_error, 4, name);
            // A refused value's problem also stands next to the field, not only at the list's top.
            if (staff.conflicts_notice_error && !staff.conflicts_notice.empty()) ErrorText(ui, staff.conflicts_notice);
            Gap(ui, 0.5f);
            ButtonOptions save;
            save.kind = ButtonKind::Primary;
            save.icon = Icon::Check;
            bool do_save = Button(ui, "conflict_save", ui.T("staff.conflicts.save"), ImVec2(kw, 0), save);
            Gap(ui, 0.5f);
            if (StaffKeyboard(ui, staff.conflict_text, kw, false)) staff.conflicts_notice.clear();
            EndScrollArea(ui, /*remember=*/false);
            if (do_save) {
                nlohmann::json value = staff.conflict_text.empty() ? nlohmann::json() : nlohmann::json(staff.conflict_text);
                const std::string problems = CheckTypedValue(ui, staff, c, value);
                if (!problems.empty()) {
                    staff.conflicts_notice = Format(ui.T("staff.conflicts.failed"), {{"error", problems}});
                    staff.conflicts_notice_error = true;
                } else {
                    Resolve(ui, staff, c, content::ResolutionChoice::Edit, value);
                }
            }
        }
    }
    ui.SetReadAloud(ui.T("staff.conflicts.title"), read);
}

}  // namespace ui
