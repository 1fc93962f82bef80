// tests/content/search_test.cpp: folding, the FTS5 index and the search queries (content/search.h).
//
// The fixture is a small trilingual directory written through ContentWriter, so the index is
// built the way import and sync build it (Finish -> ReindexRecord).
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/search.h"
#include "content/store.h"

namespace {

using content::SearchHit;
using nlohmann::json;
using Texts = std::map<std::string, std::string>;  // lang -> text

std::string TempDbPath() {
    static int counter = 0;
    std::filesystem::path dir = std::filesystem::path(KIOSK_TEST_TMP_DIR) / "search";
    std::filesystem::create_directories(dir);
    std::filesystem::path path = dir / ("search_" + std::to_string(++counter) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

void RequireOk(const base::Status& status) {
    INFO((status.ok() ? std::string() : status.error().ToString()));
    REQUIRE(status.ok());
}

class Directory {
public:
    Directory() {
        auto db = content::Db::Open(TempDbPath());
        INFO((db.ok() ? std::string() : db.error().ToString()));
        REQUIRE(db.ok());
        db_ = std::move(*db);
        Build();
    }

    content::Db& db() { return db_; }

    std::vector<SearchHit> Find(const std::string& query, const std::string& lang = "en", int limit = 30) {
        content::SearchOptions options;
        options.limit = limit;
        auto hits = content::Search(db_, query, lang, options);
        INFO("query '" << query << "': " << (hits.ok() ? std::string() : hits.error().ToString()));
        REQUIRE(hits.ok());
        return *hits;
    }

    std::vector<std::string> Ids(const std::string& query, const std::string& lang = "en", int limit = 30) {
        std::vector<std::string> ids;
        for (const SearchHit& hit : Find(query, lang, limit)) ids.push_back(hit.record_id);
        return ids;
    }

    bool Finds(const std::string& query, const std::string& id, const std::string& lang = "en") {
        auto ids = Ids(query, lang);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    // Writes through ContentWriter in one transaction, then re-indexes (Finish).
    template <typename Fn>
    void Write(Fn&& fn) {
        auto tx = content::Transaction::Begin(db_);
        REQUIRE(tx.ok());
        content::ContentWriter writer(db_);
        fn(writer);
        RequireOk(writer.Finish());
        RequireOk(tx->Commit());
    }

    static void Texts3(content::ContentWriter& w, const std::string& table, const std::string& id,
                       const std::string& field, const Texts& texts) {
        for (const auto& [lang, text] : texts) RequireOk(w.SetText(table, id, field, lang, text));
    }

private:
    void Build() {
        Write([](content::ContentWriter& w) {
            RequireOk(w.Upsert("organization", json{{"id", "org-abolins"}}));
            Texts3(w, "organization", "org-abolins", "name",
                   {{"lv", "Advokātu birojs Āboliņš"}, {"en", "Āboliņš Law Office"}, {"ru", "Адвокатское бюро Аболиньш"}});
            Texts3(w, "organization", "org-abolins", "description",
                   {{"en", "A law office that advises newcomers."}});

            RequireOk(w.Upsert("organization", json{{"id", "org-centre"}, {"kiosk_role", "centre"}}));
            Texts3(w, "organization", "org-centre", "name",
                   {{"lv", "Sabiedrības integrācijas centrs"}, {"en", "Society Integration Centre"},
                    {"ru", "Центр общественной интеграции"}});

            RequireOk(w.Upsert("taxonomy_term", json{{"id", "cat-law"}, {"is_category", 1}}));
            Texts3(w, "taxonomy_term", "cat-law", "name",
                   {{"lv", "Tiesiskā aizsardzība"}, {"en", "Legal protection"}, {"ru", "Правовая защита"}});

            RequireOk(w.Upsert("service", json{{"id", "svc-legal"}, {"organization_id", "org-abolins"}}));
            Texts3(w, "service", "svc-legal", "name",
                   {{"lv", "Juridiskā konsultācija"}, {"en", "Legal consultation"}, {"ru", "Юридическая консультация"}});
            Texts3(w, "service", "svc-legal", "description",
                   {{"lv", "Bezmaksas konsultācija ar juristu par uzturēšanās atļaujām un darba tiesībām."},
                    {"en", "Free consultation with a lawyer about residence permits and employment rights."},
                    {"ru", "Бесплатная консультация с юристом по вопросам вида на жительство и трудовых прав."}});
            RequireOk(w.Upsert("attribute", json{{"id", "attr-legal-law"}, {"link_id", "svc-legal"},
                                             {"link_entity", "service"}, {"taxonomy_term_id", "cat-law"}}));

            RequireOk(w.Upsert("service", json{{"id", "svc-social"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-social", "name",
                   {{"lv", "Sociālā palīdzība"}, {"en", "Social assistance"}, {"ru", "Социальная помощь"}});
            Texts3(w, "service", "svc-social", "description",
                   {{"lv", "Sociālā darbinieka konsultācija par pabalstiem."},
                    {"en", "Advice from a social worker on benefits; free interpretation available."},
                    {"ru", "Консультация социального работника о пособиях."}});

            RequireOk(w.Upsert("service", json{{"id", "svc-interpret"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-interpret", "name",
                   {{"lv", "Mutiskā tulkošana"}, {"en", "Interpretation at appointments"}, {"ru", "Устный перевод"}});
            Texts3(w, "service", "svc-interpret", "description",
                   {{"en", "An interpreter comes with you to the doctor or an office."}});

            RequireOk(w.Upsert("service", json{{"id", "svc-study"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-study", "name",
                   {{"lv", "Atbalsts mācībās"}, {"en", "Study support"}, {"ru", "Поддержка в учёбе"}});
            Texts3(w, "service", "svc-study", "description", {{"ru", "Учёба по вечерам для взрослых."}});

            RequireOk(w.Upsert("service", json{{"id", "svc-docs"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-docs", "name",
                   {{"lv", "Mani dokumenti"}, {"en", "My documents"}, {"ru", "Мои документы"}});

            RequireOk(w.Upsert("service", json{{"id", "svc-lv-only"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-lv-only", "name", {{"lv", "Ģimenes ēdināšana"}});
            Texts3(w, "service", "svc-lv-only", "description", {{"lv", "Ēdiens ģimenēm ar bērniem."}});

            RequireOk(w.Upsert("service", json{{"id", "svc-closed"}, {"organization_id", "org-centre"}, {"status", "inactive"}}));
            Texts3(w, "service", "svc-closed", "name", {{"lv", "Juridiskā palīdzība (slēgta)"}, {"en", "Legal aid (closed)"}});

            RequireOk(w.Upsert("service", json{{"id", "svc-courses"}, {"organization_id", "org-centre"}}));
            Texts3(w, "service", "svc-courses", "name",
                   {{"lv", "Latviešu valodas kursi"}, {"en", "Latvian language courses"}, {"ru", "Курсы латышского языка"}});
            RequireOk(w.Upsert("course_series", json{{"id", "series-a1"}, {"service_id", "svc-courses"},
                                                 {"kind", "language_course"}, {"level", "A1"},
                                                 {"dtstart", "2026-12-01T18:00:00"}, {"duration_minutes", 90}}));
            Texts3(w, "course_series", "series-a1", "name",
                   {{"lv", "Latviešu valoda A1"}, {"en", "Latvian A1"}, {"ru", "Латышский язык A1"}});
            Texts3(w, "course_series", "series-a1", "description",
                   {{"lv", "Iesācēju kurss vakaros."}, {"en", "Beginners' course in the evenings."}});
        });
    }

    content::Db db_;
};

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

// ---- FoldForSearch -------------------------------------------------------------------------

TEST_CASE("FoldForSearch removes Latvian diacritics and case", "[search][fold]") {
    CHECK(content::FoldForSearch("Āboliņš") == "abolins");
    CHECK(content::FoldForSearch("SOCIĀLĀ") == "sociala");
    CHECK(content::FoldForSearch("ģimene ķēde ļoti čūska žurka") == "gimene kede loti cuska zurka");
    CHECK(content::FoldForSearch("Ēdināšana Īre Ūdens") == "edinasana ire udens");
}

TEST_CASE("FoldForSearch folds ASCII text the same way as any other text", "[search][fold]") {
    // ASCII takes a shortcut; every printable ASCII character must come out as ICU folds it,
    // which is seen by appending a non-ASCII letter that sends the same text through ICU.
    std::string ascii;
    for (char c = ' '; c < 0x7F; ++c) ascii.push_back(c);
    const std::string via_icu = content::FoldForSearch(ascii + "\u00C5");  // Å folds to a
    CHECK(content::FoldForSearch(ascii) + "a" == via_icu);
    CHECK(content::FoldForSearch("Legal Consultation A1") == "legal consultation a1");
}

TEST_CASE("FoldForSearch folds ё to е and keeps й distinct from и", "[search][fold]") {
    CHECK(content::FoldForSearch("Учёба") == "учеба");
    CHECK(content::FoldForSearch("ЁЛКА") == "елка");
    CHECK(content::FoldForSearch("Мой") == "мой");
    CHECK(content::FoldForSearch("ЙОД") == "йод");
    CHECK(content::FoldForSearch("Мои") == "мои");
    CHECK(content::FoldForSearch("Мой") != content::FoldForSearch("Мои"));
}

TEST_CASE("FoldForSearch handles sharp s, ligatures and compatibility forms", "[search][fold]") {
    CHECK(content::FoldForSearch("Straße") == "strasse");
    CHECK(content::FoldForSearch("ﬁnanses") == "finanses");
    CHECK(content::FoldForSearch("Æble Œuvre Øre Łódź") == "aeble oeuvre ore lodz");
    CHECK(content::FoldForSearch("ＡＢＣ１２") == "abc12");
}

TEST_CASE("FoldForSearch treats decomposed input like composed input", "[search][fold]") {
    // "ā" as a + combining macron, "й" as и + combining breve
    CHECK(content::FoldForSearch("a\xCC\x84" "boli\xC5\x86\xC5\xA1") == "abolins");
    CHECK(content::FoldForSearch("\xD0\xB8\xCC\x86") == "й");
}

TEST_CASE("FoldForSearch survives invalid UTF-8 without dropping the valid text", "[search][fold]") {
    std::string folded = content::FoldForSearch("Juri\xFF" "dis");
    CHECK(folded.find("juri") == 0);
    CHECK(folded.find("dis") != std::string::npos);
    CHECK(content::FoldForSearch("") == "");
}

// ---- Search: folding and prefixes ----------------------------------------------------------

TEST_CASE("Search folds diacritics: abolins finds Āboliņš", "[search]") {
    Directory dir;
    auto ids = dir.Ids("abolins");
    CHECK(Contains(ids, "org-abolins"));
    // The provider's name is indexed into its services' text.
    CHECK(Contains(ids, "svc-legal"));
}

TEST_CASE("Search folds diacritics: sociala finds Sociālā palīdzība", "[search]") {
    Directory dir;
    auto ids = dir.Ids("sociala");
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "svc-social");
}

TEST_CASE("Search is case-insensitive and accepts the query with diacritics", "[search]") {
    Directory dir;
    CHECK(dir.Ids("SOCIĀLĀ").front() == "svc-social");
    CHECK(dir.Ids("Sociālā Palīdzība").front() == "svc-social");
}

TEST_CASE("Search folds ё: учеба and учёба find the same service", "[search]") {
    Directory dir;
    CHECK(dir.Finds("учеба", "svc-study"));
    CHECK(dir.Finds("учёба", "svc-study"));
    CHECK(dir.Finds("УЧЕБЕ", "svc-study"));
}

TEST_CASE("Search keeps й distinct: мой does not find Мои документы", "[search]") {
    Directory dir;
    CHECK(dir.Finds("мои", "svc-docs"));
    CHECK_FALSE(dir.Finds("мой", "svc-docs"));
}

TEST_CASE("Search matches the last term as a prefix while the visitor types", "[search]") {
    Directory dir;
    for (const char* typed : {"kon", "kons", "konsu", "konsultac", "konsultacija", "konsultācij"}) {
        INFO(typed);
        CHECK(dir.Finds(typed, "svc-legal"));
    }
}

TEST_CASE("Search requires every term, only the last one as a prefix", "[search]") {
    Directory dir;
    CHECK(dir.Ids("legal consultation") == std::vector<std::string>{"svc-legal"});
    CHECK(dir.Ids("legal cons") == std::vector<std::string>{"svc-legal"});
    CHECK(dir.Ids("legal benefits").empty());
    // "leg" is not the last term, so it must be a whole word.
    CHECK(dir.Ids("leg consultation").empty());
}

TEST_CASE("Search finds a service whichever language the query is in", "[search]") {
    Directory dir;
    CHECK(dir.Finds("jurist", "svc-legal"));
    CHECK(dir.Finds("юрист", "svc-legal"));
    CHECK(dir.Finds("lawyer", "svc-legal"));
    CHECK(dir.Finds("juridiska", "svc-legal", "ru"));
    CHECK(dir.Finds("юридическая", "svc-legal", "lv"));
}

TEST_CASE("Search finds a service by its category's name", "[search]") {
    Directory dir;
    CHECK(dir.Finds("aizsardz", "svc-legal"));
    CHECK(dir.Finds("правовая", "svc-legal"));
    CHECK_FALSE(dir.Finds("aizsardz", "svc-social"));
}

TEST_CASE("Search finds course series and organisations", "[search]") {
    Directory dir;
    auto hits = dir.Find("iesac");  // only in the series' description
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "course_series");
    CHECK(hits[0].record_id == "series-a1");

    auto org = dir.Find("advokatu");
    REQUIRE(!org.empty());
    CHECK(org[0].kind == "organization");
    CHECK(org[0].record_id == "org-abolins");
}

// ---- Search: ranking and deduplication -----------------------------------------------------

TEST_CASE("Search ranks name matches above description matches", "[search][rank]") {
    Directory dir;
    // "interpret" is in the name of svc-interpret and only in the description of svc-social.
    auto ids = dir.Ids("interpret");
    REQUIRE(ids.size() >= 2);
    CHECK(ids[0] == "svc-interpret");
    CHECK(Contains(ids, "svc-social"));

    // "konsultac" is the name of svc-legal and in the description of svc-social.
    ids = dir.Ids("konsultac");
    REQUIRE(ids.size() >= 2);
    CHECK(ids[0] == "svc-legal");
}

TEST_CASE("Search scores are ordered, lower first", "[search][rank]") {
    Directory dir;
    auto hits = dir.Find("interpret");
    REQUIRE(hits.size() >= 2);
    for (size_t i = 1; i < hits.size(); ++i) CHECK(hits[i - 1].score <= hits[i].score);
}

TEST_CASE("Search returns one hit per record however many languages matched", "[search][dedup]") {
    Directory dir;
    // "A1" and "konsult..." match in lv, en and ru rows.
    for (const char* query : {"konsult", "latv", "a1", "centr"}) {
        auto hits = dir.Find(query);
        std::set<std::pair<std::string, std::string>> unique;
        for (const auto& hit : hits) unique.emplace(hit.kind, hit.record_id);
        INFO(query);
        CHECK(unique.size() == hits.size());
        CHECK(!hits.empty());
    }
}

TEST_CASE("Search honours the limit", "[search]") {
    Directory dir;
    CHECK(dir.Find("konsult", "en", 1).size() == 1);
    CHECK(dir.Find("l", "en", 2).size() == 2);
    CHECK(dir.Find("konsult", "en", 0).empty());
}

// ---- Search: the reader's language ---------------------------------------------------------

TEST_CASE("Search returns the name and snippet in the reader's language", "[search][lang]") {
    Directory dir;
    auto ru = dir.Find("lawyer", "ru");
    REQUIRE(ru.size() == 1);
    CHECK(ru[0].name.text == "Юридическая консультация");
    CHECK(ru[0].name.lang == "ru");
    CHECK_FALSE(ru[0].name.fallback);
    CHECK(ru[0].snippet.text.find("юристом") != std::string::npos);

    auto lv = dir.Find("юрист", "lv");
    REQUIRE(lv.size() == 1);
    CHECK(lv[0].name.text == "Juridiskā konsultācija");
    CHECK(lv[0].name.lang == "lv");
}

TEST_CASE("Search falls back to English, then Latvian, and says so", "[search][lang]") {
    Directory dir;
    auto uk = dir.Find("lawyer", "uk");
    REQUIRE(uk.size() == 1);
    CHECK(uk[0].name.text == "Legal consultation");
    CHECK(uk[0].name.lang == "en");
    CHECK(uk[0].name.fallback);

    auto lv_only = dir.Find("edinasana", "en");
    REQUIRE(lv_only.size() == 1);
    CHECK(lv_only[0].name.text == "Ģimenes ēdināšana");
    CHECK(lv_only[0].name.lang == "lv");
    CHECK(lv_only[0].name.fallback);
    CHECK(lv_only[0].snippet.lang == "lv");

    // The interpreter service has an English description only: a Russian reader gets it, marked.
    auto interpret = dir.Find("устный", "ru");
    REQUIRE(interpret.size() == 1);
    CHECK(interpret[0].name.lang == "ru");
    CHECK(interpret[0].snippet.lang == "en");
    CHECK(interpret[0].snippet.fallback);
}

// ---- Search: hostile and degenerate input --------------------------------------------------

TEST_CASE("Search never passes FTS5 syntax through", "[search][syntax]") {
    Directory dir;
    for (const char* query : {"\"", "\"\"", "*", "-", "(", ")", ":", "^", "+", "name:legal", "legal OR", "OR",
                              "AND", "NOT", "NEAR(legal", "legal -consultation", "\"legal", "le\"gal", "{name}: x",
                              "legal*", "*legal", "legal)", "(legal", "body : lawyer", "'; DROP TABLE search_fts; --",
                              "legal:consultation"}) {
        content::SearchOptions options;
        auto hits = content::Search(dir.db(), query, "en", options);
        INFO("query: " << query << " -> " << (hits.ok() ? std::string("ok") : hits.error().ToString()));
        CHECK(hits.ok());
    }
    // Punctuation separates words like the tokenizer does, so these still find the service.
    CHECK(dir.Finds("legal-consultation", "svc-legal"));
    CHECK(dir.Finds("(legal) \"consultation\"", "svc-legal"));
    CHECK(dir.Finds("legal:consultation", "svc-legal"));
    // Operators are words like any other: "legal OR lawyer" requires a word starting "lawyer"
    // and a word "or", which no text has.
    CHECK(dir.Ids("legal OR lawyer").empty());
    // The index is intact afterwards.
    CHECK(dir.Finds("lawyer", "svc-legal"));
}

TEST_CASE("Search of an empty or punctuation-only query returns nothing, without error", "[search][syntax]") {
    Directory dir;
    CHECK(dir.Find("").empty());
    CHECK(dir.Find("   ").empty());
    CHECK(dir.Find("!?.,;").empty());
    CHECK(dir.Find("\xFF\xFE").empty());
}

TEST_CASE("Search cuts very long queries instead of failing", "[search][syntax]") {
    Directory dir;
    std::string query;
    for (int i = 0; i < 200; ++i) query += "legal ";
    auto hits = content::Search(dir.db(), query, "en");
    REQUIRE(hits.ok());
    CHECK(hits->size() == 1);
}

// ---- Search: one and two characters --------------------------------------------------------

TEST_CASE("A one-letter query lists names beginning with it, reader's language first", "[search][short]") {
    Directory dir;
    auto hits = dir.Find("s", "en");
    REQUIRE(hits.size() >= 3);
    // English names beginning with S, in folded order: Social..., Society..., Study...
    CHECK(hits[0].record_id == "svc-social");
    CHECK(hits[1].record_id == "org-centre");
    CHECK(hits[2].record_id == "svc-study");
}

TEST_CASE("A one-letter query also finds names beginning so in other languages", "[search][short]") {
    Directory dir;
    // No English name begins with J; the Latvian "Juridiskā konsultācija" does.
    auto hits = dir.Find("j", "en");
    REQUIRE(!hits.empty());
    CHECK(hits[0].record_id == "svc-legal");
    CHECK(hits[0].name.text == "Legal consultation");
    // The closed service ("Juridiskā palīdzība") is not searchable.
    for (const auto& hit : hits) CHECK(hit.record_id != "svc-closed");
}

TEST_CASE("A two-letter query does not search descriptions", "[search][short]") {
    Directory dir;
    // "wo" begins "worker" in svc-social's description only.
    CHECK(dir.Find("wo").empty());
    // "la" begins "language"/"law" in names, reached through later words too.
    auto ids = dir.Ids("la", "en");
    CHECK(Contains(ids, "svc-courses"));  // "Latvian language courses"
    CHECK(Contains(ids, "org-abolins"));  // "Āboliņš Law Office": a later word
}

TEST_CASE("A two-character query finds words inside names, folded", "[search][short]") {
    Directory dir;
    CHECK(dir.Finds("A1", "series-a1"));
    CHECK(dir.Finds("ģi", "svc-lv-only"));
    CHECK(dir.Finds("gi", "svc-lv-only"));
    CHECK(dir.Finds("уч", "svc-study"));  // "Поддержка в учёбе": a later word
}

// ---- Index maintenance ---------------------------------------------------------------------

TEST_CASE("Inactive services are not found", "[search][index]") {
    Directory dir;
    CHECK_FALSE(dir.Finds("slegta", "svc-closed"));
    CHECK_FALSE(dir.Finds("closed", "svc-closed"));
    dir.Write([](content::ContentWriter& w) {
        RequireOk(w.Upsert("service", json{{"id", "svc-closed"}, {"organization_id", "org-centre"}, {"status", "active"}}));
    });
    CHECK(dir.Finds("closed", "svc-closed"));
}

TEST_CASE("A changed translation replaces the old text in the index", "[search][index]") {
    Directory dir;
    dir.Write([](content::ContentWriter& w) { RequireOk(w.SetText("service", "svc-docs", "name", "en", "Paperwork help")); });
    CHECK(dir.Finds("paperwork", "svc-docs"));
    CHECK_FALSE(dir.Finds("documents", "svc-docs"));
    CHECK(dir.Finds("dokumenti", "svc-docs"));  // the other languages stay
}

TEST_CASE("RemoveFromIndex and deleting a record take it out of the results", "[search][index]") {
    Directory dir;
    RequireOk(content::RemoveFromIndex(dir.db(), "service", "svc-docs"));
    CHECK_FALSE(dir.Finds("documents", "svc-docs"));
    CHECK(dir.db().QueryInt("SELECT count(*) FROM search_doc WHERE record_id = 'svc-docs'").value_or(-1) == 0);

    dir.Write([](content::ContentWriter& w) { RequireOk(w.Delete("service", "svc-study")); });
    CHECK_FALSE(dir.Finds("учеба", "svc-study"));
    CHECK(dir.db().QueryInt("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'учеба'").value_or(-1) == 0);
}

TEST_CASE("Renaming an organisation re-indexes its services", "[search][index]") {
    Directory dir;
    dir.Write([](content::ContentWriter& w) {
        RequireOk(w.SetText("organization", "org-abolins", "name", "en", "Bērziņš Legal"));
    });
    CHECK(dir.Finds("berzins", "org-abolins"));
    CHECK(dir.Finds("berzins", "svc-legal"));
}

TEST_CASE("Re-indexing a category re-indexes the services in it", "[search][index]") {
    Directory dir;
    auto tx = content::Transaction::Begin(dir.db());
    REQUIRE(tx.ok());
    content::ContentWriter writer(dir.db());
    RequireOk(writer.SetText("taxonomy_term", "cat-law", "name", "en", "Rights and courts"));
    RequireOk(writer.Finish());
    RequireOk(content::ReindexRecord(dir.db(), "taxonomy_term", "cat-law"));
    RequireOk(tx->Commit());
    CHECK(dir.Finds("courts", "svc-legal"));
}

namespace {

// The index content without rowids, to compare an incrementally kept index with a rebuilt one.
std::set<std::string> IndexContent(content::Db& db) {
    auto stmt = db.Prepare("SELECT d.kind, d.record_id, d.lang, d.name_key, f.name, f.body FROM search_doc d "
                           "JOIN search_fts f ON f.rowid = d.rowid");
    REQUIRE(stmt.ok());
    std::set<std::string> rows;
    while (stmt->Step().value_or(false)) {
        std::string row;
        for (int col = 0; col < 6; ++col) row += stmt->Text(col) + "\x1f";
        rows.insert(row);
    }
    return rows;
}

}  // namespace

TEST_CASE("A category link moved to another service moves the category's name in the index", "[search][index]") {
    Directory dir;
    REQUIRE(dir.Finds("aizsardziba", "svc-legal", "lv"));
    REQUIRE_FALSE(dir.Finds("aizsardziba", "svc-social", "lv"));
    dir.Write([](content::ContentWriter& w) {
        RequireOk(w.Upsert("attribute", json{{"id", "attr-legal-law"}, {"link_id", "svc-social"}}));
    });
    CHECK(dir.Finds("aizsardziba", "svc-social", "lv"));
    CHECK_FALSE(dir.Finds("aizsardziba", "svc-legal", "lv"));
}

TEST_CASE("One Finish over related changes leaves the index a rebuild would make", "[search][index]") {
    Directory dir;
    dir.Write([](content::ContentWriter& w) {
        // A provider, a category and a service of both renamed together, a new service in the
        // renamed category, and a service deleted: every record must be indexed with the final texts.
        RequireOk(w.SetText("organization", "org-abolins", "name", "en", "Bērziņš Legal"));
        RequireOk(w.SetText("taxonomy_term", "cat-law", "name", "en", "Rights and courts"));
        RequireOk(w.SetText("service", "svc-legal", "name", "en", "Lawyer on Tuesdays"));
        RequireOk(w.Upsert("service", json{{"id", "svc-new"}, {"organization_id", "org-abolins"}}));
        RequireOk(w.SetText("service", "svc-new", "name", "en", "Tenancy advice"));
        RequireOk(w.Upsert("attribute", json{{"id", "attr-new-law"}, {"link_id", "svc-new"}, {"link_entity", "service"},
                                         {"taxonomy_term_id", "cat-law"}}));
        RequireOk(w.Delete("service", "svc-docs"));
    });
    CHECK(dir.Finds("courts", "svc-new"));
    CHECK(dir.Finds("berzins", "svc-legal"));
    CHECK(dir.Finds("tuesdays", "svc-legal"));
    CHECK_FALSE(dir.Finds("documents", "svc-docs"));
    const std::set<std::string> incremental = IndexContent(dir.db());
    RequireOk(content::RebuildSearchIndex(dir.db()));
    CHECK(IndexContent(dir.db()) == incremental);
}

TEST_CASE("ReindexRecord refuses an unknown kind with a clear error", "[search][index]") {
    Directory dir;
    auto status = content::ReindexRecord(dir.db(), "servce", "svc-legal");
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == "search_unknown_kind");
    CHECK(status.error().message.find("servce") != std::string::npos);
    CHECK(content::RemoveFromIndex(dir.db(), "booking", "x").error().code == "search_unknown_kind");
    CHECK(content::ReindexRecords(dir.db(), {{"service", "svc-legal"}, {"servce", "x"}}).error().code == "search_unknown_kind");
}

TEST_CASE("RebuildSearchIndex rebuilds the same index from the translations", "[search][index]") {
    Directory dir;
    auto before = dir.db().QueryInt("SELECT count(*) FROM search_doc");
    REQUIRE(before.ok());
    CHECK(*before > 0);
    RequireOk(dir.db().Exec("DELETE FROM search_doc; DELETE FROM search_fts;"));
    CHECK(dir.Find("lawyer").empty());
    RequireOk(content::RebuildSearchIndex(dir.db()));
    CHECK(dir.db().QueryInt("SELECT count(*) FROM search_doc").value_or(-1) == *before);
    CHECK(dir.Finds("lawyer", "svc-legal"));
    CHECK(dir.Finds("abolins", "svc-legal"));
    CHECK(dir.Finds("aizsardz", "svc-legal"));
    // One index row per record and language it has text in.
    CHECK(dir.db().QueryInt("SELECT count(*) FROM search_doc WHERE record_id = 'svc-lv-only'").value_or(-1) == 1);
    CHECK(dir.db().QueryInt("SELECT count(*) FROM search_doc WHERE record_id = 'svc-legal'").value_or(-1) == 3);
}

TEST_CASE("Names stay above descriptions when more documents match than a tier ranks", "[search][rank]") {
    Directory dir;
    // 700 services mention the word only in their description (more than one tier ranks),
    // then 3 services have it in their name: written last, so they have the highest rowids.
    dir.Write([](content::ContentWriter& w) {
        for (int i = 0; i < 700; ++i) {
            const std::string id = "svc-bulk-" + std::to_string(i);
            RequireOk(w.Upsert("service", json{{"id", id}, {"organization_id", "org-centre"}}));
            RequireOk(w.SetText("service", id, "name", "en", "Bulk service " + std::to_string(i)));
            RequireOk(w.SetText("service", id, "description", "en", "Mentions the zebrafinch in passing."));
        }
        for (int i = 0; i < 3; ++i) {
            const std::string id = "svc-named-" + std::to_string(i);
            RequireOk(w.Upsert("service", json{{"id", id}, {"organization_id", "org-centre"}}));
            RequireOk(w.SetText("service", id, "name", "en", "Zebrafinch club " + std::to_string(i)));
        }
    });
    for (const char* query : {"zebrafinch", "zebra", "zeb"}) {
        auto hits = dir.Find(query, "en", 10);
        INFO(query);
        REQUIRE(hits.size() == 10);
        std::set<std::string> first3 = {hits[0].record_id, hits[1].record_id, hits[2].record_id};
        CHECK(first3 == std::set<std::string>{"svc-named-0", "svc-named-1", "svc-named-2"});
        for (size_t i = 3; i < hits.size(); ++i) CHECK(hits[i].record_id.rfind("svc-bulk-", 0) == 0);
    }
}
