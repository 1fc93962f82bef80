// content/search.h: multilingual full-text search over services, courses and organisations.
//
// One FTS5 index holds every language's text, folded (case, diacritics, ё→е) before indexing,
// so a query in any language and any spelling finds the record. Names rank above descriptions
// (bm25 column weights). The last query term matches as a prefix, so results follow typing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/db.h"
#include "content/model.h"

namespace content {

// Folds text for search: NFKD, remove marks, lower case, ё→е (through the mark removal), NFC.
std::string FoldForSearch(std::string_view text);

// Rebuilds the index rows of one record (kind: service, course_series, organization) from the
// current translations. Called inside the writer's transaction.
Status ReindexRecord(Db& db, const std::string& kind, const std::string& record_id);
Status RemoveFromIndex(Db& db, const std::string& kind, const std::string& record_id);
Status RebuildSearchIndex(Db& db);

struct SearchOptions {
    int limit = 30;
};

Result<std::vector<SearchHit>> Search(Db& db, std::string_view query, const std::string& lang,
                                      const SearchOptions& options = {});

}  // namespace content
