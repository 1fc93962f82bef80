#include "sync/apply.h"

#include <chrono>
#include <ctime>

#include "base/json.h"
#include "base/log.h"
#include "content/schema.h"
#include "content/staff_edit.h"
#include "content/store.h"

namespace ksync {
namespace {

using content::Db;
using content::Stmt;
using nlohmann::json;

Result<std::string> MetaOr(Db& db, const std::string& key, const std::string& fallback) {
    auto value = content::GetMeta(db, key);
    if (value.ok()) return *value;
    if (value.error().code == "not_found") return fallback;
    return value.error();
}

Result<int64_t> ParseMetaInt(const std::string& key, const std::string& text) {
    try {
        size_t used = 0;
        int64_t value = std::stoll(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    return base::MakeError("sync_bad_meta", "meta '" + key + "' is not a number: '" + text + "'");
}

TranslationKey SplitTranslationKey(const std::string& joined) {
    TranslationKey key;
    std::string* parts[] = {&key.tbl, &key.record_id, &key.field, &key.lang};
    size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        size_t end = i < 3 ? joined.find('\x1f', start) : joined.size();
        if (end == std::string::npos) end = joined.size();
        *parts[i] = joined.substr(start, end - start);
        start = std::min(joined.size(), end + 1);
    }
    return key;
}

}  // namespace

Result<SyncCursor> ReadCursor(Db& db) {
    SyncCursor cursor;
    cursor.epoch = TRY_VALUE(MetaOr(db, "hub_epoch", ""));
    cursor.seq = TRY_VALUE(ParseMetaInt("sync_cursor", TRY_VALUE(MetaOr(db, "sync_cursor", "0"))));
    cursor.bundle_counter = TRY_VALUE(ParseMetaInt("bundle_counter", TRY_VALUE(MetaOr(db, "bundle_counter", "0"))));
    return cursor;
}

Status Stage::EnsureTable() {
    if (table_ready_) return base::Ok();
    TRY(db_.Exec("CREATE TEMP TABLE IF NOT EXISTS sync_stage ("
                 " seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, op INTEGER NOT NULL, row TEXT);"
                 "CREATE INDEX IF NOT EXISTS temp.sync_stage_key ON sync_stage(tbl, key, seq);"));
    table_ready_ = true;
    return base::Ok();
}

Status Stage::Begin(bool snapshot) {
    TRY(EnsureTable());
    TRY(db_.Exec("DELETE FROM temp.sync_stage"));
    snapshot_ = snapshot;
    staged_ = 0;
    return base::Ok();
}

Status Stage::AddPage(const PullPage& page) {
    TRY(EnsureTable());
    // Only the temp database is written here, so this holds no lock on the content.
    TRY(db_.Exec("BEGIN"));
    auto insert_all = [&]() -> Status {
        Stmt insert = TRY_VALUE(db_.Prepare("INSERT OR REPLACE INTO temp.sync_stage(seq, tbl, key, op, row) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)"));
        for (const Change& change : page.changes) {
            insert.Reset();
            insert.Bind(1, change.seq).Bind(2, change.table).Bind(3, change.StageKey());
            insert.Bind(4, (int64_t)(change.op == ChangeOp::Delete ? 1 : 0));
            if (change.op == ChangeOp::Upsert) {
                insert.Bind(5, change.row.dump(-1, ' ', false, json::error_handler_t::replace));
            } else {
                insert.BindNull(5);
            }
            TRY(insert.Run());
        }
        return base::Ok();
    }();
    if (!insert_all.ok()) {
        (void)db_.Exec("ROLLBACK");
        return insert_all;
    }
    TRY(db_.Exec("COMMIT"));
    staged_ += (int64_t)page.changes.size();
    return base::Ok();
}

Result<ApplyReport> Stage::Apply(const ApplyTarget& target) {
    TRY(EnsureTable());
    auto started = std::chrono::steady_clock::now();
    ApplyReport report;
    report.cursor = target.cursor;
    {
        auto tx = TRY_VALUE(content::Transaction::Begin(db_));
        TRY(db_.Exec("PRAGMA defer_foreign_keys = ON"));
        content::ContentWriter writer(db_);
        Stmt latest = TRY_VALUE(db_.Prepare(
            "SELECT s.seq, s.tbl, s.key, s.op, s.row FROM temp.sync_stage s "
            "WHERE s.seq = (SELECT max(t.seq) FROM temp.sync_stage t WHERE t.tbl = s.tbl AND t.key = s.key) "
            "ORDER BY s.seq"));
        while (TRY_VALUE(latest.Step())) {
            std::string table = latest.Text(1);
            std::string key = latest.Text(2);
            if (latest.Int(3) == 1) {
                if (table == "translation") {
                    TranslationKey k = SplitTranslationKey(key);
                    TRY(writer.RemoveText(k.tbl, k.record_id, k.field, k.lang));
                } else {
                    TRY(writer.Delete(table, key));
                }
                ++report.deletes;
            } else {
                json row = base::ParseJsonOrDiscarded(latest.Text(4));
                if (!row.is_object()) return base::MakeError("sync_bad_stage", "staged row of " + table + " " + key + " is not an object");
                Status status = writer.Upsert(table, row);
                if (!status.ok()) {
                    return base::MakeError(status.error().code, "applying seq " + std::to_string(latest.Int(0)) + ": " +
                                                                    status.error().message);
                }
                ++report.upserts;
            }
        }
        latest = Stmt();
        if (snapshot_) {
            // A snapshot is the whole truth: what it does not hold must go (children first).
            const auto& tables = content::ContentTables();
            for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
                const std::string& table = *it;
                if (table == "translation") continue;
                Stmt extra = TRY_VALUE(db_.Prepare("SELECT id FROM \"" + table + "\" WHERE id NOT IN "
                                                   "(SELECT key FROM temp.sync_stage WHERE tbl = ?1 AND op = 0)"));
                extra.Bind(1, table);
                std::vector<std::string> ids;
                while (TRY_VALUE(extra.Step())) ids.push_back(extra.Text(0));
                extra = Stmt();
                for (const std::string& id : ids) TRY(writer.Delete(table, id));
                report.removed_by_snapshot += (int64_t)ids.size();
            }
            Stmt texts = TRY_VALUE(db_.Prepare(
                "SELECT tbl, record_id, field, lang FROM translation WHERE "
                "(tbl || char(31) || record_id || char(31) || field || char(31) || lang) NOT IN "
                "(SELECT key FROM temp.sync_stage WHERE tbl = 'translation' AND op = 0)"));
            std::vector<TranslationKey> stale;
            while (TRY_VALUE(texts.Step())) stale.push_back({texts.Text(0), texts.Text(1), texts.Text(2), texts.Text(3)});
            texts = Stmt();
            for (const TranslationKey& k : stale) TRY(writer.RemoveText(k.tbl, k.record_id, k.field, k.lang));
            report.removed_by_snapshot += (int64_t)stale.size();
        }
        // The staff member's edits not yet answered by the hub go back on top of what arrived, in
        // this transaction: the UI never sees them vanish and come back.
        TRY(content::ReapplyPendingStaffEdits(db_, writer, target.now_utc > 0 ? target.now_utc : (int64_t)std::time(nullptr)));
        TRY(writer.SetMeta("hub_epoch", target.epoch));
        TRY(writer.SetMeta("sync_cursor", std::to_string(target.cursor)));
        TRY(writer.SetMeta("content_seq", std::to_string(target.cursor)));
        if (target.head_at > 0) TRY(writer.SetMeta("content_updated_at", std::to_string(target.head_at)));
        if (target.bundle_counter) TRY(writer.SetMeta("bundle_counter", std::to_string(*target.bundle_counter)));
        TRY(writer.Finish());
        Status committed = tx.Commit();
        if (!committed.ok()) {
            return base::MakeError("sync_apply_failed", "the update was not applied: " + committed.error().message);
        }
    }
    TRY(Begin(false));
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    base::LogInfo("sync_applied", "cursor=" + std::to_string(report.cursor) + " upserts=" + std::to_string(report.upserts) +
                                      " deletes=" + std::to_string(report.deletes) +
                                      " removed=" + std::to_string(report.removed_by_snapshot));
    return report;
}

}  // namespace ksync
