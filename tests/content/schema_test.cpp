// tests/content/schema_test.cpp: schema creation, migrations, refusal of newer and corrupt files.
#include <sqlite3.h>

#include <fstream>

#include "content/schema.h"
#include "content_fixture.h"

using namespace content_test;

namespace {

bool TableExists(content::Db& db, const std::string& name) {
    auto stmt = Value(db.Prepare("SELECT 1 FROM sqlite_master WHERE name = ?1"));
    stmt.Bind(1, name);
    return Value(stmt.Step());
}

}  // namespace

TEST_CASE("A new database is created at the current schema version in WAL mode", "[content][schema]") {
    content::Db db = OpenTemp("schema_new");
    CHECK(db.UserVersion() == content::kSchemaVersion);
    for (const std::string& table : content::ContentTables()) {
        INFO(table);
        CHECK(TableExists(db, table));
    }
    CHECK(TableExists(db, "search_fts"));
    auto mode = Value(db.Prepare("PRAGMA journal_mode"));
    REQUIRE(Value(mode.Step()));
    CHECK(mode.Text(0) == "wal");
    CHECK(Value(db.QueryInt("PRAGMA secure_delete")) == 1);
    CHECK(Value(db.QueryInt("PRAGMA foreign_keys")) == 1);
    // Opening again is idempotent.
    std::string path = db.path();
    db = content::Db();
    content::Db again = Value(content::Db::Open(path));
    CHECK(again.UserVersion() == content::kSchemaVersion);
}

TEST_CASE("A version 1 database migrates to version 2 and keeps its content", "[content][schema]") {
    std::string path = TempDbPath("schema_v1");
    {
        content::Db db = Value(content::Db::OpenRaw(path));
        Check(content::MigrateTo(db, 1));
        REQUIRE(db.UserVersion() == 1);
        REQUIRE_FALSE(TableExists(db, "search_doc"));
        Check(db.Exec("INSERT INTO organization (id) VALUES ('org-1');"
                      "INSERT INTO translation (tbl, record_id, field, lang, text) VALUES ('organization', 'org-1', 'name', 'lv', 'Centrs');"));
    }
    content::Db db = Value(content::Db::Open(path));
    CHECK(db.UserVersion() == content::kSchemaVersion);
    CHECK(TableExists(db, "search_doc"));
    CHECK(TableExists(db, "search_fts"));
    CHECK(Value(db.QueryInt("SELECT count(*) FROM organization WHERE id = 'org-1'")) == 1);
    CHECK(Value(db.QueryInt("SELECT count(*) FROM translation WHERE record_id = 'org-1'")) == 1);
}

TEST_CASE("A database from a newer program is refused and left byte for byte unchanged", "[content][schema]") {
    std::string path = TempDbPath("schema_newer");
    {
        // Written the way a newer program might: rollback journal, a table this one does not know.
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "CREATE TABLE future (x); INSERT INTO future VALUES ('kept'); PRAGMA user_version = 99;",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = ReadFileBytes(path);
    REQUIRE(!before.empty());
    auto opened = content::Db::Open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "db_schema_too_new");
    CHECK(opened.error().message.find(path) != std::string::npos);
    CHECK(opened.error().message.find("99") != std::string::npos);
    CHECK(ReadFileBytes(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("A file that is not a database gives db_corrupt naming the path", "[content][schema]") {
    std::string path = TempDbPath("schema_corrupt");
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 512; ++i) out << "this is not an SQLite database ";
    }
    const std::string before = ReadFileBytes(path);
    auto opened = content::Db::Open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "db_corrupt");
    CHECK(opened.error().message.find(path) != std::string::npos);
    CHECK(ReadFileBytes(path) == before);
}

TEST_CASE("A read-only open of an old database reports the mismatch", "[content][schema]") {
    std::string path = TempDbPath("schema_ro");
    {
        content::Db db = Value(content::Db::OpenRaw(path));
        Check(content::MigrateTo(db, 1));
    }
    auto opened = content::Db::Open(path, content::OpenMode::ReadOnly);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "db_schema_mismatch");
}

TEST_CASE("A failed transaction rolls back on scope exit", "[content][schema]") {
    content::Db db = OpenTemp("schema_tx");
    {
        auto tx = Value(content::Transaction::Begin(db));
        Check(db.Exec("INSERT INTO organization (id) VALUES ('gone')"));
    }
    CHECK(Value(db.QueryInt("SELECT count(*) FROM organization")) == 0);
}
