// ui/staff_editor.cpp: one record's editor: every editable column, every translatable field in
// every language side by side (missing and outdated texts marked in words and with an icon),
// typing with the on-screen keyboard or a hardware keyboard, validation next to the field,
// save (content::ApplyStaffEditLocally), preview, and the records that belong to this one (a
// course's sessions: add, cancel, change seats; a service's phones and hours; a form's fields).
//
// Design note
// - EditorState keeps the record as read (`before`, the base of every change) and the text in
//   each box (`values`). Only fields whose text differs are sent; an emptied box means "absent"
//   (null), which content/ turns into a NULL column or no translation. Texts are sent as
//   strings and content/ coerces them to the column's kind (integers, 0/1).
// - Columns are drawn by their kind (content::EditableField): choices and flags as buttons,
//   links to other records as a picker with a search (ui/staff_field_pickers.cpp), the rest as
//   text boxes (numbers with the digits keyboard). Buttons and pickers write the same `values`
//   as typing, so everything after (BuildStaffEdit, validation, save, outbox) is the same.
// - A save validates first (content::ValidateStaffEdit, messages in the staff member's language)
//   and shows each problem under its field; only a clean edit is applied. After a save the
//   record is read again, so the next edit is based on the new version.
// - A session's start is typed as Riga local time (local_start); starts_at/ends_at (UTC) follow
//   from it, keeping the session's length (or the course's duration for a new session).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/log.h"
#include "content/text.h"
#include "ui/keyboard_layouts.h"
#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/staff_field_pickers.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using nlohmann::json;

// The digits keyboard for whole numbers (capacity, ages, minutes).
bool IsNumberColumn(const EditorState& ed, const std::string& key) {
    const content::EditableField* column = EditorColumn(ed, key);
    return column && column->kind == content::ColumnKind::Integer;
}

// Tab and the keyboard panel skip columns chosen with buttons: there is nothing to type.
bool IsTyped(const EditorState& ed, const std::string& key) {
    const content::EditableField* column = EditorColumn(ed, key);
    return !column || ControlFor(*column) != ColumnControl::Buttons;
}

// Name-like fields get one line; descriptions get three.
int LinesFor(const std::string& field) {
    static const char* const kShort[] = {"name", "alternate_name", "title", "label", "option", "error"};
    for (const char* n : kShort) {
        if (field == n) return 1;
    }
    return field.rfind("option:", 0) == 0 ? 1 : 3;
}

std::string EditorUpperAscii(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// "2026-12-01T18:00" -> UTC seconds (Europe/Riga), or nullopt.
std::optional<int64_t> ParseLocalStart(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || y < 2000 || y > 2200) return std::nullopt;
    return LocalTimeUtc(y, mo, d, h, mi);
}

std::string RecordTitle(const VisitorUi::Impl& ui, const EditorState& ed) {
    for (const char* field : {"name", "title", "label", "option"}) {
        auto it = ed.values.find(content::MakeTextField(field, ui.lang()));
        if (it != ed.values.end() && !it->second.empty()) return it->second;
        for (const auto& [key, value] : ed.values) {
            auto text = content::ParseTextField(key);
            if (text && text->field == field && !value.empty()) return value;
        }
    }
    for (const char* column : {"local_start", "number", "address_1", "key", "opens_at"}) {
        auto it = ed.values.find(column);
        if (it != ed.values.end() && !it->second.empty()) return it->second;
    }
    return StaffTableLabel(ui, ed.table);
}

void ProblemsFor(VisitorUi::Impl& ui, const EditorState& ed, const std::string& key) {
    for (const content::EditProblem& p : ed.problems) {
        if (p.field == key) ErrorText(ui, p.message);
    }
}

bool HasProblem(const EditorState& ed, const std::string& key) {
    return std::any_of(ed.problems.begin(), ed.problems.end(), [&](const content::EditProblem& p) { return p.field == key; });
}

void Focus(VisitorUi::Impl& ui, EditorState& ed, const std::string& key) {
    ed.focused = key;
    ed.picker_query.clear();
    // The keyboard follows the language of the text being typed.
    if (auto text = content::ParseTextField(key)) {
        if (FindKeyboardLayout(text->lang) && text->lang != "digits") ui.visit.keyboard_layout = text->lang;
    }
}

// Sets starts_at/ends_at from a changed local_start (course sessions). False with a problem
// when the start cannot be read.
bool PrepareSessionTimes(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed) {
    if (ed.table != "course_session") return true;
    const std::string& local = ed.values["local_start"];
    if (local == ed.original["local_start"] && !ed.creating) return true;
    auto starts = ParseLocalStart(local);
    if (!starts) {
        ed.problems.push_back({"local_start", "bad_time", ui.T("staff.sessions.bad_start")});
        return false;
    }
    int64_t length = 0;
    const json& old_start = ed.before["starts_at"];
    const json& old_end = ed.before["ends_at"];
    if (old_start.is_number_integer() && old_end.is_number_integer()) length = old_end.get<int64_t>() - old_start.get<int64_t>();
    if (length <= 0) {
        // A new session lasts as long as its course says.
        const auto& series = StaffRecord(ui, staff, "course_series", ed.values["series_id"]);
        if (series.ok()) {
            for (const content::EditableField& f : series->fields) {
                if (f.field == "duration_minutes" && f.value.is_number_integer()) length = f.value.get<int64_t>() * 60;
            }
        }
    }
    if (length <= 0) length = 90 * 60;
    ed.values["starts_at"] = std::to_string(*starts);
    ed.values["ends_at"] = std::to_string(*starts + length);
    return true;
}

// Validates, applies, re-reads. Returns true when saved.
bool SaveEditor(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed) {
    ed.problems.clear();
    ed.notice.clear();
    ed.notice_is_error = false;
    if (!EditorDirty(ed)) {
        ed.notice = ui.T("staff.editor.nothing_changed");
        return true;
    }
    if (!PrepareSessionTimes(ui, staff, ed)) {
        ed.notice = ui.T("staff.editor.problems");
        ed.notice_is_error = true;
        return false;
    }
    content::StaffEdit edit = BuildStaffEdit(ed, staff.member ? staff.member->id : std::string(), StaffDevice(ui),
                                             ui.frame.now_utc);
    std::string error;
    if (!SaveStaffEdit(ui, staff, edit, &ed.problems, &error)) {
        ed.notice = error.empty() ? ui.T("staff.editor.problems")
                                  : Format(ui.T("staff.editor.save_failed"), {{"error", error}});
        ed.notice_is_error = true;
        return false;
    }
    auto record = content::ReadEditableRecord(ui.db, ed.table, ed.record_id, StaffLanguages(ui));
    if (record.ok()) {
        const std::string focused = ed.focused, preview_lang = ed.preview_lang;
        ed = MakeEditor(*record);
        ed.focused = focused;
        ed.preview_lang = preview_lang;
    }
    ed.notice = ui.T("staff.editor.saved");
    return true;
}

// The visitor screen a record has, if any.
bool Previewable(const std::string& table) {
    return table == "service" || table == "organization" || table == "course_series";
}

void DrawTextColumns(VisitorUi::Impl& ui, EditorState& ed, const content::EditableField& field, float width) {
    SectionTitle(ui, StaffFieldLabel(ui, field.field));
    const float gap = ui.m.pad * 0.75f;
    const size_t n = std::max<size_t>(1, field.texts.size());
    const float min_w = 240.0f * ui.m.ui_scale * ui.m.text_scale;
    size_t per_row = n;
    while (per_row > 1 && (width - gap * (per_row - 1)) / per_row < min_w) --per_row;
    const float col_w = std::floor((width - gap * (per_row - 1)) / per_row);
    const std::string label = StaffFieldLabel(ui, field.field);
    // A field nobody has written in any language (an unused alert) is empty, not "missing":
    // the marker is for translations that lag behind, as in the record list's counts.
    const bool written = std::any_of(field.texts.begin(), field.texts.end(),
                                     [](const content::EditableText& t) { return !t.missing; });
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float row_y = origin.y;
    float row_bottom = row_y;
    for (size_t i = 0; i < field.texts.size(); ++i) {
        const content::EditableText& t = field.texts[i];
        if (i > 0 && i % per_row == 0) row_y = row_bottom + gap;
        const float x = origin.x + float(i % per_row) * (col_w + gap);
        ImGui::SetCursorScreenPos(ImVec2(x, row_y));
        ImGui::BeginGroup();
        const std::string key = content::MakeTextField(field.field, t.lang);
        // The header says the text's state in words, with a warning icon when it needs work;
        // tapping it (or the box) types into this language.
        std::string header = EditorUpperAscii(t.lang);
        ButtonOptions h;
        h.text_px = ui.m.small_px * 1.15f;
        h.center = false;
        if (t.missing && written) {
            header += " · " + ui.T("staff.editor.missing");
            h.icon = Icon::Warning;
        } else if (t.outdated) {
            header += " · " + ui.T("staff.editor.outdated");
            h.icon = Icon::Warning;
        } else if (t.is_source) {
            header += " · " + ui.T("staff.editor.source");
        }
        h.kind = ed.focused == key ? ButtonKind::Selected : ButtonKind::Normal;
        const std::string header_id = "hdr_" + key;
        if (Button(ui, header_id.c_str(), header, ImVec2(col_w, 0), h)) Focus(ui, ed, key);
        const std::string name = label + " (" + EditorUpperAscii(t.lang) + ")";
        const std::string box_id = "box_" + key;
        std::string placeholder = t.missing && written ? ui.T("staff.editor.missing_placeholder") : std::string();
        if (FieldBox(ui, box_id.c_str(), ed.values[key], placeholder, col_w, ed.focused == key, HasProblem(ed, key),
                     LinesFor(field.field), name)) {
            Focus(ui, ed, key);
        }
        ProblemsFor(ui, ed, key);
        ImGui::EndGroup();
        row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, row_bottom));
    ImGui::Dummy(ImVec2(width, gap));
}

void DrawColumn(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed, const content::EditableField& field,
                float width) {
    const std::string& key = field.field;
    const std::string label = StaffFieldLabel(ui, key);
    Para(ui, label, ui.m.body_px, false, true);
    switch (ControlFor(field)) {
        case ColumnControl::Buttons: DrawChoiceButtons(ui, ed, field, width); break;
        case ColumnControl::RecordPicker: DrawRecordPicker(ui, staff, ed, field, width); break;
        case ColumnControl::TextBox: {
            const std::string box_id = "col_" + key;
            if (FieldBox(ui, box_id.c_str(), ed.values[key], "", width, ed.focused == key, HasProblem(ed, key), 1, label))
                Focus(ui, ed, key);
            break;
        }
    }
    ProblemsFor(ui, ed, key);
    Gap(ui, 0.5f);
}

// Applies one quick change to a session (cancel or restore) as its own edit.
void SetSessionStatus(VisitorUi::Impl& ui, StaffSession& staff, EditorState& series, const content::EditableRecord& session,
                      const std::string& status) {
    content::StaffEdit edit;
    edit.edit_id = content::NewUuid();
    edit.staff_id = staff.member ? staff.member->id : std::string();
    edit.device = StaffDevice(ui);
    edit.table = "course_session";
    edit.record_id = session.id;
    edit.action = content::EditAction::Update;
    edit.base_version = session.version;
    edit.made_at = ui.frame.now_utc;
    json before;
    for (const content::EditableField& f : session.fields) {
        if (f.field == "status") before = f.value;
    }
    edit.changes.push_back({"status", before, status});
    std::vector<content::EditProblem> problems;
    std::string error;
    if (SaveStaffEdit(ui, staff, edit, &problems, &error)) {
        series.notice = ui.T(status == "cancelled" ? "staff.sessions.cancel_done" : "staff.sessions.restore_done");
        series.notice_is_error = false;
    } else {
        series.notice = !problems.empty() ? problems.front().message
                                          : Format(ui.T("staff.editor.save_failed"), {{"error", error}});
        series.notice_is_error = true;
    }
}

void DrawSessions(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed, float width) {
    SectionTitle(ui, ui.T("staff.sessions.title"), Icon::Calendar);
    ButtonOptions add;
    add.icon = Icon::Calendar;
    if (Button(ui, "session_add", ui.T("staff.sessions.add"), ImVec2(0, 0), add)) {
        std::map<std::string, std::string> preset = {{"series_id", ed.record_id}, {"status", "scheduled"}};
        auto capacity = ed.values.find("capacity");
        if (capacity != ed.values.end()) preset["capacity"] = capacity->second;
        auto columns = content::DescribeEditableColumns(ui.db, "course_session");
        staff.editors.push_back(MakeCreateEditor("course_session", preset, columns.ok() ? &*columns : nullptr));
        staff.editors.back().preview_lang = ui.lang();
        Focus(ui, staff.editors.back(), "local_start");
        StaffGo(staff, StaffScreen::Editor);
        return;
    }
    Para(ui, ui.T("staff.sessions.start_hint"), ui.m.small_px, true);
    Gap(ui, 0.5f);
    const auto& sessions = StaffRecords(ui, staff, "course_session", ed.record_id);
    if (!sessions.ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", sessions.error().message}}));
        return;
    }
    std::vector<content::EditableSummary> rows = *sessions;  // a save below drops the cache
    int index = 0;
    for (const content::EditableSummary& s : rows) {
        const auto& record = StaffRecord(ui, staff, "course_session", s.id);
        if (!record.ok()) continue;
        const content::EditableRecord session = *record;
        std::string status, capacity, start = s.name;
        for (const content::EditableField& f : session.fields) {
            if (f.field == "status") status = ValueText(f.value);
            if (f.field == "capacity") capacity = ValueText(f.value);
            if (f.field == "local_start" && f.value.is_string()) start = FormatLocalStart(f.value.get<std::string>(), ui.lang());
        }
        const bool cancelled = status == "cancelled";
        std::string line = start + "  ·  " + Format(ui.T("staff.sessions.seats"), {{"n", capacity.empty() ? "–" : capacity}});
        if (cancelled) line += "  ·  " + ui.T("staff.sessions.cancelled");
        ImGui::PushID(index++);
        Para(ui, line, ui.m.body_px, false, !cancelled);
        FlowLayout flow(width, ui.m.pad * 0.5f);
        ButtonOptions o;
        std::string change = ui.T("staff.sessions.change");
        ImVec2 cs = ButtonSize(ui, change, o);
        flow.Next(cs);
        bool open = Button(ui, "change", change, cs, o);
        std::string toggle = ui.T(cancelled ? "staff.sessions.restore" : "staff.sessions.cancel");
        o.icon = cancelled ? Icon::Check : Icon::Warning;
        ImVec2 ts = ButtonSize(ui, toggle, o);
        flow.Next(ts);
        bool flip = Button(ui, "toggle", toggle, ts, o);
        flow.End();
        ImGui::PopID();
        Gap(ui, 0.5f);
        if (open) {
            OpenStaffEditor(ui, staff, "course_session", s.id);
            return;
        }
        if (flip) {
            SetSessionStatus(ui, staff, ed, session, cancelled ? "scheduled" : "cancelled");
            return;
        }
    }
}

// Records that belong to this one, each opening its own editor.
void DrawRelated(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed, float width) {
    std::vector<std::string> tables;
    if (ed.table == "service") tables = {"phone", "schedule", "cost_option"};
    if (ed.table == "location") tables = {"address", "phone"};
    if (ed.table == "booking_form") tables = {"booking_form_field"};
    for (const std::string& table : tables) {
        const auto& records = StaffRecords(ui, staff, table, ed.record_id);
        if (!records.ok() || records->empty()) continue;
        SectionTitle(ui, StaffTableLabel(ui, table), Icon::List);
        std::vector<content::EditableSummary> rows = *records;
        int index = 0;
        for (const content::EditableSummary& s : rows) {
            std::string id = "rel_" + table + std::to_string(index++);
            std::string detail;
            if (s.missing_texts > 0) detail = Format(ui.T("staff.list.missing"), {{"n", std::to_string(s.missing_texts)}});
            if (s.outdated_texts > 0)
                detail += (detail.empty() ? "" : "  ·  ") +
                          Format(ui.T("staff.list.outdated"), {{"n", std::to_string(s.outdated_texts)}});
            if (ListRow(ui, id.c_str(), s.name.empty() ? s.id : s.name, detail, "", width)) {
                OpenStaffEditor(ui, staff, table, s.id);
                return;
            }
            Gap(ui, 0.4f);
        }
    }
}

}  // namespace

std::string ValueText(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
    if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
    if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
    if (value.is_number_float()) return value.dump();
    if (value.is_null()) return {};
    return value.dump();
}

EditorState MakeEditor(const content::EditableRecord& record) {
    EditorState ed;
    ed.table = record.table;
    ed.record_id = record.id;
    ed.record = record;
    for (const content::EditableField& field : record.fields) {
        if (!field.translatable) {
            ed.before[field.field] = field.value;
            ed.original[field.field] = ValueText(field.value);
            ed.order.push_back(field.field);
            continue;
        }
        for (const content::EditableText& text : field.texts) {
            std::string key = content::MakeTextField(field.field, text.lang);
            ed.before[key] = text.missing ? json() : json(text.text);
            ed.original[key] = text.missing ? std::string() : text.text;
            ed.order.push_back(key);
        }
    }
    // Texts first in Tab order, as they are drawn first.
    std::stable_partition(ed.order.begin(), ed.order.end(),
                          [](const std::string& key) { return content::ParseTextField(key).has_value(); });
    ed.values = ed.original;
    return ed;
}

EditorState MakeCreateEditor(const std::string& table, const std::map<std::string, std::string>& preset,
                             const std::vector<content::EditableField>* described) {
    content::EditableRecord record;
    record.table = table;
    record.id = content::NewUuid();
    if (described) {
        record.fields = *described;
    } else if (const auto* columns = content::EditableColumns(table)) {
        for (const std::string& column : *columns) {
            content::EditableField field;
            field.field = column;
            record.fields.push_back(field);
        }
    }
    EditorState ed = MakeEditor(record);
    ed.creating = true;
    for (const auto& [key, value] : preset) ed.values[key] = value;
    return ed;
}

bool EditorDirty(const EditorState& ed) {
    for (const auto& [key, value] : ed.values) {
        auto it = ed.original.find(key);
        if (it == ed.original.end() ? !value.empty() : it->second != value) return true;
    }
    return false;
}

content::StaffEdit BuildStaffEdit(const EditorState& ed, const std::string& staff_id, const std::string& device,
                                  int64_t now_utc) {
    content::StaffEdit edit;
    edit.edit_id = content::NewUuid();
    edit.staff_id = staff_id;
    edit.device = device;
    edit.table = ed.table;
    edit.record_id = ed.record_id;
    edit.action = ed.creating ? content::EditAction::Create : content::EditAction::Update;
    edit.base_version = ed.creating ? 0 : ed.record.version;
    edit.made_at = now_utc;
    for (const std::string& key : ed.order) {
        auto value = ed.values.find(key);
        auto original = ed.original.find(key);
        const std::string now_text = value == ed.values.end() ? std::string() : value->second;
        const std::string was_text = original == ed.original.end() ? std::string() : original->second;
        if (now_text == was_text && !(ed.creating && !now_text.empty())) continue;
        if (ed.creating && now_text.empty()) continue;
        content::FieldChange change;
        change.field = key;
        auto before = ed.before.find(key);
        change.before = before == ed.before.end() ? json() : before->second;
        change.after = now_text.empty() ? json() : json(now_text);
        edit.changes.push_back(std::move(change));
    }
    return edit;
}

void DrawStaffEditor(VisitorUi::Impl& ui, StaffSession& staff) {
    if (staff.editors.empty()) {
        StaffBack(staff);
        return;
    }
    EditorState& ed = staff.editors.back();

    // A hardware keyboard's Tab moves to the next field.
    if (!ed.focused.empty() && ImGui::IsKeyPressed(ImGuiKey_Tab, false)) {
        auto it = std::find(ed.order.begin(), ed.order.end(), ed.focused);
        if (it != ed.order.end()) {
            it = std::find_if(std::next(it), ed.order.end(), [&](const std::string& key) { return IsTyped(ed, key); });
            if (it != ed.order.end()) Focus(ui, ed, *it);
        }
    }

    ContentArea area = BeginContent(ui);
    const float right_w = std::floor(area.size.x * 0.38f);
    const float left_w = area.size.x - right_w;
    // The title, the actions and the outcome of the last save stay in view above the fields,
    // which scroll. The header's height is the one it had last frame (it depends on wrapping).
    if (ed.head_h <= 0) ed.head_h = std::round(ui.m.title_px * 2.0f + ui.m.body_px * 1.5f + ui.m.button_h + 3 * ui.m.pad);
    const std::string head_id = "staff_editor_head_" + ed.table + "_" + ed.record_id;
    BeginScrollArea(ui, head_id.c_str(), ImVec2(left_w, ed.head_h), /*remember=*/false);
    const float head_top = ImGui::GetCursorScreenPos().y;
    float width = ImGui::GetContentRegionAvail().x;
    const std::string title = RecordTitle(ui, ed);
    Heading(ui, title, ui.m.title_px);
    std::string subtitle = StaffTableLabel(ui, ed.table) + "  ·  " +
                           (ed.creating ? ui.T("staff.editor.new_record")
                                        : Format(ui.T("staff.editor.version"), {{"version", std::to_string(ed.record.version)}}));
    if (EditorDirty(ed)) subtitle += "  ·  " + ui.T("staff.editor.unsaved");
    Para(ui, subtitle, ui.m.body_px, true);
    Gap(ui, 0.5f);

    bool go_back = false;
    if (ed.confirm_discard) {
        ErrorText(ui, ui.T("staff.editor.unsaved"));
        FlowLayout flow(width, ui.m.pad * 0.5f);
        ButtonOptions o;
        std::string discard = ui.T("staff.editor.discard"), keep = ui.T("staff.editor.keep_editing");
        ImVec2 ds = ButtonSize(ui, discard, o);
        flow.Next(ds);
        if (Button(ui, "discard", discard, ds, o)) go_back = true;
        o.kind = ButtonKind::Primary;
        ImVec2 ks = ButtonSize(ui, keep, o);
        flow.Next(ks);
        if (Button(ui, "keep", keep, ks, o)) ed.confirm_discard = false;
        flow.End();
    } else {
        FlowLayout flow(width, ui.m.pad * 0.5f);
        ButtonOptions save;
        save.kind = ButtonKind::Primary;
        save.icon = Icon::Check;
        save.bold = true;
        std::string save_label = ui.T("staff.editor.save");
        ImVec2 ss = ButtonSize(ui, save_label, save);
        ss.x = std::max(ss.x, width * 0.3f);
        flow.Next(ss);
        if (Button(ui, "save", save_label, ss, save)) SaveEditor(ui, staff, ed);
        if (Previewable(ed.table) && !ed.creating) {
            ButtonOptions preview;
            preview.icon = Icon::Search;
            std::string label = ui.T(EditorDirty(ed) ? "staff.editor.save_preview" : "staff.editor.preview");
            ImVec2 ps = ButtonSize(ui, label, preview);
            flow.Next(ps);
            // The preview is the visitor's own screen, drawn from the content: pending values
            // are saved first (on this device only until the next sync), so what staff see is
            // exactly what a visitor would see now.
            if (Button(ui, "preview", label, ps, preview) && SaveEditor(ui, staff, ed)) StaffGo(staff, StaffScreen::Preview);
        }
        flow.End();
    }
    StaffNotice(ui, ed.notice, ed.notice_is_error);
    ProblemsFor(ui, ed, "");
    if (!staff.list_notice.empty()) ErrorText(ui, staff.list_notice);
    const float head_h = ImGui::GetCursorScreenPos().y - head_top + 2 * ui.m.pad;
    EndScrollArea(ui, /*remember=*/false);
    if (std::fabs(head_h - ed.head_h) > 0.5f) ed.head_h = std::min(head_h, area.size.y * 0.6f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(area.min.x, area.min.y + ed.head_h - 1),
                                        ImVec2(area.min.x + left_w, area.min.y + ed.head_h - 1), Col(ui.theme.border),
                                        2.0f * ui.m.ui_scale);

    if (staff.editors.empty() || staff.screen != StaffScreen::Editor) return;  // a save led elsewhere
    const std::string scroll_id = "staff_editor_" + ed.table + "_" + ed.record_id;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, area.min.y + ed.head_h));
    BeginScrollArea(ui, scroll_id.c_str(), ImVec2(left_w, area.size.y - ed.head_h), /*remember=*/false);
    width = ImGui::GetContentRegionAvail().x;

    // The record may have been replaced by a save above: draw from the current state.
    EditorState& cur = staff.editors.back();
    bool any_text = false;
    for (const content::EditableField& f : cur.record.fields) any_text = any_text || f.translatable;
    if (any_text) {
        SectionTitle(ui, ui.T("staff.editor.texts"), Icon::Globe);
        for (const content::EditableField& f : cur.record.fields) {
            if (f.translatable) DrawTextColumns(ui, cur, f, width);
        }
    }
    SectionTitle(ui, ui.T("staff.editor.settings"), Icon::List);
    Gap(ui, 0.25f);
    for (const content::EditableField& f : cur.record.fields) {
        if (!f.translatable) DrawColumn(ui, staff, cur, f, width);
    }
    if (!cur.creating && staff.screen == StaffScreen::Editor && &cur == &staff.editors.back()) {
        if (cur.table == "course_series") {
            DrawSessions(ui, staff, cur, width);
        } else {
            DrawRelated(ui, staff, cur, width);
        }
    }
    Gap(ui, 2);
    EndScrollArea(ui, /*remember=*/false);

    // The keyboard panel, for the focused field (the editor on top may have changed above).
    if (!staff.editors.empty() && staff.screen == StaffScreen::Editor) {
        EditorState& top = staff.editors.back();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
        BeginScrollArea(ui, "staff_keyboard", ImVec2(right_w, area.size.y), /*remember=*/false);
        const float kw = ImGui::GetContentRegionAvail().x;
        const content::EditableField* column = EditorColumn(top, top.focused);
        const ColumnControl control = column ? ControlFor(*column) : ColumnControl::TextBox;
        if (top.focused.empty() || control == ColumnControl::Buttons) {
            Para(ui, ui.T("staff.editor.tap_field"), ui.m.large_px, true);
        } else if (control == ColumnControl::RecordPicker) {
            DrawRecordPickerKeyboard(ui, top, *column, kw);
        } else {
            std::string label;
            if (auto text = content::ParseTextField(top.focused)) {
                label = StaffFieldLabel(ui, text->field) + " (" + EditorUpperAscii(text->lang) + ", " +
                        LanguageNameInText(text->lang, ui.lang()) + ")";
            } else {
                label = StaffFieldLabel(ui, top.focused);
            }
            Para(ui, label, ui.m.large_px, false, true);
            std::string& value = top.values[top.focused];
            FieldBox(ui, "focused_copy", value, "", kw, true, HasProblem(top, top.focused), 6);
            Gap(ui, 0.5f);
            bool digits = IsNumberColumn(top, top.focused);
            if (StaffKeyboard(ui, value, kw, digits)) {
                auto& problems = top.problems;
                problems.erase(std::remove_if(problems.begin(), problems.end(),
                                              [&](const content::EditProblem& p) { return p.field == top.focused; }),
                               problems.end());
                top.notice.clear();
            }
        }
        EndScrollArea(ui, /*remember=*/false);
    }
    if (go_back) StaffBack(staff);
    ui.SetReadAloud(title, "");
}

}  // namespace ui
