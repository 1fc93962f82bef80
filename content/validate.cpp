// content/validate.cpp: content checks (see validate.h).
#include "content/validate.h"

#include <ctime>
#include <map>
#include <set>

#include "content/queries_internal.h"
#include "content/schema.h"
#include "content/store.h"
#include "content/text.h"

namespace content {
namespace {

// Records that must have a name; without it a screen has nothing to show.
const std::vector<std::pair<std::string, std::string>>& NamedRecords() {
    static const std::vector<std::pair<std::string, std::string>> named = {
        {"organization", "name"}, {"service", "name"}, {"course_series", "name"}, {"booking_form", "title"},
    };
    return named;
}

Status CheckMissingTexts(Db& db, const ValidateOptions& options, std::vector<ContentIssue>& issues) {
    // Every (record, field) with some text, with the languages it has.
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT tbl, record_id, field, group_concat(lang, ',') FROM translation GROUP BY tbl, record_id, field "
        "ORDER BY tbl, record_id, field"));
    while (TRY_VALUE(stmt.Step())) {
        std::string langs = "," + stmt.Text(3) + ",";
        for (const std::string& lang : options.required_langs) {
            if (langs.find("," + lang + ",") != std::string::npos) continue;
            issues.push_back({"warning", "missing_translation", stmt.Text(0), stmt.Text(1), stmt.Text(2), lang,
                              stmt.Text(0) + " " + stmt.Text(1) + ": '" + stmt.Text(2) + "' has no " + lang + " text"});
        }
    }
    for (const auto& [table, field] : NamedRecords()) {
        Stmt missing = TRY_VALUE(db.Prepare("SELECT id FROM \"" + table +
                                            "\" r WHERE NOT EXISTS (SELECT 1 FROM translation t WHERE t.tbl = ?1 AND "
                                            "t.record_id = r.id AND t.field = ?2) ORDER BY id"));
        missing.Bind(1, table).Bind(2, field);
        while (TRY_VALUE(missing.Step())) {
            issues.push_back({"error", "missing_text", table, missing.Text(0), field, "",
                              table + " " + missing.Text(0) + " has no " + field + " in any language"});
        }
    }
    Stmt categories = TRY_VALUE(db.Prepare(
        "SELECT id FROM taxonomy_term r WHERE is_category = 1 AND NOT EXISTS (SELECT 1 FROM translation t WHERE "
        "t.tbl = 'taxonomy_term' AND t.record_id = r.id AND t.field = 'name') ORDER BY id"));
    while (TRY_VALUE(categories.Step())) {
        issues.push_back({"error", "missing_text", "taxonomy_term", categories.Text(0), "name", "",
                          "category " + categories.Text(0) + " has no name in any language"});
    }
    return base::Ok();
}

Status CheckReferences(Db& db, std::vector<ContentIssue>& issues) {
    // Foreign keys are enforced on write; this catches files written with them off or by a
    // tool that does not use the store.
    Stmt fk = TRY_VALUE(db.Prepare("PRAGMA foreign_key_check"));
    while (TRY_VALUE(fk.Step())) {
        std::string table = fk.Text(0);
        std::string parent = fk.Text(2);
        int64_t rowid = fk.Int(1);
        std::string id = std::to_string(rowid);
        Stmt row = TRY_VALUE(db.Prepare("SELECT id FROM \"" + table + "\" WHERE rowid = ?1"));
        row.Bind(1, rowid);
        if (TRY_VALUE(row.Step())) id = row.Text(0);
        std::string column;
        Stmt fk_list = TRY_VALUE(db.Prepare("PRAGMA foreign_key_list(\"" + table + "\")"));
        while (TRY_VALUE(fk_list.Step())) {
            if (fk_list.Int(0) == fk.Int(3)) column = fk_list.Text(3);
        }
        issues.push_back({"error", "dangling_reference", table, id, column, "",
                          table + " " + id + ": " + column + " names no " + parent});
    }
    std::vector<std::string> tables;
    for (const std::string& table : ContentTables()) {
        if (TranslatableFields(table)) tables.push_back(table);
    }
    for (const std::string& table : tables) {
        Stmt orphans = TRY_VALUE(db.Prepare(
            "SELECT DISTINCT record_id FROM translation WHERE tbl = ?1 AND record_id NOT IN (SELECT id FROM \"" + table +
            "\") ORDER BY record_id"));
        orphans.Bind(1, table);
        while (TRY_VALUE(orphans.Step())) {
            issues.push_back({"error", "dangling_reference", "translation", orphans.Text(0), "record_id", "",
                              "translations of " + table + " " + orphans.Text(0) + " name no " + table});
        }
    }
    // attribute.link_id is polymorphic (link_entity names the table), so SQLite cannot check it.
    static const std::set<std::string> kLinkable = {"service", "organization", "location", "service_at_location",
                                                    "phone", "schedule", "language", "address", "cost_option"};
    Stmt attrs = TRY_VALUE(db.Prepare("SELECT id, link_id, link_entity FROM attribute ORDER BY id"));
    while (TRY_VALUE(attrs.Step())) {
        std::string entity = attrs.Text(2);
        if (!kLinkable.count(entity)) continue;  // HSDS allows links to things the kiosk does not hold
        Stmt target = TRY_VALUE(db.Prepare("SELECT 1 FROM \"" + entity + "\" WHERE id = ?1"));
        target.Bind(1, attrs.Text(1));
        if (!TRY_VALUE(target.Step())) {
            issues.push_back({"error", "dangling_reference", "attribute", attrs.Text(0), "link_id", "",
                              "attribute " + attrs.Text(0) + " links to " + entity + " " + attrs.Text(1) + ", which does not exist"});
        }
    }
    return base::Ok();
}

Status CheckNfc(Db& db, std::vector<ContentIssue>& issues) {
    Stmt texts = TRY_VALUE(db.Prepare("SELECT tbl, record_id, field, lang, text FROM translation ORDER BY 1, 2, 3, 4"));
    while (TRY_VALUE(texts.Step())) {
        if (IsNfc(texts.Text(4))) continue;
        issues.push_back({"error", "non_nfc_text", texts.Text(0), texts.Text(1), texts.Text(2), texts.Text(3),
                          texts.Text(0) + " " + texts.Text(1) + ": '" + texts.Text(2) + "' [" + texts.Text(3) +
                              "] is not in Unicode NFC"});
    }
    for (const std::string& table : ContentTables()) {
        if (table == "translation") continue;
        Stmt info = TRY_VALUE(db.Prepare("PRAGMA table_info(\"" + table + "\")"));
        std::vector<std::string> columns;
        while (TRY_VALUE(info.Step())) {
            if (info.Text(2) == "TEXT" && info.Text(1) != "id") columns.push_back(info.Text(1));
        }
        for (const std::string& column : columns) {
            Stmt rows = TRY_VALUE(db.Prepare("SELECT id, \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column +
                                             "\" IS NOT NULL ORDER BY id"));
            while (TRY_VALUE(rows.Step())) {
                if (IsNfc(rows.Text(1))) continue;
                issues.push_back({"error", "non_nfc_text", table, rows.Text(0), column, "",
                                  table + " " + rows.Text(0) + ": " + column + " is not in Unicode NFC"});
            }
        }
    }
    return base::Ok();
}

Status CheckPastSessions(Db& db, const ValidateOptions& options, std::vector<ContentIssue>& issues) {
    int64_t now = options.now_utc ? options.now_utc : (int64_t)std::time(nullptr);
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT series_id, count(*), min(local_start) FROM course_session WHERE ends_at <= ?1 AND status = 'scheduled' "
        "GROUP BY series_id ORDER BY series_id"));
    stmt.Bind(1, now);
    while (TRY_VALUE(stmt.Step())) {
        issues.push_back({"warning", "past_sessions", "course_series", stmt.Text(0), "", "",
                          "course_series " + stmt.Text(0) + " has " + std::to_string(stmt.Int(1)) +
                              " scheduled session(s) in the past (from " + stmt.Text(2) + ")"});
    }
    return base::Ok();
}

}  // namespace

Result<std::vector<ContentIssue>> ValidateContent(Db& db, const ValidateOptions& options) {
    detail::ReadScope scope(db);
    std::vector<ContentIssue> issues;
    TRY(CheckReferences(db, issues));
    TRY(CheckNfc(db, issues));
    TRY(CheckMissingTexts(db, options, issues));
    TRY(CheckPastSessions(db, options, issues));
    return issues;
}

Result<std::vector<std::pair<std::string, int64_t>>> CountContent(Db& db) {
    detail::ReadScope scope(db);
    std::vector<std::pair<std::string, int64_t>> counts;
    for (const std::string& table : ContentTables()) {
        counts.emplace_back(table, TRY_VALUE(db.QueryInt("SELECT count(*) FROM \"" + table + "\"")));
    }
    return counts;
}

}  // namespace content
