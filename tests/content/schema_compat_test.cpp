// tests/content/schema_compat_test.cpp: the database shared by two firmware slots (content/schema.h).
//
// The tests play both firmwares with one binary: SchemaOptions::program_schema_version makes this
// program the older one, and a test-only step list (the real steps plus a step 5) makes it a
// newer one. "Byte for byte" compares the main database file after the connection is closed.
#include <sqlite3.h>

#include <mutex>

#include "base/log.h"
#include "content/queries.h"
#include "content/queries_internal.h"
#include "content/schema.h"
#include "content/search.h"
#include "content_fixture.h"

using namespace content_test;

namespace {

// The real steps plus a step 5 that a version 4 program can still use (a new table)...
std::vector<content::SchemaStep> WithCompatibleStep5() {
    std::vector<content::SchemaStep> steps = content::SchemaSteps();
    steps.push_back({5, 4, "CREATE TABLE future_note (id TEXT PRIMARY KEY, note TEXT);"});
    return steps;
}

// ...or one it cannot: every service now needs an audience, which the older program never
// writes, so its INSERT would be refused.
std::vector<content::SchemaStep> WithIncompatibleStep5() {
    std::vector<content::SchemaStep> steps = content::SchemaSteps();
    steps.push_back({5, 5, "ALTER TABLE service ADD COLUMN audience TEXT;"
                           "UPDATE service SET audience = 'all';"
                           "CREATE TRIGGER service_audience_required BEFORE INSERT ON service WHEN NEW.audience IS NULL "
                           "BEGIN SELECT RAISE(ABORT, 'service.audience is required'); END;"});
    return steps;
}

content::OpenOptions Program(int version, const std::vector<content::SchemaStep>* steps = nullptr,
                             content::MigrationPolicy policy = content::MigrationPolicy::ApplyAll,
                             content::OpenMode mode = content::OpenMode::ReadWrite) {
    content::OpenOptions options;
    options.mode = mode;
    options.schema.policy = policy;
    options.schema.steps = steps;
    options.schema.program_schema_version = version;
    return options;
}

content::OpenOptions Trial(int version, const std::vector<content::SchemaStep>* steps) {
    return Program(version, steps, content::MigrationPolicy::HoldIncompatible);
}

// Collects log event ids while alive.
class LogCapture {
public:
    LogCapture() {
        previous_ = base::SetLogSink([this](base::LogLevel, std::string_view event, std::string_view detail) {
            std::lock_guard<std::mutex> lock(mutex_);
            events_.emplace_back(std::string(event), std::string(detail));
        });
    }
    ~LogCapture() { base::SetLogSink(previous_); }
    int Count(const std::string& event) const {
        std::lock_guard<std::mutex> lock(mutex_);
        int count = 0;
        for (const auto& [name, detail] : events_) count += name == event ? 1 : 0;
        return count;
    }

private:
    base::LogSink previous_;
    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, std::string>> events_;
};

std::optional<std::string> Meta(content::Db& db, const std::string& key) {
    auto stmt = Value(db.Prepare("SELECT value FROM meta WHERE key = ?1"));
    stmt.Bind(1, key);
    if (!Value(stmt.Step())) return std::nullopt;
    return stmt.Text(0);
}

// Changes a file the way a tool (or a bad sector) would, without the schema rules.
void RawExec(const std::string& path, const std::string& sql) {
    content::Db db = Value(content::Db::OpenRaw(path));
    Check(db.Exec(sql));
}

int64_t CountSql(content::Db& db, const std::string& sql) { return Value(db.QueryInt(sql)); }

// A directory as the current program writes it: one category, two services.
void WriteDirectory(content::Db& db) {
    Builder b(db);
    b.Organization("org-1", {{"lv", "Integrācijas centrs"}, {"en", "Integration centre"}, {"ru", "Центр интеграции"}}, "centre");
    b.Category("cat-law", {{"lv", "Juridiskā palīdzība"}, {"en", "Legal help"}, {"ru", "Юридическая помощь"}});
    b.Service("svc-a", "org-1", {{"lv", "Advokāta konsultācija"}, {"en", "Lawyer consultation"}, {"ru", "Консультация юриста"}},
              {"cat-law"});
    b.Service("svc-c", "org-1", {{"lv", "Tulka pakalpojumi"}, {"en", "Interpreting"}, {"ru", "Услуги переводчика"}},
              {"cat-law"});
    b.Done();
}

// A service written the way the version 3 program writes one: the content tables only. It never
// heard of list_entry, and its search index rules may differ from the newer program's.
void WriteServiceAsOlderProgram(content::Db& db) {
    auto tx = Value(content::Transaction::Begin(db));
    Check(db.Exec(
        "INSERT INTO service (id, organization_id) VALUES ('svc-b', 'org-1');"
        "INSERT INTO translation (tbl, record_id, field, lang, text, is_source) VALUES "
        " ('service', 'svc-b', 'name', 'lv', 'Bēgļu atbalsta punkts', 0),"
        " ('service', 'svc-b', 'name', 'en', 'Refugee support desk', 1),"
        " ('service', 'svc-b', 'name', 'ru', 'Пункт поддержки беженцев', 0);"
        "INSERT INTO attribute (id, link_id, link_entity, taxonomy_term_id) VALUES "
        " ('attr-svc-b-cat-law', 'svc-b', 'service', 'cat-law');"));
    Check(tx.Commit());
}

bool Lists(content::Db& db, const std::string& service_id, const std::string& lang) {
    for (const content::ServiceSummary& s : Value(content::ListServicesInCategory(db, "cat-law", lang))) {
        if (s.id == service_id) return true;
    }
    return false;
}

bool Finds(content::Db& db, const std::string& query, const std::string& service_id) {
    for (const content::SearchHit& hit : Value(content::Search(db, query, "en"))) {
        if (hit.record_id == service_id) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("The real steps say who can read them, and a new file records it", "[schema_compat]") {
    const auto& steps = content::SchemaSteps();
    REQUIRE(!steps.empty());
    CHECK(steps.back().version == content::kSchemaVersion);
    for (size_t i = 0; i < steps.size(); ++i) {
        INFO("step " << steps[i].version);
        CHECK(steps[i].version == (int)i + 1);
        CHECK(steps[i].readable_by >= 1);
        CHECK(steps[i].readable_by <= steps[i].version);
    }
    // The list index (4) is derived data a version 3 program can live beside; staff mode (3) is
    // not claimed (schema.cpp says why).
    CHECK(steps[3].readable_by == 3);
    CHECK(steps[2].readable_by == 3);

    content::Db db = OpenTemp("compat_new");
    CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("3"));
    CHECK_FALSE(Meta(db, "written_by_older_schema"));
}

TEST_CASE("A file from before the rule gets schema_readable_by at its next open", "[schema_compat]") {
    const std::string path = TempDbPath("compat_backfill");
    {
        content::Db db = Value(content::Db::Open(path));
        WriteDirectory(db);
    }
    RawExec(path, "DELETE FROM meta WHERE key = 'schema_readable_by'");
    {
        // Until then an older program cannot know it may read the file.
        auto refused = content::Db::Open(path, Program(3));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == "db_schema_too_new");
    }
    LogCapture log;
    content::Db db = Value(content::Db::Open(path));
    CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("3"));
    CHECK(log.Count("db_schema_meta_repaired") == 0);  // absent is not damage
    CHECK(CountSql(db, "SELECT count(*) FROM service") == 2);
}

TEST_CASE("An older program uses a newer file it can read; the newer one then sees what it wrote",
          "[schema_compat]") {
    const std::string path = TempDbPath("compat_fallback");
    {
        content::Db db = Value(content::Db::Open(path));
        WriteDirectory(db);
        REQUIRE(Lists(db, "svc-a", "lv"));
    }

    {
        // The fallback: the version 3 firmware opens what version 4 left.
        LogCapture log;
        content::Db old = Value(content::Db::Open(path, Program(3)));
        CHECK(log.Count("db_newer_schema_readable") == 1);
        CHECK(log.Count("db_migrated") == 0);
        CHECK(old.UserVersion() == 4);  // untouched by migrations
        CHECK(Meta(old, "written_by_older_schema") == std::optional<std::string>("3"));
        WriteServiceAsOlderProgram(old);
        // Read-only works too, and marks nothing.
        content::Db reader = Value(content::Db::Open(path, Program(3, nullptr, content::MigrationPolicy::ApplyAll,
                                                                   content::OpenMode::ReadOnly)));
        CHECK(CountSql(reader, "SELECT count(*) FROM service") == 3);
    }
    {
        // What the newer program would show without the rebuild: the list index and the search
        // index do not know svc-b.
        content::Db raw = Value(content::Db::OpenRaw(path));
        CHECK(CountSql(raw, "SELECT count(*) FROM list_entry WHERE service_id = 'svc-b'") == 0);
        CHECK(CountSql(raw, "SELECT count(*) FROM search_doc WHERE record_id = 'svc-b'") == 0);
        CHECK(CountSql(raw, "SELECT services FROM list_count WHERE category_id = 'cat-law'") == 2);
    }

    LogCapture log;
    content::Db db = Value(content::Db::Open(path));
    CHECK(log.Count("db_rebuilt_after_older_writer") == 1);
    CHECK_FALSE(Meta(db, "written_by_older_schema"));
    CHECK(CountSql(db, "SELECT count(*) FROM list_entry WHERE service_id = 'svc-b'") == 3);  // lv, en, ru
    CHECK(CountSql(db, "SELECT services FROM list_count WHERE category_id = 'cat-law'") == 3);
    REQUIRE(Value(content::detail::ListIndexReady(db)));
    for (const char* lang : {"lv", "en", "ru"}) {
        INFO(lang);
        CHECK(Lists(db, "svc-b", lang));
        CHECK(Lists(db, "svc-a", lang));
    }
    CHECK(Finds(db, "refugee", "svc-b"));
    CHECK(Finds(db, "беженцев", "svc-b"));
    CHECK(Finds(db, "beglu", "svc-b"));  // folded: ē→e, ļ→l
    CHECK(Finds(db, "lawyer", "svc-a"));

    // The mark is gone, so the next open rebuilds nothing.
    db = content::Db();
    LogCapture again;
    content::Db reopened = Value(content::Db::Open(path));
    CHECK(again.Count("db_rebuilt_after_older_writer") == 0);
}

TEST_CASE("A file with a step the older program cannot read is refused and left byte for byte",
          "[schema_compat]") {
    const auto steps5 = WithIncompatibleStep5();
    const std::string path = TempDbPath("compat_refused");
    {
        content::Db db = Value(content::Db::Open(path));
        WriteDirectory(db);
    }
    {
        content::Db db = Value(content::Db::Open(path, Program(0, &steps5)));
        CHECK(db.UserVersion() == 5);
        CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("5"));
    }
    const std::string before = ReadFileBytes(path);
    REQUIRE(!before.empty());
    for (content::OpenMode mode : {content::OpenMode::ReadWrite, content::OpenMode::ReadOnly}) {
        auto opened = content::Db::Open(path, mode);  // the real program: version 4
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == "db_schema_too_new");
        CHECK(opened.error().message.find(path) != std::string::npos);
        CHECK(opened.error().message.find("needs at least version 5") != std::string::npos);
    }
    CHECK(ReadFileBytes(path) == before);
    // The newer program still has everything.
    content::Db db = Value(content::Db::Open(path, Program(0, &steps5)));
    CHECK(CountSql(db, "SELECT count(*) FROM service") == 2);
}

TEST_CASE("On a trial boot a step the previous firmware cannot read is held, and runs once the slot is good",
          "[schema_compat]") {
    const auto incompatible = WithIncompatibleStep5();
    const auto compatible = WithCompatibleStep5();
    const std::string path = TempDbPath("compat_trial");
    {
        content::Db db = Value(content::Db::Open(path));  // the good slot, version 4
        WriteDirectory(db);
    }
    const std::string before = ReadFileBytes(path);

    SECTION("held, then applied when not on trial") {
        for (int start = 0; start < 2; ++start) {  // the unit restarts the kiosk: still held
            auto held = content::Db::Open(path, Trial(0, &incompatible));
            REQUIRE_FALSE(held.ok());
            CHECK(held.error().code == "db_migration_held");
            CHECK(held.error().message.find("step 5 (readable by 5)") != std::string::npos);
            CHECK(held.error().message.find("schema 4") != std::string::npos);
            CHECK(ReadFileBytes(path) == before);
        }
        // The old firmware, after the fallback, finds its file as it was.
        {
            content::Db old = Value(content::Db::Open(path));
            CHECK(old.UserVersion() == 4);
            CHECK(CountSql(old, "SELECT count(*) FROM service") == 2);
        }
        // The slot was marked good: the next open applies it.
        LogCapture log;
        content::Db db = Value(content::Db::Open(path, Program(0, &incompatible)));
        CHECK(log.Count("db_migrated") == 1);
        CHECK(db.UserVersion() == 5);
        CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("5"));
        CHECK(CountSql(db, "SELECT count(*) FROM service WHERE audience = 'all'") == 2);
        db = content::Db();
        auto old = content::Db::Open(path);
        REQUIRE_FALSE(old.ok());
        CHECK(old.error().code == "db_schema_too_new");
    }
    SECTION("a compatible step is not held") {
        content::Db db = Value(content::Db::Open(path, Trial(0, &compatible)));
        CHECK(db.UserVersion() == 5);
        CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("4"));
        db = content::Db();
        content::Db old = Value(content::Db::Open(path));  // the fallback still works
        CHECK(CountSql(old, "SELECT count(*) FROM service") == 2);
    }
    SECTION("a new, empty file has no previous firmware to protect") {
        const std::string fresh = TempDbPath("compat_trial_fresh");
        content::Db db = Value(content::Db::Open(fresh, Trial(0, &incompatible)));
        CHECK(db.UserVersion() == 5);
    }
    SECTION("read-only never migrates, so an older file is a mismatch, not a hold") {
        auto opened = content::Db::Open(path, Program(0, &incompatible, content::MigrationPolicy::HoldIncompatible,
                                                      content::OpenMode::ReadOnly));
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == "db_schema_mismatch");
        CHECK(ReadFileBytes(path) == before);
    }
}

TEST_CASE("A trial boot protects the oldest firmware that wrote the file, not only its version", "[schema_compat]") {
    // Version 5 (compatible) was tried and failed; version 4 ran again and wrote. Now version 6
    // is tried: its step 6 can be read by 5 but not by 4, the firmware this trial falls back to.
    auto steps6 = WithCompatibleStep5();
    steps6.push_back({6, 5, "CREATE INDEX future_note_text ON future_note(note);"
                            "ALTER TABLE future_note ADD COLUMN kind TEXT NOT NULL DEFAULT 'note';"});
    const std::string path = TempDbPath("compat_floor");
    {
        content::Db db = Value(content::Db::Open(path));
        WriteDirectory(db);
    }
    { content::Db tried = Value(content::Db::Open(path, Trial(5, &steps6))); }
    {
        content::Db old = Value(content::Db::Open(path));  // version 4 after the fallback
        WriteServiceAsOlderProgram(old);
    }
    const std::string before = ReadFileBytes(path);
    auto held = content::Db::Open(path, Trial(6, &steps6));
    REQUIRE_FALSE(held.ok());
    CHECK(held.error().code == "db_migration_held");
    CHECK(held.error().message.find("schema 4") != std::string::npos);
    CHECK(ReadFileBytes(path) == before);

    // Once good, version 6 migrates, rebuilds what version 4 wrote, and clears the mark.
    content::Db db = Value(content::Db::Open(path, Program(6, &steps6)));
    CHECK(db.UserVersion() == 6);
    CHECK_FALSE(Meta(db, "written_by_older_schema"));
    CHECK(Lists(db, "svc-b", "lv"));
    CHECK(Finds(db, "refugee", "svc-b"));
}

TEST_CASE("Migrating twice is idempotent", "[schema_compat]") {
    const auto steps5 = WithCompatibleStep5();
    const std::string path = TempDbPath("compat_twice");
    auto snapshot = [](content::Db& db) {
        std::string out = std::to_string(db.UserVersion()) + "\n";
        auto schema = Value(db.Prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
        while (Value(schema.Step())) out += schema.Text(0) + " " + schema.Text(1) + " " + schema.Text(2) + "\n";
        auto meta = Value(db.Prepare("SELECT key, value FROM meta WHERE key <> 'content_seq' ORDER BY key"));
        while (Value(meta.Step())) out += meta.Text(0) + "=" + meta.Text(1) + "\n";
        return out;
    };
    {
        content::Db db = Value(content::Db::Open(path, Program(0, &steps5)));
        WriteDirectory(db);
        const std::string once = snapshot(db);
        content::SchemaOptions options;
        options.steps = &steps5;
        Check(content::Migrate(db, options));
        Check(content::Migrate(db, options));
        CHECK(snapshot(db) == once);
        CHECK(CountSql(db, "SELECT count(*) FROM future_note") == 0);
    }
    const std::string before = ReadFileBytes(path);
    {
        LogCapture log;
        content::Db db = Value(content::Db::Open(path, Program(0, &steps5)));
        CHECK(log.Count("db_migrated") == 0);
        CHECK(log.Count("db_rebuilt_after_older_writer") == 0);
    }
    CHECK(ReadFileBytes(path) == before);
}

TEST_CASE("A meta value that is not a number gives a clear error and loses nothing", "[schema_compat]") {
    const std::string path = TempDbPath("compat_bad_meta");
    {
        content::Db db = Value(content::Db::Open(path));
        WriteDirectory(db);
    }

    SECTION("schema_readable_by, for the older program that needs it") {
        RawExec(path, "UPDATE meta SET value = 'three' WHERE key = 'schema_readable_by'");
        const std::string before = ReadFileBytes(path);
        for (content::OpenMode mode : {content::OpenMode::ReadWrite, content::OpenMode::ReadOnly}) {
            auto opened = content::Db::Open(path, Program(3, nullptr, content::MigrationPolicy::ApplyAll, mode));
            REQUIRE_FALSE(opened.ok());
            CHECK(opened.error().code == "db_schema_meta_invalid");
            CHECK(opened.error().message.find("'three'") != std::string::npos);
            CHECK(opened.error().message.find(path) != std::string::npos);
        }
        CHECK(ReadFileBytes(path) == before);
        // The program that knows every applied step recomputes it and says so.
        LogCapture log;
        content::Db db = Value(content::Db::Open(path));
        CHECK(log.Count("db_schema_meta_repaired") == 1);
        CHECK(Meta(db, "schema_readable_by") == std::optional<std::string>("3"));
        CHECK(CountSql(db, "SELECT count(*) FROM service") == 2);
        CHECK(Lists(db, "svc-a", "lv"));
    }
    SECTION("written_by_older_schema, where a trial boot needs it") {
        RawExec(path, "INSERT INTO meta (key, value) VALUES ('written_by_older_schema', '4x')");
        const std::string before = ReadFileBytes(path);
        const auto steps5 = WithCompatibleStep5();
        auto opened = content::Db::Open(path, Trial(0, &steps5));
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == "db_schema_meta_invalid");
        CHECK(opened.error().message.find("written_by_older_schema") != std::string::npos);
        CHECK(ReadFileBytes(path) == before);
        // Off trial only its presence matters: the derived data is rebuilt and the mark cleared.
        LogCapture log;
        content::Db db = Value(content::Db::Open(path, Program(0, &steps5)));
        CHECK(log.Count("db_rebuilt_after_older_writer") == 1);
        CHECK_FALSE(Meta(db, "written_by_older_schema"));
        CHECK(CountSql(db, "SELECT count(*) FROM service") == 2);
    }
}
