// content/staff_merge.cpp: the hub's three-way merge of one staff edit (see the design note in
// staff_edit.h; this file is its implementation).
//
// Decision table, per edit:
//   staff unknown / removed                  -> Rejected (staff_unknown / staff_removed)
//   invalid values (ValidateStaffEdit rules) -> Rejected (staff_edit_invalid), nothing written
//   create, no such record                   -> Applied (inserted at version 1)
//   update, record at base_version           -> Applied (every field written)
//   update, record gone                      -> Conflict, one row per field, theirs = null
//   update at another version, or a create of
//   an id that exists (a replay)             -> per field: hub == before -> write after;
//                                               hub == after -> nothing to do;
//                                               else conflict (hub keeps its value)
//                                               => Merged, or Conflict when any field clashed
//   delete, record gone                      -> Applied (nothing to do)
//   delete, record at base_version           -> Applied (deleted)
//   delete, record at another version        -> deleted (Merged) when the edit lists the fields
//                                               it saw (`before`) and none of them changed;
//                                               else Conflict on the pseudo-field "record"
//                                               (theirs = the hub's record as an object)
// The version moves to version+1 only when the record was written. Conflict rows are content
// (staff_conflict), written through the ContentWriter so they reach every device.
#include "base/log.h"
#include "content/staff_internal.h"
#include "content/text.h"

namespace content {
namespace {

using nlohmann::json;
using namespace staff_detail;

MergeResult Rejected(const std::string& reason, const std::string& message) {
    MergeResult result;
    result.outcome = MergeOutcome::Rejected;
    result.reason = reason;
    result.message = message;
    return result;
}

// The editable part of a row, as the "theirs" of a record conflict.
json EditableSnapshot(const std::string& table, const json& row) {
    json snapshot = json::object();
    for (const std::string& column : *EditableColumns(table)) {
        auto it = row.find(column);
        snapshot[column] = it == row.end() ? json() : *it;
    }
    return snapshot;
}

// `before` compared in the column's own terms (so "5" and 5 agree on an integer column).
json Canonical(const std::string& table, const std::string& field, const json& value) {
    if (ParseTextField(field)) return value;
    const ColumnSpec* spec = FindColumn(table, field);
    if (!spec) return value;
    auto coerced = CoerceColumnValue(*spec, value);
    return coerced ? *coerced : value;
}

Status AddConflict(ContentWriter& writer, MergeResult& result, const StaffEdit& edit, const std::string& field,
                   const json& base, const json& mine, const json& theirs, int64_t now_utc) {
    StaffConflict conflict;
    conflict.id = NewUuid();
    conflict.table = edit.table;
    conflict.record_id = edit.record_id;
    conflict.field = field;
    conflict.base = base;
    conflict.mine = mine;
    conflict.theirs = theirs;
    conflict.edit_id = edit.edit_id;
    conflict.staff_id = edit.staff_id;
    conflict.device = edit.device;
    conflict.created_at = now_utc;
    conflict.status = "open";
    TRY(WriteConflict(writer, conflict, 1, now_utc));
    result.conflict_ids.push_back(conflict.id);
    return base::Ok();
}

Result<MergeResult> MergeDelete(Db& db, ContentWriter& writer, const StaffEdit& edit, const std::optional<json>& row,
                                int64_t now_utc) {
    MergeResult result;
    result.outcome = MergeOutcome::Applied;
    if (!row) {
        result.message = edit.table + " " + edit.record_id + " was already deleted";
        return result;
    }
    if ((*row)["version"].get<int64_t>() == edit.base_version) {
        TRY(writer.Delete(edit.table, edit.record_id));
        result.applied_fields.push_back("record");
        result.message = "deleted " + edit.table + " " + edit.record_id;
        return result;
    }
    bool unchanged = !edit.changes.empty();
    json base = json::object();
    for (const FieldChange& change : edit.changes) {
        json current = TRY_VALUE(CurrentFieldValue(db, edit.table, edit.record_id, change.field, &*row));
        base[change.field] = change.before;
        if (!SameValue(current, Canonical(edit.table, change.field, change.before))) unchanged = false;
    }
    if (unchanged) {
        TRY(writer.Delete(edit.table, edit.record_id));
        result.outcome = MergeOutcome::Merged;
        result.applied_fields.push_back("record");
        result.message = "deleted " + edit.table + " " + edit.record_id + " (the fields it saw are unchanged)";
        return result;
    }
    result.outcome = MergeOutcome::Conflict;
    TRY(AddConflict(writer, result, edit, "record", edit.changes.empty() ? json() : base, json(),
                    EditableSnapshot(edit.table, *row), now_utc));
    result.message = edit.table + " " + edit.record_id + " changed since version " + std::to_string(edit.base_version) +
                     "; the delete waits for a decision";
    return result;
}

Result<MergeResult> Merge(Db& db, const StaffEdit& edit, int64_t now_utc) {
    std::string rejection = TRY_VALUE(StaffRejection(db, edit.staff_id));
    if (!rejection.empty()) {
        return Rejected(rejection, "staff member " + edit.staff_id + (rejection == "staff_unknown" ? " is unknown" : " was removed"));
    }
    std::vector<EditProblem> problems = TRY_VALUE(Validate(db, edit, "en", RecordRule::MayBeMissing));
    if (!problems.empty()) {
        return Rejected("staff_edit_invalid", edit.table + " " + edit.record_id + ": " + ProblemsText(problems));
    }
    ContentWriter writer(db);
    auto row = TRY_VALUE(LoadRow(db, edit.table, edit.record_id));
    MergeResult result;
    if (edit.action == EditAction::Delete) {
        result = TRY_VALUE(MergeDelete(db, writer, edit, row, now_utc));
    } else if (!row && edit.action == EditAction::Update) {
        result.outcome = MergeOutcome::Conflict;
        for (const FieldChange& change : edit.changes) {
            TRY(AddConflict(writer, result, edit, change.field, change.before, change.after, json(), now_utc));
        }
        result.message = edit.table + " " + edit.record_id + " was deleted; every change is kept as a conflict";
    } else if (!row || (edit.action == EditAction::Update && (*row)["version"].get<int64_t>() == edit.base_version)) {
        // A create of a new record, or nobody changed the record since the editor opened it.
        TRY_VALUE(ApplyWhole(db, writer, edit, now_utc));
        result.outcome = MergeOutcome::Applied;
        for (const FieldChange& change : edit.changes) result.applied_fields.push_back(change.field);
        result.message = "applied " + std::to_string(edit.changes.size()) + " field(s)";
    } else {
        bool written = false;
        for (const FieldChange& change : edit.changes) {
            json current = TRY_VALUE(CurrentFieldValue(db, edit.table, edit.record_id, change.field, &*row));
            json before = Canonical(edit.table, change.field, change.before);
            json after = Canonical(edit.table, change.field, change.after);
            if (SameValue(current, after)) {
                result.applied_fields.push_back(change.field);  // both sides made the same change
            } else if (SameValue(current, before)) {
                TRY(WriteField(db, writer, edit.table, edit.record_id, change.field, change.after, now_utc));
                result.applied_fields.push_back(change.field);
                written = true;
            } else {
                TRY(AddConflict(writer, result, edit, change.field, change.before, change.after, current, now_utc));
            }
        }
        if (written) {
            TRY(BumpVersion(writer, edit.table, edit.record_id, (*row)["version"].get<int64_t>() + 1, now_utc));
        }
        result.outcome = result.conflict_ids.empty() ? MergeOutcome::Merged : MergeOutcome::Conflict;
        result.message = "merged " + std::to_string(result.applied_fields.size()) + " field(s), " +
                         std::to_string(result.conflict_ids.size()) + " conflict(s)";
    }
    TRY(writer.Finish());
    return result;
}

}  // namespace

Result<MergeResult> MergeStaffEdit(Db& db, const StaffEdit& edit, int64_t now_utc) {
    try {
        MergeResult result = TRY_VALUE(Merge(db, edit, now_utc));
        base::LogInfo("staff_edit_merge", std::string(MergeOutcomeName(result.outcome)) + " " + edit.table + " " +
                                              edit.record_id + " edit=" + edit.edit_id +
                                              (result.reason.empty() ? "" : " reason=" + result.reason));
        return result;
    } catch (const nlohmann::json::exception& e) {
        return base::MakeError("staff_merge_failed", edit.table + " " + edit.record_id + ": " + e.what());
    }
}

}  // namespace content
