// content/staff_edit.h: staff edits to the content: what an edit is, how a device applies it
// locally, how the hub merges it, conflicts and their resolution. See docs/staff-mode.md.
//
// Design note
// - An edit is a record-level operation on ONE row of an editable table (EditableTables()):
//   create, update or delete, with a list of field changes. A field is a column ("url",
//   "capacity") or a translation ("text:name:lv"). Each change carries the value the editor saw
//   (`before`) and the value they want (`after`); JSON null means "absent" (a NULL column, or no
//   translation in that language).
// - Three-way merge on the hub, field by field, with `before` as the common base:
//     hub value == before         -> apply `after` (nobody else changed it)
//     hub value == after          -> nothing to do (both made the same change)
//     otherwise                   -> conflict: the hub keeps its value, both are recorded.
//   base_version is what the record's `version` column was when the editor opened it: when it
//   still equals the hub's version the edit applies whole without comparing fields (outcome
//   Applied); otherwise fields merge as above (Merged, or Conflict when any field clashed).
//   Nothing is ever dropped: every `after` either lands or is kept in staff_conflict.
// - A record deleted on the hub meanwhile: an update becomes a conflict for every field with
//   theirs = null (deleted). A delete of a record changed meanwhile applies only when no field
//   changed since base_version, otherwise it is a conflict on the pseudo-field "record".
//   (The hub keeps no history, so a Delete may list the fields the editor saw as changes with
//   their `before` and after = null: when none of them changed it still applies; a Delete at
//   another version without such a list is always a conflict.)
// - Values: a column value may come as the input box's text ("12" for an integer, "1"/"0" for
//   a flag, "56.9" for a number); "" means NULL. Values are compared in the column's terms, so
//   "12" and 12 are the same change.
// - Versions: every applied edit sets the record's `version` to version+1 and updated_at to the
//   applying side's clock. Clocks order nothing: the hub decides order by arrival (its seq).
// - Translations: a changed source-language text (translation.is_source) gets updated_at = now;
//   a translation whose updated_at is older than its source's is "outdated" (shown to staff).
//   Editing a translation in another language refreshes only that translation's updated_at.
// - Devices: an edit made on a device applies there at once (ApplyStaffEditLocally: validate,
//   write, queue the outbox op, one transaction). Until the hub answers, the sync apply re-runs
//   pending edits after each pull or bundle (ReapplyPendingStaffEdits), so staff never see their
//   edit vanish and come back.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/db.h"

namespace content {

class ContentWriter;

// ---- the edit ----------------------------------------------------------------------------

enum class EditAction { Create, Update, Delete };
const char* EditActionName(EditAction action);

struct FieldChange {
    std::string field;               // column name, or "text:<field>:<lang>"
    nlohmann::json before;           // what the editor saw (null: absent); ignored for Create
    nlohmann::json after;            // what they want (null: clear the column / remove the text)
};

struct StaffEdit {
    std::string edit_id;             // UUID; also the outbox op_id, so a replay is a duplicate
    std::string staff_id;
    std::string device;              // the device's name (kiosk name or "laptop:<host>")
    std::string table;               // one of EditableTables()
    std::string record_id;           // a new UUID for Create
    EditAction action = EditAction::Update;
    int64_t base_version = 0;        // the record's version when the editor opened it (0: create)
    std::vector<FieldChange> changes;
    int64_t made_at = 0;             // device clock, for the audit trail only
};

// Editable tables: organization, service, location, address, phone, schedule, course_series,
// course_session, booking_form, booking_form_field, cost_option, language.
const std::vector<std::string>& EditableTables();
// The columns staff may change in a table (never id, version, updated_at, seats_taken, extra).
const std::vector<std::string>* EditableColumns(const std::string& table);

// "text:name:lv" -> {"name", "lv"}; nullopt for a column name.
struct TextField {
    std::string field;
    std::string lang;
};
std::optional<TextField> ParseTextField(const std::string& field);
std::string MakeTextField(const std::string& field, const std::string& lang);

// JSON form (the outbox payload, the wire): see docs/staff-mode.md. Decode is strict and is a
// trust boundary on the hub: unknown tables/columns, bad ids, more than 200 changes, a Create
// without changes... -> error "staff_edit_bad" naming the member.
nlohmann::json EncodeStaffEdit(const StaffEdit& edit);
Result<StaffEdit> DecodeStaffEdit(const nlohmann::json& payload);

// ---- reading for the editor --------------------------------------------------------------

struct EditableText {
    std::string lang;
    std::string text;                // empty when missing
    bool is_source = false;
    int64_t updated_at = 0;
    bool missing = false;            // no text in this language
    bool outdated = false;           // older than the source language's text
};

// What an editable column holds (the column catalogue in content/staff_columns.cpp), so the
// editor can offer the right control: buttons for a Choice, a yes/no pair for a Bool, a picker
// of records for a Reference, digits for numbers. ColumnKindName() gives stable lower-case
// names ("text", "email", "url", "phone", "time", "date", "integer", "bool", "real", "choice",
// "reference", "json_array", "lang_tag") for scripts, logs and docs.
enum class ColumnKind { Text, Email, Url, Phone, Time, Date, Integer, Bool, Real, Choice, Reference, JsonArray, LangTag };
const char* ColumnKindName(ColumnKind kind);

struct EditableField {
    std::string field;               // column name, or the translatable field's name ("name")
    bool translatable = false;
    nlohmann::json value;            // columns: the current value (null when NULL)
    std::vector<EditableText> texts; // translatable: one per requested language, then any other
    // Columns only (a translatable field is Text, with none of the rest):
    ColumnKind kind = ColumnKind::Text;
    std::vector<std::string> choices;  // Choice: the allowed values, in the catalogue's order
    std::string ref_table;             // Reference: the table whose record id the column holds
    bool required = false;             // NOT NULL in the schema: a value must stay set
};

struct EditableRecord {
    std::string table;
    std::string id;
    int64_t version = 0;
    int64_t updated_at = 0;
    std::vector<EditableField> fields;   // editable columns, then translatable fields
};

// The editable columns of `table` with kind, choices, referenced table and required-ness, and
// null values: what an editor for a new record shows. "store_unknown_table" when not editable.
Result<std::vector<EditableField>> DescribeEditableColumns(Db& db, const std::string& table);

// "not_found" when the record does not exist.
Result<EditableRecord> ReadEditableRecord(Db& db, const std::string& table, const std::string& id,
                                          const std::vector<std::string>& langs);

struct EditableSummary {
    std::string table;
    std::string id;
    std::string name;                // display name in `lang` (with fallback), or a built label
    std::string parent_id;           // e.g. a session's series, a phone's service
    std::string status;              // the record's status column when it has one ("cancelled")
    int missing_texts = 0;           // over `langs`
    int outdated_texts = 0;
    int open_conflicts = 0;
};

// Records of one table, sorted by name in `lang`'s collation.
Result<std::vector<EditableSummary>> ListEditableRecords(Db& db, const std::string& table,
                                                         const std::string& lang,
                                                         const std::vector<std::string>& langs);

// ---- validation and local apply ----------------------------------------------------------

struct EditProblem {
    std::string field;               // as in FieldChange::field ("" for the whole record)
    std::string code;                // stable: required, too_long, bad_email, bad_url, bad_phone,
                                     // bad_time, bad_number, below_seats_taken, unknown_parent, ...
    std::string message;             // for people, in the staff member's language (lv, en, ru)
};

Result<std::vector<EditProblem>> ValidateStaffEdit(Db& db, const StaffEdit& edit,
                                                   const std::string& lang);

// Validates (error "staff_edit_invalid" listing the problems), applies to the content, bumps the
// version, re-indexes search, and queues the op (kind staff_edit, op_id = edit_id): one
// transaction. Returns the record's new version.
Result<int64_t> ApplyStaffEditLocally(Db& db, const StaffEdit& edit, int64_t now_utc);

// Re-applies every queued staff edit and conflict resolution, in outbox order, onto the current
// content (after a pull or bundle replaced rows). Runs inside the caller's transaction and
// writer. Edits that no longer apply (record gone) stay queued: the hub will answer for them.
Status ReapplyPendingStaffEdits(Db& db, ContentWriter& writer, int64_t now_utc);

// ---- hub merge ---------------------------------------------------------------------------

enum class MergeOutcome { Applied, Merged, Conflict, Rejected };
const char* MergeOutcomeName(MergeOutcome outcome);

struct MergeResult {
    MergeOutcome outcome = MergeOutcome::Rejected;
    std::vector<std::string> applied_fields;
    std::vector<std::string> conflict_ids;     // rows written to staff_conflict
    std::string reason;                        // Rejected: stable code (staff_unknown, staff_edit_invalid, ...)
    std::string message;
};

// Merges one edit into the hub's content inside the caller's transaction (three-way, see the
// design note). Records conflicts in staff_conflict. Rejected only for an edit that can never
// apply (invalid values, unknown or removed staff member); the reason says which.
Result<MergeResult> MergeStaffEdit(Db& db, const StaffEdit& edit, int64_t now_utc);

// ---- conflicts ---------------------------------------------------------------------------

// A content table (schema v3), synced to every device like content, so the device that made the
// edit (and any staff anywhere) sees it.
struct StaffConflict {
    std::string id;
    std::string table;
    std::string record_id;
    std::string field;               // as in FieldChange::field, or "record"
    nlohmann::json base;             // `before` of the edit
    nlohmann::json mine;             // `after` of the edit that lost
    nlohmann::json theirs;           // the hub's value when the edit arrived
    std::string edit_id;
    std::string staff_id;
    std::string device;
    int64_t created_at = 0;
    std::string status;              // open, resolved
    std::string resolution;          // mine, theirs, edit (when resolved)
    nlohmann::json resolved_value;
    std::string resolved_by;         // staff id
    int64_t resolved_at = 0;
};

Result<std::vector<StaffConflict>> ListConflicts(Db& db, bool open_only);

enum class ResolutionChoice { Mine, Theirs, Edit };

struct ConflictResolution {
    std::string resolution_id;       // UUID; the outbox op_id
    std::string conflict_id;
    std::string staff_id;
    std::string device;
    ResolutionChoice choice = ResolutionChoice::Theirs;
    nlohmann::json value;            // Edit: the new value; Mine/Theirs: filled from the conflict
    int64_t made_at = 0;
};

nlohmann::json EncodeConflictResolution(const ConflictResolution& resolution);
Result<ConflictResolution> DecodeConflictResolution(const nlohmann::json& payload);

// Choices: theirs keeps the hub's current value (writes nothing); mine writes the edit's value;
// edit writes `value` (validated like an edit). For the pseudo-field "record": mine or a null
// value deletes the record, an object of column values updates it. A value for a record that is
// gone is refused ("record_deleted"); choose theirs then.
// Device: applies the chosen value to the content, marks the conflict resolved, queues the op
// (kind conflict_resolution): one transaction. Errors: conflict_unknown, conflict_resolved,
// record_deleted, staff_edit_invalid.
Status ResolveConflictLocally(Db& db, const ConflictResolution& resolution, int64_t now_utc);
// Hub: the same inside the caller's transaction; a second resolution of a resolved conflict is
// rejected with "conflict_resolved" (and the first stands).
Result<MergeResult> ApplyConflictResolution(Db& db, const ConflictResolution& resolution,
                                            int64_t now_utc);

// ---- staff members and the PIN pad -------------------------------------------------------

// Content table `staff` (schema v3): id, name, pin_hash (libsodium crypto_pwhash_str, Argon2id),
// created_at, removed_at. Synced to devices; only hashes ever leave the hub.
struct StaffMember {
    std::string id;
    std::string name;
    int64_t created_at = 0;
    std::optional<int64_t> removed_at;
};

// Argon2id via crypto_pwhash_str_alg (ALG_ARGON2ID13). A PIN is 4-8 digits ("staff_pin_bad").
Result<std::string> HashStaffPin(const std::string& pin);
bool StaffPinMatches(const std::string& pin_hash, const std::string& pin);

Result<std::vector<StaffMember>> ListStaff(Db& db, bool include_removed);

// The pad's lockout survives a restart: the failure count and the lock's end live in `meta`.
inline constexpr int kPinFailuresBeforeLock = 5;
inline constexpr int64_t kPinLockSeconds = 300;

struct PinCheck {
    enum class Outcome { Ok, Wrong, Locked } outcome = Outcome::Wrong;
    std::optional<StaffMember> staff;    // Ok
    int failures = 0;                    // Wrong: consecutive failures so far
    int64_t locked_until = 0;            // Locked (and Wrong when this failure locked the pad)
};

// Checks a PIN against every active staff member's hash; counts failures; five in a row lock the
// pad for five minutes (a correct PIN while locked is still refused). Ok resets the count.
Result<PinCheck> CheckStaffPin(Db& db, const std::string& pin, int64_t now_utc);

}  // namespace content
