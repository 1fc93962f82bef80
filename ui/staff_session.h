// ui/staff_session.h: staff mode inside the kiosk UI: the hidden gesture, the PIN pad, and the
// state of one staff session (internal to ui/; the screens are ui/staff_*.cpp).
//
// Design note
// - A staff session is part of the visit: Visit::staff (ui_impl.h). Opening staff mode first
//   wipes the visitor's visit (nothing a visitor typed is visible to staff), then starts a
//   session on the PIN pad. Everything about the session, the signed-in member included, lives
//   in StaffSession, so ResetSession() (idle timeout, "Leave staff mode", the program's reset)
//   drops it with the visit: the kiosk never stays in staff mode and never keeps who signed in.
// - State machine (StaffSession::screen; Back pops `history`):
//
//     visitor screen --hold the top-left corner 5 s--> PinPad --right PIN--> Home
//     PinPad --Cancel--> attract (the visit reset)           Home --tile--> RecordList
//     RecordList --row--> Editor (--Preview--> Preview)      Editor --session row--> Editor
//     Home --> Conflicts, Diagnostics                         any --Leave staff mode--> attract
//     any --idle timeout (warning, then reset)--> attract
//
//   Editors stack (`editors`): a course's editor opens a session's editor on top, Back returns.
// - The idle timer is the visitor's (same timeout, warning and Continue): VisitorUi keeps it
//   running whenever Visit::staff is set, also when the visit began on the attract screen.
// - The gesture: the pointer pressed inside the top-left kStaffCornerPx square and held there
//   for kStaffHoldSeconds. Nothing is drawn while it is held (no hint for visitors). It opens
//   the pad only when staff mode is enabled (UiConfig::staff_mode_available) and the content
//   holds at least one active staff member (else no PIN could be right anyway).
// - PIN pad: up to 8 digits, shown as dots; content::CheckStaffPin counts failures and locks
//   the pad (the count and the lock live in the database, so a restart does not reset them).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/staff_edit.h"
#include "ui/ui_impl.h"

namespace ui {

inline constexpr float kStaffCornerPx = 120.0f;     // at 1080 px height; scales with the window
inline constexpr double kStaffHoldSeconds = 5.0;
inline constexpr size_t kMaxPinDigits = 8;

enum class StaffScreen { PinPad, Home, RecordList, Editor, Preview, Conflicts, Diagnostics };
// Stable names for scripts: staff_pin, staff_home, staff_list, staff_editor, staff_preview,
// staff_conflicts, staff_diagnostics.
const char* StaffScreenId(StaffScreen screen);

// ---- the PIN pad (logic without drawing, for tests) ----------------------------------------

struct PinPadState {
    enum class Notice { None, TooShort, Wrong, Locked, Failed };
    std::string digits;                // typed so far; never drawn, only counted
    Notice notice = Notice::None;
    int failures = 0;                  // Wrong: consecutive failures so far
    int64_t locked_until = 0;          // Locked, or Wrong when this failure locked the pad
    std::string error;                 // Failed: why the check could not run
};

void PinPadType(PinPadState& pad, char digit);   // ignores non-digits and a ninth digit
void PinPadErase(PinPadState& pad);
// Checks the typed PIN (content::CheckStaffPin) and clears it. Returns the member on success.
std::optional<content::StaffMember> PinPadSubmit(content::Db& db, PinPadState& pad, int64_t now_utc);
// "Wrong PIN. 4 tries left." / "Too many wrong PINs. Try again in 5 minutes." / "" (no notice).
std::string PinPadMessage(const Strings& strings, const std::string& lang, const PinPadState& pad,
                          int64_t now_utc);

// ---- the editor's state (logic without drawing, for tests) ---------------------------------

// A field key is a column name or "text:<field>:<lang>" (content::FieldChange::field).
struct EditorState {
    std::string table, record_id;
    bool creating = false;
    content::EditableRecord record;               // as read when opened: the `before` of every change
    std::map<std::string, nlohmann::json> before; // field key -> value as read (null: absent)
    std::map<std::string, std::string> original;  // field key -> text as read
    std::map<std::string, std::string> values;    // field key -> text in the editor
    std::vector<std::string> order;               // field keys in display order (Tab moves along)
    std::string focused;                          // field key the keyboard types into
    std::vector<content::EditProblem> problems;   // from the last validation
    std::string notice;                           // after save / cancel of a session
    bool notice_is_error = false;
    bool confirm_discard = false;                 // Back pressed with unsaved changes
    std::string preview_lang;
    float head_h = 0;                             // the fixed header's height last frame
    std::string picker_query;                     // the focused reference column's search text
    bool picker_scroll = false;                   // bring the picker just opened to the top
};

// The editor for an existing record (every editable column, then every translatable field in
// every language of `record`).
EditorState MakeEditor(const content::EditableRecord& record);
// The editor for a new record of `table` with some columns filled in (e.g. a session's series).
// `columns` (content::DescribeEditableColumns) gives the columns' kinds, so choices and links
// get buttons and pickers; without it every column is a text box.
EditorState MakeCreateEditor(const std::string& table, const std::map<std::string, std::string>& preset,
                             const std::vector<content::EditableField>* columns = nullptr);
// The column value as text (null -> "").
std::string ValueText(const nlohmann::json& value);
bool EditorDirty(const EditorState& editor);
// The edit the editor's changes make (only changed fields; "" becomes null: absent).
content::StaffEdit BuildStaffEdit(const EditorState& editor, const std::string& staff_id, const std::string& device,
                                  int64_t now_utc);

// ---- one staff session ---------------------------------------------------------------------

struct StaffSession {
    StaffScreen screen = StaffScreen::PinPad;
    std::vector<StaffScreen> history;            // for Back
    PinPadState pin;
    std::optional<content::StaffMember> member;  // set by the right PIN, gone with the session

    std::string list_table;                      // RecordList: the table shown
    std::string list_parent;                     // RecordList: only records of this parent ("" all)
    std::string list_title;                      // RecordList: the heading (already translated)
    std::string list_notice;                     // RecordList: why a record did not open
    std::string list_query;                      // RecordList: the search box's text
    std::string list_query_of;                   // RecordList: the list (table|parent) it searches
    bool list_search_focused = false;            // RecordList: the keyboard types into the search
    float list_head_h = 0;                       // RecordList: the fixed header's height last frame
    std::vector<EditorState> editors;            // Editor/Preview: the top one is shown

    std::string conflict_editing;                // Conflicts: the conflict whose value is typed
    std::string conflict_text;
    std::string conflicts_notice;
    bool conflicts_notice_error = false;

    std::string bundle_path;                     // Diagnostics: the bundle file to import
    bool bundle_focused = false;
    std::string diagnostics_notice;
    bool diagnostics_notice_error = false;

    // Query results per (table, parent, language); dropped after a save and when content changes.
    std::map<std::string, content::Result<std::vector<content::EditableSummary>>> lists;
    std::optional<content::Result<std::vector<content::StaffConflict>>> conflicts;
    std::map<std::string, content::Result<content::EditableRecord>> records;  // "table|id|lang"
    void DropCaches() {
        lists.clear();
        conflicts.reset();
        records.clear();
    }
};

void StaffGo(StaffSession& staff, StaffScreen screen);
void StaffBack(StaffSession& staff);

// ---- hooks VisitorUi calls -----------------------------------------------------------------

// Each frame before drawing: follows the hidden corner gesture and opens the PIN pad.
void UpdateStaffGesture(VisitorUi::Impl& ui);
// Wipes the visit and shows the PIN pad (the gesture, `kiosk --staff`).
void OpenStaffMode(VisitorUi::Impl& ui);
// Seconds until the gesture (or the pad's lock countdown) needs a frame; infinity otherwise.
double StaffNextWakeup(const VisitorUi::Impl& ui, double now_seconds);
// Draws the staff screens (instead of the visitor's) while Visit::staff is set.
void DrawStaffMode(VisitorUi::Impl& ui);
// VisitorUi::ScreenName() while Visit::staff is set.
std::string StaffScreenName(const VisitorUi::Impl& ui);

// ---- the screens (ui/staff_<name>.cpp) ------------------------------------------------------

void DrawStaffBar(VisitorUi::Impl& ui, StaffSession& staff);   // staff_chrome.cpp
void DrawStaffPinPad(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffHome(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffRecordList(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffEditor(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffPreview(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffConflicts(VisitorUi::Impl& ui, StaffSession& staff);
void DrawStaffDiagnostics(VisitorUi::Impl& ui, StaffSession& staff);

// Shared by the staff screens.
std::string StaffDevice(const VisitorUi::Impl& ui);
// The languages the editor shows side by side: the offered ones, lv en ru first.
std::vector<std::string> StaffLanguages(const VisitorUi::Impl& ui);
// A field's or column's label for people ("Name", "Opens at") in the staff member's language.
std::string StaffFieldLabel(const VisitorUi::Impl& ui, const std::string& field);
// A table's label ("Services").
std::string StaffTableLabel(const VisitorUi::Impl& ui, const std::string& table);
// The string keys behind those labels: "staff.field.<column or text field>" ("staff.field.option"
// for a booking form field's "option:<value>"), "staff.table.<table>". tests/ui/strings_test.cpp
// walks the content catalogue through them, so every label exists in lv, en, ru and uk.
std::string StaffFieldKey(const std::string& field);
std::string StaffTableKey(const std::string& table);
// A staff word by key in the staff member's language. A key absent in that language (which the
// strings test rules out for the catalogue, but a newer hub may send a column this program does
// not know) gives the catalogue's fallback text, else `last_resort`, and logs
// staff_label_missing once per key and language so the journal shows it.
std::string StaffWord(const VisitorUi::Impl& ui, const std::string& key, const std::string& last_resort);
// The references below point into the session's cache, not into the arguments: GCC 14's
// dangling-reference heuristic cannot know that when a string argument is a temporary.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 14
#define KIOSK_REFERS_TO_CACHE [[gnu::no_dangling]]
#else
#define KIOSK_REFERS_TO_CACHE
#endif
// Records of a table (only those whose parent is `parent` unless it is empty), in the staff
// member's language; cached in the session until a save or new content.
KIOSK_REFERS_TO_CACHE const content::Result<std::vector<content::EditableSummary>>& StaffRecords(VisitorUi::Impl& ui, StaffSession& staff,
                                                                           const std::string& table,
                                                                           const std::string& parent);
// One record as the editor reads it, cached like StaffRecords.
KIOSK_REFERS_TO_CACHE const content::Result<content::EditableRecord>& StaffRecord(VisitorUi::Impl& ui, StaffSession& staff,
                                                            const std::string& table, const std::string& id);
// The on-screen keyboard (layouts as for visitors) plus a row of the symbols staff need for
// addresses, times and paths (: / _ ? = & # ...). Returns true when `text` changed.
bool StaffKeyboard(VisitorUi::Impl& ui, std::string& text, float width, bool digits_only, size_t max_chars = 4000);
// Validates and applies one edit on this device; on success drops every cache. Fills
// `problems` (validation) or `error` (anything else). Returns true when it was saved.
bool SaveStaffEdit(VisitorUi::Impl& ui, StaffSession& staff, const content::StaffEdit& edit,
                   std::vector<content::EditProblem>* problems, std::string* error);
// Opens the editor of an existing record (reads it; an error shows on the list).
void OpenStaffEditor(VisitorUi::Impl& ui, StaffSession& staff, const std::string& table, const std::string& id);
// A notice line with an icon: a check for success, a warning for an error (never colour alone).
void StaffNotice(VisitorUi::Impl& ui, const std::string& text, bool is_error);

}  // namespace ui
