// content/queries_list_index.cpp: the category list index (schema v4: list_entry, list_count).
//
// Design note
// - Why. Building a category's list from the normalised tables costs two translation lookups
//   per service (name, description with fallback), a provider lookup and an ICU sort key each:
//   7-9 ms for 500 services and 25-30 ms for 1 000 the first time, most of it reading pages
//   scattered over the translation table. The list index stores each list row ready to show,
//   clustered in display order, so a category's list is one range scan over adjacent pages.
// - What it holds. For every active service S, every taxonomy term T that S is linked to
//   (attribute, link_entity 'service') and every listed language L (kListLanguages): one
//   list_entry row (T, L, sort_key, S) with the name, description and provider name chosen by
//   the translation rule for a reader of L (each with the language it is in), is_free and
//   kiosk_role. sort_key is the ICU sort key of that name in L's collation, so the primary key
//   (T, L, sort_key, S) is the display order. list_count (T, services) is the number of
//   services listed under T (the rows of T for one language).
// - Invariant, restored by UpdateListIndex() inside the writer's transaction (Finish): for
//   every service the rows are exactly what EntriesFor() computes from the current tables, and
//   list_count agrees with them. Whatever can change a row reaches UpdateListIndex: a service
//   or its texts or its attribute links (touched services), its provider's texts (touched
//   organisations: all their services), deletions and cascades (the sweep after a Delete).
// - Validity. Sort keys depend on ICU's version and the collators' tailorings, so meta
//   'list_index' records the versions the keys were made with (ListIndexMarker). Readers use the
//   index only when the marker equals theirs, else they compute the list as before (slower,
//   same result); UpdateListIndex rebuilds the whole index when the marker differs (the first
//   Finish after migrating a filled database to v4, or a firmware with another ICU).
// - Readers of a language outside kListLanguages get the computed list (same result, slower).
#include <unicode/uvernum.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "content/queries_internal.h"

namespace content::detail {
namespace {

struct Entry {
    std::string sort_key;
    std::string name, name_lang, description, description_lang, organization_name, organization_lang;
    std::optional<int64_t> is_free;
    std::string kiosk_role;
    bool operator==(const Entry&) const = default;
};
using Entries = std::map<std::pair<std::string, std::string>, Entry>;  // (term, lang) -> row

// Per-language texts of one field, as (lang -> (text, is_source)).
using LangTexts = std::map<std::string, std::pair<std::string, bool>>;

// The translation rule (queries_internal.h) applied to one field's texts.
std::pair<std::string, std::string> Best(const LangTexts& texts, const std::string& reader) {
    const std::pair<const std::string, std::pair<std::string, bool>>* best = nullptr;
    int best_rank = 0;
    for (const auto& candidate : texts) {
        int rank = LanguageRank(candidate.first, candidate.second.second, reader);
        // The map iterates languages in tag order, so the first of equal rank is the smaller tag.
        if (!best || rank < best_rank) {
            best = &candidate;
            best_rank = rank;
        }
    }
    if (!best) return {};
    return {best->second.first, best->first};
}

class ListIndexer {
public:
    explicit ListIndexer(Db& db) : db_(db) {}

    Status Update(const std::string& service_id);
    Status Recount();
    void ForgetTerm(const std::string& term_id) { affected_terms_.insert(term_id); }

private:
    class Handle {
    public:
        explicit Handle(Stmt* stmt) : stmt_(stmt) {}
        ~Handle() { stmt_->Reset(); }
        Stmt* operator->() { return stmt_; }

    private:
        Stmt* stmt_;
    };

    Result<Stmt*> Cached(const char* sql) {
        auto it = statements_.find(sql);
        if (it != statements_.end()) return &it->second;
        Stmt stmt = TRY_VALUE(db_.Prepare(sql));
        return &statements_.emplace(sql, std::move(stmt)).first->second;
    }

    Result<Entries> EntriesFor(const std::string& service_id);
    Result<std::map<std::string, LangTexts>> Texts(const char* table, const std::string& record_id, bool with_description);

    Db& db_;
    std::map<const char*, Stmt> statements_;     // keyed by the SQL literal's address
    std::map<std::string, LangTexts> org_names_;  // provider names already read in this update
    std::set<std::string> affected_terms_;        // terms whose membership may have changed
};

Result<std::map<std::string, LangTexts>> ListIndexer::Texts(const char* table, const std::string& record_id,
                                                            bool with_description) {
    Handle stmt(TRY_VALUE(Cached(
        "SELECT field, lang, text, is_source FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = 'name' "
        "UNION ALL SELECT field, lang, text, is_source FROM translation "
        "WHERE tbl = ?1 AND record_id = ?2 AND field = 'description' AND ?3")));
    stmt->Bind(1, table).Bind(2, record_id).Bind(3, (int64_t)(with_description ? 1 : 0));
    std::map<std::string, LangTexts> out;  // field -> texts
    while (TRY_VALUE(stmt->Step())) out[stmt->Text(0)][stmt->Text(1)] = {stmt->Text(2), stmt->Int(3) != 0};
    return out;
}

Result<Entries> ListIndexer::EntriesFor(const std::string& service_id) {
    Entries entries;
    std::string organization_id, kiosk_role;
    std::optional<int64_t> is_free;
    {
        Handle stmt(TRY_VALUE(Cached("SELECT status = 'active', is_free, kiosk_role, organization_id FROM service WHERE id = ?1")));
        stmt->Bind(1, service_id);
        if (!TRY_VALUE(stmt->Step()) || stmt->Int(0) == 0) return entries;
        is_free = stmt->OptInt(1);
        kiosk_role = stmt->Text(2);
        organization_id = stmt->Text(3);
    }
    std::vector<std::string> terms;
    {
        Handle stmt(TRY_VALUE(Cached(
            "SELECT DISTINCT taxonomy_term_id FROM attribute WHERE link_id = ?1 AND link_entity = 'service'")));
        stmt->Bind(1, service_id);
        while (TRY_VALUE(stmt->Step())) terms.push_back(stmt->Text(0));
    }
    if (terms.empty()) return entries;
    auto texts = TRY_VALUE(Texts("service", service_id, true));
    auto org = org_names_.find(organization_id);
    if (org == org_names_.end()) {
        auto org_texts = TRY_VALUE(Texts("organization", organization_id, false));
        org = org_names_.emplace(organization_id, std::move(org_texts["name"])).first;
    }
    for (const char* lang : kListLanguages) {
        Entry entry;
        std::tie(entry.name, entry.name_lang) = Best(texts["name"], lang);
        std::tie(entry.description, entry.description_lang) = Best(texts["description"], lang);
        std::tie(entry.organization_name, entry.organization_lang) = Best(org->second, lang);
        entry.sort_key = SortKey(CollatorFor(lang), entry.name);
        entry.is_free = is_free;
        entry.kiosk_role = kiosk_role;
        for (const std::string& term : terms) entries[{term, lang}] = entry;
    }
    return entries;
}

Status ListIndexer::Update(const std::string& service_id) {
    Entries want = TRY_VALUE(EntriesFor(service_id));
    Entries have;
    {
        Handle stmt(TRY_VALUE(Cached(
            "SELECT category_id, lang, sort_key, name, name_lang, description, description_lang, organization_name, "
            "organization_lang, is_free, kiosk_role FROM list_entry WHERE service_id = ?1")));
        stmt->Bind(1, service_id);
        while (TRY_VALUE(stmt->Step())) {
            Entry entry;
            const void* blob = sqlite3_column_blob(stmt->raw(), 2);
            entry.sort_key.assign(static_cast<const char*>(blob), (size_t)sqlite3_column_bytes(stmt->raw(), 2));
            entry.name = stmt->Text(3);
            entry.name_lang = stmt->Text(4);
            entry.description = stmt->Text(5);
            entry.description_lang = stmt->Text(6);
            entry.organization_name = stmt->Text(7);
            entry.organization_lang = stmt->Text(8);
            entry.is_free = stmt->OptInt(9);
            entry.kiosk_role = stmt->Text(10);
            have[{stmt->Text(0), stmt->Text(1)}] = std::move(entry);
        }
    }
    for (const auto& [key, entry] : have) {
        auto it = want.find(key);
        if (it != want.end() && it->second == entry) continue;
        if (it == want.end()) affected_terms_.insert(key.first);
        Handle remove(TRY_VALUE(Cached(
            "DELETE FROM list_entry WHERE category_id = ?1 AND lang = ?2 AND sort_key = ?3 AND service_id = ?4")));
        remove->Bind(1, key.first).Bind(2, key.second).Bind(4, service_id);
        sqlite3_bind_blob(remove->raw(), 3, entry.sort_key.data(), (int)entry.sort_key.size(), SQLITE_TRANSIENT);
        TRY(remove->Run());
    }
    for (const auto& [key, entry] : want) {
        auto it = have.find(key);
        if (it != have.end() && it->second == entry) continue;
        if (it == have.end()) affected_terms_.insert(key.first);
        Handle insert(TRY_VALUE(Cached(
            "INSERT INTO list_entry (category_id, lang, sort_key, service_id, name, name_lang, description, "
            "description_lang, organization_name, organization_lang, is_free, kiosk_role) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")));
        insert->Bind(1, key.first).Bind(2, key.second).Bind(4, service_id);
        sqlite3_bind_blob(insert->raw(), 3, entry.sort_key.data(), (int)entry.sort_key.size(), SQLITE_TRANSIENT);
        insert->Bind(5, entry.name).Bind(6, entry.name_lang).Bind(7, entry.description).Bind(8, entry.description_lang);
        insert->Bind(9, entry.organization_name).Bind(10, entry.organization_lang).Bind(11, entry.is_free);
        insert->Bind(12, entry.kiosk_role);
        TRY(insert->Run());
    }
    return base::Ok();
}

Status ListIndexer::Recount() {
    for (const std::string& term : affected_terms_) {
        Handle count(TRY_VALUE(Cached("SELECT count(*) FROM list_entry WHERE category_id = ?1 AND lang = ?2")));
        count->Bind(1, term).Bind(2, kListLanguages[0]);
        const bool has_row = TRY_VALUE(count->Step());
        const int64_t services = has_row ? count->Int(0) : 0;
        if (services == 0) {
            Handle remove(TRY_VALUE(Cached("DELETE FROM list_count WHERE category_id = ?1")));
            remove->Bind(1, term);
            TRY(remove->Run());
        } else {
            Handle set(TRY_VALUE(Cached(
                "INSERT INTO list_count (category_id, services) VALUES (?1, ?2) "
                "ON CONFLICT(category_id) DO UPDATE SET services = excluded.services")));
            set->Bind(1, term).Bind(2, services);
            TRY(set->Run());
        }
    }
    affected_terms_.clear();
    return base::Ok();
}

Status SetMarker(Db& db) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "INSERT INTO meta (key, value) VALUES ('list_index', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    stmt.Bind(1, ListIndexMarker());
    return stmt.Run();
}

Status Rebuild(Db& db) {
    TRY(db.Exec("DELETE FROM list_entry; DELETE FROM list_count;"));
    ListIndexer indexer(db);
    std::vector<std::string> ids;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT id FROM service WHERE status = 'active' ORDER BY id"));
        while (TRY_VALUE(stmt.Step())) ids.push_back(stmt.Text(0));
    }
    for (const std::string& id : ids) TRY(indexer.Update(id));
    TRY(indexer.Recount());
    return SetMarker(db);
}

}  // namespace

const char* const kListLanguages[3] = {"lv", "en", "ru"};

bool IsListLanguage(const std::string& lang) {
    return std::find_if(std::begin(kListLanguages), std::end(kListLanguages),
                        [&](const char* listed) { return lang == listed; }) != std::end(kListLanguages);
}

const std::string& ListIndexMarker() {
    // Per thread, like the collators it describes.
    thread_local std::string marker = [] {
        std::string out = std::string("1 icu ") + U_ICU_VERSION;
        for (const char* lang : kListLanguages) {
            UVersionInfo version;
            CollatorFor(lang)->getVersion(version);
            char text[40];
            std::snprintf(text, sizeof text, " %s %u.%u.%u.%u", lang, version[0], version[1], version[2], version[3]);
            out += text;
        }
        return out;
    }();
    return marker;
}

Result<bool> ListIndexReady(Db& db) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT value FROM meta WHERE key = 'list_index'"));
    if (!TRY_VALUE(stmt.Step())) return false;
    return stmt.Text(0) == ListIndexMarker();
}

Status UpdateListIndex(Db& db, const std::set<std::string>& services, const std::set<std::string>& organizations,
                       bool after_delete) {
    if (!TRY_VALUE(ListIndexReady(db))) return Rebuild(db);
    ListIndexer indexer(db);
    std::set<std::string> todo = services;
    if (!organizations.empty()) {
        // A provider's name is in its services' rows.
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT id FROM service WHERE organization_id = ?1"));
        for (const std::string& organization_id : organizations) {
            stmt.Reset();
            stmt.Bind(1, organization_id);
            while (TRY_VALUE(stmt.Step())) todo.insert(stmt.Text(0));
        }
    }
    if (after_delete) {
        // Cascades remove services and attribute links without the writer seeing them.
        Stmt gone = TRY_VALUE(db.Prepare(
            "SELECT DISTINCT service_id FROM list_entry WHERE service_id NOT IN (SELECT id FROM service)"));
        while (TRY_VALUE(gone.Step())) todo.insert(gone.Text(0));
        Stmt terms = TRY_VALUE(db.Prepare(
            "SELECT category_id FROM list_count WHERE category_id NOT IN (SELECT id FROM taxonomy_term)"));
        std::vector<std::string> removed_terms;
        while (TRY_VALUE(terms.Step())) removed_terms.push_back(terms.Text(0));
        for (const std::string& term : removed_terms) {
            Stmt services_of = TRY_VALUE(db.Prepare("SELECT DISTINCT service_id FROM list_entry WHERE category_id = ?1"));
            services_of.Bind(1, term);
            while (TRY_VALUE(services_of.Step())) todo.insert(services_of.Text(0));
            indexer.ForgetTerm(term);
        }
    }
    for (const std::string& id : todo) TRY(indexer.Update(id));
    return indexer.Recount();
}

}  // namespace content::detail

namespace content {

Status RebuildListIndex(Db& db) {
    if (!sqlite3_get_autocommit(db.raw())) return detail::Rebuild(db);
    auto tx = TRY_VALUE(Transaction::Begin(db));
    TRY(detail::Rebuild(db));
    return tx.Commit();
}

}  // namespace content
