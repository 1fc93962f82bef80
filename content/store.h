// content/store.h: the one way content is written (import, demo, sync apply, staff edits).
//
// Design note
// - A ContentWriter works inside the caller's Transaction; it never commits. Everything a
//   caller writes between Transaction::Begin and Commit lands together or not at all.
// - Rows are JSON objects keyed by column name; unknown columns are an error naming the table
//   and the column ("store_unknown_column"), so a typo never silently drops data.
// - Every text is normalised to NFC on the way in (ICU); SetText refuses invalid UTF-8.
// - Records whose searchable text changed are remembered and re-indexed in Finish(), once
//   each, so a bulk import does not re-index a service per field.
// - Deleting a record deletes its translations (translation has no foreign key, by design:
//   it spans every table).
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <utility>

#include "content/db.h"

namespace content {

class ContentWriter {
public:
    explicit ContentWriter(Db& db) : db_(db) {}

    // INSERT OR REPLACE-like upsert that keeps child rows (ON CONFLICT(id) DO UPDATE).
    Status Upsert(const std::string& table, const nlohmann::json& row);
    Status SetText(const std::string& table, const std::string& record_id, const std::string& field,
                   const std::string& lang, const std::string& text, bool is_source = false,
                   int64_t updated_at = 0);
    Status RemoveText(const std::string& table, const std::string& record_id, const std::string& field,
                      const std::string& lang);
    Status Delete(const std::string& table, const std::string& id);
    Status SetMeta(const std::string& key, const std::string& value);

    // Re-indexes the records touched since the last Finish (search index).
    Status Finish();

private:
    void Touch(const std::string& table, const std::string& id);

    Db& db_;
    std::set<std::pair<std::string, std::string>> touched_;  // (search kind, record id)
};

Result<std::string> GetMeta(Db& db, const std::string& key);  // "not_found" when absent

}  // namespace content
