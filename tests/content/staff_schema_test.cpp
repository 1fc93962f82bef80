// tests/content/staff_schema_test.cpp: schema version 3 (staff, staff_conflict) and the
// migration of a version 2 file.
#include "content/schema.h"
#include "content/staff_edit.h"
#include "content_fixture.h"

using content_test::Check;
using content_test::Value;

namespace {

int64_t QueryCount(content::Db& db, const std::string& sql) { return Value(db.QueryInt(sql)); }

}  // namespace

TEST_CASE("A version 2 database migrates to version 3 with the staff tables and keeps its content", "[staff][staff_schema]") {
    std::string path = content_test::TempDbPath("staff_schema_v2");
    {
        content::Db db = Value(content::Db::OpenRaw(path));
        Check(content::MigrateTo(db, 2));
        REQUIRE(db.UserVersion() == 2);
        CHECK(QueryCount(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('staff', 'staff_conflict')") == 0);
        Check(db.Exec("INSERT INTO organization (id) VALUES ('org-1');"
                      "INSERT INTO service (id, organization_id, url) VALUES ('svc-1', 'org-1', 'https://x.lv');"
                      "INSERT INTO translation (tbl, record_id, field, lang, text) VALUES ('service', 'svc-1', 'name', 'lv', 'Konsultācija');"
                      "INSERT INTO outbox (op_id, kind, payload, created_at) VALUES ('op-1', 'booking', '{}', 1);"));
    }
    content::Db db = Value(content::Db::Open(path));
    CHECK(db.UserVersion() == content::kSchemaVersion);
    CHECK(QueryCount(db, "SELECT count(*) FROM service WHERE id = 'svc-1' AND url = 'https://x.lv'") == 1);
    CHECK(QueryCount(db, "SELECT count(*) FROM translation WHERE record_id = 'svc-1'") == 1);
    CHECK(QueryCount(db, "SELECT count(*) FROM outbox WHERE op_id = 'op-1'") == 1);
    CHECK(QueryCount(db, "SELECT count(*) FROM staff") == 0);
    CHECK(QueryCount(db, "SELECT count(*) FROM staff_conflict") == 0);

    // The new tables take rows through the ContentWriter like any content (so sync can apply them).
    auto tx = Value(content::Transaction::Begin(db));
    content::ContentWriter writer(db);
    Check(writer.Upsert("staff", {{"id", "staff-1"}, {"name", "Anna"}, {"pin_hash", "$argon2id$x"}, {"created_at", 5}}));
    Check(writer.Upsert("staff_conflict", {{"id", "c-1"}, {"tbl", "service"}, {"record_id", "svc-1"}, {"field", "url"},
                                           {"edit_id", "e-1"}, {"staff_id", "staff-1"}, {"theirs", "\"https://x.lv\""}}));
    Check(tx.Commit());
    auto conflicts = Value(content::ListConflicts(db, true));
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].theirs == "https://x.lv");
    CHECK(conflicts[0].mine.is_null());
    CHECK(conflicts[0].status == "open");
    // A status outside the state machine is refused by the schema.
    CHECK_FALSE(db.Exec("UPDATE staff_conflict SET status = 'maybe' WHERE id = 'c-1'").ok());
}

TEST_CASE("The staff tables are content tables, so they sync", "[staff][staff_schema]") {
    const auto& tables = content::ContentTables();
    auto staff = std::find(tables.begin(), tables.end(), "staff");
    auto conflict = std::find(tables.begin(), tables.end(), "staff_conflict");
    CHECK(staff != tables.end());
    CHECK(conflict != tables.end());
    CHECK(tables.back() == "translation");
}
