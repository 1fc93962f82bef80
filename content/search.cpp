// content/search.cpp: the multilingual search index and its queries (SQLite FTS5 + ICU folding).
//
// Design note
// - Index shape. One `search_doc` row (kind, record_id, lang, name_key) and one `search_fts`
//   row (same rowid: name, body) per record and per language the record has text in. Both
//   columns hold FoldForSearch() text, so the FTS tokenizer only ever sees folded text and the
//   query side folds the same way. `name` holds name + alternate_name; `body` holds every other
//   text field of the record, plus (services) the provider's name and the category names.
//   `name_key` is the folded name alone, for the short-query path below.
// - Invariant: for every (kind, record_id) the index holds rows for exactly the languages the
//   record has translations in, built from the current translations, or no rows at all when the
//   record does not exist or is not searchable (a service whose status is not 'active').
//   ReindexRecord() restores the invariant for one record: it computes the rows the record
//   should have and writes only the difference, so re-indexing an unchanged record is reads only.
// - Dependants. A service's body contains its provider's name and its categories' names, so
//   when an organisation's indexed names change, its already-indexed services are re-indexed;
//   ReindexRecord("taxonomy_term", id) re-indexes the services in that category. Services not
//   yet indexed are left alone (they are indexed on their own turn), and a service indexed
//   earlier in the same import comes out unchanged, so a bulk import writes each row once.
// - Queries. User input never reaches FTS5 syntax: it is folded, split into tokens exactly where
//   the unicode61 tokenizer splits (letters, numbers, private use), and each token is emitted
//   as a double-quoted string. All tokens must match (AND); the last one is a prefix.
//   Ranking is tiered: records whose *name* matches all terms come first (bm25 within), then
//   records that match only with their descriptions (bm25 within). The second tier is
//   queried only when the first did not fill the page, which keeps common prefixes fast.
// - Short queries (the longest token has 1 or 2 characters): "names beginning with", sorted by
//   folded name, the reader's language first; then names with a later word beginning so. The
//   description is never searched for them: two letters match nearly every text.
// - Hits are deduplicated per record; name and snippet come from `translation` in the
//   reader's language with the model.h fallback order (reader, en, lv, any).
#include "content/search.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace content {
namespace {

constexpr UChar32 kCyrillicI = 0x0438;      // и
constexpr UChar32 kCombiningBreve = 0x0306;
constexpr size_t kMaxQueryTokens = 8;       // a visitor types a few words; a paste is cut here
constexpr size_t kSnippetChars = 200;        // code points of the description a hit carries
constexpr int64_t kMaxRankedDocs = 600;      // documents bm25 ranks per tier (see RankedQuery)

// Letters without a canonical decomposition that a visitor commonly types as their base letters.
const char* LetterReplacement(UChar32 c) {
    switch (c) {
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x00F8: return "o";   // ø
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // dotless ı
        default: return nullptr;
    }
}

// Token characters of FTS5's unicode61 tokenizer with default categories "L* N* Co".
bool IsTokenChar(UChar32 c) {
    int8_t type = u_charType(c);
    switch (type) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER:
        case U_OTHER_NUMBER:
        case U_PRIVATE_USE_CHAR:
            return true;
        default:
            return false;
    }
}

// Splits folded text into tokens the way unicode61 does.
std::vector<std::string> Tokenize(const std::string& folded) {
    std::vector<std::string> tokens;
    std::string current;
    int32_t i = 0;
    const int32_t length = (int32_t)folded.size();
    while (i < length) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(folded.data(), i, length, c);
        if (c >= 0 && IsTokenChar(c)) {
            current.append(folded, (size_t)start, (size_t)(i - start));
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

size_t CodePointCount(const std::string& text) {
    size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

// Collapses runs of white space to one space and trims, so name_key prefixes compare cleanly.
std::string CollapseSpaces(const std::string& text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
        } else {
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(c);
        }
    }
    return out;
}

// Cuts `text` to about kSnippetChars code points at a space, with an ellipsis.
std::string Snip(const std::string& text) {
    if (CodePointCount(text) <= kSnippetChars) return text;
    size_t points = 0, cut = 0, last_space = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (((unsigned char)text[i] & 0xC0) == 0x80) continue;
        if (points == kSnippetChars) {
            cut = i;
            break;
        }
        if (text[i] == ' ') last_space = i;
        ++points;
    }
    if (last_space > cut / 2) cut = last_space;
    return text.substr(0, cut) + "…";
}

// The fallback order of model.h: reader, en, lv, then the first language present.
LocalText PickLocal(const std::map<std::string, std::string>& by_lang, const std::string& reader) {
    LocalText out;
    for (const std::string& lang : {reader, std::string("en"), std::string("lv")}) {
        auto it = by_lang.find(lang);
        if (it != by_lang.end() && !it->second.empty()) {
            out.text = it->second;
            out.lang = it->first;
            out.fallback = it->first != reader;
            return out;
        }
    }
    for (const auto& [lang, text] : by_lang) {
        if (!text.empty()) {
            out.text = text;
            out.lang = lang;
            out.fallback = lang != reader;
            return out;
        }
    }
    return out;
}

const std::string* PickText(const std::map<std::string, std::string>& by_lang, const std::string& lang) {
    for (const std::string& candidate : {lang, std::string("en"), std::string("lv")}) {
        auto it = by_lang.find(candidate);
        if (it != by_lang.end()) return &it->second;
    }
    return by_lang.empty() ? nullptr : &by_lang.begin()->second;
}

bool IsIndexedKind(const std::string& kind) {
    return kind == "service" || kind == "course_series" || kind == "organization";
}

base::Error UnknownKind(const std::string& kind, const std::string& record_id) {
    return base::MakeError("search_unknown_kind", "cannot index records of kind '" + kind + "' (record " + record_id + ")");
}

// What one language row of a record holds in the index.
struct IndexRow {
    std::string name_key, name, body;
    bool operator==(const IndexRow&) const = default;
};
using IndexRows = std::map<std::string, IndexRow>;  // lang -> row

// Maintains the index rows of records. It computes the rows a record should have and writes
// only the difference to what is indexed, so re-indexing an unchanged record (a category
// rename reaching a thousand services, a sync page touching a service for a phone number)
// costs reads, not FTS writes. Statements are prepared once per Indexer.
class Indexer {
public:
    explicit Indexer(Db& db) : db_(db) {}

    // In a batch every record is indexed at most once: all writes happened before, so a second
    // pass (an organisation's rename reaching a service that was touched itself) would find
    // nothing new.
    void StartBatch() { batch_ = true; }

    Status Reindex(const std::string& kind, const std::string& record_id);
    Status Remove(const std::string& kind, const std::string& record_id) {
        TRY(Apply(kind, record_id, {}));
        return base::Ok();
    }

private:
    // A cached statement, reset when the handle goes out of scope.
    class Handle {
    public:
        explicit Handle(Stmt* stmt) : stmt_(stmt) {}
        ~Handle() { stmt_->Reset(); }
        Stmt* operator->() { return stmt_; }
        Stmt& operator*() { return *stmt_; }

    private:
        Stmt* stmt_;
    };

    Result<Stmt*> Cached(const char* sql) {
        auto it = statements_.find(sql);
        if (it != statements_.end()) return &it->second;
        Stmt stmt = TRY_VALUE(db_.Prepare(sql));
        return &statements_.emplace(sql, std::move(stmt)).first->second;
    }

    Result<bool> Searchable(const std::string& kind, const std::string& record_id);
    Result<IndexRows> Wanted(const std::string& kind, const std::string& record_id);
    // Writes `want` over the record's rows; returns whether the indexed names changed.
    Result<bool> Apply(const std::string& kind, const std::string& record_id, const IndexRows& want);
    Status ReindexServices(const char* service_ids_sql, const std::string& id);

    // Provider and category names recur in thousands of services' rows: fold each once.
    const std::string& FoldRelated(const std::string& text) {
        auto it = folded_related_.find(text);
        if (it != folded_related_.end()) return it->second;
        if (folded_related_.size() >= 4096) folded_related_.clear();
        return folded_related_.emplace(text, FoldForSearch(text)).first->second;
    }

    Db& db_;
    std::map<const char*, Stmt> statements_;  // keyed by the SQL literal's address
    std::map<std::string, std::string> folded_related_;  // text -> FoldForSearch(text)
    bool batch_ = false;
    std::set<std::pair<std::string, std::string>> done_;  // (kind, record id) indexed in this batch
};

Result<bool> Indexer::Searchable(const std::string& kind, const std::string& record_id) {
    const char* sql = kind == "service"         ? "SELECT 1 FROM service WHERE id = ?1 AND status = 'active'"
                      : kind == "course_series" ? "SELECT 1 FROM course_series WHERE id = ?1"
                                                : "SELECT 1 FROM organization WHERE id = ?1";
    Handle stmt(TRY_VALUE(Cached(sql)));
    stmt->Bind(1, record_id);
    return TRY_VALUE(stmt->Step());
}

Result<IndexRows> Indexer::Wanted(const std::string& kind, const std::string& record_id) {
    struct LangTexts {
        std::string name;                 // the `name` field alone (for name_key)
        std::vector<std::string> names;   // name, alternate_name
        std::vector<std::string> bodies;  // every other field
    };
    std::map<std::string, LangTexts> own;
    {
        Handle stmt(TRY_VALUE(Cached(
            "SELECT field, lang, text FROM translation WHERE tbl = ?1 AND record_id = ?2 ORDER BY lang, field")));
        stmt->Bind(1, kind).Bind(2, record_id);
        while (TRY_VALUE(stmt->Step())) {
            std::string field = stmt->Text(0);
            std::string text = stmt->Text(2);
            if (text.empty()) continue;
            LangTexts& texts = own[stmt->Text(1)];
            if (field == "name") {
                texts.name = text;
                texts.names.insert(texts.names.begin(), text);
            } else if (field == "alternate_name") {
                texts.names.push_back(text);
            } else {
                texts.bodies.push_back(text);
            }
        }
    }
    IndexRows rows;
    if (own.empty()) return rows;

    // Texts borrowed from related records: each is a map lang -> text, placed in the body of
    // each language row in that language or its fallback.
    std::vector<std::map<std::string, std::string>> related;
    if (kind == "service") {
        Handle stmt(TRY_VALUE(Cached(
            "SELECT 'o', t.lang, t.text FROM service s JOIN translation t "
            "  ON t.tbl = 'organization' AND t.record_id = s.organization_id AND t.field = 'name' "
            "WHERE s.id = ?1 "
            "UNION ALL "
            "SELECT a.taxonomy_term_id, t.lang, t.text FROM attribute a JOIN translation t "
            "  ON t.tbl = 'taxonomy_term' AND t.record_id = a.taxonomy_term_id AND t.field = 'name' "
            "WHERE a.link_id = ?1 AND a.link_entity = 'service' "
            "ORDER BY 1")));
        stmt->Bind(1, record_id);
        std::string group;
        while (TRY_VALUE(stmt->Step())) {
            std::string key = stmt->Text(0);
            if (related.empty() || key != group) related.emplace_back();
            group = key;
            related.back()[stmt->Text(1)] = stmt->Text(2);
        }
    }

    for (const auto& [lang, texts] : own) {
        IndexRow& row = rows[lang];
        for (const std::string& text : texts.names) {
            if (!row.name.empty()) row.name += "\n";
            row.name += FoldForSearch(text);
        }
        for (const std::string& text : texts.bodies) {
            if (!row.body.empty()) row.body += "\n";
            row.body += FoldForSearch(text);
        }
        for (const auto& by_lang : related) {
            if (const std::string* text = PickText(by_lang, lang)) {
                if (!row.body.empty()) row.body += "\n";
                row.body += FoldRelated(*text);
            }
        }
        row.name_key = CollapseSpaces(FoldForSearch(texts.name));
    }
    return rows;
}

Result<bool> Indexer::Apply(const std::string& kind, const std::string& record_id, const IndexRows& want) {
    std::map<std::string, std::pair<int64_t, IndexRow>> have;
    {
        Handle stmt(TRY_VALUE(Cached(
            "SELECT d.rowid, d.lang, d.name_key, f.name, f.body FROM search_doc d "
            "JOIN search_fts f ON f.rowid = d.rowid WHERE d.kind = ?1 AND d.record_id = ?2")));
        stmt->Bind(1, kind).Bind(2, record_id);
        while (TRY_VALUE(stmt->Step())) {
            have[stmt->Text(1)] = {stmt->Int(0), IndexRow{stmt->Text(2), stmt->Text(3), stmt->Text(4)}};
        }
    }
    bool names_changed = have.size() != want.size();
    for (const auto& [lang, current] : have) {
        auto it = want.find(lang);
        if (it != want.end() && it->second == current.second) continue;
        if (it == want.end() || it->second.name != current.second.name) names_changed = true;
        const int64_t rowid = current.first;
        Handle fts(TRY_VALUE(Cached("DELETE FROM search_fts WHERE rowid = ?1")));
        fts->Bind(1, rowid);
        TRY(fts->Run());
        if (it == want.end()) {
            Handle doc(TRY_VALUE(Cached("DELETE FROM search_doc WHERE rowid = ?1")));
            doc->Bind(1, rowid);
            TRY(doc->Run());
            continue;
        }
        Handle doc(TRY_VALUE(Cached("UPDATE search_doc SET name_key = ?2 WHERE rowid = ?1")));
        doc->Bind(1, rowid).Bind(2, it->second.name_key);
        TRY(doc->Run());
        Handle insert(TRY_VALUE(Cached("INSERT INTO search_fts(rowid, name, body) VALUES (?1, ?2, ?3)")));
        insert->Bind(1, rowid).Bind(2, it->second.name).Bind(3, it->second.body);
        TRY(insert->Run());
    }
    for (const auto& [lang, row] : want) {
        if (have.count(lang)) continue;
        names_changed = true;
        Handle doc(TRY_VALUE(Cached("INSERT INTO search_doc(kind, record_id, lang, name_key) VALUES (?1, ?2, ?3, ?4)")));
        doc->Bind(1, kind).Bind(2, record_id).Bind(3, lang).Bind(4, row.name_key);
        TRY(doc->Run());
        Handle fts(TRY_VALUE(Cached("INSERT INTO search_fts(rowid, name, body) VALUES (?1, ?2, ?3)")));
        fts->Bind(1, db_.LastInsertRowId()).Bind(2, row.name).Bind(3, row.body);
        TRY(fts->Run());
    }
    return names_changed;
}

// Re-indexes the already-indexed services among `service_ids_sql`'s result (bound to ?1 = id).
Status Indexer::ReindexServices(const char* service_ids_sql, const std::string& id) {
    std::vector<std::string> ids;
    {
        Handle stmt(TRY_VALUE(Cached(service_ids_sql)));
        stmt->Bind(1, id);
        while (TRY_VALUE(stmt->Step())) ids.push_back(stmt->Text(0));
    }
    for (const std::string& service_id : ids) TRY(Reindex("service", service_id));
    return base::Ok();
}

Status Indexer::Reindex(const std::string& kind, const std::string& record_id) {
    if (batch_ && !done_.emplace(kind, record_id).second) return base::Ok();
    if (kind == "taxonomy_term") {
        // Driven from attribute (indexed by term), never by scanning search_doc.
        return ReindexServices("SELECT DISTINCT a.link_id FROM attribute a "
                               "WHERE a.taxonomy_term_id = ?1 AND a.link_entity = 'service' AND EXISTS "
                               "  (SELECT 1 FROM search_doc d WHERE d.kind = 'service' AND d.record_id = a.link_id)",
                               record_id);
    }
    if (!IsIndexedKind(kind)) return UnknownKind(kind, record_id);
    IndexRows want;
    if (TRY_VALUE(Searchable(kind, record_id))) want = TRY_VALUE(Wanted(kind, record_id));
    bool names_changed = TRY_VALUE(Apply(kind, record_id, want));
    if (kind == "organization" && names_changed) {
        return ReindexServices("SELECT s.id FROM service s WHERE s.organization_id = ?1 AND EXISTS "
                               "  (SELECT 1 FROM search_doc d WHERE d.kind = 'service' AND d.record_id = s.id)",
                               record_id);
    }
    return base::Ok();
}

// Runs `body` in a transaction unless the caller already holds one.
template <typename Fn>
auto InTransaction(Db& db, bool write, Fn&& body) -> decltype(body()) {
    if (!sqlite3_get_autocommit(db.raw())) return body();
    if (write) {
        auto tx = TRY_VALUE(Transaction::Begin(db));
        auto result = body();
        if (!result.ok()) return result;
        TRY(tx.Commit());
        return result;
    }
    TRY(db.Exec("BEGIN"));
    auto result = body();
    Status end = db.Exec(result.ok() ? "COMMIT" : "ROLLBACK");
    if (!end.ok() && result.ok()) return end.error();
    return result;
}

// ---- queries --------------------------------------------------------------------------------

struct Candidate {
    std::string kind, record_id;
    double score = 0;
};

struct QueryState {
    std::vector<Candidate> found;
    std::set<std::pair<std::string, std::string>> seen;
    size_t limit = 0;

    bool Full() const { return found.size() >= limit; }
    void Add(std::string kind, std::string record_id, double score) {
        if (Full()) return;
        if (!seen.emplace(kind, record_id).second) return;
        found.push_back({std::move(kind), std::move(record_id), score});
    }
};

// An FTS5 expression: every token quoted, all required, the last a prefix.
std::string MatchExpression(const std::vector<std::string>& tokens, bool names_only) {
    std::string expr;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i) expr += " ";
        expr += "\"" + tokens[i] + "\"";  // tokens hold only letters and digits: no quote to escape
        if (i + 1 == tokens.size()) expr += "*";
    }
    return names_only ? "name : (" + expr + ")" : expr;
}

// Ranked FTS query; adds records in order of their best (lowest) bm25 over languages.
// bm25 costs about a microsecond per matching document, so a tier ranks at most
// kMaxRankedDocs documents: the first ones in index order. Only a prefix common to
// hundreds of records reaches the cap, and the visitor's next letter narrows it again.
Status RankedQuery(Db& db, const std::string& match, QueryState& state) {
    // Score in SQLite, order and deduplicate here: a GROUP BY over the joined rows costs as
    // much again as bm25 itself, while only the first few dozen rows are ever looked up.
    // FTS5 returns matches in rowid order, so the LIMIT keeps the first kMaxRankedDocs in
    // index order, in one pass over the doclists.
    std::vector<std::pair<double, int64_t>> scored;
    {
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT rowid, bm25(search_fts, 10.0, 1.0) FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid LIMIT ?2"));
        stmt.Bind(1, match).Bind(2, kMaxRankedDocs);
        while (TRY_VALUE(stmt.Step())) scored.emplace_back(stmt.Real(1), stmt.Int(0));
    }
    std::sort(scored.begin(), scored.end());
    Stmt doc = TRY_VALUE(db.Prepare("SELECT kind, record_id FROM search_doc WHERE rowid = ?1"));
    for (const auto& [score, rowid] : scored) {
        if (state.Full()) break;
        doc.Reset();
        doc.Bind(1, rowid);
        if (TRY_VALUE(doc.Step())) state.Add(doc.Text(0), doc.Text(1), score);
    }
    return base::Ok();
}

// Short queries: names beginning with `prefix` (folded), reader's language first.
Status NamePrefixQuery(Db& db, const std::string& prefix, const std::vector<std::string>& tokens,
                       const std::string& lang, QueryState& state) {
    // Every string that starts with `prefix` sorts below prefix + U+10FFFF in binary collation.
    const std::string upper = prefix + "\xF4\x8F\xBF\xBF";
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT kind, record_id FROM search_doc WHERE name_key >= ?1 AND name_key < ?2 "
        "AND (?3 IS NULL OR lang = ?3) ORDER BY name_key LIMIT ?4"));
    for (bool reader_only : {true, false}) {
        if (state.Full()) return base::Ok();
        stmt.Reset();
        stmt.Bind(1, prefix).Bind(2, upper).Bind(4, (int64_t)(state.limit * 3));
        if (reader_only) {
            stmt.Bind(3, lang);
        } else {
            stmt.BindNull(3);
        }
        while (TRY_VALUE(stmt.Step())) state.Add(stmt.Text(0), stmt.Text(1), (double)state.found.size());
    }
    if (state.Full() || tokens.empty()) return base::Ok();

    // Then names with any word beginning so, in folded-name order.
    Stmt words = TRY_VALUE(db.Prepare(
        "SELECT d.kind, d.record_id, d.name_key FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid "
        "WHERE search_fts MATCH ?1 LIMIT ?2"));
    words.Bind(1, MatchExpression(tokens, true)).Bind(2, (int64_t)(state.limit * 4));
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    while (TRY_VALUE(words.Step())) rows.emplace_back(words.Text(2), words.Text(0), words.Text(1));
    std::sort(rows.begin(), rows.end());
    for (auto& [key, kind, record_id] : rows) state.Add(kind, record_id, (double)state.found.size());
    return base::Ok();
}

Result<std::vector<SearchHit>> LoadHits(Db& db, const std::vector<Candidate>& found, const std::string& lang) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT field, lang, text FROM translation WHERE tbl = ?1 AND record_id = ?2 "
        "AND field IN ('name', 'description')"));
    std::vector<SearchHit> hits;
    hits.reserve(found.size());
    for (const Candidate& candidate : found) {
        stmt.Reset();
        stmt.Bind(1, candidate.kind).Bind(2, candidate.record_id);
        std::map<std::string, std::string> names, descriptions;
        while (TRY_VALUE(stmt.Step())) {
            (stmt.Text(0) == "name" ? names : descriptions)[stmt.Text(1)] = stmt.Text(2);
        }
        SearchHit hit;
        hit.kind = candidate.kind;
        hit.record_id = candidate.record_id;
        hit.name = PickLocal(names, lang);
        hit.snippet = PickLocal(descriptions, lang);
        hit.snippet.text = Snip(hit.snippet.text);
        hit.score = candidate.score;
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
    // ASCII (most English text, numbers, codes) folds to its lower case and nothing else:
    // NFKC_Casefold maps only A-Z there, and no ASCII character has a mark or a replacement.
    if (std::all_of(text.begin(), text.end(), [](char c) { return (unsigned char)c < 0x80; })) {
        std::string out(text);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        }
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);  // ICU data missing: search degrades, never fails

    // Invalid UTF-8 becomes U+FFFD here, which is not a token character: it splits words.
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
    // NFKC_Casefold: compatibility forms (ligatures ﬁ, full-width Ａ, superscripts) and full
    // case folding (ß → ss, Σ/ς → σ) in one pass; then NFD exposes the diacritics as marks.
    icu::UnicodeString folded = nfkc_cf->normalize(source, status);
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    if (U_FAILURE(status)) return std::string(text);

    icu::UnicodeString stripped;
    UChar32 previous = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            // й is a letter of its own in Russian and Ukrainian, always written and never
            // replaced by и (unlike ё, commonly written е): keep it, so "мой" does not find "мои".
            if (c == kCombiningBreve && previous == kCyrillicI) stripped.append(c);
            continue;
        }
        if (const char* replacement = LetterReplacement(c)) {
            stripped.append(icu::UnicodeString(replacement, -1, US_INV));
        } else {
            stripped.append(c);
        }
        previous = c;
    }
    // NFC recomposes what NFD split that is not a diacritic (Hangul syllables, и + breve = й).
    icu::UnicodeString composed = nfc->normalize(stripped, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

Status ReindexRecord(Db& db, const std::string& kind, const std::string& record_id) {
    Indexer indexer(db);
    return indexer.Reindex(kind, record_id);
}

Status ReindexRecords(Db& db, const std::set<std::pair<std::string, std::string>>& records) {
    for (const auto& [kind, record_id] : records) {
        if (!IsIndexedKind(kind) && kind != "taxonomy_term") return UnknownKind(kind, record_id);
    }
    Indexer indexer(db);
    indexer.StartBatch();
    // Organisations and category terms before services: their changes reach the services
    // indexed before, and the services that come after read their final names anyway. (In a
    // first import nothing is indexed yet, so a term costs one empty query, not a pass over
    // its services.)
    for (const char* kind : {"organization", "course_series", "taxonomy_term", "service"}) {
        for (auto it = records.lower_bound({kind, std::string()}); it != records.end() && it->first == kind; ++it) {
            TRY(indexer.Reindex(it->first, it->second));
        }
    }
    return base::Ok();
}

Status RemoveFromIndex(Db& db, const std::string& kind, const std::string& record_id) {
    if (!IsIndexedKind(kind)) return UnknownKind(kind, record_id);
    Indexer indexer(db);
    return indexer.Remove(kind, record_id);
}

Status RebuildSearchIndex(Db& db) {
    return InTransaction(db, true, [&]() -> Status {
        TRY(db.Exec("DELETE FROM search_doc; DELETE FROM search_fts;"));
        Indexer indexer(db);
        // Services last: by then their organisations are indexed, and an organisation's
        // first indexing finds no indexed services to cascade to.
        for (const char* kind : {"organization", "course_series", "service"}) {
            std::vector<std::string> ids;
            {
                Stmt stmt = TRY_VALUE(db.Prepare(std::string("SELECT id FROM ") + kind + " ORDER BY id"));
                while (TRY_VALUE(stmt.Step())) ids.push_back(stmt.Text(0));
            }
            for (const std::string& id : ids) TRY(indexer.Reindex(kind, id));
        }
        // Merge the FTS b-trees once, so the first searches after a rebuild are not slower.
        return db.Exec("INSERT INTO search_fts(search_fts) VALUES ('optimize')");
    });
}

Result<std::vector<SearchHit>> Search(Db& db, std::string_view query, const std::string& lang,
                                      const SearchOptions& options) {
    if (options.limit <= 0) return std::vector<SearchHit>{};
    const std::string folded = CollapseSpaces(FoldForSearch(query));
    std::vector<std::string> tokens = Tokenize(folded);
    if (tokens.size() > kMaxQueryTokens) tokens.resize(kMaxQueryTokens);
    if (tokens.empty()) return std::vector<SearchHit>{};

    size_t longest = 0;
    for (const std::string& token : tokens) longest = std::max(longest, CodePointCount(token));

    return InTransaction(db, false, [&]() -> Result<std::vector<SearchHit>> {
        QueryState state;
        state.limit = (size_t)options.limit;
        if (longest <= 2) {
            TRY(NamePrefixQuery(db, folded, tokens, lang, state));
        } else {
            TRY(RankedQuery(db, MatchExpression(tokens, true), state));
            if (!state.Full()) TRY(RankedQuery(db, MatchExpression(tokens, false), state));
        }
        return LoadHits(db, state.found, lang);
    });
}

}  // namespace content
