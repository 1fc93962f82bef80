// content/staff_apply.cpp: a staff edit on the device that made it: applied at once, and
// re-applied after every pull or bundle until the hub has answered.
//
// Design note
// - ApplyStaffEditLocally: BEGIN IMMEDIATE; validate against the content as it is inside the
//   transaction; write the fields (ContentWriter: NFC, translations, re-index in Finish);
//   version+1; insert the outbox row (kind staff_edit, op_id = edit_id, ref_id = record_id,
//   payload = EncodeStaffEdit); COMMIT. Any failure rolls everything back, so the content never
//   shows an edit the hub will not hear of, and the outbox never holds an edit the content
//   does not show.
// - ReapplyPendingStaffEdits runs after a pull replaced rows, inside the sync apply's
//   transaction. It is idempotent: a field that already holds the edit's value is not written
//   again and the version only moves when something was written, so pulls that did not touch
//   the record leave it alone. Each op runs in its own SAVEPOINT: an op that no longer fits the
//   content (its parent is gone, say) is rolled back and logged, stays queued for the hub to
//   answer, and never blocks the pull.
#include "base/json.h"
#include "base/log.h"
#include "content/staff_internal.h"

namespace content {
namespace {

using nlohmann::json;
using namespace staff_detail;

Status ReapplyEdit(Db& db, ContentWriter& writer, const StaffEdit& edit, int64_t now_utc) {
    auto row = TRY_VALUE(LoadRow(db, edit.table, edit.record_id));
    if (edit.action == EditAction::Delete) {
        if (row) TRY(writer.Delete(edit.table, edit.record_id));
        return base::Ok();
    }
    if (!row) {
        if (edit.action == EditAction::Create) {
            TRY_VALUE(ApplyWhole(db, writer, edit, now_utc));
        } else {
            base::LogInfo("staff_reapply_gone", edit.table + " " + edit.record_id + " edit=" + edit.edit_id);
        }
        return base::Ok();
    }
    bool changed = false;
    for (const FieldChange& change : edit.changes) {
        json current = TRY_VALUE(CurrentFieldValue(db, edit.table, edit.record_id, change.field, &*row));
        if (SameValue(current, change.after)) continue;
        TRY(WriteField(db, writer, edit.table, edit.record_id, change.field, change.after, now_utc));
        changed = true;
    }
    if (changed) TRY(BumpVersion(writer, edit.table, edit.record_id, (*row)["version"].get<int64_t>() + 1, now_utc));
    return base::Ok();
}

}  // namespace

Result<int64_t> ApplyStaffEditLocally(Db& db, const StaffEdit& edit, int64_t now_utc) {
    auto tx = TRY_VALUE(Transaction::Begin(db));
    std::vector<EditProblem> problems = TRY_VALUE(Validate(db, edit, "en", RecordRule::MustExist));
    if (!problems.empty()) {
        return base::MakeError("staff_edit_invalid", edit.table + " " + edit.record_id + ": " + ProblemsText(problems));
    }
    ContentWriter writer(db);
    int64_t version = TRY_VALUE(ApplyWhole(db, writer, edit, now_utc));
    TRY(QueueOp(db, edit.edit_id, "staff_edit", edit.record_id, EncodeStaffEdit(edit), now_utc));
    TRY(writer.Finish());
    TRY(tx.Commit());
    base::LogInfo("staff_edit_local", std::string(EditActionName(edit.action)) + " " + edit.table + " " + edit.record_id +
                                          " version=" + std::to_string(version));
    return version;
}

Status ReapplyPendingStaffEdits(Db& db, ContentWriter& writer, int64_t now_utc) {
    struct Op {
        std::string op_id;
        std::string kind;
        std::string payload;
    };
    std::vector<Op> ops;
    {
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT op_id, kind, payload FROM outbox WHERE kind IN ('staff_edit', 'conflict_resolution') ORDER BY seq"));
        while (TRY_VALUE(stmt.Step())) ops.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2)});
    }
    for (const Op& op : ops) {
        json payload = base::ParseJsonOrDiscarded(op.payload);
        Status status = base::Ok();
        TRY(db.Exec("SAVEPOINT staff_reapply"));
        if (op.kind == "staff_edit") {
            auto edit = DecodeStaffEdit(payload);
            if (!edit.ok()) status = edit.error();
            else status = ReapplyEdit(db, writer, *edit, now_utc);
        } else {
            auto resolution = DecodeConflictResolution(payload);
            if (!resolution.ok()) {
                status = resolution.error();
            } else {
                auto result = ResolveConflict(db, writer, *resolution, now_utc, ResolveSide::Reapply);
                if (!result.ok()) status = result.error();
                else if (result->outcome == MergeOutcome::Rejected) status = base::MakeError(result->reason, result->message);
            }
        }
        if (!status.ok()) {
            TRY(db.Exec("ROLLBACK TO staff_reapply"));
            base::LogWarn("staff_reapply_skipped", op.kind + " " + op.op_id + ": " + status.error().ToString());
        }
        TRY(db.Exec("RELEASE staff_reapply"));
    }
    return base::Ok();
}

}  // namespace content
