// content/queries_common.cpp: the translation rule, collation, read scopes and small loaders
// shared by the read API (see queries_internal.h).
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "base/log.h"
#include "content/queries_internal.h"

namespace content::detail {

std::string PrimarySubtag(const std::string& lang) {
    std::string primary = lang.substr(0, lang.find_first_of("-_"));
    for (char& c : primary) c = (char)std::tolower((unsigned char)c);
    return primary;
}

int LanguageRank(const std::string& candidate, bool is_source, const std::string& requested) {
    if (candidate == requested) return 0;
    std::string primary = PrimarySubtag(requested);
    if (candidate == primary) return 1;
    if (PrimarySubtag(candidate) == primary) return 2;
    if (candidate == "en") return 3;
    if (candidate == "lv") return 4;
    return is_source ? 5 : 6;
}

LocalText Field(const TextMap& texts, const std::string& field) {
    auto it = texts.find(field);
    return it == texts.end() ? LocalText{} : it->second;
}

namespace {

LocalText MakeLocal(std::string text, std::string text_lang, const std::string& requested) {
    LocalText out;
    out.fallback = PrimarySubtag(text_lang) != PrimarySubtag(requested);
    out.text = std::move(text);
    out.lang = std::move(text_lang);
    return out;
}

}  // namespace

LocalText MakeLocalText(std::string text, std::string text_lang, const std::string& requested) {
    if (text.empty()) return {};
    return MakeLocal(std::move(text), std::move(text_lang), requested);
}

Result<TextMap> LoadTexts(Db& db, const std::string& table, const std::string& record_id, const std::string& lang) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT field, lang, text, is_source FROM translation WHERE tbl = ?1 AND record_id = ?2"));
    stmt.Bind(1, table).Bind(2, record_id);
    std::map<std::string, std::pair<int, std::pair<std::string, std::string>>> best;  // field -> (rank, (lang, text))
    while (TRY_VALUE(stmt.Step())) {
        std::string field = stmt.Text(0);
        std::string text_lang = stmt.Text(1);
        int rank = LanguageRank(text_lang, stmt.Int(3) != 0, lang);
        auto it = best.find(field);
        if (it == best.end() || rank < it->second.first ||
            (rank == it->second.first && text_lang < it->second.second.first)) {
            best[field] = {rank, {text_lang, stmt.Text(2)}};
        }
    }
    TextMap out;
    for (auto& [field, entry] : best) out[field] = MakeLocal(std::move(entry.second.second), entry.second.first, lang);
    return out;
}

std::string BestTextSql(const std::string& table, const std::string& id_expr, const std::string& field) {
    // One primary-key lookup per candidate language, first hit wins (COALESCE stops at the
    // first non-NULL): in the common case the reader's language exists and this costs a single
    // lookup, with no sorter. The last candidate orders whatever else exists by the rule.
    auto lookup = [&](const std::string& lang_condition, const std::string& order) {
        return "(SELECT t.lang || char(31) || t.text FROM translation t WHERE t.tbl = '" + table + "' AND t.record_id = " +
               id_expr + " AND t.field = '" + field + "' AND " + lang_condition + order + " LIMIT 1)";
    };
    return "coalesce(" + lookup("t.lang = ?1", "") + ", " + lookup("t.lang = ?2", "") + ", " +
           lookup("t.lang > ?2 || '-' AND t.lang < ?2 || '.'", " ORDER BY t.lang") + ", " + lookup("t.lang = 'en'", "") + ", " +
           lookup("t.lang = 'lv'", "") + ", " + lookup("1", " ORDER BY t.is_source DESC, t.lang") + ")";
}

void BindLang(Stmt& stmt, const std::string& lang) {
    stmt.Bind(1, lang);
    stmt.Bind(2, PrimarySubtag(lang));
}

LocalText DecodeBestText(const Stmt& stmt, int col, const std::string& lang) {
    if (stmt.IsNull(col)) return {};
    std::string packed = stmt.Text(col);
    size_t split = packed.find('\x1F');
    if (split == std::string::npos) return {};
    return MakeLocal(packed.substr(split + 1), packed.substr(0, split), lang);
}

ReadScope::ReadScope(Db& db) : db_(db) {
    if (sqlite3_get_autocommit(db.raw())) began_ = db.Exec("BEGIN").ok();
}

ReadScope::~ReadScope() {
    if (began_) {
        auto status = db_.Exec("COMMIT");
        if (!status.ok()) {
            base::LogWarn("content_read_end_failed", status.error().message);
            (void)db_.Exec("ROLLBACK");
        }
    }
}

icu::Collator* CollatorFor(const std::string& lang) {
    thread_local std::map<std::string, std::unique_ptr<icu::Collator>> collators;
    auto it = collators.find(lang);
    if (it != collators.end()) return it->second.get();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale::forLanguageTag(lang, status), status));
    if (U_FAILURE(status) || !collator) {
        base::LogWarn("content_collator_fallback", "lang=" + lang + " error=" + u_errorName(status));
        status = U_ZERO_ERROR;
        collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    }
    return collators.emplace(lang, std::move(collator)).first->second.get();
}

std::string SortKey(icu::Collator* collator, const std::string& utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    uint8_t buffer[256];
    int32_t length = collator->getSortKey(text, buffer, (int32_t)sizeof(buffer));
    if (length <= (int32_t)sizeof(buffer)) return std::string(reinterpret_cast<char*>(buffer), (size_t)std::max(length, 0));
    std::string key((size_t)length, '\0');
    collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), length);
    return key;
}

std::vector<int> ParseByDay(const std::string& byday) {
    static const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    std::vector<int> days;
    size_t start = 0;
    while (start <= byday.size()) {
        size_t end = byday.find(',', start);
        if (end == std::string::npos) end = byday.size();
        std::string item = byday.substr(start, end - start);
        // Monthly rules may carry an ordinal ("1MO", "-1FR"); the weekday is the last two letters.
        if (item.size() >= 2) {
            std::string code = item.substr(item.size() - 2);
            for (char& c : code) c = (char)std::toupper((unsigned char)c);
            for (int d = 0; d < 7; ++d) {
                if (code == kDays[d] && std::find(days.begin(), days.end(), d + 1) == days.end()) days.push_back(d + 1);
            }
        }
        start = end + 1;
    }
    std::sort(days.begin(), days.end());
    return days;
}


Result<std::vector<OpeningRule>> LoadOpeningRules(Db& db, const std::string& where, const std::string& id,
                                                  const std::string& lang) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT id, byday, freq, opens_at, closes_at, valid_from, valid_to FROM schedule WHERE " + where +
        " ORDER BY opens_at, id"));
    stmt.Bind(3, id);
    std::vector<OpeningRule> rules;
    while (TRY_VALUE(stmt.Step())) {
        OpeningRule rule;
        std::string byday = stmt.Text(1);
        std::string freq = stmt.Text(2);
        for (char& c : freq) c = (char)std::toupper((unsigned char)c);
        if (!byday.empty()) {
            rule.weekdays = ParseByDay(byday);
        } else if (freq.empty() || freq == "DAILY") {
            rule.weekdays = {1, 2, 3, 4, 5, 6, 7};
        }
        rule.opens_at = stmt.Text(3);
        rule.closes_at = stmt.Text(4);
        rule.valid_from = stmt.Text(5);
        rule.valid_to = stmt.Text(6);
        TextMap texts = TRY_VALUE(LoadTexts(db, "schedule", stmt.Text(0), lang));
        rule.description = Field(texts, "description");
        if (rule.description.empty()) rule.description = Field(texts, "notes");
        rules.push_back(std::move(rule));
    }
    return rules;
}

Result<std::vector<Phone>> LoadPhones(Db& db, const std::string& where, const std::string& id, const std::string& lang) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, number, extension, type, " + BestTextSql("phone", "phone.id", "description") +
                                     " FROM phone WHERE " + where + " ORDER BY number, id"));
    BindLang(stmt, lang);
    stmt.Bind(3, id);
    std::vector<Phone> phones;
    while (TRY_VALUE(stmt.Step())) {
        Phone phone;
        phone.id = stmt.Text(0);
        phone.number = stmt.Text(1);
        phone.extension = stmt.Text(2);
        phone.type = stmt.Text(3);
        phone.description = DecodeBestText(stmt, 4, lang);
        phones.push_back(std::move(phone));
    }
    return phones;
}

Result<std::map<std::string, int>> PendingBookingsBySession(Db& db) {
    // The outbox holds only unsent operations, so this stays small whatever the booking history.
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT b.session_id, count(*) FROM outbox o JOIN booking b ON b.id = o.ref_id "
        "WHERE o.kind = 'booking' AND b.session_id IS NOT NULL AND b.session_id <> '' GROUP BY b.session_id"));
    std::map<std::string, int> pending;
    while (TRY_VALUE(stmt.Step())) pending[stmt.Text(0)] = (int)stmt.Int(1);
    return pending;
}

Result<ListCache*> ValidListCache(Db& db) {
    if (!db.query_cache()) db.query_cache() = std::make_shared<ListCache>();
    auto* cache = static_cast<ListCache*>(db.query_cache().get());
    int64_t data_version = TRY_VALUE(db.QueryInt("PRAGMA data_version"));
    int64_t total_changes = sqlite3_total_changes64(db.raw());
    if (data_version != cache->data_version || total_changes != cache->total_changes) {
        cache->services.clear();
        cache->categories.clear();
        cache->data_version = data_version;
        cache->total_changes = total_changes;
    }
    return cache;
}

base::Error NotFound(const std::string& what, const std::string& id) {
    return base::MakeError("not_found", "no " + what + " with id '" + id + "'");
}

}  // namespace content::detail
