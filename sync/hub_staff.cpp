// sync/hub_staff.cpp: the hub's side of staff mode: staff edits and conflict resolutions pushed
// by devices, staff management from the command line, and their audit rows.
//
// Design note
// - Every staff op runs inside SAVEPOINT staff_op within the push's transaction. Its effects
//   (content rows, staff_conflict rows, change_log rows through the triggers) and its audit rows
//   commit together with the op_inbox row that ApplyOp writes after it, so a replay finds the
//   inbox row and answers "duplicate" with the first answer, changing nothing.
// - Outcomes: accepted with reason applied / merged / conflict (an edit) or resolved (a
//   resolution): nothing of the op is lost, the device may drop it. rejected with a stable reason
//   (staff_edit_invalid, staff_unknown, staff_removed, conflict_resolved, ...) for an op that can
//   never apply. A rejected op's partial writes are rolled back to the savepoint first; its audit
//   rows are written afterwards so they survive.
// - The device is the authenticated kiosk's name (or "hub" for the CLI); the payload's device
//   field is overwritten before the merge, so staff_conflict and audit_log never hold a name a
//   kiosk chose for itself.
// - Old values for the audit trail are read from the hub's content just before the merge.
#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "base/log.h"
#include "content/store.h"
#include "sync/audit_log.h"
#include "sync/crypto.h"
#include "sync/hub_store.h"

namespace ksync {
namespace {

using content::Db;
using content::Stmt;
using nlohmann::json;

bool IsSqlName(const std::string& name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

json ColumnJson(const Stmt& stmt, int col) {
    switch (sqlite3_column_type(stmt.raw(), col)) {
        case SQLITE_NULL: return nullptr;
        case SQLITE_INTEGER: return stmt.Int(col);
        case SQLITE_FLOAT: return stmt.Real(col);
        default: return stmt.Text(col);
    }
}

// The hub's current value of one field of a record: a column or "text:<field>:<lang>"; null when
// the record, the column's value or the text is absent (and for the pseudo-field "record").
Result<json> ReadFieldValue(Db& db, const std::string& table, const std::string& record_id, const std::string& field) {
    if (!IsSqlName(table) || field.empty() || field == "record") return json(nullptr);
    if (auto text = content::ParseTextField(field)) {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT text FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3 "
                                         "AND lang = ?4"));
        stmt.Bind(1, table).Bind(2, record_id).Bind(3, text->field).Bind(4, text->lang);
        if (!TRY_VALUE(stmt.Step())) return json(nullptr);
        return json(stmt.Text(0));
    }
    if (!IsSqlName(field)) return json(nullptr);
    auto stmt = db.Prepare("SELECT \"" + field + "\" FROM \"" + table + "\" WHERE id = ?1");
    if (!stmt.ok()) return json(nullptr);  // not a column of this table: the merge will say so
    stmt->Bind(1, record_id);
    if (!TRY_VALUE(stmt->Step())) return json(nullptr);
    return ColumnJson(*stmt, 0);
}

struct StaffRow {
    bool exists = false;
    bool removed = false;
    std::string name;
};

Result<StaffRow> ReadStaff(Db& db, const std::string& staff_id) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT name, removed_at FROM staff WHERE id = ?1"));
    stmt.Bind(1, staff_id);
    StaffRow row;
    if (!TRY_VALUE(stmt.Step())) return row;
    row.exists = true;
    row.name = stmt.Text(0);
    row.removed = !stmt.IsNull(1);
    return row;
}

// Errors the database raises for reasons outside the op (disk, memory, I/O): the push fails and
// the kiosk retries. Anything else an op runs into is a property of the op and rejects it.
bool IsTransientDbFailure(Db& db) {
    int rc = sqlite3_errcode(db.raw()) & 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_NOMEM ||
           rc == SQLITE_CORRUPT || rc == SQLITE_CANTOPEN;
}

const char* AcceptedReason(content::MergeOutcome outcome) {
    switch (outcome) {
        case content::MergeOutcome::Applied: return "applied";
        case content::MergeOutcome::Merged: return "merged";
        case content::MergeOutcome::Conflict: return "conflict";
        case content::MergeOutcome::Rejected: return "rejected";
    }
    return "rejected";
}

std::string PayloadString(const json& payload, const char* name) {
    auto it = payload.find(name);
    return it != payload.end() && it->is_string() ? it->get<std::string>().substr(0, 200) : std::string();
}

OpResult Rejected(const std::string& op_id, std::string reason, std::string message) {
    OpResult result;
    result.op_id = op_id;
    result.outcome = OpOutcome::Rejected;
    result.reason = std::move(reason);
    result.message = std::move(message);
    return result;
}

// A savepoint that rolls back unless released: an early TRY() return leaves nothing of the op.
class Savepoint {
public:
    explicit Savepoint(Db& db) : db_(db) {}
    ~Savepoint() {
        if (open_) (void)RollBack();
    }
    Status Begin() {
        TRY(db_.Exec("SAVEPOINT staff_op"));
        open_ = true;
        return base::Ok();
    }
    Status RollBack() {
        open_ = false;
        TRY(db_.Exec("ROLLBACK TO staff_op"));
        return db_.Exec("RELEASE staff_op");
    }
    Status Release() {
        open_ = false;
        return db_.Exec("RELEASE staff_op");
    }

private:
    Db& db_;
    bool open_ = false;
};

// Makes every device's next pull rewrite its copy of what an edit touched with the hub's
// version: the record with its texts, and the edit's texts the hub does not have (tombstones).
Status RelogEditTargets(Db& db, const content::StaffEdit& edit) {
    TRY(RelogRecord(db, edit.table, edit.record_id));
    for (const content::FieldChange& change : edit.changes) {
        if (auto text = content::ParseTextField(change.field)) {
            TRY(RelogTranslation(db, edit.table, edit.record_id, text->field, text->lang));
        }
    }
    return base::Ok();
}

}  // namespace

Result<OpResult> HubStore::ApplyStaffOp(const std::string& kiosk, const PushOp& op, int64_t now) {
    if (op.kind == "staff_edit") return ApplyStaffEditOp(kiosk, op, now);
    return ApplyResolutionOp(kiosk, op, now);
}

Result<OpResult> HubStore::ApplyStaffEditOp(const std::string& kiosk, const PushOp& op, int64_t now) {
    AuditEntry audit;
    audit.at = now;
    audit.device = kiosk;
    audit.op_id = op.op_id;
    audit.staff_id = PayloadString(op.payload, "staff_id");
    audit.action = PayloadString(op.payload, "action");
    audit.table = PayloadString(op.payload, "table");
    audit.record_id = PayloadString(op.payload, "record_id");

    std::optional<content::StaffEdit> relog;  // set once the payload decoded
    // One audit row for a rejected op. The device already shows the edit: the record goes back
    // into the change log so its next pull puts the hub's version back.
    auto reject_whole = [&](std::string reason, std::string message, const std::string& staff_name) -> Result<OpResult> {
        if (relog) TRY(RelogEditTargets(db_, *relog));
        audit.staff_name = staff_name;
        audit.field = "record";
        audit.outcome = "rejected";
        audit.detail = reason + ": " + message;
        TRY(WriteAudit(db_, audit));
        base::LogWarn("hub_staff_edit_rejected", "kiosk=" + kiosk + " op=" + op.op_id + " reason=" + reason);
        return Rejected(op.op_id, std::move(reason), std::move(message));
    };

    auto decoded = content::DecodeStaffEdit(op.payload);
    if (!decoded.ok()) return reject_whole("staff_edit_invalid", decoded.error().message, "");
    content::StaffEdit edit = std::move(*decoded);
    edit.device = kiosk;
    audit.staff_id = edit.staff_id;
    audit.action = content::EditActionName(edit.action);
    audit.table = edit.table;
    audit.record_id = edit.record_id;
    relog = edit;
    if (edit.edit_id != op.op_id) {
        // The edit id is the idempotency key: an op carrying another would make a replay apply twice.
        return reject_whole("staff_edit_invalid", "op_id '" + op.op_id + "' is not the edit's edit_id '" + edit.edit_id + "'",
                            "");
    }
    StaffRow staff = TRY_VALUE(ReadStaff(db_, edit.staff_id));
    if (!staff.exists) return reject_whole("staff_unknown", "no staff member '" + edit.staff_id + "' on this hub", "");
    if (staff.removed) {
        return reject_whole("staff_removed", "staff member '" + staff.name + "' was removed and may no longer edit",
                            staff.name);
    }
    audit.staff_name = staff.name;

    std::vector<json> old_values;
    for (const content::FieldChange& change : edit.changes) {
        old_values.push_back(TRY_VALUE(ReadFieldValue(db_, edit.table, edit.record_id, change.field)));
    }

    Savepoint savepoint(db_);
    TRY(savepoint.Begin());
    auto merged = content::MergeStaffEdit(db_, edit, now);
    if (!merged.ok()) {
        if (IsTransientDbFailure(db_)) return merged.error();
        TRY(savepoint.RollBack());
        base::LogError("hub_staff_edit_failed", "kiosk=" + kiosk + " op=" + op.op_id + " " + merged.error().ToString());
        return reject_whole("staff_edit_invalid", "the hub could not apply this edit: " + merged.error().ToString(),
                            staff.name);
    }
    if (merged->outcome == content::MergeOutcome::Rejected) {
        TRY(savepoint.RollBack());
        std::string reason = merged->reason.empty() ? "staff_edit_invalid" : merged->reason;
        return reject_whole(reason, merged->message, staff.name);
    }
    TRY(savepoint.Release());

    std::string outcome = AcceptedReason(merged->outcome);
    // Fields kept as conflicts hold the hub's value, but the sending device still shows its own:
    // re-log them so its next pull brings the hub's (the conflict row arrives with it).
    if (!merged->conflict_ids.empty()) TRY(RelogEditTargets(db_, edit));
    std::vector<content::StaffConflict> conflicts;
    if (!merged->conflict_ids.empty()) conflicts = TRY_VALUE(content::ListConflicts(db_, /*open_only=*/false));
    auto conflict_for = [&](const std::string& field) -> const content::StaffConflict* {
        for (const content::StaffConflict& c : conflicts) {
            if (c.field == field && c.record_id == edit.record_id && c.edit_id == edit.edit_id) return &c;
        }
        return nullptr;
    };
    auto applied = [&](const std::string& field) {
        return std::find(merged->applied_fields.begin(), merged->applied_fields.end(), field) !=
               merged->applied_fields.end();
    };
    if (edit.changes.empty()) {
        audit.field = "record";
        const content::StaffConflict* conflict = conflict_for("record");
        audit.outcome = conflict ? "conflict" : (outcome == "conflict" ? "merged" : outcome);
        audit.detail = conflict ? "conflict " + conflict->id : "";
        TRY(WriteAudit(db_, audit));
    }
    for (size_t i = 0; i < edit.changes.size(); ++i) {
        const content::FieldChange& change = edit.changes[i];
        audit.field = change.field;
        audit.old_value = old_values[i];
        audit.new_value = change.after;
        const content::StaffConflict* conflict = conflict_for(change.field);
        audit.detail.clear();
        if (conflict) {
            audit.outcome = "conflict";
            audit.detail = "conflict " + conflict->id;
        } else if (outcome == "conflict") {
            // The op as a whole is a conflict; this field of it landed.
            audit.outcome = "merged";
        } else {
            audit.outcome = outcome;
        }
        if (!conflict && !applied(change.field)) audit.detail = "the hub already had this value";
        TRY(WriteAudit(db_, audit));
    }
    if (conflict_for("record") && !edit.changes.empty()) {
        audit.field = "record";
        audit.old_value = nullptr;
        audit.new_value = nullptr;
        audit.outcome = "conflict";
        audit.detail = "conflict " + conflict_for("record")->id;
        TRY(WriteAudit(db_, audit));
    }

    OpResult result;
    result.op_id = op.op_id;
    result.outcome = OpOutcome::Accepted;
    result.reason = outcome;
    if (!merged->conflict_ids.empty()) {
        result.message = std::to_string(merged->conflict_ids.size()) + " field(s) kept as conflicts for staff to decide";
    }
    base::LogInfo("hub_staff_edit_" + outcome, "kiosk=" + kiosk + " op=" + op.op_id + " table=" + edit.table +
                                                   " record=" + edit.record_id);
    return result;
}

Result<OpResult> HubStore::ApplyResolutionOp(const std::string& kiosk, const PushOp& op, int64_t now) {
    AuditEntry audit;
    audit.at = now;
    audit.device = kiosk;
    audit.op_id = op.op_id;
    audit.action = "resolve";
    audit.staff_id = PayloadString(op.payload, "staff_id");
    audit.table = "staff_conflict";
    audit.record_id = PayloadString(op.payload, "conflict_id");
    audit.field = "record";

    const content::StaffConflict* conflict = nullptr;
    // The device applied its resolution already: the conflict and its record go back into the
    // change log so its next pull restores the hub's state.
    auto reject = [&](std::string reason, std::string message) -> Result<OpResult> {
        if (conflict) {
            TRY(RelogRecord(db_, "staff_conflict", conflict->id));
            if (IsKnownContentTable(conflict->table) && conflict->table != "translation") {
                TRY(RelogRecord(db_, conflict->table, conflict->record_id));
                if (auto text = content::ParseTextField(conflict->field)) {
                    TRY(RelogTranslation(db_, conflict->table, conflict->record_id, text->field, text->lang));
                }
            }
        }
        audit.outcome = "rejected";
        audit.detail = reason + ": " + message;
        TRY(WriteAudit(db_, audit));
        base::LogWarn("hub_resolution_rejected", "kiosk=" + kiosk + " op=" + op.op_id + " reason=" + reason);
        return Rejected(op.op_id, std::move(reason), std::move(message));
    };

    auto decoded = content::DecodeConflictResolution(op.payload);
    if (!decoded.ok()) return reject("staff_edit_invalid", decoded.error().message);
    content::ConflictResolution resolution = std::move(*decoded);
    resolution.device = kiosk;
    audit.staff_id = resolution.staff_id;
    audit.record_id = resolution.conflict_id;
    // The conflict names the field the resolution writes: the audit row describes that field.
    std::vector<content::StaffConflict> conflicts = TRY_VALUE(content::ListConflicts(db_, /*open_only=*/false));
    for (const content::StaffConflict& c : conflicts) {
        if (c.id == resolution.conflict_id) conflict = &c;
    }
    if (resolution.resolution_id != op.op_id) {
        return reject("staff_edit_invalid",
                      "op_id '" + op.op_id + "' is not the resolution_id '" + resolution.resolution_id + "'");
    }
    StaffRow staff = TRY_VALUE(ReadStaff(db_, resolution.staff_id));
    if (!staff.exists) return reject("staff_unknown", "no staff member '" + resolution.staff_id + "' on this hub");
    audit.staff_name = staff.name;
    if (staff.removed) return reject("staff_removed", "staff member '" + staff.name + "' was removed and may no longer edit");

    json old_value;
    if (conflict) {
        audit.table = conflict->table;
        audit.record_id = conflict->record_id;
        audit.field = conflict->field;
        old_value = TRY_VALUE(ReadFieldValue(db_, conflict->table, conflict->record_id, conflict->field));
        audit.old_value = old_value;
    }

    Savepoint savepoint(db_);
    TRY(savepoint.Begin());
    auto applied = content::ApplyConflictResolution(db_, resolution, now);
    if (!applied.ok()) {
        if (IsTransientDbFailure(db_)) return applied.error();
        TRY(savepoint.RollBack());
        base::LogError("hub_resolution_failed", "kiosk=" + kiosk + " op=" + op.op_id + " " + applied.error().ToString());
        std::string reason = applied.error().code == "not_found" ? "conflict_unknown" : "staff_edit_invalid";
        return reject(reason, "the hub could not apply this resolution: " + applied.error().ToString());
    }
    if (applied->outcome == content::MergeOutcome::Rejected) {
        TRY(savepoint.RollBack());
        return reject(applied->reason.empty() ? "staff_edit_invalid" : applied->reason, applied->message);
    }
    TRY(savepoint.Release());
    if (conflict) {
        audit.new_value = TRY_VALUE(ReadFieldValue(db_, conflict->table, conflict->record_id, conflict->field));
    } else {
        audit.new_value = resolution.value;
    }
    const char* choice = resolution.choice == content::ResolutionChoice::Mine     ? "mine"
                         : resolution.choice == content::ResolutionChoice::Theirs ? "theirs"
                                                                                  : "edit";
    audit.outcome = "resolved";
    audit.detail = "conflict " + resolution.conflict_id + " resolved: " + choice;
    TRY(WriteAudit(db_, audit));

    OpResult result;
    result.op_id = op.op_id;
    result.outcome = OpOutcome::Accepted;
    result.reason = "resolved";
    base::LogInfo("hub_conflict_resolved", "kiosk=" + kiosk + " op=" + op.op_id + " conflict=" + resolution.conflict_id);
    return result;
}

// ---- staff management (kiosk-hub staff ...) ------------------------------------------------

// The audit row of a change the hub's own CLI made to the staff list.
static AuditEntry StaffManagementAudit(const std::string& id, const std::string& name, const char* action,
                                       const char* field, nlohmann::json new_value, int64_t now) {
    AuditEntry audit;
    audit.at = now;
    audit.staff_id = id;
    audit.staff_name = name;
    audit.device = kHubDevice;
    audit.op_id = NewUuid();
    audit.action = action;
    audit.table = "staff";
    audit.record_id = id;
    audit.field = field;
    audit.new_value = std::move(new_value);
    audit.outcome = "applied";
    return audit;
}

Result<std::string> HubStore::AddStaff(const std::string& name_in, const std::string& pin, int64_t now) {
    std::string name = name_in;
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(name.begin());
    if (name.empty() || name.size() > 120 ||
        std::any_of(name.begin(), name.end(), [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; })) {
        return base::MakeError("staff_bad_name", "a staff member's name is 1-120 characters without control characters");
    }
    bool digits = pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) {
                      return c >= '0' && c <= '9';
                  });
    if (!digits) return base::MakeError("staff_pin_bad", "a PIN is 4 to 8 digits");
    auto tx = TRY_VALUE(content::Transaction::Begin(db_));
    {
        // The pad asks for the PIN alone, so it must name one active member.
        Stmt active = TRY_VALUE(db_.Prepare("SELECT pin_hash FROM staff WHERE removed_at IS NULL"));
        while (TRY_VALUE(active.Step())) {
            if (content::StaffPinMatches(active.Text(0), pin)) {
                return base::MakeError("staff_pin_taken", "another active staff member already has this PIN; choose another");
            }
        }
    }
    std::string hash = TRY_VALUE(content::HashStaffPin(pin));
    std::string id = NewUuid();
    content::ContentWriter writer(db_);
    TRY(writer.Upsert("staff", {{"id", id}, {"name", name}, {"pin_hash", hash}, {"created_at", now}}));
    TRY(writer.Finish());
    TRY(WriteAudit(db_, StaffManagementAudit(id, name, "staff_add", "record", name, now)));
    TRY(tx.Commit());
    base::LogInfo("hub_staff_added", "id=" + id);
    return id;
}

Status HubStore::RemoveStaff(const std::string& id, int64_t now) {
    auto tx = TRY_VALUE(content::Transaction::Begin(db_));
    StaffRow staff = TRY_VALUE(ReadStaff(db_, id));
    if (!staff.exists) return base::MakeError("staff_unknown", "no staff member '" + id + "'");
    if (staff.removed) return base::MakeError("staff_removed", "staff member '" + staff.name + "' is already removed");
    content::ContentWriter writer(db_);
    TRY(writer.Upsert("staff", {{"id", id}, {"removed_at", now}}));
    TRY(writer.Finish());
    TRY(WriteAudit(db_, StaffManagementAudit(id, staff.name, "staff_remove", "removed_at", now, now)));
    TRY(tx.Commit());
    base::LogInfo("hub_staff_removed", "id=" + id);
    return base::Ok();
}

Result<OpResult> HubStore::ResolveConflictOnHub(const content::ConflictResolution& resolution_in, int64_t now) {
    content::ConflictResolution resolution = resolution_in;
    if (resolution.resolution_id.empty()) resolution.resolution_id = NewUuid();
    resolution.device = kHubDevice;
    if (resolution.made_at == 0) resolution.made_at = now;
    PushOp op;
    op.op_id = resolution.resolution_id;
    op.kind = "conflict_resolution";
    op.ref_id = resolution.conflict_id;
    op.created_at = now;
    op.payload = content::EncodeConflictResolution(resolution);
    auto tx = TRY_VALUE(content::Transaction::Begin(db_));
    OpResult result = TRY_VALUE(ApplyOp(kHubDevice, op, now));
    TRY(tx.Commit());
    return result;
}

}  // namespace ksync
