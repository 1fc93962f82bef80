// sync/audit_log.cpp: the hub's audit trail (see audit_log.h for the design).
#include "base/json.h"
#include "sync/audit_log.h"

#include <cstdint>
#include <cstdio>
#include <ctime>

namespace ksync {
namespace {

using content::Db;
using content::Stmt;
using nlohmann::json;

constexpr const char* kAuditSchema = R"SQL(
CREATE TABLE IF NOT EXISTS audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  staff_id   TEXT NOT NULL,
  staff_name TEXT NOT NULL,
  device     TEXT NOT NULL,
  op_id      TEXT NOT NULL,
  action     TEXT NOT NULL,
  tbl        TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  outcome    TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_log_staff ON audit_log(staff_id, at);
CREATE INDEX IF NOT EXISTS audit_log_record ON audit_log(record_id, at);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
)SQL";

std::optional<std::string> JsonText(const json& value) {
    if (value.is_null()) return std::nullopt;
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json ParseStored(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    json value = base::ParseJsonOrDiscarded(*text);
    return value.is_discarded() ? json(*text) : value;
}

}  // namespace

base::Status CreateAuditTable(Db& db) { return db.Exec(kAuditSchema); }

base::Status WriteAudit(Db& db, const AuditEntry& e) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "INSERT INTO audit_log(at, staff_id, staff_name, device, op_id, action, tbl, record_id, field, old_value, "
        "new_value, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
    stmt.Bind(1, e.at).Bind(2, e.staff_id).Bind(3, e.staff_name).Bind(4, e.device).Bind(5, e.op_id).Bind(6, e.action);
    stmt.Bind(7, e.table).Bind(8, e.record_id).Bind(9, e.field.empty() ? std::string("record") : e.field);
    stmt.Bind(10, JsonText(e.old_value)).Bind(11, JsonText(e.new_value)).Bind(12, e.outcome);
    stmt.Bind(13, e.detail.substr(0, 1000));
    return stmt.Run();
}

base::Result<std::vector<AuditEntry>> ListAudit(Db& db, const AuditFilter& filter) {
    std::string sql =
        "SELECT id, at, staff_id, staff_name, device, op_id, action, tbl, record_id, field, old_value, new_value, "
        "outcome, detail FROM audit_log WHERE (?1 = '' OR staff_id = ?1) AND (?2 = '' OR record_id = ?2) "
        "AND at >= ?3 ORDER BY at, id";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
    Stmt stmt = TRY_VALUE(db.Prepare(sql));
    stmt.Bind(1, filter.staff_id).Bind(2, filter.record_id).Bind(3, filter.since.value_or(INT64_MIN));
    std::vector<AuditEntry> entries;
    while (TRY_VALUE(stmt.Step())) {
        AuditEntry e;
        e.id = stmt.Int(0);
        e.at = stmt.Int(1);
        e.staff_id = stmt.Text(2);
        e.staff_name = stmt.Text(3);
        e.device = stmt.Text(4);
        e.op_id = stmt.Text(5);
        e.action = stmt.Text(6);
        e.table = stmt.Text(7);
        e.record_id = stmt.Text(8);
        e.field = stmt.Text(9);
        e.old_value = ParseStored(stmt.OptText(10));
        e.new_value = ParseStored(stmt.OptText(11));
        e.outcome = stmt.Text(12);
        e.detail = stmt.Text(13);
        entries.push_back(std::move(e));
    }
    return entries;
}

json AuditEntryJson(const AuditEntry& e) {
    return {{"id", e.id},          {"at", e.at},           {"staff_id", e.staff_id}, {"staff_name", e.staff_name},
            {"device", e.device},  {"op_id", e.op_id},     {"action", e.action},     {"table", e.table},
            {"record_id", e.record_id}, {"field", e.field}, {"old", e.old_value},    {"new", e.new_value},
            {"outcome", e.outcome}, {"detail", e.detail}};
}

base::Result<int64_t> ParseUtcDate(const std::string& text) {
    int year = 0, month = 0, day = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
        text[4] != '-' || text[7] != '-' || month < 1 || month > 12 || day < 1 || day > 31 || year < 1970) {
        return base::MakeError("audit_bad_date", "'" + text + "' is not a date like 2026-03-01");
    }
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    int64_t seconds = (int64_t)timegm(&tm);
    // timegm normalises 2026-02-31 to March: such a date is a typo, not a request.
    std::tm back{};
    std::time_t t = (std::time_t)seconds;
    gmtime_r(&t, &back);
    if (back.tm_mday != day || back.tm_mon != month - 1) {
        return base::MakeError("audit_bad_date", "'" + text + "' is not a date of the calendar");
    }
    return seconds;
}

}  // namespace ksync
