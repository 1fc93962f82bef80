// tests/content/store_test.cpp: ContentWriter (validation, NFC, partial upserts, deletes,
// search re-indexing) and meta values.
#include "content/search.h"
#include "content_fixture.h"

using namespace content_test;

namespace {

int64_t StoreRowCount(content::Db& db, const std::string& sql) { return Value(db.QueryInt(sql)); }

}  // namespace

TEST_CASE("Upsert refuses unknown tables, unknown columns and rows without an id", "[content][store]") {
    content::Db db = OpenTemp("store_validate");
    auto tx = Value(content::Transaction::Begin(db));
    content::ContentWriter writer(db);

    auto typo = writer.Upsert("service", {{"id", "s1"}, {"organization_id", "o1"}, {"stauts", "active"}});
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().code == "store_unknown_column");
    CHECK(typo.error().message.find("service") != std::string::npos);
    CHECK(typo.error().message.find("stauts") != std::string::npos);

    auto table = writer.Upsert("servise", {{"id", "s1"}});
    REQUIRE_FALSE(table.ok());
    CHECK(table.error().code == "store_unknown_table");

    auto no_id = writer.Upsert("organization", {{"email", "a@b.lv"}});
    REQUIRE_FALSE(no_id.ok());
    CHECK(no_id.error().code == "store_missing_id");

    auto not_object = writer.Upsert("organization", json::array({1, 2}));
    REQUIRE_FALSE(not_object.ok());
    CHECK(not_object.error().code == "store_bad_row");

    // A foreign key violation is reported with the record named.
    auto orphan = writer.Upsert("service", {{"id", "s1"}, {"organization_id", "missing-org"}});
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().message.find("s1") != std::string::npos);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM service") == 0);
}

TEST_CASE("Upsert updates only the named columns and keeps child rows", "[content][store]") {
    content::Db db = OpenTemp("store_upsert");
    Builder build(db);
    build.Organization("o1", {{"en", "Provider"}});
    build.Service("s1", "o1", {{"en", "Legal advice"}}, {}, {{"url", "https://example.lv"}, {"is_free", true}});
    build.Row("phone", {{"id", "p1"}, {"service_id", "s1"}, {"number", "+371 67 000 000"}});
    // A partial row: only the status changes; url, is_free and the phone stay.
    build.Row("service", {{"id", "s1"}, {"status", "inactive"}});
    build.Done();

    auto stmt = Value(db.Prepare("SELECT status, url, is_free, organization_id FROM service WHERE id = 's1'"));
    REQUIRE(Value(stmt.Step()));
    CHECK(stmt.Text(0) == "inactive");
    CHECK(stmt.Text(1) == "https://example.lv");
    CHECK(stmt.Int(2) == 1);
    CHECK(stmt.Text(3) == "o1");
    CHECK(StoreRowCount(db, "SELECT count(*) FROM phone WHERE service_id = 's1'") == 1);

    // A partial row for a session (status only) updates a row whose other columns are NOT NULL.
    Builder more(db);
    more.Row("course_series", {{"id", "cs1"}, {"service_id", "s1"}, {"kind", "seminar"}, {"dtstart", "2026-12-01T18:00:00"}, {"duration_minutes", 60}});
    more.Row("course_session", {{"id", "x1"}, {"series_id", "cs1"}, {"starts_at", 1}, {"ends_at", 2}, {"local_start", "2026-12-01T18:00"}, {"capacity", 5}, {"seats_taken", 3}});
    more.Row("course_session", {{"id", "x1"}, {"status", "cancelled"}});
    more.Done();
    CHECK(StoreRowCount(db, "SELECT seats_taken FROM course_session WHERE id = 'x1' AND status = 'cancelled'") == 3);
}

TEST_CASE("Text is stored in NFC, in columns and translations", "[content][store]") {
    content::Db db = OpenTemp("store_nfc");
    Builder build(db);
    build.Organization("o1", {{"lv", "A\xCC\x84" "boli"}});  // "A" + COMBINING MACRON
    build.Row("location", {{"id", "l1"}, {"organization_id", "o1"}});
    build.Row("address", {{"id", "a1"}, {"location_id", "l1"}, {"address_1", "E\xCC\x84" "rgl\xCC\xA7" "u iela 1"}, {"city", "Ri\xCC\x84" "ga"}});
    build.Done();
    auto name = Value(db.Prepare("SELECT text FROM translation WHERE record_id = 'o1' AND field = 'name'"));
    REQUIRE(Value(name.Step()));
    CHECK(name.Text(0) == "\xC4\x80" "boli");  // "Āboli"
    auto city = Value(db.Prepare("SELECT city FROM address WHERE id = 'a1'"));
    REQUIRE(Value(city.Step()));
    CHECK(city.Text(0) == "R\xC4\xABga");  // "Rīga"
}

TEST_CASE("SetText refuses bad input and loses nothing", "[content][store]") {
    content::Db db = OpenTemp("store_settext");
    Builder build(db);
    build.Organization("o1", {{"en", "Centre"}});
    auto& writer = build.writer();

    auto bad_utf8 = writer.SetText("organization", "o1", "name", "en", "Cen\xFFtre");
    REQUIRE_FALSE(bad_utf8.ok());
    CHECK(bad_utf8.error().code == "text_invalid_utf8");
    CHECK(bad_utf8.error().message.find("o1") != std::string::npos);

    auto bad_field = writer.SetText("organization", "o1", "nmae", "en", "Centre");
    REQUIRE_FALSE(bad_field.ok());
    CHECK(bad_field.error().code == "store_unknown_field");

    auto bad_lang = writer.SetText("organization", "o1", "name", "", "Centre");
    REQUIRE_FALSE(bad_lang.ok());
    CHECK(bad_lang.error().code == "store_bad_language");

    // Option labels of form fields are translatable under "option:<value>".
    CHECK(writer.SetText("booking_form_field", "f1", "option:lv", "en", "Latvian").ok());
    build.Done();

    auto stmt = Value(db.Prepare("SELECT text FROM translation WHERE tbl = 'organization' AND record_id = 'o1' AND lang = 'en'"));
    REQUIRE(Value(stmt.Step()));
    CHECK(stmt.Text(0) == "Centre");
}

TEST_CASE("An empty text and RemoveText remove the translation", "[content][store]") {
    content::Db db = OpenTemp("store_remove_text");
    Builder build(db);
    build.Organization("o1", {{"en", "Centre"}, {"lv", "Centrs"}, {"ru", "Центр"}});
    Check(build.writer().SetText("organization", "o1", "name", "ru", ""));
    Check(build.writer().RemoveText("organization", "o1", "name", "lv"));
    build.Done();
    CHECK(StoreRowCount(db, "SELECT count(*) FROM translation WHERE record_id = 'o1'") == 1);
}

TEST_CASE("Upsert into translation routes to SetText", "[content][store]") {
    content::Db db = OpenTemp("store_translation_row");
    Builder build(db);
    build.Organization("o1", {{"en", "Centre"}});
    build.Row("translation", {{"tbl", "organization"}, {"record_id", "o1"}, {"field", "name"}, {"lang", "lv"}, {"text", "Centrs"}, {"is_source", true}});
    auto bad = build.writer().Upsert("translation", {{"tbl", "organization"}, {"record_id", "o1"}, {"field", "name"}, {"lang", "lv"}, {"txt", "x"}});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "store_unknown_column");
    build.Done();
    CHECK(StoreRowCount(db, "SELECT count(*) FROM translation WHERE record_id = 'o1' AND lang = 'lv' AND is_source = 1") == 1);
}

TEST_CASE("Delete removes the record, its translations, and its cascaded children's translations", "[content][store]") {
    content::Db db = OpenTemp("store_delete");
    Builder build(db);
    build.Organization("o1", {{"en", "Provider"}});
    build.Service("s1", "o1", {{"en", "Legal advice"}, {"lv", "Juridiskā konsultācija"}});
    build.Row("phone", {{"id", "p1"}, {"service_id", "s1"}, {"number", "+371 20 000 000"}});
    build.Text("phone", "p1", "description", {{"en", "Mornings"}});
    build.Done();
    REQUIRE(StoreRowCount(db, "SELECT count(*) FROM search_doc WHERE record_id = 's1'") >= 1);

    Builder remove(db);
    Check(remove.writer().Delete("service", "s1"));
    Check(remove.writer().Delete("service", "never-existed"));  // a replayed tombstone is fine
    remove.Done();
    CHECK(StoreRowCount(db, "SELECT count(*) FROM service") == 0);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM phone") == 0);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM translation WHERE tbl IN ('service', 'phone')") == 0);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM search_doc WHERE record_id = 's1'") == 0);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM translation WHERE tbl = 'organization'") == 1);

    // Deleting the organization cascades to its services: their index entries go too.
    Builder again(db);
    again.Service("s2", "o1", {{"en", "Language course"}});
    again.Done();
    REQUIRE(StoreRowCount(db, "SELECT count(*) FROM search_doc WHERE record_id = 's2'") >= 1);
    Builder cascade(db);
    Check(cascade.writer().Delete("organization", "o1"));
    cascade.Done();
    CHECK(StoreRowCount(db, "SELECT count(*) FROM search_doc") == 0);
    CHECK(StoreRowCount(db, "SELECT count(*) FROM translation") == 0);
}

TEST_CASE("Finish re-indexes touched records once, and search finds new names", "[content][store]") {
    content::Db db = OpenTemp("store_reindex");
    Builder build(db);
    build.Organization("o1", {{"en", "Provider"}});
    build.Service("s1", "o1", {{"en", "Legal advice"}});
    // Before Finish nothing is indexed.
    CHECK(StoreRowCount(db, "SELECT count(*) FROM search_doc WHERE record_id = 's1'") == 0);
    build.Done();
    CHECK(StoreRowCount(db, "SELECT count(*) FROM search_doc WHERE record_id = 's1'") == 1);

    Builder rename(db);
    rename.Text("service", "s1", "name", {{"lv", "Juridiskā palīdzība"}});
    rename.Done();
    auto hits = Value(content::Search(db, "juridiska", "lv"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].record_id == "s1");
}

TEST_CASE("A failed write inside the caller's transaction rolls back with it", "[content][store]") {
    content::Db db = OpenTemp("store_rollback");
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        Check(writer.Upsert("organization", {{"id", "o1"}}));
        REQUIRE_FALSE(writer.Upsert("organization", {{"id", "o2"}, {"bogus", 1}}).ok());
        // The caller gives up: no commit.
    }
    CHECK(StoreRowCount(db, "SELECT count(*) FROM organization") == 0);
}

TEST_CASE("Meta values round-trip and a missing one is not_found", "[content][store]") {
    content::Db db = OpenTemp("store_meta");
    auto missing = content::GetMeta(db, "content_seq");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
    Builder build(db);
    Check(build.writer().SetMeta("content_seq", "41"));
    Check(build.writer().SetMeta("content_seq", "42"));
    build.Done();
    CHECK(Value(content::GetMeta(db, "content_seq")) == "42");
}
