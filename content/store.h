// content/store.h: the one way content is written (import, demo, sync apply, staff edits).
//
// Design note
// - A ContentWriter works inside the caller's Transaction; it never commits. Everything a
//   caller writes between Transaction::Begin and Commit lands together or not at all.
// - Rows are JSON objects keyed by column name; unknown columns are an error naming the table
//   and the column ("store_unknown_column"), so a typo never silently drops data. Upsert only
//   sets the columns the row names: a partial row updates those columns and keeps the rest.
// - Every text is normalised to NFC on the way in (ICU); invalid UTF-8 is refused
//   ("text_invalid_utf8"). Translations go through SetText; their field must be one of the
//   table's translatable fields (TranslatableFields), else "store_unknown_field".
//   Upsert("translation", {tbl, record_id, field, lang, text, is_source, updated_at}) is
//   accepted too and routed to SetText, so a generic sync apply can treat it like any table.
// - Records whose searchable text changed (service, course_series, organization and their
//   translations) are remembered and re-indexed in Finish(), once each, so a bulk import does
//   not re-index a service per field. A record deleted meanwhile is removed from the index.
//   The category list index (list_entry) follows the same touched services and providers.
// - Deleting a record deletes its translations (translation has no foreign key, by design:
//   it spans every table). Rows removed by ON DELETE CASCADE lose their translations and
//   index entries in Finish(), which sweeps orphans after any Delete.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/db.h"

namespace content {

class ContentWriter {
public:
    explicit ContentWriter(Db& db) : db_(db) {}

    // Upsert that keeps child rows (never INSERT OR REPLACE, which would delete and cascade):
    // UPDATE the named columns of the row with this id, or INSERT it when there is none.
    Status Upsert(const std::string& table, const nlohmann::json& row);
    // Sets one translation. An empty `text` removes the translation (an empty string would
    // otherwise hide the fallback language's text).
    Status SetText(const std::string& table, const std::string& record_id, const std::string& field,
                   const std::string& lang, const std::string& text, bool is_source = false,
                   int64_t updated_at = 0);
    Status RemoveText(const std::string& table, const std::string& record_id, const std::string& field,
                      const std::string& lang);
    // Deletes the record, its translations, and (through foreign keys) its child rows.
    // Deleting an id that does not exist is not an error (sync may replay a tombstone).
    Status Delete(const std::string& table, const std::string& id);
    Status SetMeta(const std::string& key, const std::string& value);

    // Brings the derived indexes up to date with what was written since the last Finish: the
    // search index (content/search.h) and the category list index (list_entry, list_count;
    // content/queries_list_index.cpp). Each touched record is re-indexed once, with prepared
    // statements shared by the whole pass, so a bulk write costs one pass, not one per row.
    Status Finish();

private:
    void Touch(const std::string& table, const std::string& id);
    Result<const std::set<std::string>*> Columns(const std::string& table);
    Result<Stmt*> Cached(const std::string& sql);

    Db& db_;
    std::set<std::pair<std::string, std::string>> touched_;  // (search kind, record id)
    std::map<std::string, std::set<std::string>> columns_;   // table -> column names
    std::map<std::string, Stmt> statements_;                 // sql -> prepared statement
    bool deleted_ = false;                                   // a Delete ran since the last Finish
};

Result<std::string> GetMeta(Db& db, const std::string& key);  // "not_found" when absent

// Rebuilds the category list index from the tables (in the caller's transaction, or its own).
// Finish() does this by itself when the index was made by another ICU or not at all (a database
// migrated to schema 4 with content in it); a caller may do it ahead, e.g. at start-up.
Status RebuildListIndex(Db& db);

// The translatable fields of a content table (as in docs/content-format.md), or nullptr when
// the table has none. booking_form_field also accepts "option:<value>" (option labels).
const std::vector<std::string>* TranslatableFields(const std::string& table);
bool IsTranslatableField(const std::string& table, const std::string& field);

}  // namespace content
