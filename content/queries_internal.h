// content/queries_internal.h: helpers shared by the queries_*.cpp and bookings.cpp files.
// Not part of the public API: screens include queries.h only.
//
// The translation rule (docs/content-model.md): for a reader of language L the text of a field
// is taken from the first language present in this order:
//   1. L itself                  (fallback = false)
//   2. L's primary subtag ("en" for "en-GB"), or any tag with L's primary subtag (fallback = false)
//   3. "en", 4. "lv"            (fallback = true unless L's primary subtag is that language)
//   5. the record's source language (is_source = 1), 6. any other, by tag order (fallback = true)
// LanguageRank() is the C++ form, BestTextSql() the SQL form; they must agree.
#pragma once

#include <unicode/coll.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/model.h"

namespace content::detail {

// "en" for "en-GB", "lv" for "lv"; lower case.
std::string PrimarySubtag(const std::string& lang);

// Lower rank is better. `is_source` breaks ties between other languages.
int LanguageRank(const std::string& candidate, bool is_source, const std::string& requested);

// The field texts of one record, chosen by the translation rule.
using TextMap = std::map<std::string, LocalText>;
Result<TextMap> LoadTexts(Db& db, const std::string& table, const std::string& record_id, const std::string& lang);
// Convenience: the entry for `field`, or an empty LocalText.
LocalText Field(const TextMap& texts, const std::string& field);

// An SQL scalar subquery giving "<lang>\x1F<text>" of the best translation of `field` of the
// record whose id is the SQL expression `id_expr`. Expects the statement to bind ?1 to the
// requested language and ?2 to its primary subtag (BindLang).
std::string BestTextSql(const std::string& table, const std::string& id_expr, const std::string& field);
void BindLang(Stmt& stmt, const std::string& lang);
// Decodes a BestTextSql column.
LocalText DecodeBestText(const Stmt& stmt, int col, const std::string& lang);
// A text in `text_lang` shown to a reader of `requested` (fallback set by primary subtags);
// an empty text gives an empty LocalText.
LocalText MakeLocalText(std::string text, std::string text_lang, const std::string& requested);

// A read transaction for the life of the scope when the connection has none open (so a
// multi-query read sees one snapshot); inside a caller's transaction it does nothing.
class ReadScope {
public:
    explicit ReadScope(Db& db);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

private:
    Db& db_;
    bool began_ = false;
};

// ICU collation for `lang`, one collator per language per thread (ICU collators are not
// safe to share between threads while in use). Never null: falls back to the root collator.
icu::Collator* CollatorFor(const std::string& lang);
// A binary sort key: memcmp order of keys equals the collator's order of the strings.
std::string SortKey(icu::Collator* collator, const std::string& utf8);

// Opening-hours rules of the schedules matching `where` (an SQL condition on schedule columns
// with ?3 bound to `id`).
Result<std::vector<OpeningRule>> LoadOpeningRules(Db& db, const std::string& where, const std::string& id,
                                                  const std::string& lang);
Result<std::vector<Phone>> LoadPhones(Db& db, const std::string& where, const std::string& id, const std::string& lang);

// Bookings of this kiosk still in the outbox, per session id.
Result<std::map<std::string, int>> PendingBookingsBySession(Db& db);

base::Error NotFound(const std::string& what, const std::string& id);

// The category list index (queries_list_index.cpp, schema v4). Rows exist for these reader
// languages; the first one also counts a category's services (list_count).
extern const char* const kListLanguages[3];
bool IsListLanguage(const std::string& lang);
// The ICU and collator versions the stored sort keys must have been made with.
const std::string& ListIndexMarker();
// True when meta 'list_index' equals ListIndexMarker(): the stored rows can be used.
Result<bool> ListIndexReady(Db& db);
// Restores the index invariant after writes (ContentWriter::Finish, inside its transaction):
// the rows of `services`, of every service of `organizations` (their names are in the rows),
// and after a delete of whatever a cascade removed. Rebuilds everything when not ready.
Status UpdateListIndex(Db& db, const std::set<std::string>& services, const std::set<std::string>& organizations,
                       bool after_delete);

// Lists already built on this connection from the tables (lists read from the list index are
// not kept: that read costs about what a copy does), valid while the content is unchanged: the cache is
// emptied when PRAGMA data_version (commits by other connections, e.g. the sync thread) or
// sqlite3_total_changes (writes on this connection, even rolled back ones) moved.
struct ListCache {
    int64_t data_version = -1;
    int64_t total_changes = -1;
    std::map<std::pair<std::string, std::string>, std::vector<ServiceSummary>> services;  // (category, lang)
    std::map<std::string, std::vector<Category>> categories;                              // lang
};
// The connection's cache, emptied first if the content changed since it was filled.
Result<ListCache*> ValidListCache(Db& db);

// An RFC 5545 BYDAY list ("MO,TU", "1MO,-1FR") as sorted weekdays 1 = Monday ... 7 = Sunday.
std::vector<int> ParseByDay(const std::string& byday);

}  // namespace content::detail
