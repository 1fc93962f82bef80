// content/store.cpp: ContentWriter (see store.h for the design note).
#include "content/store.h"

#include <algorithm>

#include "content/queries_internal.h"
#include "content/schema.h"
#include "content/search.h"
#include "content/text.h"

namespace content {
namespace {

using nlohmann::json;

const std::map<std::string, std::vector<std::string>>& TranslatableTable() {
    static const std::map<std::string, std::vector<std::string>> fields = {
        {"organization", {"name", "alternate_name", "description"}},
        {"service",
         {"name", "alternate_name", "description", "application_process", "fees_description",
          "eligibility_description", "interpretation_services", "alert"}},
        {"location", {"name", "alternate_name", "description", "transportation"}},
        {"service_at_location", {"description"}},
        {"phone", {"description"}},
        {"schedule", {"description", "notes"}},
        {"language", {"note"}},
        {"taxonomy", {"name", "description"}},
        {"taxonomy_term", {"name", "description"}},
        {"attribute", {"label"}},
        {"cost_option", {"option", "amount_description"}},
        {"booking_form", {"title", "intro", "consent", "confirmation"}},
        {"booking_form_field", {"label", "help", "error"}},
        {"course_series", {"name", "description"}},
    };
    return fields;
}

bool IsContentTable(const std::string& table) {
    const auto& tables = ContentTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

// The search index covers these kinds; a translation of the same table re-indexes the record.
bool IsSearchKind(const std::string& table) {
    return table == "service" || table == "course_series" || table == "organization";
}

// A BCP 47 tag as far as the store cares: letters, digits and '-', starting with a letter.
bool IsStoreLanguageTag(const std::string& lang) {
    if (lang.empty() || lang.size() > 35 || !std::isalpha((unsigned char)lang[0])) return false;
    return std::all_of(lang.begin(), lang.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-'; });
}

std::string Quote(const std::string& identifier) { return "\"" + identifier + "\""; }

// Resets a cached statement when the scope ends, whatever path returns.
struct ResetOnExit {
    Stmt* stmt;
    ~ResetOnExit() { stmt->Reset(); }
};

}  // namespace

const std::vector<std::string>* TranslatableFields(const std::string& table) {
    const auto& fields = TranslatableTable();
    auto it = fields.find(table);
    return it == fields.end() ? nullptr : &it->second;
}

bool IsTranslatableField(const std::string& table, const std::string& field) {
    if (table == "booking_form_field" && field.rfind("option:", 0) == 0 && field.size() > 7) return true;
    const auto* fields = TranslatableFields(table);
    return fields && std::find(fields->begin(), fields->end(), field) != fields->end();
}

Result<const std::set<std::string>*> ContentWriter::Columns(const std::string& table) {
    auto it = columns_.find(table);
    if (it != columns_.end()) return &it->second;
    // The name is checked against ContentTables() before it gets here, so it is safe to splice.
    Stmt stmt = TRY_VALUE(db_.Prepare("PRAGMA table_info(" + Quote(table) + ")"));
    std::set<std::string> columns;
    while (TRY_VALUE(stmt.Step())) columns.insert(stmt.Text(1));
    if (columns.empty()) return base::MakeError("store_unknown_table", "table '" + table + "' has no columns");
    return &columns_.emplace(table, std::move(columns)).first->second;
}

Result<Stmt*> ContentWriter::Cached(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return &it->second;
    Stmt stmt = TRY_VALUE(db_.Prepare(sql));
    return &statements_.emplace(sql, std::move(stmt)).first->second;
}

void ContentWriter::Touch(const std::string& table, const std::string& id) {
    // A category's name is part of its services' index text; ReindexRecord("taxonomy_term")
    // re-indexes them.
    if (IsSearchKind(table) || table == "taxonomy_term") touched_.emplace(table, id);
}

Status ContentWriter::Upsert(const std::string& table, const json& row) {
    if (!row.is_object()) {
        return base::MakeError("store_bad_row", "a row for '" + table + "' must be a JSON object, got " + row.type_name());
    }
    if (table == "translation") {
        auto get_text = [&](const char* key) -> std::string {
            auto it = row.find(key);
            return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        for (const char* key : {"tbl", "record_id", "field", "lang"}) {
            if (get_text(key).empty()) {
                return base::MakeError("store_missing_column", std::string("translation row lacks '") + key + "'");
            }
        }
        for (auto it = row.begin(); it != row.end(); ++it) {
            static const std::set<std::string> kKnown = {"tbl", "record_id", "field", "lang", "text", "is_source", "updated_at"};
            if (!kKnown.count(it.key())) {
                return base::MakeError("store_unknown_column", "table 'translation' has no column '" + it.key() + "'");
            }
        }
        bool is_source = false;
        int64_t updated_at = 0;
        if (auto it = row.find("is_source"); it != row.end()) {
            if (it->is_boolean()) is_source = it->get<bool>();
            else if (it->is_number_integer()) is_source = it->get<int64_t>() != 0;
            else if (!it->is_null()) return base::MakeError("store_bad_value", "translation.is_source must be a boolean or 0/1");
        }
        if (auto it = row.find("updated_at"); it != row.end()) {
            if (it->is_number_integer()) updated_at = it->get<int64_t>();
            else if (!it->is_null()) return base::MakeError("store_bad_value", "translation.updated_at must be an integer");
        }
        return SetText(get_text("tbl"), get_text("record_id"), get_text("field"), get_text("lang"), get_text("text"),
                       is_source, updated_at);
    }
    if (!IsContentTable(table)) {
        return base::MakeError("store_unknown_table", "'" + table + "' is not a content table");
    }
    auto id_it = row.find("id");
    if (id_it == row.end() || !id_it->is_string() || id_it->get<std::string>().empty()) {
        return base::MakeError("store_missing_id", "a row for '" + table + "' needs a non-empty string 'id'");
    }
    const std::string id = id_it->get<std::string>();
    const std::set<std::string>* columns = TRY_VALUE(Columns(table));

    std::vector<std::string> names;
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (!columns->count(it.key())) {
            return base::MakeError("store_unknown_column",
                                   "table '" + table + "' has no column '" + it.key() + "' (record " + id + ")");
        }
        names.push_back(it.key());
    }
    // nlohmann::json objects iterate in key order, so the same set of columns always gives the
    // same SQL text and the statement cache hits during a bulk import.
    // UPDATE first, INSERT when no row had the id: a plain INSERT ... ON CONFLICT DO UPDATE
    // would check NOT NULL columns of the row to insert before seeing the conflict, so a
    // partial row (e.g. only a session's status) could never update an existing record.
    std::string insert = "INSERT INTO " + Quote(table) + " (";
    std::string values = ") VALUES (";
    std::string update = "UPDATE " + Quote(table) + " SET ";
    std::string where;
    bool has_update_columns = false;
    for (size_t i = 0; i < names.size(); ++i) {
        std::string param = "?" + std::to_string(i + 1);
        if (i) {
            insert += ", ";
            values += ", ";
        }
        insert += Quote(names[i]);
        values += param;
        if (names[i] == "id") {
            where = " WHERE id = " + param;
        } else {
            update += std::string(has_update_columns ? ", " : "") + Quote(names[i]) + " = " + param;
            has_update_columns = true;
        }
    }
    insert += values + ") ON CONFLICT(id) DO NOTHING";
    update += where;

    auto bind_row = [&](Stmt* stmt) -> Status {
        for (size_t i = 0; i < names.size(); ++i) {
            const json& value = row[names[i]];
            int index = (int)i + 1;
            switch (value.type()) {
                case json::value_t::null: stmt->BindNull(index); break;
                case json::value_t::boolean: stmt->Bind(index, (int64_t)(value.get<bool>() ? 1 : 0)); break;
                case json::value_t::number_integer: stmt->Bind(index, value.get<int64_t>()); break;
                case json::value_t::number_unsigned: stmt->Bind(index, (int64_t)value.get<uint64_t>()); break;
                case json::value_t::number_float: stmt->Bind(index, value.get<double>()); break;
                case json::value_t::string: {
                    auto normalized = NormalizeNfc(value.get_ref<const std::string&>());
                    if (!normalized.ok()) {
                        return base::MakeError(normalized.error().code, table + "." + names[i] + " of " + id + ": " +
                                                                            normalized.error().message);
                    }
                    stmt->Bind(index, *normalized);
                    break;
                }
                default:  // objects and arrays (extra, options) are stored as JSON text
                    stmt->Bind(index, value.dump());
                    break;
            }
        }
        return base::Ok();
    };
    if (table == "attribute" && row.contains("link_id")) {
        // A link moved to another record: the record it leaves loses a category too.
        Stmt* previous = TRY_VALUE(Cached("SELECT link_id FROM attribute WHERE id = ?1"));
        ResetOnExit reset{previous};
        previous->Bind(1, id);
        if (TRY_VALUE(previous->Step())) Touch("service", previous->Text(0));
    }
    bool updated = false;
    if (has_update_columns) {
        Stmt* stmt = TRY_VALUE(Cached(update));
        ResetOnExit reset{stmt};
        TRY(bind_row(stmt));
        Status status = stmt->Run();
        if (!status.ok()) {
            return base::MakeError(status.error().code, "update " + table + " " + id + ": " + status.error().message);
        }
        updated = db_.Changes() > 0;
    }
    if (!updated) {
        Stmt* stmt = TRY_VALUE(Cached(insert));
        ResetOnExit reset{stmt};
        TRY(bind_row(stmt));
        Status status = stmt->Run();
        if (!status.ok()) {
            return base::MakeError(status.error().code, "insert " + table + " " + id + ": " + status.error().message);
        }
    }
    if (table == "taxonomy_term") {
        // Only a term's texts matter to the index; its other columns do not.
    } else {
        Touch(table, id);
    }
    if (table == "attribute") {
        // A service joined or left a category: its indexed category names change.
        auto link = row.find("link_id");
        if (link != row.end() && link->is_string()) Touch("service", link->get<std::string>());
    }
    return base::Ok();
}

Status ContentWriter::SetText(const std::string& table, const std::string& record_id, const std::string& field,
                              const std::string& lang, const std::string& text, bool is_source, int64_t updated_at) {
    if (!IsTranslatableField(table, field)) {
        return base::MakeError("store_unknown_field",
                               "'" + table + "." + field + "' is not a translatable field (record " + record_id + ")");
    }
    if (record_id.empty()) return base::MakeError("store_missing_id", "translation of " + table + "." + field + " has no record id");
    if (!IsStoreLanguageTag(lang)) {
        return base::MakeError("store_bad_language", "'" + lang + "' is not a language tag (" + table + "." + field + " of " + record_id + ")");
    }
    if (text.empty()) return RemoveText(table, record_id, field, lang);
    auto normalized = NormalizeNfc(text);
    if (!normalized.ok()) {
        return base::MakeError(normalized.error().code,
                               table + "." + field + "[" + lang + "] of " + record_id + ": " + normalized.error().message);
    }
    Stmt* stmt = TRY_VALUE(Cached(
        "INSERT INTO translation (tbl, record_id, field, lang, text, is_source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT(tbl, record_id, field, lang) DO UPDATE SET text = excluded.text, is_source = excluded.is_source, "
        "updated_at = excluded.updated_at"));
    ResetOnExit reset{stmt};
    stmt->Bind(1, table).Bind(2, record_id).Bind(3, field).Bind(4, lang).Bind(5, *normalized);
    stmt->Bind(6, (int64_t)(is_source ? 1 : 0)).Bind(7, updated_at);
    TRY(stmt->Run());
    Touch(table, record_id);
    return base::Ok();
}

Status ContentWriter::RemoveText(const std::string& table, const std::string& record_id, const std::string& field,
                                 const std::string& lang) {
    Stmt* stmt = TRY_VALUE(Cached("DELETE FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3 AND lang = ?4"));
    ResetOnExit reset{stmt};
    stmt->Bind(1, table).Bind(2, record_id).Bind(3, field).Bind(4, lang);
    TRY(stmt->Run());
    if (db_.Changes() > 0) Touch(table, record_id);
    return base::Ok();
}

Status ContentWriter::Delete(const std::string& table, const std::string& id) {
    if (!IsContentTable(table) || table == "translation") {
        return base::MakeError("store_unknown_table", "cannot delete from '" + table + "'");
    }
    if (table == "attribute") {
        Stmt* link = TRY_VALUE(Cached("SELECT link_id FROM attribute WHERE id = ?1"));
        ResetOnExit reset{link};
        link->Bind(1, id);
        if (TRY_VALUE(link->Step())) Touch("service", link->Text(0));
    }
    {
        Stmt* texts = TRY_VALUE(Cached("DELETE FROM translation WHERE tbl = ?1 AND record_id = ?2"));
        ResetOnExit reset{texts};
        texts->Bind(1, table).Bind(2, id);
        TRY(texts->Run());
    }
    {
        Stmt* row = TRY_VALUE(Cached("DELETE FROM " + Quote(table) + " WHERE id = ?1"));
        ResetOnExit reset{row};
        row->Bind(1, id);
        Status status = row->Run();
        if (!status.ok()) return base::MakeError(status.error().code, "delete " + table + " " + id + ": " + status.error().message);
    }
    if (table != "taxonomy_term") Touch(table, id);
    deleted_ = true;
    return base::Ok();
}

Status ContentWriter::SetMeta(const std::string& key, const std::string& value) {
    Stmt* stmt = TRY_VALUE(Cached("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    ResetOnExit reset{stmt};
    stmt->Bind(1, key).Bind(2, value);
    return stmt->Run();
}

Status ContentWriter::Finish() {
    const bool after_delete = deleted_;
    if (deleted_) {
        // Cascaded deletes leave translations and index entries of rows that no longer exist.
        for (const auto& [table, fields] : TranslatableTable()) {
            TRY(db_.Exec("DELETE FROM translation WHERE tbl = '" + table + "' AND NOT EXISTS (SELECT 1 FROM " +
                         Quote(table) + " r WHERE r.id = translation.record_id)"));
        }
        for (const char* kind : {"service", "course_series", "organization"}) {
            Stmt stmt = TRY_VALUE(db_.Prepare(std::string("SELECT DISTINCT record_id FROM search_doc WHERE kind = ?1 AND record_id NOT IN (SELECT id FROM ") +
                                              kind + ")"));
            stmt.Bind(1, kind);
            while (TRY_VALUE(stmt.Step())) touched_.emplace(kind, stmt.Text(0));
        }
        deleted_ = false;
    }
    auto touched = std::move(touched_);
    touched_.clear();
    // One pass with shared prepared statements; a record that is gone leaves the index.
    TRY(ReindexRecords(db_, touched));
    std::set<std::string> services, organizations;
    for (const auto& [kind, id] : touched) {
        if (kind == "service") services.insert(id);
        if (kind == "organization") organizations.insert(id);
    }
    return detail::UpdateListIndex(db_, services, organizations, after_delete);
}

Result<std::string> GetMeta(Db& db, const std::string& key) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT value FROM meta WHERE key = ?1"));
    stmt.Bind(1, key);
    if (!TRY_VALUE(stmt.Step())) return base::MakeError("not_found", "no meta value '" + key + "'");
    return stmt.Text(0);
}

}  // namespace content
