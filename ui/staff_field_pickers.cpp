// ui/staff_field_pickers.cpp: choice buttons, yes/no, the record picker with its search, and
// the name filter (see staff_field_pickers.h for the design note).
#include "ui/staff_field_pickers.h"

#include <imgui.h>

#include <algorithm>
#include <unordered_map>

#include "content/search.h"
#include "ui/keyboard_layouts.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

// Rows a picker shows at once: more are reached by typing, never by scrolling a long list.
constexpr size_t kPickerRows = 6;
constexpr size_t kSearchMaxChars = 60;

// Folded names, kept across frames: a list is filtered again at every key press, and folding
// (ICU) every name of a long list each time would be wasted work. Content names only, never
// anything a person typed, so keeping them is harmless; bounded.
const std::string& FoldedName(const std::string& name) {
    static std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    if (cache.size() > 20000) cache.clear();
    return cache.emplace(name, content::FoldForSearch(name)).first->second;
}

std::vector<std::string> Words(const std::string& folded) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string Readable(const std::string& value) {
    std::string out = value;
    for (char& c : out) {
        if (c == '_') c = ' ';
        else if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

void ClearProblems(EditorState& ed, const std::string& key) {
    ed.problems.erase(std::remove_if(ed.problems.begin(), ed.problems.end(),
                                     [&](const content::EditProblem& p) { return p.field == key; }),
                      ed.problems.end());
    ed.notice.clear();
}

// The keyboard starts in the staff member's language: record names are listed in it.
void UseReaderLayout(VisitorUi::Impl& ui) {
    if (FindKeyboardLayout(ui.lang())) ui.visit.keyboard_layout = ui.lang();
}

void SetPicked(EditorState& ed, const std::string& key, const std::string& value) {
    ed.values[key] = value;
    ClearProblems(ed, key);
    ed.focused.clear();
    ed.picker_query.clear();
}

}  // namespace

ColumnControl ControlFor(const content::EditableField& field) {
    if (field.translatable) return ColumnControl::TextBox;
    switch (field.kind) {
        case content::ColumnKind::Choice: return field.choices.empty() ? ColumnControl::TextBox : ColumnControl::Buttons;
        case content::ColumnKind::Bool: return ColumnControl::Buttons;
        case content::ColumnKind::Reference: {
            const auto& tables = content::EditableTables();
            bool listable = std::find(tables.begin(), tables.end(), field.ref_table) != tables.end();
            return listable ? ColumnControl::RecordPicker : ColumnControl::TextBox;
        }
        default: return ColumnControl::TextBox;
    }
}

const content::EditableField* EditorColumn(const EditorState& ed, const std::string& key) {
    for (const content::EditableField& field : ed.record.fields) {
        if (!field.translatable && field.field == key) return &field;
    }
    return nullptr;
}

std::vector<size_t> MatchingRecords(const std::vector<content::EditableSummary>& records, const std::string& query) {
    const std::vector<std::string> words = Words(content::FoldForSearch(query));
    std::vector<size_t> matches;
    matches.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        if (!words.empty()) {
            const std::string& name = FoldedName(records[i].name);
            bool all = std::all_of(words.begin(), words.end(),
                                   [&](const std::string& w) { return name.find(w) != std::string::npos; });
            if (!all) continue;
        }
        matches.push_back(i);
    }
    return matches;
}

std::string ChoiceKey(const std::string& table, const std::string& column, const std::string& value) {
    // Course kinds are named as visitors read them on the courses screen.
    if (table == "course_series" && column == "kind") return "courses.kind." + value;
    std::string slug = value;
    for (char& c : slug) {
        if (c == ' ') c = '_';
        else if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
    return "staff.choice." + table + "." + column + "." + slug;
}

std::string ChoiceLabel(const VisitorUi::Impl& ui, const std::string& table, const std::string& column,
                        const std::string& value) {
    return StaffWord(ui, ChoiceKey(table, column, value), Readable(value));
}

void DrawChoiceButtons(VisitorUi::Impl& ui, EditorState& ed, const content::EditableField& field, float width) {
    const std::string& key = field.field;
    std::string& value = ed.values[key];
    struct Option {
        std::string value, label;
    };
    std::vector<Option> options;
    if (field.kind == content::ColumnKind::Bool) {
        options = {{"1", ui.T("staff.editor.yes")}, {"0", ui.T("staff.editor.no")}};
    } else {
        for (const std::string& choice : field.choices) options.push_back({choice, ChoiceLabel(ui, ed.table, key, choice)});
    }
    // A stored value the catalogue does not know (older content) is still shown as chosen.
    if (!value.empty() && std::none_of(options.begin(), options.end(), [&](const Option& o) { return o.value == value; })) {
        options.push_back({value, ChoiceLabel(ui, ed.table, key, value)});
    }
    if (!field.required) options.push_back({"", ui.T("staff.picker.none")});

    FlowLayout flow(width, ui.m.pad * 0.5f);
    int index = 0;
    for (const Option& option : options) {
        // The chosen button is filled, bold, underlined and carries a check mark (widgets.cpp):
        // never colour alone.
        const bool chosen = value == option.value;
        ButtonOptions o;
        o.kind = chosen ? ButtonKind::Selected : ButtonKind::Normal;
        o.bold = chosen;
        // Bold for every label's width, so the row does not move when the choice changes.
        ButtonOptions measure = o;
        measure.bold = true;
        ImVec2 size = ButtonSize(ui, option.label, measure);
        size.x = std::min(size.x + ui.m.body_px * 1.5f, width);  // room for the check mark
        size.y = std::max(size.y, ui.m.button_h);
        flow.Next(size);
        const std::string id = "pick_" + key + "_" + std::to_string(index++);
        if (Button(ui, id.c_str(), option.label, size, o) && !chosen) {
            value = option.value;
            ClearProblems(ed, key);
        }
    }
    flow.End();
}

void DrawRecordPicker(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed, const content::EditableField& field,
                      float width) {
    const std::string key = field.field;
    const std::string label = StaffFieldLabel(ui, key);
    const auto& records = StaffRecords(ui, staff, field.ref_table, "");
    if (!records.ok()) {
        ErrorText(ui, Format(ui.T("staff.list.failed"), {{"error", records.error().message}}));
        return;
    }
    const std::string value = ed.values[key];
    std::string current = ui.T("staff.picker.none");
    if (!value.empty()) {
        current = ui.T("staff.picker.unknown");
        for (const content::EditableSummary& s : *records) {
            if (s.id == value) current = s.name;
        }
    }

    if (ed.focused != key) {
        // Closed: the linked record by name in a box as high as a text box (the form keeps its
        // length), with a chevron that says "tap to choose"; tappable by the column's label too,
        // and a script can `expect field "<label>" "<name>"`.
        const std::string id = "picker_" + key;
        const bool has_problem = std::any_of(ed.problems.begin(), ed.problems.end(),
                                             [&](const content::EditProblem& p) { return p.field == key; });
        bool open = FieldBox(ui, id.c_str(), current, "", width, false, has_problem, 1, label);
        const ImVec2 box_min = ImGui::GetItemRectMin(), box_max = ImGui::GetItemRectMax();
        const float chevron = ui.m.body_px;
        DrawIcon(ImGui::GetWindowDrawList(), Icon::ChevronRight,
                 ImVec2(box_max.x - ui.m.pad - chevron / 2, (box_min.y + box_max.y) / 2), chevron, Col(ui.theme.text));
        if (open) {
            ed.focused = key;
            ed.picker_query.clear();
            ed.picker_scroll = true;
            UseReaderLayout(ui);
        }
        return;
    }
    if (ed.picker_scroll) {
        // The list opens below the row that was tapped, often near the bottom of the form:
        // scroll so the column's label is at the top and the rows are in view.
        const float local_y = ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y - ui.m.body_px * 2.0f;
        ImGui::SetScrollFromPosY(local_y, 0.0f);
        ed.picker_scroll = false;
    }

    // Open: the search box (the keyboard panel types into it), the first matching records, and
    // the way out.
    Para(ui, current, ui.m.body_px, true);
    // The search box with the way out beside it, so both stay in view above the rows.
    const std::string search_name = Format(ui.T("staff.picker.search_field"), {{"field", label}});
    const std::string box_id = "picker_q_" + key;
    ButtonOptions close_options;
    close_options.icon = Icon::Back;
    const std::string close = ui.T("staff.picker.close");
    ImVec2 close_size = ButtonSize(ui, close, close_options);
    const float gap = ui.m.pad * 0.5f;
    const float box_w = std::max(width * 0.5f, width - close_size.x - gap);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    FieldBox(ui, box_id.c_str(), ed.picker_query, ui.T("staff.picker.search_prompt"), box_w, true, false, 1,
             search_name);
    const float box_h = ImGui::GetItemRectSize().y;
    const float after_y = ImGui::GetCursorScreenPos().y;
    close_size.y = box_h;
    ImGui::SetCursorScreenPos(ImVec2(row.x + box_w + gap, row.y));
    if (Button(ui, ("picker_close_" + key).c_str(), close, close_size, close_options)) {
        ed.focused.clear();
        ed.picker_query.clear();
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x, after_y));
    Gap(ui, 0.5f);
    std::vector<size_t> matches = MatchingRecords(*records, ed.picker_query);
    // A record never links to itself (an organisation's parent).
    if (field.ref_table == ed.table) {
        matches.erase(std::remove_if(matches.begin(), matches.end(),
                                     [&](size_t i) { return (*records)[i].id == ed.record_id; }),
                      matches.end());
    }
    std::string picked;
    bool pick = false;
    size_t shown = 0;
    for (size_t i : matches) {
        if (shown == kPickerRows) break;
        const content::EditableSummary& s = (*records)[i];
        ButtonOptions o;
        o.center = false;
        o.kind = s.id == value ? ButtonKind::Selected : ButtonKind::Normal;
        o.bold = s.id == value;
        const std::string id = "picker_row_" + std::to_string(shown++);
        ImVec2 size = ButtonSize(ui, s.name, o);
        size.x = width;
        size.y = std::max(size.y, ui.m.button_h);
        if (Button(ui, id.c_str(), s.name, size, o)) {
            picked = s.id;
            pick = true;
        }
        Gap(ui, 0.25f);
    }
    if (matches.empty()) {
        Para(ui, Format(ui.T("staff.picker.nothing_found"), {{"query", ed.picker_query}}), ui.m.body_px, true);
    } else if (matches.size() > shown) {
        Para(ui, Format(ui.T("staff.picker.more"), {{"n", std::to_string(matches.size() - shown)}}), ui.m.body_px, true);
    }
    if (!field.required) {
        Gap(ui, 0.25f);
        ButtonOptions o;
        o.kind = value.empty() ? ButtonKind::Selected : ButtonKind::Normal;
        o.bold = value.empty();
        std::string none = ui.T("staff.picker.none");
        ImVec2 size = ButtonSize(ui, none, o);
        size.x += ui.m.body_px * 1.5f;  // room for the check mark
        size.y = std::max(size.y, ui.m.button_h);
        if (Button(ui, ("picker_none_" + key).c_str(), none, size, o)) {
            picked.clear();
            pick = true;
        }
    }
    if (pick) SetPicked(ed, key, picked);
}

void DrawRecordPickerKeyboard(VisitorUi::Impl& ui, EditorState& ed, const content::EditableField& field, float width) {
    const std::string label = Format(ui.T("staff.picker.search_field"), {{"field", StaffFieldLabel(ui, field.field)}});
    Para(ui, label, ui.m.large_px, false, true);
    FieldBox(ui, "picker_query_copy", ed.picker_query, ui.T("staff.picker.search_prompt"), width, true, false, 1);
    Gap(ui, 0.5f);
    StaffKeyboard(ui, ed.picker_query, width, /*digits_only=*/false, kSearchMaxChars);
}

}  // namespace ui
