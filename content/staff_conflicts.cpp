// content/staff_conflicts.cpp: listing conflicts and resolving them, on a device and on the hub.
//
// Design note
// - A conflict row's life: open --resolution--> resolved. Never back: a second resolution of
//   a resolved conflict is refused ("conflict_resolved") and the first one stands.
// - What a choice does to the content:
//     theirs -> nothing: the hub's value stands (writing the value recorded at conflict time
//               could undo a later change someone made meanwhile);
//     mine   -> the edit's `after` is written (for the "record" pseudo-field: delete);
//     edit   -> the given value is written, validated like any edit (for "record": null deletes,
//               an object of column values updates the record).
//   Writing needs the record: a mine/edit value for a record deleted meanwhile is refused
//   ("record_deleted"); choosing theirs (or an absent value) resolves it.
// - The record's version moves only when something was written; the conflict row's version
//   moves with the resolution so sync carries it.
// - Device: ResolveConflictLocally does all of this and queues the op (kind
//   conflict_resolution, op_id = resolution_id, ref_id = conflict_id) in one transaction. Until
//   the hub answers, ReapplyPendingStaffEdits resolves it again after each pull.
#include "base/log.h"
#include "content/staff_internal.h"

namespace content {
namespace staff_detail {
namespace {

MergeResult Rejected(const std::string& reason, const std::string& message) {
    MergeResult result;
    result.outcome = MergeOutcome::Rejected;
    result.reason = reason;
    result.message = message;
    return result;
}

const char* ChoiceName(ResolutionChoice choice) {
    switch (choice) {
        case ResolutionChoice::Mine: return "mine";
        case ResolutionChoice::Theirs: return "theirs";
        case ResolutionChoice::Edit: return "edit";
    }
    return "theirs";
}

// Validates and writes `changes` onto an existing record; Rejected result on invalid values.
Result<std::optional<MergeResult>> WriteChanges(Db& db, ContentWriter& writer, const StaffConflict& conflict,
                                                const ConflictResolution& resolution, const json& row,
                                                const std::vector<FieldChange>& changes, int64_t now_utc) {
    StaffEdit edit;
    edit.edit_id = resolution.resolution_id;
    edit.staff_id = resolution.staff_id;
    edit.device = resolution.device;
    edit.table = conflict.table;
    edit.record_id = conflict.record_id;
    edit.action = EditAction::Update;
    edit.base_version = row["version"].get<int64_t>();
    edit.changes = changes;
    std::vector<EditProblem> problems = TRY_VALUE(Validate(db, edit, "en", RecordRule::MustExist));
    if (!problems.empty()) {
        return std::optional<MergeResult>(
            Rejected("staff_edit_invalid", "conflict " + conflict.id + ": " + ProblemsText(problems)));
    }
    bool written = false;
    for (const FieldChange& change : changes) {
        json current = TRY_VALUE(CurrentFieldValue(db, edit.table, edit.record_id, change.field, &row));
        if (SameValue(current, change.after)) continue;
        TRY(WriteField(db, writer, edit.table, edit.record_id, change.field, change.after, now_utc));
        written = true;
    }
    if (written) TRY(BumpVersion(writer, edit.table, edit.record_id, edit.base_version + 1, now_utc));
    return std::optional<MergeResult>();
}

}  // namespace

Result<MergeResult> ResolveConflict(Db& db, ContentWriter& writer, const ConflictResolution& resolution, int64_t now_utc,
                                    ResolveSide side, json* chosen) {
    if (side == ResolveSide::Hub) {
        std::string rejection = TRY_VALUE(StaffRejection(db, resolution.staff_id));
        if (!rejection.empty()) {
            return Rejected(rejection, "staff member " + resolution.staff_id +
                                           (rejection == "staff_unknown" ? " is unknown" : " was removed"));
        }
    }
    auto loaded = TRY_VALUE(LoadConflict(db, resolution.conflict_id));
    if (!loaded) return Rejected("conflict_unknown", "no conflict '" + resolution.conflict_id + "'");
    const StaffConflict& conflict = *loaded;
    MergeResult result;
    result.outcome = MergeOutcome::Applied;
    if (conflict.status == "resolved") {
        if (side == ResolveSide::Reapply) return result;  // the hub's answer arrived with the pull
        return Rejected("conflict_resolved", "conflict " + conflict.id + " was already resolved (" + conflict.resolution +
                                                 " by " + conflict.resolved_by + ")");
    }
    json value = resolution.choice == ResolutionChoice::Mine     ? conflict.mine
                 : resolution.choice == ResolutionChoice::Theirs ? conflict.theirs
                                                                 : resolution.value;
    if (chosen) *chosen = value;

    auto row = TRY_VALUE(LoadRow(db, conflict.table, conflict.record_id));
    if (resolution.choice != ResolutionChoice::Theirs) {
        if (conflict.field == "record") {
            if (value.is_null()) {
                if (row) TRY(writer.Delete(conflict.table, conflict.record_id));
            } else if (!value.is_object()) {
                return Rejected("staff_edit_invalid", "conflict " + conflict.id + ": a record takes null or an object of fields");
            } else if (!row) {
                return Rejected("record_deleted", conflict.table + " " + conflict.record_id + " no longer exists");
            } else {
                std::vector<FieldChange> changes;
                for (auto it = value.begin(); it != value.end(); ++it) changes.push_back({it.key(), json(), it.value()});
                auto rejected = TRY_VALUE(WriteChanges(db, writer, conflict, resolution, *row, changes, now_utc));
                if (rejected) return *rejected;
            }
        } else if (!row) {
            if (!value.is_null()) {
                return Rejected("record_deleted", conflict.table + " " + conflict.record_id + " no longer exists");
            }
        } else {
            auto rejected = TRY_VALUE(
                WriteChanges(db, writer, conflict, resolution, *row, {{conflict.field, json(), value}}, now_utc));
            if (rejected) return *rejected;
        }
    }
    Stmt version = TRY_VALUE(db.Prepare("SELECT version FROM staff_conflict WHERE id = ?1"));
    version.Bind(1, conflict.id);
    TRY_VALUE(version.Step());
    int64_t next_version = version.Int(0) + 1;
    version = Stmt();
    TRY(writer.Upsert("staff_conflict", json{{"id", conflict.id},
                                             {"status", "resolved"},
                                             {"resolution", ChoiceName(resolution.choice)},
                                             {"resolved_value", value.dump()},
                                             {"resolved_by", resolution.staff_id},
                                             {"resolved_at", now_utc},
                                             {"version", next_version},
                                             {"updated_at", now_utc}}));
    result.applied_fields.push_back(conflict.field);
    result.message = "conflict " + conflict.id + " resolved: " + ChoiceName(resolution.choice);
    return result;
}

}  // namespace staff_detail

Result<std::vector<StaffConflict>> ListConflicts(Db& db, bool open_only) {
    std::vector<std::string> ids;
    {
        Stmt stmt = TRY_VALUE(db.Prepare(std::string("SELECT id FROM staff_conflict") +
                                         (open_only ? " WHERE status = 'open'" : "") + " ORDER BY created_at, id"));
        while (TRY_VALUE(stmt.Step())) ids.push_back(stmt.Text(0));
    }
    std::vector<StaffConflict> conflicts;
    for (const std::string& id : ids) {
        auto conflict = TRY_VALUE(staff_detail::LoadConflict(db, id));
        if (conflict) conflicts.push_back(std::move(*conflict));
    }
    return conflicts;
}

Status ResolveConflictLocally(Db& db, const ConflictResolution& resolution, int64_t now_utc) {
    auto tx = TRY_VALUE(Transaction::Begin(db));
    ContentWriter writer(db);
    nlohmann::json value;
    MergeResult result = TRY_VALUE(
        staff_detail::ResolveConflict(db, writer, resolution, now_utc, staff_detail::ResolveSide::Device, &value));
    if (result.outcome == MergeOutcome::Rejected) return base::MakeError(result.reason, result.message);
    ConflictResolution queued = resolution;
    queued.value = value;
    TRY(staff_detail::QueueOp(db, resolution.resolution_id, "conflict_resolution", resolution.conflict_id,
                              EncodeConflictResolution(queued), now_utc));
    TRY(writer.Finish());
    TRY(tx.Commit());
    base::LogInfo("staff_conflict_resolved_local", result.message);
    return base::Ok();
}

Result<MergeResult> ApplyConflictResolution(Db& db, const ConflictResolution& resolution, int64_t now_utc) {
    try {
        ContentWriter writer(db);
        MergeResult result =
            TRY_VALUE(staff_detail::ResolveConflict(db, writer, resolution, now_utc, staff_detail::ResolveSide::Hub));
        TRY(writer.Finish());
        base::LogInfo("staff_conflict_resolution", std::string(MergeOutcomeName(result.outcome)) + " conflict=" +
                                                       resolution.conflict_id +
                                                       (result.reason.empty() ? "" : " reason=" + result.reason));
        return result;
    } catch (const nlohmann::json::exception& e) {
        return base::MakeError("staff_merge_failed", "conflict " + resolution.conflict_id + ": " + e.what());
    }
}

}  // namespace content
