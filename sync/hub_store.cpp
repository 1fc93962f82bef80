#include "sync/hub_store.h"

#include <algorithm>

#include "base/log.h"
#include "base/text_safety.h"
#include "content/schema.h"
#include "sync/audit_log.h"
#include "sync/crypto.h"

namespace ksync {
namespace {

using content::Db;
using content::Stmt;
using content::Transaction;
using nlohmann::json;

constexpr const char* kHubSchema = R"SQL(
CREATE TABLE IF NOT EXISTS hub_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per record: its latest change. op 0 = upsert (row_json holds the row), 1 = delete.
CREATE TABLE IF NOT EXISTS change_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl        TEXT NOT NULL,
  pk         TEXT NOT NULL,
  op         INTEGER NOT NULL,
  row_json   TEXT,
  changed_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS change_log_key ON change_log(tbl, pk);
CREATE INDEX IF NOT EXISTS change_log_tombstones ON change_log(changed_at) WHERE op = 1;

-- Every pushed operation, keyed by the kiosk that sent it and its idempotency key, with the
-- result its first delivery got. Keyed per kiosk: another kiosk's op id is not a duplicate.
CREATE TABLE IF NOT EXISTS op_inbox (
  op_id       TEXT NOT NULL,
  kiosk       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  ref_id      TEXT,
  booking_id  TEXT,
  reference   TEXT,
  session_id  TEXT,
  service_id  TEXT,
  form_id     TEXT,
  lang        TEXT,
  payload     TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  result      TEXT NOT NULL,
  reason      TEXT,
  handled_at  INTEGER,
  PRIMARY KEY (kiosk, op_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS op_inbox_kind ON op_inbox(kind, received_at);
CREATE INDEX IF NOT EXISTS op_inbox_op ON op_inbox(op_id);

CREATE TABLE IF NOT EXISTS kiosk (
  name            TEXT PRIMARY KEY,
  token_hash      TEXT NOT NULL UNIQUE,
  created_at      INTEGER NOT NULL,
  revoked_at      INTEGER,
  last_seen_at    INTEGER,
  firmware        TEXT,
  content_seq     INTEGER,
  outbox_depth    INTEGER,
  uptime_s        INTEGER,
  free_disk_bytes INTEGER,
  last_success_at INTEGER,
  last_result     TEXT,
  last_error      TEXT,
  health_at       INTEGER
);
)SQL";

constexpr int64_t kEarliestPlausible = 1577836800;  // 2020-01-01T00:00:00Z

// True when any string in `value` (keys included) has control or bidi-override characters.
bool HasUnsafeString(const json& value) {
    if (value.is_string()) return base::HasUnsafeText(value.get_ref<const std::string&>(), /*allow_newlines=*/true);
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (base::HasUnsafeText(it.key()) || HasUnsafeString(it.value())) return true;
        }
    }
    if (value.is_array()) {
        for (const json& item : value) {
            if (HasUnsafeString(item)) return true;
        }
    }
    return false;
}

// Hubs made before op ids were keyed per kiosk have op_inbox keyed on op_id alone: rebuilt once
// with the same rows (the indexes of kHubSchema are made after this).
Status KeyInboxPerKiosk(Db& db) {
    int64_t kiosk_in_key =
        TRY_VALUE(db.QueryInt("SELECT count(*) FROM pragma_table_info('op_inbox') WHERE name = 'kiosk' AND pk > 0"));
    int64_t exists = TRY_VALUE(db.QueryInt("SELECT count(*) FROM pragma_table_info('op_inbox')"));
    if (exists == 0 || kiosk_in_key > 0) return base::Ok();
    TRY(db.Exec("ALTER TABLE op_inbox RENAME TO op_inbox_by_op_id; DROP INDEX IF EXISTS op_inbox_kind;"));
    TRY(db.Exec(kHubSchema));
    TRY(db.Exec("INSERT INTO op_inbox SELECT op_id, kiosk, kind, ref_id, booking_id, reference, session_id, service_id, "
                "form_id, lang, payload, created_at, received_at, result, reason, handled_at FROM op_inbox_by_op_id; "
                "DROP TABLE op_inbox_by_op_id;"));
    base::LogInfo("hub_inbox_migrated", "op_inbox is now keyed by (kiosk, op_id)");
    return base::Ok();
}

// The columns of a table, in declaration order.
Result<std::vector<std::string>> Columns(Db& db, const std::string& table) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT name FROM pragma_table_info(?1)"));
    stmt.Bind(1, table);
    std::vector<std::string> columns;
    while (TRY_VALUE(stmt.Step())) columns.push_back(stmt.Text(0));
    if (columns.empty()) return base::MakeError("hub_schema", "content table '" + table + "' does not exist");
    return columns;
}

std::string RowJsonExpr(const std::string& prefix, const std::vector<std::string>& columns) {
    std::string expr = "json_object(";
    for (size_t i = 0; i < columns.size(); ++i) {
        if (i) expr += ", ";
        expr += "'" + columns[i] + "', " + prefix + "\"" + columns[i] + "\"";
    }
    return expr + ")";
}

std::string PkExpr(const std::string& table, const std::string& prefix) {
    if (table == "translation") {
        return "json_array(" + prefix + "tbl, " + prefix + "record_id, " + prefix + "field, " + prefix + "lang)";
    }
    return prefix + "id";
}

// The triggers that feed change_log. Re-created on every Setup so they follow schema changes.
Status CreateTriggers(Db& db, const std::string& table) {
    std::vector<std::string> columns = TRY_VALUE(Columns(db, table));
    std::string row_new = RowJsonExpr("NEW.", columns);
    std::string pk_new = PkExpr(table, "NEW."), pk_old = PkExpr(table, "OLD.");
    std::string changed;  // an UPDATE that changes nothing is not a change
    for (size_t i = 0; i < columns.size(); ++i) {
        if (i) changed += " OR ";
        changed += "OLD.\"" + columns[i] + "\" IS NOT NEW.\"" + columns[i] + "\"";
    }
    std::string name = "hub_log_" + table;
    std::string upsert_body = "DELETE FROM change_log WHERE tbl = '" + table + "' AND pk = " + pk_new +
                              ";\n  INSERT INTO change_log(tbl, pk, op, row_json, changed_at) VALUES ('" + table +
                              "', " + pk_new + ", 0, " + row_new + ", unixepoch());\n";
    std::string sql;
    sql += "DROP TRIGGER IF EXISTS " + name + "_i; DROP TRIGGER IF EXISTS " + name + "_u; DROP TRIGGER IF EXISTS " +
           name + "_d;\n";
    sql += "CREATE TRIGGER " + name + "_i AFTER INSERT ON \"" + table + "\" BEGIN\n  " + upsert_body + "END;\n";
    // A changed key (never done by ContentWriter, but plain SQL could) is a delete of the old key.
    sql += "CREATE TRIGGER " + name + "_u AFTER UPDATE ON \"" + table + "\" WHEN " + changed + " BEGIN\n" +
           "  DELETE FROM change_log WHERE tbl = '" + table + "' AND pk = " + pk_old + " AND " + pk_old + " IS NOT " +
           pk_new + ";\n  INSERT INTO change_log(tbl, pk, op, row_json, changed_at) SELECT '" + table + "', " + pk_old +
           ", 1, NULL, unixepoch() WHERE " + pk_old + " IS NOT " + pk_new + ";\n  " + upsert_body + "END;\n";
    sql += "CREATE TRIGGER " + name + "_d AFTER DELETE ON \"" + table + "\" BEGIN\n" +
           "  DELETE FROM change_log WHERE tbl = '" + table + "' AND pk = " + pk_old + ";\n" +
           "  INSERT INTO change_log(tbl, pk, op, row_json, changed_at) VALUES ('" + table + "', " + pk_old +
           ", 1, NULL, unixepoch());\nEND;\n";
    return db.Exec(sql);
}

// Logs every row of `table` that has no change_log entry: all of them on a fresh hub, and on an
// upgraded one the rows of a table the log did not cover before (a new content table).
Status Backfill(Db& db, const std::string& table) {
    std::vector<std::string> columns = TRY_VALUE(Columns(db, table));
    std::string pk = PkExpr(table, "r.");
    std::string sql = "INSERT INTO change_log(tbl, pk, op, row_json, changed_at) SELECT '" + table + "', " + pk +
                      ", 0, " + RowJsonExpr("r.", columns) + ", unixepoch() FROM \"" + table +
                      "\" r WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.tbl = '" + table + "' AND c.pk = " + pk +
                      ")";
    return db.Exec(sql);
}

std::string JsonString(const std::string& text) { return json(text).dump(-1, ' ', false, json::error_handler_t::replace); }

std::string OptionalPayloadString(const json& payload, const char* name) {
    auto it = payload.find(name);
    return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Status RelogRecord(Db& db, const std::string& table, const std::string& record_id) {
    if (table == "translation" || !IsKnownContentTable(table)) {
        return base::MakeError("hub_relog", "'" + table + "' is not a content table with ids");
    }
    std::vector<std::string> columns = TRY_VALUE(Columns(db, table));
    // One row per key: the old entry goes, the new one gets a fresh seq (the triggers' rule).
    Stmt drop = TRY_VALUE(db.Prepare("DELETE FROM change_log WHERE tbl = ?1 AND pk = ?2"));
    drop.Bind(1, table).Bind(2, record_id);
    TRY(drop.Run());
    Stmt upsert = TRY_VALUE(db.Prepare("INSERT INTO change_log(tbl, pk, op, row_json, changed_at) SELECT '" + table +
                                       "', id, 0, " + RowJsonExpr("", columns) + ", unixepoch() FROM \"" + table +
                                       "\" WHERE id = ?1"));
    upsert.Bind(1, record_id);
    TRY(upsert.Run());
    if (db.Changes() == 0) {
        Stmt tombstone = TRY_VALUE(db.Prepare("INSERT INTO change_log(tbl, pk, op, row_json, changed_at) "
                                              "VALUES (?1, ?2, 1, NULL, unixepoch())"));
        tombstone.Bind(1, table).Bind(2, record_id);
        TRY(tombstone.Run());
        return base::Ok();
    }
    // The record's texts as the hub has them now.
    std::vector<std::string> text_columns = TRY_VALUE(Columns(db, "translation"));
    Stmt texts = TRY_VALUE(db.Prepare("SELECT field, lang FROM translation WHERE tbl = ?1 AND record_id = ?2"));
    texts.Bind(1, table).Bind(2, record_id);
    std::vector<std::pair<std::string, std::string>> keys;
    while (TRY_VALUE(texts.Step())) keys.emplace_back(texts.Text(0), texts.Text(1));
    texts = Stmt();
    for (const auto& [field, lang] : keys) TRY(RelogTranslation(db, table, record_id, field, lang));
    return base::Ok();
}

Status RelogTranslation(Db& db, const std::string& table, const std::string& record_id, const std::string& field,
                        const std::string& lang) {
    std::vector<std::string> columns = TRY_VALUE(Columns(db, "translation"));
    std::string pk = json::array({table, record_id, field, lang}).dump(-1, ' ', false, json::error_handler_t::replace);
    // The key as the triggers write it (json_array), so the entry replaces theirs.
    Stmt key = TRY_VALUE(db.Prepare("SELECT json_array(?1, ?2, ?3, ?4)"));
    key.Bind(1, table).Bind(2, record_id).Bind(3, field).Bind(4, lang);
    if (TRY_VALUE(key.Step())) pk = key.Text(0);
    key = Stmt();
    Stmt drop = TRY_VALUE(db.Prepare("DELETE FROM change_log WHERE tbl = 'translation' AND pk = ?1"));
    drop.Bind(1, pk);
    TRY(drop.Run());
    Stmt upsert = TRY_VALUE(db.Prepare("INSERT INTO change_log(tbl, pk, op, row_json, changed_at) SELECT 'translation', "
                                       "?5, 0, " + RowJsonExpr("", columns) + ", unixepoch() FROM translation WHERE "
                                       "tbl = ?1 AND record_id = ?2 AND field = ?3 AND lang = ?4"));
    upsert.Bind(1, table).Bind(2, record_id).Bind(3, field).Bind(4, lang).Bind(5, pk);
    TRY(upsert.Run());
    if (db.Changes() == 0) {
        Stmt tombstone = TRY_VALUE(db.Prepare("INSERT INTO change_log(tbl, pk, op, row_json, changed_at) "
                                              "VALUES ('translation', ?1, 1, NULL, unixepoch())"));
        tombstone.Bind(1, pk);
        TRY(tombstone.Run());
    }
    return base::Ok();
}

Result<HubStore> HubStore::Setup(const std::string& path) {
    Db db = TRY_VALUE(Db::Open(path));
    {
        auto tx = TRY_VALUE(Transaction::Begin(db));
        TRY(KeyInboxPerKiosk(db));
        TRY(db.Exec(kHubSchema));
        Stmt has_epoch = TRY_VALUE(db.Prepare("SELECT value FROM hub_meta WHERE key = 'epoch'"));
        bool fresh = !TRY_VALUE(has_epoch.Step());
        has_epoch = Stmt();
        TRY(CreateAuditTable(db));
        for (const std::string& table : content::ContentTables()) TRY(CreateTriggers(db, table));
        // Content written before the log existed (or before its table was a content table, after
        // an upgrade) is logged once, parents first.
        for (const std::string& table : content::ContentTables()) TRY(Backfill(db, table));
        if (fresh) {
            Stmt put = TRY_VALUE(db.Prepare("INSERT INTO hub_meta(key, value) VALUES ('epoch', ?1), "
                                            "('tombstone_horizon', '0'), ('bundle_counter', '0')"));
            put.Bind(1, NewUuid());
            TRY(put.Run());
        }
        TRY(tx.Commit());
    }
    return HubStore(std::move(db));
}

Result<HubStore> HubStore::Connect(const std::string& path) {
    Db db = TRY_VALUE(Db::Open(path));
    HubStore store(std::move(db));
    auto epoch = store.GetHubMeta("epoch", "");
    if (!epoch.ok()) return epoch.error();
    if (epoch->empty()) return base::MakeError("hub_not_setup", "'" + path + "' is not a hub database (run Setup first)");
    return store;
}

Result<std::string> HubStore::GetHubMeta(const std::string& key, const std::string& fallback) {
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT value FROM hub_meta WHERE key = ?1"));
    stmt.Bind(1, key);
    if (!TRY_VALUE(stmt.Step())) return fallback;
    return stmt.Text(0);
}

Status HubStore::SetHubMeta(const std::string& key, const std::string& value) {
    Stmt stmt = TRY_VALUE(db_.Prepare("INSERT INTO hub_meta(key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    stmt.Bind(1, key).Bind(2, value);
    return stmt.Run();
}

Result<std::string> HubStore::Epoch() { return GetHubMeta("epoch", ""); }

Result<int64_t> HubStore::Head() {
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'"));
    if (!TRY_VALUE(stmt.Step())) return (int64_t)0;
    return stmt.Int(0);
}

Result<int64_t> HubStore::HeadAt() {
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT changed_at FROM change_log ORDER BY seq DESC LIMIT 1"));
    if (!TRY_VALUE(stmt.Step())) return (int64_t)0;
    return stmt.Int(0);
}

Result<PullAnswer> HubStore::ReadPage(int64_t since, bool snapshot, int limit, size_t byte_cap) {
    limit = std::clamp(limit, 1, kMaxPageLimit);
    PullAnswer answer;
    answer.snapshot = snapshot;
    answer.head = TRY_VALUE(Head());
    int64_t head_at = TRY_VALUE(HeadAt());
    std::string epoch = TRY_VALUE(Epoch());

    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT seq, tbl, pk, op, row_json FROM change_log WHERE seq > ?1 "
                                      "ORDER BY seq LIMIT ?2"));
    stmt.Bind(1, since).Bind(2, (int64_t)limit + 1);
    std::string changes;
    int64_t last_seq = since;
    int count = 0;
    bool more = false;
    while (TRY_VALUE(stmt.Step())) {
        if (count == limit || (count > 0 && changes.size() >= byte_cap)) {
            more = true;
            break;
        }
        int64_t seq = stmt.Int(0);
        std::string table = stmt.Text(1);
        std::string pk = stmt.Text(2);
        bool is_delete = stmt.Int(3) == 1;
        if (count) changes += ',';
        changes += "{\"seq\":" + std::to_string(seq) + ",\"table\":" + JsonString(table) + ",\"op\":\"" +
                   (is_delete ? "delete" : "upsert") + "\",\"key\":";
        // A translation's pk is already a JSON array (json_array in the trigger).
        changes += table == "translation" ? pk : JsonString(pk);
        if (!is_delete) changes += ",\"row\":" + stmt.Text(4);
        changes += '}';
        last_seq = seq;
        ++count;
    }
    answer.has_more = more;
    // The last page ends at head: everything up to head was visible to this read transaction.
    answer.to = more ? last_seq : std::max(answer.head, since);
    answer.changes = count;
    answer.body = "{\"protocol\":" + std::to_string(kProtocolVersion) + ",\"epoch\":" + JsonString(epoch) +
                  ",\"schema_version\":" + std::to_string(content::kSchemaVersion) + ",\"since\":" + std::to_string(since) +
                  ",\"to\":" + std::to_string(answer.to) + ",\"head\":" + std::to_string(std::max(answer.head, since)) +
                  ",\"head_at\":" + std::to_string(head_at) + ",\"has_more\":" + (more ? "true" : "false") +
                  ",\"snapshot\":" + (snapshot ? "true" : "false") + ",\"changes\":[" + changes + "]}";
    return answer;
}

Result<PullAnswer> HubStore::Pull(const PullRequestArgs& args) {
    // One read transaction: head, horizon and the page all describe the same committed state.
    TRY(db_.Exec("BEGIN"));
    auto answer = [&]() -> Result<PullAnswer> {
        std::string epoch = TRY_VALUE(Epoch());
        int64_t horizon = std::stoll(TRY_VALUE(GetHubMeta("tombstone_horizon", "0")));
        int64_t head = TRY_VALUE(Head());
        bool same_epoch = args.epoch == epoch;
        if (same_epoch && args.since == head) {
            PullAnswer unchanged;
            unchanged.not_modified = true;
            unchanged.head = head;
            unchanged.to = head;
            return unchanged;
        }
        bool snapshot = !same_epoch || args.since <= 0 || args.since < horizon || args.since > head;
        return ReadPage(snapshot ? 0 : args.since, snapshot, args.limit, kPageByteCap);
    }();
    (void)db_.Exec("COMMIT");
    return answer;
}

// ---- push ---------------------------------------------------------------------------------

Result<PushResponse> HubStore::ApplyPush(const std::string& kiosk, const PushRequest& request, int64_t now) {
    PushResponse response;
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    for (const PushOp& op : request.ops) response.results.push_back(TRY_VALUE(ApplyOp(kiosk, op, now)));
    if (request.health) TRY(RecordHealth(kiosk, *request.health, now));
    response.seen = TRY_VALUE(ReadSeen(kiosk));
    TRY(tx.Commit());
    response.head = TRY_VALUE(Head());
    return response;
}

Result<std::optional<SeenHealth>> HubStore::ReadSeen(const std::string& kiosk) {
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT last_seen_at, content_seq, outbox_depth, firmware FROM kiosk WHERE name = ?1"));
    stmt.Bind(1, kiosk);
    if (!TRY_VALUE(stmt.Step())) return std::optional<SeenHealth>();
    SeenHealth seen;
    seen.last_seen_at = stmt.OptInt(0);
    seen.content_seq = stmt.OptInt(1);
    seen.outbox_depth = stmt.OptInt(2);
    seen.firmware = stmt.Text(3);
    return std::optional<SeenHealth>(std::move(seen));
}

Result<OpResult> HubStore::ApplyOp(const std::string& kiosk, const PushOp& op, int64_t now) {
    OpResult result;
    result.op_id = op.op_id;
    {
        // A replay from the same kiosk gets its first answer again.
        Stmt seen = TRY_VALUE(db_.Prepare("SELECT result, reason FROM op_inbox WHERE kiosk = ?1 AND op_id = ?2"));
        seen.Bind(1, kiosk).Bind(2, op.op_id);
        if (TRY_VALUE(seen.Step())) {
            result.outcome = OpOutcome::Duplicate;
            result.original = seen.Text(0) == "accepted" ? OpOutcome::Accepted : OpOutcome::Rejected;
            result.reason = seen.Text(1);
            return result;
        }
        // The same id from another kiosk is that kiosk's own operation, applied on its own: taking
        // it for a duplicate let a kiosk that learned another's op id make the hub drop the real
        // booking. Kiosks draw op ids at random (128 bits), so a reuse is worth a warning.
        Stmt other = TRY_VALUE(db_.Prepare("SELECT kiosk FROM op_inbox WHERE op_id = ?1 AND kiosk <> ?2 LIMIT 1"));
        other.Bind(1, op.op_id).Bind(2, kiosk);
        if (TRY_VALUE(other.Step())) {
            base::LogWarn("hub_op_id_reused", "kiosk=" + kiosk + " op=" + op.op_id + " first_kiosk=" + other.Text(0));
        }
    }
    std::string session_id = OptionalPayloadString(op.payload, "session_id");
    result.outcome = OpOutcome::Accepted;
    if (op.kind == "booking" && HasUnsafeString(op.payload)) {
        // The kiosk's form refuses these; a booking that has them did not come from the form.
        result.outcome = OpOutcome::Rejected;
        result.reason = "invalid_text";
        result.message = "the booking has control or bidi-override characters";
    } else if (op.kind == "booking") {
        if (!session_id.empty()) {
            Stmt session = TRY_VALUE(db_.Prepare("SELECT capacity, seats_taken, status FROM course_session WHERE id = ?1"));
            session.Bind(1, session_id);
            if (!TRY_VALUE(session.Step())) {
                result.outcome = OpOutcome::Rejected;
                result.reason = "unknown_session";
                result.message = "the session no longer exists";
            } else if (session.Text(2) == "cancelled") {
                result.outcome = OpOutcome::Rejected;
                result.reason = "session_cancelled";
                result.message = "the session was cancelled";
            } else if (session.Int(1) >= session.Int(0)) {
                result.outcome = OpOutcome::Rejected;
                result.reason = "course_full";
                result.message = "no seats left in this session";
            } else {
                session = Stmt();
                // The trigger logs this, so the next pull brings every kiosk the new seat count.
                Stmt take = TRY_VALUE(db_.Prepare("UPDATE course_session SET seats_taken = seats_taken + 1, "
                                                  "version = version + 1, updated_at = ?2 WHERE id = ?1"));
                take.Bind(1, session_id).Bind(2, now);
                TRY(take.Run());
            }
        }
    } else if (op.kind == "health") {
        HealthReport health;
        const json& p = op.payload;
        auto get_int = [&](const char* name) -> int64_t {
            auto it = p.find(name);
            return it != p.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
        };
        health.firmware = base::ForTerminal(OptionalPayloadString(p, "firmware"));
        health.content_seq = get_int("content_seq");
        health.outbox_depth = get_int("outbox_depth");
        health.uptime_s = get_int("uptime_s");
        health.free_disk_bytes = get_int("free_disk_bytes");
        health.last_success_at = get_int("last_success_at");
        health.last_result = base::ForTerminal(OptionalPayloadString(p, "last_result"));
        health.last_error = base::ForTerminal(OptionalPayloadString(p, "last_error"));
        TRY(RecordHealth(kiosk, health, now));
    } else if (op.kind == "staff_edit" || op.kind == "conflict_resolution") {
        // Merged (or rejected) and audited inside a savepoint; the inbox row below records the
        // answer, so a replay gets the same one.
        result = TRY_VALUE(ApplyStaffOp(kiosk, op, now));
    } else {
        // An unknown kind is answered explicitly instead of silently keeping something the hub
        // does not apply; a kiosk keeps such ops until a hub that knows them answers.
        result.outcome = OpOutcome::Rejected;
        result.reason = "unsupported";
        result.message = "the hub does not apply '" + op.kind + "' operations";
    }
    Stmt insert = TRY_VALUE(db_.Prepare(
        "INSERT INTO op_inbox(op_id, kiosk, kind, ref_id, booking_id, reference, session_id, service_id, form_id, lang, "
        "payload, created_at, received_at, result, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15)"));
    const json& p = op.payload;
    std::string booking_id = OptionalPayloadString(p, "booking_id");
    if (booking_id.empty() && op.kind == "booking") booking_id = op.ref_id;
    insert.Bind(1, op.op_id).Bind(2, kiosk).Bind(3, op.kind).Bind(4, op.ref_id).Bind(5, booking_id);
    insert.Bind(6, OptionalPayloadString(p, "reference")).Bind(7, session_id);
    insert.Bind(8, OptionalPayloadString(p, "service_id")).Bind(9, OptionalPayloadString(p, "form_id"));
    std::string lang = OptionalPayloadString(p, "visitor_lang");
    if (lang.empty()) lang = OptionalPayloadString(p, "lang");
    // A kiosk clock far off (no RTC after a power cut, a typo) must not put a booking in 1970 or
    // 2090: out of [2020, now + 1 day] the hub's receipt time stands in, and the log says so.
    int64_t created_at = op.created_at;
    if (created_at < kEarliestPlausible || created_at > now + 86400) {
        base::LogWarn("hub_op_time_implausible", "kiosk=" + kiosk + " op=" + op.op_id + " created_at=" + std::to_string(created_at));
        created_at = now;
    }
    insert.Bind(10, lang).Bind(11, p.dump(-1, ' ', false, json::error_handler_t::replace)).Bind(12, created_at);
    insert.Bind(13, now).Bind(14, OutcomeName(result.outcome));
    if (result.reason.empty()) {
        insert.BindNull(15);
    } else {
        insert.Bind(15, result.reason);
    }
    TRY(insert.Run());
    if (op.kind == "booking") {
        base::LogInfo(result.outcome == OpOutcome::Accepted ? "hub_booking_accepted" : "hub_booking_rejected",
                      "kiosk=" + kiosk + " op=" + op.op_id + (result.reason.empty() ? "" : " reason=" + result.reason));
    }
    return result;
}

Status HubStore::RecordHealth(const std::string& kiosk, const HealthReport& h, int64_t now) {
    Stmt stmt = TRY_VALUE(db_.Prepare(
        "UPDATE kiosk SET firmware = ?2, content_seq = ?3, outbox_depth = ?4, uptime_s = ?5, free_disk_bytes = ?6, "
        "last_success_at = ?7, last_result = ?8, last_error = ?9, health_at = ?10, last_seen_at = ?10 WHERE name = ?1"));
    stmt.Bind(1, kiosk).Bind(2, h.firmware).Bind(3, h.content_seq).Bind(4, h.outbox_depth).Bind(5, h.uptime_s);
    stmt.Bind(6, h.free_disk_bytes).Bind(7, h.last_success_at).Bind(8, h.last_result).Bind(9, h.last_error).Bind(10, now);
    return stmt.Run();
}

// ---- kiosk registry -----------------------------------------------------------------------

Result<std::string> HubStore::Enrol(const std::string& name, int64_t now, bool replace) {
    if (name.empty() || name.size() > 64 ||
        !std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.'; })) {
        return base::MakeError("kiosk_bad_name", "a kiosk name is 1-64 letters, digits, '-', '_' or '.'");
    }
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    Stmt existing = TRY_VALUE(db_.Prepare("SELECT revoked_at FROM kiosk WHERE name = ?1"));
    existing.Bind(1, name);
    bool exists = TRY_VALUE(existing.Step());
    bool active = exists && existing.IsNull(0);
    existing = Stmt();
    if (active && !replace) {
        return base::MakeError("kiosk_exists", "kiosk '" + name + "' is already enrolled (revoke it or use --replace)");
    }
    std::string token = NewToken();
    Stmt put = TRY_VALUE(db_.Prepare("INSERT INTO kiosk(name, token_hash, created_at) VALUES (?1, ?2, ?3) "
                                     "ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash, "
                                     "created_at = excluded.created_at, revoked_at = NULL"));
    put.Bind(1, name).Bind(2, Sha256Hex(token)).Bind(3, now);
    TRY(put.Run());
    TRY(tx.Commit());
    base::LogInfo("hub_kiosk_enrolled", "kiosk=" + name);
    return token;
}

Status HubStore::Revoke(const std::string& name, int64_t now) {
    Stmt stmt = TRY_VALUE(db_.Prepare("UPDATE kiosk SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL"));
    stmt.Bind(1, name).Bind(2, now);
    TRY(stmt.Run());
    if (db_.Changes() == 0) return base::MakeError("kiosk_not_found", "no active kiosk named '" + name + "'");
    base::LogInfo("hub_kiosk_revoked", "kiosk=" + name);
    return base::Ok();
}

Result<std::optional<std::string>> HubStore::Authenticate(const std::string& token) {
    if (token.size() < 16 || token.size() > 200) return std::optional<std::string>();
    // Looking up the hash (not the token) means timing reveals nothing about a valid token.
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT name FROM kiosk WHERE token_hash = ?1 AND revoked_at IS NULL"));
    stmt.Bind(1, Sha256Hex(token));
    if (!TRY_VALUE(stmt.Step())) return std::optional<std::string>();
    return std::optional<std::string>(stmt.Text(0));
}

Status HubStore::RecordSeen(const std::string& kiosk, std::optional<int64_t> content_seq, int64_t now) {
    Stmt stmt = TRY_VALUE(db_.Prepare("UPDATE kiosk SET last_seen_at = ?2, content_seq = coalesce(?3, content_seq) "
                                      "WHERE name = ?1"));
    stmt.Bind(1, kiosk).Bind(2, now).Bind(3, content_seq);
    return stmt.Run();
}

Result<std::vector<KioskInfo>> HubStore::ListKiosks() {
    Stmt stmt = TRY_VALUE(db_.Prepare(
        "SELECT name, created_at, revoked_at, last_seen_at, firmware, content_seq, outbox_depth, uptime_s, "
        "free_disk_bytes, last_success_at, last_result, last_error FROM kiosk ORDER BY name"));
    std::vector<KioskInfo> kiosks;
    while (TRY_VALUE(stmt.Step())) {
        KioskInfo k;
        k.name = stmt.Text(0);
        k.created_at = stmt.Int(1);
        k.revoked_at = stmt.OptInt(2);
        k.last_seen_at = stmt.OptInt(3);
        k.firmware = stmt.Text(4);
        k.content_seq = stmt.OptInt(5);
        k.outbox_depth = stmt.OptInt(6);
        k.uptime_s = stmt.OptInt(7);
        k.free_disk_bytes = stmt.OptInt(8);
        k.last_success_at = stmt.OptInt(9);
        k.last_result = stmt.Text(10);
        k.last_error = stmt.Text(11);
        kiosks.push_back(std::move(k));
    }
    return kiosks;
}

// ---- bookings inbox -----------------------------------------------------------------------

Result<std::vector<InboxBooking>> HubStore::ListBookings(bool include_handled) {
    Stmt stmt = TRY_VALUE(db_.Prepare(
        "SELECT op_id, kiosk, booking_id, reference, session_id, service_id, form_id, lang, result, reason, payload, "
        "received_at, handled_at FROM op_inbox WHERE kind = 'booking' AND (?1 OR handled_at IS NULL) "
        "ORDER BY received_at, op_id"));
    stmt.Bind(1, (int64_t)(include_handled ? 1 : 0));
    std::vector<InboxBooking> bookings;
    while (TRY_VALUE(stmt.Step())) {
        InboxBooking b;
        b.op_id = stmt.Text(0);
        b.kiosk = stmt.Text(1);
        b.booking_id = stmt.Text(2);
        b.reference = stmt.Text(3);
        b.session_id = stmt.Text(4);
        b.service_id = stmt.Text(5);
        b.form_id = stmt.Text(6);
        b.lang = stmt.Text(7);
        b.result = stmt.Text(8);
        b.reason = stmt.Text(9);
        b.payload = stmt.Text(10);
        b.received_at = stmt.Int(11);
        b.handled_at = stmt.OptInt(12);
        bookings.push_back(std::move(b));
    }
    return bookings;
}

Result<int> HubStore::MarkHandled(const std::vector<std::string>& keys, int64_t now) {
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    Stmt stmt = TRY_VALUE(db_.Prepare("UPDATE op_inbox SET handled_at = ?2 WHERE kind = 'booking' AND handled_at IS NULL "
                                      "AND (op_id = ?1 OR booking_id = ?1 OR reference = ?1)"));
    int matched = 0;
    for (const std::string& key : keys) {
        stmt.Reset();
        stmt.Bind(1, key).Bind(2, now);
        TRY(stmt.Run());
        matched += db_.Changes();
    }
    TRY(tx.Commit());
    return matched;
}

// ---- maintenance --------------------------------------------------------------------------

Result<int64_t> HubStore::PruneTombstones(int64_t now, int64_t retention_s) {
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    Stmt newest = TRY_VALUE(db_.Prepare("SELECT max(seq), count(*) FROM change_log WHERE op = 1 AND changed_at < ?1"));
    newest.Bind(1, now - retention_s);
    TRY_VALUE(newest.Step());
    if (newest.IsNull(0)) return (int64_t)0;
    int64_t pruned_seq = newest.Int(0), count = newest.Int(1);
    newest = Stmt();
    Stmt remove = TRY_VALUE(db_.Prepare("DELETE FROM change_log WHERE op = 1 AND seq <= ?1"));
    remove.Bind(1, pruned_seq);
    TRY(remove.Run());
    int64_t horizon = std::stoll(TRY_VALUE(GetHubMeta("tombstone_horizon", "0")));
    TRY(SetHubMeta("tombstone_horizon", std::to_string(std::max(horizon, pruned_seq))));
    TRY(tx.Commit());
    base::LogInfo("hub_tombstones_pruned", "count=" + std::to_string(count) + " horizon=" + std::to_string(pruned_seq));
    return count;
}

Result<int64_t> HubStore::NextBundleCounter(int64_t now_utc) {
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    int64_t counter = std::max<int64_t>(std::stoll(TRY_VALUE(GetHubMeta("bundle_counter", "0"))) + 1, now_utc * 1000);
    TRY(SetHubMeta("bundle_counter", std::to_string(counter)));
    TRY(tx.Commit());
    return counter;
}

}  // namespace ksync
