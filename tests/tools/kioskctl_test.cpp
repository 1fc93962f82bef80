// kioskctl as scripts use it: commands run as a separate program, results read from --json.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/db.h"
#include "content/hsds_export.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kData = std::string(KIOSK_SOURCE_DIR) + "/tests/content/data";
const std::string kHsds = std::string(KIOSK_SOURCE_DIR) + "/tests/data/hsds";

struct Run {
    int exit_code = -1;
    std::string out, err;
    json Json() const {
        json parsed = json::parse(out, nullptr, false);
        INFO("stdout: " << out << "\nstderr: " << err);
        REQUIRE(!parsed.is_discarded());
        return parsed;
    }
};

std::string Dir() {
    fs::path dir = fs::path(KIOSK_TEST_TMP_DIR) / "kioskctl";
    fs::create_directories(dir);
    return dir.string();
}

std::string Quote(const std::string& arg) {
    std::string quoted = "'";
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Runs kioskctl with `args` (and optional environment assignments before it).
Run Kioskctl(const std::vector<std::string>& args, const std::string& env = "") {
    std::string out_file = Dir() + "/stdout.txt", err_file = Dir() + "/stderr.txt";
    std::string command = env + (env.empty() ? "" : " ") + Quote(KIOSKCTL_PATH);
    for (const std::string& arg : args) command += " " + Quote(arg);
    command += " > " + Quote(out_file) + " 2> " + Quote(err_file);
    int status = std::system(command.c_str());
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = Slurp(out_file);
    run.err = Slurp(err_file);
    return run;
}

std::string FreshDbPath(const std::string& name) {
    std::string path = Dir() + "/" + name;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    return path;
}

const json* FindById(const json& list, const std::string& id) {
    for (const json& item : list) {
        if (item.value("id", "") == id) return &item;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("kioskctl: init, import, listings with --json", "[kioskctl]") {
    const std::string db = FreshDbPath("listings.db");
    Run init = Kioskctl({"--db", db, "init"});
    REQUIRE(init.exit_code == 0);
    CHECK(init.out.find("schema version") != std::string::npos);

    Run import = Kioskctl({"--db", db, "import-hsds", kData + "/kiosk_small.json", "--json"});
    INFO(import.err);
    REQUIRE(import.exit_code == 0);
    CHECK(import.Json()["rows"]["service"] == 3);

    json categories = Kioskctl({"--db", db, "categories", "--lang", "lv", "--json"}).Json();
    REQUIRE(categories.size() == 3);
    CHECK(categories[0]["id"] == "11000000-0000-4000-8000-000000000001");
    CHECK(categories[0]["name"] == "Juridiskā palīdzība");
    CHECK(categories[0]["service_count"] == 1);

    json services = Kioskctl({"--db", db, "services", "--category", "11000000-0000-4000-8000-000000000001", "--lang", "ru", "--json"}).Json();
    REQUIRE(services.size() == 1);
    CHECK(services[0]["id"] == "40000000-0000-4000-8000-000000000001");
    CHECK(services[0]["name"] == "Юридическая консультация");

    json all_services = Kioskctl({"--db", db, "services", "--json"}).Json();
    CHECK(all_services.size() == 3);

    json service = Kioskctl({"--db", db, "service", "40000000-0000-4000-8000-000000000001", "--json"}).Json();
    CHECK(service["id"] == "40000000-0000-4000-8000-000000000001");
    CHECK(service["name"] == "Legal consultation");
    CHECK(service["organization"]["name"] == "National Integration Centre");
    CHECK(service["locations"][0]["addresses"][0].get<std::string>().find("Elizabetes iela 65") != std::string::npos);

    json hits = Kioskctl({"--db", db, "search", "jurists", "--lang", "lv", "--json"}).Json();
    REQUIRE(!hits.empty());
    CHECK(FindById(hits, "40000000-0000-4000-8000-000000000001") != nullptr);
    json folded = Kioskctl({"--db", db, "search", "juridiska", "--lang", "lv", "--json"}).Json();  // no diacritics
    CHECK(FindById(folded, "40000000-0000-4000-8000-000000000001") != nullptr);

    // The series starts three days after import, weekly: a 60-day window holds all 8.
    Run courses_run = Kioskctl({"--db", db, "courses", "--from", "2000-01-01", "--to", "2100-01-01", "--json"});
    json courses = courses_run.Json();
    CHECK(courses.size() == 8);
    CHECK(courses[0]["name"] == "Latvian A1, evenings");
    CHECK(courses[0]["local_start"].get<std::string>().substr(10) == "T18:00");
    CHECK(courses[0]["seats_left"] == 12);
    json none = Kioskctl({"--db", db, "courses", "--from", "2000-01-01", "--to", "2000-01-31", "--json"}).Json();
    CHECK(none.empty());

    json stats = Kioskctl({"--db", db, "stats", "--json"}).Json();
    const json* sessions = FindById(stats["tables"], "course_session");
    REQUIRE(sessions != nullptr);
    CHECK((*sessions)["rows"] == 8);
    CHECK(stats["languages"] == json({"en", "lv", "ru"}));

    json issues = Kioskctl({"--db", db, "validate", "--json"}).Json();
    for (const json& issue : issues) {
        CHECK(issue["severity"] == "warning");
        CHECK(issue.contains("id"));
        CHECK(issue.contains("name"));
    }
}

TEST_CASE("kioskctl: validate reports missing translations, past sessions and bad references", "[kioskctl]") {
    const std::string db = FreshDbPath("validate.db");
    REQUIRE(Kioskctl({"--db", db, "import-hsds", kData + "/kiosk_small.json"}).exit_code == 0);
    // Ten years on, every session is in the past.
    Run later = Kioskctl({"--db", db, "validate", "--now", "2036-01-01", "--json"});
    CHECK(later.exit_code == 0);  // warnings only
    json issues = later.Json();
    bool past = false, missing_lv = false;
    for (const json& issue : issues) {
        past |= issue["code"] == "past_sessions" && issue["id"] == "60000000-0000-4000-8000-000000000001";
        missing_lv |= issue["code"] == "missing_translation" && issue["lang"] == "lv" && issue["table"] == "taxonomy";
    }
    CHECK(past);
    CHECK(missing_lv);
    CHECK(Kioskctl({"--db", db, "validate", "--now", "2036-01-01", "--strict"}).exit_code == 1);

    // Break the content behind the store's back (foreign keys off, a non-NFC text).
    {
        auto raw = content::Db::Open(db);
        REQUIRE(raw.ok());
        REQUIRE(raw->Exec("PRAGMA foreign_keys=OFF").ok());
        REQUIRE(raw->Exec("UPDATE service_at_location SET location_id = 'nowhere' WHERE id = '41000000-0000-4000-8000-000000000001'").ok());
        REQUIRE(raw->Exec("UPDATE translation SET text = 'Ri' || char(772) || 'ga' WHERE tbl = 'location' AND field = 'name' AND lang = 'lv'").ok());
    }
    Run broken = Kioskctl({"--db", db, "validate", "--json"});
    CHECK(broken.exit_code == 1);
    bool dangling = false, nfc = false;
    for (const json& issue : broken.Json()) {
        dangling |= issue["code"] == "dangling_reference" && issue["id"] == "41000000-0000-4000-8000-000000000001" &&
                    issue["field"] == "location_id";
        nfc |= issue["code"] == "non_nfc_text" && issue["table"] == "location";
    }
    CHECK(dangling);
    CHECK(nfc);
}

TEST_CASE("kioskctl: export-hsds writes valid HSDS that imports back to the same content", "[kioskctl]") {
    const std::string db = FreshDbPath("export.db");
    REQUIRE(Kioskctl({"--db", db, "import-hsds", kHsds + "/examples/service_full.json"}).exit_code == 0);
    const std::string out = Dir() + "/export.json";
    fs::remove(out);
    Run exported = Kioskctl({"--db", db, "export-hsds", "--out", out});
    REQUIRE(exported.exit_code == 0);
    std::string check = "python3 " + Quote(kData + "/validate_hsds.py") + " " + Quote(kHsds + "/schema") + " " + Quote(out) +
                        " services > /dev/null";
    CHECK(std::system(check.c_str()) == 0);

    const std::string copy = FreshDbPath("export_copy.db");
    REQUIRE(Kioskctl({"--db", copy, "import-hsds", out}).exit_code == 0);
    Run a = Kioskctl({"--db", db, "dump"});
    Run b = Kioskctl({"--db", copy, "dump"});
    REQUIRE(a.exit_code == 0);
    // Each import stamps its own time as the information date; everything else must be equal.
    auto without_import_time = [](json dump) {
        json& meta = dump["meta"];
        const size_t before = meta.size();
        meta.erase(std::remove_if(meta.begin(), meta.end(),
                                  [](const json& row) { return row["key"] == "content_updated_at"; }),
                   meta.end());
        CHECK(meta.size() + 1 == before);
        return dump;
    };
    CHECK(without_import_time(a.Json()) == without_import_time(b.Json()));

    Run bad_format = Kioskctl({"--db", db, "export-hsds", "--format", "xml"});
    CHECK(bad_format.exit_code == 2);
    CHECK(bad_format.err.find("xml") != std::string::npos);
}

TEST_CASE("kioskctl: a malformed import fails with file, record and field and changes nothing", "[kioskctl]") {
    const std::string db = FreshDbPath("malformed.db");
    REQUIRE(Kioskctl({"--db", db, "import-hsds", kData + "/kiosk_small.json"}).exit_code == 0);
    const std::string before = Kioskctl({"--db", db, "dump"}).out;

    json doc = json::parse(Slurp(kData + "/kiosk_small.json"));
    doc["organizations"][0]["services"][2]["maximum_age"] = "old";
    const std::string bad = Dir() + "/bad_age.json";
    std::ofstream(bad, std::ios::trunc) << doc.dump();
    Run run = Kioskctl({"--db", db, "import-hsds", bad});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("hsds_wrong_type") != std::string::npos);
    CHECK(run.err.find("bad_age.json") != std::string::npos);
    CHECK(run.err.find("service 40000000-0000-4000-8000-000000000003") != std::string::npos);
    CHECK(run.err.find("'maximum_age'") != std::string::npos);
    CHECK(Kioskctl({"--db", db, "dump"}).out == before);

    Run missing = Kioskctl({"--db", db, "import-hsds", Dir() + "/no_such_file.json"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("no_such_file.json") != std::string::npos);
}

TEST_CASE("kioskctl: the database comes from --db, --config, $KIOSK_DB or ./kiosk.db", "[kioskctl]") {
    const std::string from_config = FreshDbPath("from_config.db");
    const std::string config = Dir() + "/kiosk.conf";
    std::ofstream(config, std::ios::trunc) << "# kiosk configuration\n[content]\nlanguage = lv\ndb = " << from_config << "  # local copy\n";
    REQUIRE(Kioskctl({"--config", config, "init"}).exit_code == 0);
    CHECK(fs::exists(from_config));

    const std::string from_env = FreshDbPath("from_env.db");
    REQUIRE(Kioskctl({"init"}, "KIOSK_DB=" + Quote(from_env)).exit_code == 0);
    CHECK(fs::exists(from_env));

    // --db wins over the environment.
    const std::string explicit_db = FreshDbPath("explicit.db");
    REQUIRE(Kioskctl({"--db", explicit_db, "init"}, "KIOSK_DB=" + Quote(from_env)).exit_code == 0);
    CHECK(fs::exists(explicit_db));

    const std::string no_db = Dir() + "/no_db.conf";
    std::ofstream(no_db, std::ios::trunc) << "language = lv\n";
    Run run = Kioskctl({"--config", no_db, "stats"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("config_no_db") != std::string::npos);

    // Listing a database that does not exist does not create it.
    const std::string absent = FreshDbPath("absent.db");
    Run listing = Kioskctl({"--db", absent, "categories"});
    CHECK(listing.exit_code == 1);
    CHECK(!fs::exists(absent));

    Run usage = Kioskctl({"--db", absent, "categories", "--bogus"});
    CHECK(usage.exit_code == 2);
    Run help = Kioskctl({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("import-hsds") != std::string::npos);
}

TEST_CASE("kioskctl: demo loads the demo content", "[kioskctl]") {
    const std::string db = FreshDbPath("demo.db");
    Run demo = Kioskctl({"--db", db, "demo"});
    INFO(demo.err);
    REQUIRE(demo.exit_code == 0);
    json categories = Kioskctl({"--db", db, "categories", "--json"}).Json();
    CHECK(categories.size() >= 5);
    for (const json& c : categories) {
        CHECK(!c["id"].get<std::string>().empty());
        CHECK(!c["name"].get<std::string>().empty());
    }
    Run validate = Kioskctl({"--db", db, "validate"});
    CHECK(validate.exit_code == 0);
}
