// content/staff_store.cpp: reading and writing single fields of editable records, applying an
// edit as it stands, queueing staff ops, and staff_conflict rows (shared by the device's local
// apply, the re-apply after a pull, the hub merge and conflict resolution).
#include <sqlite3.h>

#include "base/json.h"
#include "content/staff_internal.h"
#include "content/text.h"

namespace content::staff_detail {
namespace {

bool IsKnownTable(const std::string& table) {
    return TableColumns(table) != nullptr || table == "staff" || table == "staff_conflict";
}

json ColumnJson(const Stmt& stmt, int col) {
    switch (sqlite3_column_type(stmt.raw(), col)) {
        case SQLITE_NULL: return json();
        case SQLITE_INTEGER: return json(stmt.Int(col));
        case SQLITE_FLOAT: return json(stmt.Real(col));
        default: return json(stmt.Text(col));
    }
}

json ParseStored(const std::string& text) {
    json value = base::ParseJsonOrDiscarded(text);
    return value.is_discarded() ? json(text) : value;
}

}  // namespace

Result<std::optional<json>> LoadRow(Db& db, const std::string& table, const std::string& id) {
    if (!IsKnownTable(table)) return base::MakeError("store_unknown_table", "'" + table + "' is not an editable table");
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT * FROM \"" + table + "\" WHERE id = ?1"));
    stmt.Bind(1, id);
    if (!TRY_VALUE(stmt.Step())) return std::optional<json>();
    json row = json::object();
    for (int i = 0; i < stmt.ColumnCount(); ++i) row[stmt.ColumnName(i)] = ColumnJson(stmt, i);
    return std::optional<json>(std::move(row));
}

Result<json> CurrentFieldValue(Db& db, const std::string& table, const std::string& id, const std::string& field,
                               const json* row) {
    if (auto text = ParseTextField(field)) {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT text FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3 AND lang = ?4"));
        stmt.Bind(1, table).Bind(2, id).Bind(3, text->field).Bind(4, text->lang);
        if (!TRY_VALUE(stmt.Step())) return json();
        return json(stmt.Text(0));
    }
    if (row) {
        auto it = row->find(field);
        return it == row->end() ? json() : *it;
    }
    auto loaded = TRY_VALUE(LoadRow(db, table, id));
    if (!loaded) return json();
    auto it = loaded->find(field);
    return it == loaded->end() ? json() : *it;
}

Status WriteField(Db& db, ContentWriter& writer, const std::string& table, const std::string& id,
                  const std::string& field, const json& value, int64_t now_utc) {
    if (auto text = ParseTextField(field)) {
        if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
            return writer.RemoveText(table, id, text->field, text->lang);
        }
        if (!value.is_string()) {
            return base::MakeError("staff_edit_invalid", table + " " + id + ": " + field + " must be text");
        }
        bool is_source = false;
        Stmt same = TRY_VALUE(db.Prepare("SELECT is_source FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3 AND lang = ?4"));
        same.Bind(1, table).Bind(2, id).Bind(3, text->field).Bind(4, text->lang);
        if (TRY_VALUE(same.Step())) {
            is_source = same.Int(0) != 0;
        } else {
            Stmt others = TRY_VALUE(db.Prepare("SELECT count(*) FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3"));
            others.Bind(1, table).Bind(2, id).Bind(3, text->field);
            TRY_VALUE(others.Step());
            is_source = others.Int(0) == 0;
        }
        return writer.SetText(table, id, text->field, text->lang, value.get<std::string>(), is_source, now_utc);
    }
    const ColumnSpec* spec = FindColumn(table, field);
    if (!spec) return base::MakeError("store_unknown_column", "'" + field + "' is not an editable column of " + table);
    auto coerced = CoerceColumnValue(*spec, value);
    if (!coerced) return base::MakeError("staff_edit_invalid", table + " " + id + ": " + field + " has a value of the wrong kind");
    return writer.Upsert(table, json{{"id", id}, {field, *coerced}});
}

Status BumpVersion(ContentWriter& writer, const std::string& table, const std::string& id, int64_t version,
                   int64_t now_utc) {
    return writer.Upsert(table, json{{"id", id}, {"version", version}, {"updated_at", now_utc}});
}

Result<int64_t> ApplyWhole(Db& db, ContentWriter& writer, const StaffEdit& edit, int64_t now_utc) {
    auto row = TRY_VALUE(LoadRow(db, edit.table, edit.record_id));
    if (edit.action == EditAction::Delete) {
        if (row) TRY(writer.Delete(edit.table, edit.record_id));
        return (int64_t)0;
    }
    if (!row && edit.action == EditAction::Update) {
        return base::MakeError("not_found", edit.table + " " + edit.record_id + " does not exist");
    }
    int64_t version = row ? (*row)["version"].get<int64_t>() + 1 : 1;
    if (!row) {
        // One INSERT with every column, so NOT NULL columns are present from the start.
        json insert = {{"id", edit.record_id}, {"version", version}, {"updated_at", now_utc}};
        for (const FieldChange& change : edit.changes) {
            if (ParseTextField(change.field)) continue;
            const ColumnSpec* spec = FindColumn(edit.table, change.field);
            if (!spec) return base::MakeError("store_unknown_column", "'" + change.field + "' is not an editable column of " + edit.table);
            auto coerced = CoerceColumnValue(*spec, change.after);
            if (!coerced) {
                return base::MakeError("staff_edit_invalid", edit.table + " " + edit.record_id + ": " + change.field +
                                                                 " has a value of the wrong kind");
            }
            insert[change.field] = *coerced;
        }
        TRY(writer.Upsert(edit.table, insert));
        for (const FieldChange& change : edit.changes) {
            if (ParseTextField(change.field)) TRY(WriteField(db, writer, edit.table, edit.record_id, change.field, change.after, now_utc));
        }
        return version;
    }
    for (const FieldChange& change : edit.changes) {
        TRY(WriteField(db, writer, edit.table, edit.record_id, change.field, change.after, now_utc));
    }
    TRY(BumpVersion(writer, edit.table, edit.record_id, version, now_utc));
    return version;
}

Status QueueOp(Db& db, const std::string& op_id, const std::string& kind, const std::string& ref_id,
               const json& payload, int64_t now_utc) {
    Stmt exists = TRY_VALUE(db.Prepare("SELECT 1 FROM outbox WHERE op_id = ?1"));
    exists.Bind(1, op_id);
    if (TRY_VALUE(exists.Step())) {
        return base::MakeError("staff_op_duplicate", kind + " " + op_id + " is already queued");
    }
    Stmt stmt = TRY_VALUE(db.Prepare("INSERT INTO outbox (op_id, kind, ref_id, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    stmt.Bind(1, op_id).Bind(2, kind).Bind(3, ref_id).Bind(4, payload.dump()).Bind(5, now_utc);
    return stmt.Run();
}

Result<std::string> StaffRejection(Db& db, const std::string& staff_id) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT removed_at FROM staff WHERE id = ?1"));
    stmt.Bind(1, staff_id);
    if (!TRY_VALUE(stmt.Step())) return std::string("staff_unknown");
    if (!stmt.IsNull(0)) return std::string("staff_removed");
    return std::string();
}

Result<std::optional<StaffConflict>> LoadConflict(Db& db, const std::string& id) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT id, tbl, record_id, field, base, mine, theirs, edit_id, staff_id, device, created_at, status, "
        "coalesce(resolution, ''), resolved_value, coalesce(resolved_by, ''), coalesce(resolved_at, 0) "
        "FROM staff_conflict WHERE id = ?1"));
    stmt.Bind(1, id);
    if (!TRY_VALUE(stmt.Step())) return std::optional<StaffConflict>();
    StaffConflict c;
    c.id = stmt.Text(0);
    c.table = stmt.Text(1);
    c.record_id = stmt.Text(2);
    c.field = stmt.Text(3);
    c.base = ParseStored(stmt.Text(4));
    c.mine = ParseStored(stmt.Text(5));
    c.theirs = ParseStored(stmt.Text(6));
    c.edit_id = stmt.Text(7);
    c.staff_id = stmt.Text(8);
    c.device = stmt.Text(9);
    c.created_at = stmt.Int(10);
    c.status = stmt.Text(11);
    c.resolution = stmt.Text(12);
    c.resolved_value = stmt.IsNull(13) ? json() : ParseStored(stmt.Text(13));
    c.resolved_by = stmt.Text(14);
    c.resolved_at = stmt.Int(15);
    return std::optional<StaffConflict>(std::move(c));
}

Status WriteConflict(ContentWriter& writer, const StaffConflict& c, int64_t version, int64_t now_utc) {
    json row = {{"id", c.id},
                {"tbl", c.table},
                {"record_id", c.record_id},
                {"field", c.field},
                {"base", c.base.dump()},
                {"mine", c.mine.dump()},
                {"theirs", c.theirs.dump()},
                {"edit_id", c.edit_id},
                {"staff_id", c.staff_id},
                {"device", c.device},
                {"created_at", c.created_at},
                {"status", c.status},
                {"resolution", c.resolution.empty() ? json() : json(c.resolution)},
                {"resolved_value", c.status == "resolved" ? json(c.resolved_value.dump()) : json()},
                {"resolved_by", c.resolved_by.empty() ? json() : json(c.resolved_by)},
                {"resolved_at", c.resolved_at ? json(c.resolved_at) : json()},
                {"version", version},
                {"updated_at", now_utc}};
    return writer.Upsert("staff_conflict", row);
}

}  // namespace content::staff_detail
