// ui/staff_field_pickers.h: the staff editor's controls for columns nobody should have to type:
// a row of large buttons for a choice ("Temporarily closed"), a yes/no pair for a flag, and a
// picker that lists the linked table's records by name with a search box (a service's
// organisation, a session's course). Also the name filter the record lists share.
//
// Design note
// - The controls write into EditorState::values exactly as typing does (the choice's value,
//   "1"/"0", the linked record's id, "" for "not set"), so BuildStaffEdit, validation, the
//   save and the outbox see no difference between a picked and a typed value.
// - The kind of control comes from content::EditableField (kind, choices, ref_table,
//   required): "Not set" is offered only when the column may be empty.
// - A record picker is open while its column is the editor's focused field; the search text
//   lives in EditorState::picker_query and the keyboard panel types into it. Picking a record,
//   "Not set" or "Close the list" closes it (focus cleared).
// - Ids never show: the closed picker shows the linked record's display name, or "A record
//   that no longer exists" when the id is in no row of the linked table.
#pragma once

#include <string>
#include <vector>

#include "content/staff_edit.h"
#include "ui/staff_session.h"

namespace ui {

// How the editor draws a column. A reference to a table staff cannot list (none of
// content::EditableTables(), e.g. service_at_location) stays a text box.
enum class ColumnControl { TextBox, Buttons, RecordPicker };
ColumnControl ControlFor(const content::EditableField& field);

// The column `key` of the editor's record (nullptr for a text field or an unknown key).
const content::EditableField* EditorColumn(const EditorState& ed, const std::string& key);

// Indices of the records whose name contains every word of `query`, compared the way search
// compares (case and diacritics folded: "abolins" finds "Āboliņš", "ЁЛКА" finds "елка"), in the
// list's order. An empty (or blank) query keeps every record.
std::vector<size_t> MatchingRecords(const std::vector<content::EditableSummary>& records, const std::string& query);

// A choice's value as people read it, in the staff member's language
// ("staff.choice.<table>.<column>.<value>", course kinds in the visitors' words); the value made
// readable (and staff_label_missing logged) only when no string exists.
std::string ChoiceKey(const std::string& table, const std::string& column, const std::string& value);
std::string ChoiceLabel(const VisitorUi::Impl& ui, const std::string& table, const std::string& column,
                        const std::string& value);

// The column's buttons (ColumnControl::Buttons); the caller draws the label and problems.
void DrawChoiceButtons(VisitorUi::Impl& ui, EditorState& ed, const content::EditableField& field, float width);
// The linked record's name, and when open the search box and the matching records
// (ColumnControl::RecordPicker); the caller draws the label and problems.
void DrawRecordPicker(VisitorUi::Impl& ui, StaffSession& staff, EditorState& ed, const content::EditableField& field,
                      float width);
// The keyboard panel while a record picker is open: what is searched, the search text, the keys.
void DrawRecordPickerKeyboard(VisitorUi::Impl& ui, EditorState& ed, const content::EditableField& field, float width);

}  // namespace ui
