// content/search.h: multilingual full-text search over services, courses and organisations.
//
// One FTS5 index holds every language's text, folded (case, diacritics, ё→е) before indexing,
// so a query in any language and any spelling finds the record ("jurist", "юрист" and "lawyer"
// all find the legal consultation; "abolins" finds "Āboliņš").
//
// Query semantics (Search):
// - The query is folded like the index and split into words where the FTS5 tokenizer splits
//   (anything but letters and digits separates words). Every word must match (AND); the last
//   one matches as a prefix, so results follow typing. FTS5 syntax never reaches SQLite:
//   quotes, *, -, ^, :, parentheses, OR/NOT/NEAR are plain characters or plain words. An empty
//   or punctuation-only query returns no hits and no error. Words past the 8th are ignored.
// - Ranking is tiered: records whose name (or alternate name) matches every word come first,
//   then records that match through their other texts; bm25 orders each tier. A service's
//   texts include its provider's name and its categories' names. To keep latency flat, each
//   tier ranks at most 600 matching documents (the first in index order): only a prefix that
//   hundreds of records share reaches that cap, and the next letter narrows it.
// - Short queries (no word longer than 2 characters, e.g. "j", "ju", "a1") search names only:
//   names that begin with the query, in folded alphabetical order, names in the reader's
//   language first; then names with a later word beginning so. Descriptions are not searched
//   for them: two letters match nearly every text.
// - One hit per record, whatever number of languages matched; its name and snippet (the
//   description, cut to about 200 characters at a space) are in the reader's language with
//   the model.h fallback. SearchHit::score orders the list (lower first) and has no meaning
//   across queries: bm25 for ranked queries, the position for short ones.
// - Only active services are indexed; course series and organisations are always indexed.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/db.h"
#include "content/model.h"

namespace content {

// Folds text for search: NFKC case folding (ß→ss, ligatures, full-width forms), NFD, removal
// of non-spacing marks (ā→a, ž→z, ņ→n, ё→е), æ→ae, œ→oe, ø→o, ł→l, đ→d, then NFC.
// й stays distinct from и: in Russian and Ukrainian it is a letter of its own that people
// always write (unlike ё), and folding it would make "мой" find "мои".
std::string FoldForSearch(std::string_view text);

// Rebuilds the index rows of one record (kind: service, course_series, organization) from the
// current translations, writing only what changed. Called inside the writer's transaction.
// An organisation whose indexed name changed re-indexes its indexed services; kind
// "taxonomy_term" re-indexes the indexed services in that category (its name is in their text).
// Another kind is error "search_unknown_kind".
Status ReindexRecord(Db& db, const std::string& kind, const std::string& record_id);
// ReindexRecord for many (kind, record id) pairs with one set of prepared statements, each
// record at most once: organisations, course series and category terms first, then services.
// A record that no longer exists (or is not searchable) leaves the index.
Status ReindexRecords(Db& db, const std::set<std::pair<std::string, std::string>>& records);
Status RemoveFromIndex(Db& db, const std::string& kind, const std::string& record_id);
Status RebuildSearchIndex(Db& db);

struct SearchOptions {
    int limit = 30;
};

Result<std::vector<SearchHit>> Search(Db& db, std::string_view query, const std::string& lang,
                                      const SearchOptions& options = {});

}  // namespace content
