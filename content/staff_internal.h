// content/staff_internal.h: helpers shared by the content/staff_*.cpp files. Not public API:
// other layers include content/staff_edit.h only.
//
// The column catalogue below is the one place that says what an editable column holds (e-mail,
// URL, HH:MM, integer, a reference to another table...). Validation, coercion of values sent as
// strings, equality in the merge and reading for the editor all use it, so they cannot disagree.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/staff_edit.h"
#include "content/store.h"

namespace content::staff_detail {

using nlohmann::json;

// The kinds are public (content/staff_edit.h: the editor offers a control per kind).
using content::ColumnKind;

struct ColumnSpec {
    const char* name;
    ColumnKind kind;
    const char* parent = nullptr;           // Reference: the parent table
    std::vector<std::string> choices = {};  // Choice
    int64_t min_value = INT64_MIN;          // Integer: the least value allowed
};

// Columns the schema declares NOT NULL (never id, version, updated_at). With
// `without_default_only` just those that also have no default: a create must give them.
Result<std::set<std::string>> NotNullColumns(Db& db, const std::string& table, bool without_default_only);

// nullptr when `column` is not an editable column of `table`.
const ColumnSpec* FindColumn(const std::string& table, const std::string& column);
const std::vector<ColumnSpec>* TableColumns(const std::string& table);

// A value as the column stores it: integers given as digit strings become integers, booleans
// 0/1, strings NFC. nullopt when the value does not fit the column's kind (validation reports it).
std::optional<json> CoerceColumnValue(const ColumnSpec& spec, const json& value);

// Equality the merge uses: numbers by value (true == 1), strings after NFC, "" equals null for
// translations (an empty text is no text).
bool SameValue(const json& a, const json& b);

// A record as stored: every column, as JSON. nullopt when there is no such row.
Result<std::optional<json>> LoadRow(Db& db, const std::string& table, const std::string& id);
// The current value of a field (a column or "text:<field>:<lang>"); null when absent.
Result<json> CurrentFieldValue(Db& db, const std::string& table, const std::string& id, const std::string& field,
                               const json* row);

// Writes one field. Texts: updated_at = now; is_source stays as it was, and a text in a field
// that had no text in any language becomes the source.
Status WriteField(Db& db, ContentWriter& writer, const std::string& table, const std::string& id,
                  const std::string& field, const json& value, int64_t now_utc);
// Sets version and updated_at of the record (Upsert touches it for re-indexing).
Status BumpVersion(ContentWriter& writer, const std::string& table, const std::string& id, int64_t version,
                   int64_t now_utc);

// Applies every change of the edit as it stands (no merge): Create inserts (or updates a row
// that already exists: a replay), Update writes each field, Delete deletes. Returns the new
// version (0 after a delete). "not_found" for an update of a missing record.
Result<int64_t> ApplyWhole(Db& db, ContentWriter& writer, const StaffEdit& edit, int64_t now_utc);

// Inserts the outbox row with op_id given (the edit's or the resolution's id). Error
// "staff_op_duplicate" when an op with this id is already queued.
Status QueueOp(Db& db, const std::string& op_id, const std::string& kind, const std::string& ref_id,
               const json& payload, int64_t now_utc);

enum class RecordRule { MustExist, MayBeMissing };
// Validation shared by ValidateStaffEdit (device) and the hub merge. With MayBeMissing an
// Update/Delete of a missing record is no problem here (the merge turns it into a conflict).
Result<std::vector<EditProblem>> Validate(Db& db, const StaffEdit& edit, const std::string& lang, RecordRule rule);
std::string ProblemsText(const std::vector<EditProblem>& problems);
// A problem's message for people in `lang` (lv, ru; any other language gets English), with
// `argument` in place of "{}". The code itself when the code has no message.
std::string ProblemMessage(const std::string& code, const std::string& lang, const std::string& argument = {});

// The staff member's state for the hub: "" when active, else "staff_unknown" / "staff_removed".
Result<std::string> StaffRejection(Db& db, const std::string& staff_id);

// Identifiers on the wire: 1-128 of [A-Za-z0-9._:-].
bool IsSafeId(const std::string& id);
bool IsLanguageTag(const std::string& lang);

// A conflict row as stored, or nullopt.
Result<std::optional<StaffConflict>> LoadConflict(Db& db, const std::string& id);
Status WriteConflict(ContentWriter& writer, const StaffConflict& conflict, int64_t version, int64_t now_utc);

// Conflict resolution, shared by the device (ResolveConflictLocally), the hub
// (ApplyConflictResolution) and the re-apply after a pull. Rejected outcomes carry a stable
// reason: conflict_unknown, conflict_resolved, record_deleted, staff_edit_invalid, and on the
// hub staff_unknown / staff_removed. On Reapply a conflict the pull already shows resolved is
// left as it is (Applied, nothing written).
enum class ResolveSide { Hub, Device, Reapply };
// `chosen` (when given) receives the value the resolution stands for (Mine/Theirs: from the
// conflict), which is what the outbox payload carries.
Result<MergeResult> ResolveConflict(Db& db, ContentWriter& writer, const ConflictResolution& resolution, int64_t now_utc,
                                    ResolveSide side, json* chosen = nullptr);

}  // namespace content::staff_detail
