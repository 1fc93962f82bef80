// Tests of content/hsds_export: the spec's own examples round trip (import -> export ->
// validates against the HSDS JSON Schema -> same content), and a kiosk database exports and
// re-imports without loss in every format.
#include <catch2/catch_test_macros.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/hsds_export.h"
#include "content/hsds_import.h"
#include "content/store.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kData = std::string(KIOSK_SOURCE_DIR) + "/tests/content/data";
const std::string kHsds = std::string(KIOSK_SOURCE_DIR) + "/tests/data/hsds";
constexpr int64_t kExportNow = 1795000000;

std::string TempPath(const std::string& name) {
    fs::path dir = fs::path(KIOSK_TEST_TMP_DIR) / "hsds_export";
    fs::create_directories(dir);
    return (dir / name).string();
}

content::Db FreshDb(const std::string& name) {
    std::string path = TempPath(name);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    auto db = content::Db::Open(path);
    REQUIRE(db.ok());
    return std::move(*db);
}

json ReadJson(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return json::parse(out.str());
}

content::ImportOptions Options(const std::string& lang = "en") {
    content::ImportOptions options;
    options.lang = lang;
    options.now_utc = kExportNow;
    return options;
}

json Export(content::Db& db, content::ExportFormat format, const std::string& lang = "en") {
    content::ExportOptions options;
    options.format = format;
    options.lang = lang;
    auto exported = content::ExportHsds(db, options);
    REQUIRE(exported.ok());
    return *exported;
}

json Dump(content::Db& db) {
    auto dump = content::DumpContent(db);
    REQUIRE(dump.ok());
    return *dump;
}

// Runs the JSON Schema check (tests/content/data/validate_hsds.py, python3-jsonschema, schema
// files from ../shared/hsds/schema, no network). Returns the exit code; 0 means valid.
int SchemaCheck(const json& exported, const std::string& kind, const std::string& name) {
    std::string file = TempPath(name + ".json");
    std::ofstream(file, std::ios::trunc) << exported.dump(2);
    std::string report = TempPath(name + ".schema.txt");
    std::string command = "python3 '" + kData + "/validate_hsds.py' '" + kHsds + "/schema' '" + file + "' " + kind + " > '" +
                          report + "' 2>&1";
    int status = std::system(command.c_str());
    std::ifstream in(report);
    std::ostringstream text;
    text << in.rdbuf();
    UNSCOPED_INFO("schema check of " << name << ":\n" << text.str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every member of `original` is in `exported` with the same value; arrays of objects with ids
// are matched by id. Differences are collected as paths.
void Subset(const json& original, const json& exported, const std::string& path, std::vector<std::string>& diffs) {
    if (original.is_object()) {
        if (!exported.is_object()) {
            diffs.push_back(path + ": not an object");
            return;
        }
        for (auto it = original.begin(); it != original.end(); ++it) {
            if (!exported.contains(it.key())) {
                diffs.push_back(path + "." + it.key() + ": missing");
                continue;
            }
            Subset(*it, exported[it.key()], path + "." + it.key(), diffs);
        }
        return;
    }
    if (original.is_array() && !original.empty() &&
        std::all_of(original.begin(), original.end(), [](const json& e) { return e.is_object() && e.contains("id"); })) {
        if (!exported.is_array()) {
            diffs.push_back(path + ": not an array");
            return;
        }
        for (const json& item : original) {
            auto match = std::find_if(exported.begin(), exported.end(),
                                      [&](const json& e) { return e.is_object() && e.value("id", json()) == item["id"]; });
            if (match == exported.end()) {
                diffs.push_back(path + "[" + item["id"].get<std::string>() + "]: missing");
                continue;
            }
            Subset(item, *match, path + "[" + item["id"].get<std::string>() + "]", diffs);
        }
        return;
    }
    if (original != exported) diffs.push_back(path + ": " + original.dump() + " != " + exported.dump());
}

const json* FindById(const json& list, const std::string& id) {
    for (const json& item : list) {
        if (item.value("id", "") == id) return &item;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("hsds export: the spec's examples round trip and validate against the HSDS schema", "[hsds]") {
    struct Example {
        const char* file;
        content::ExportFormat format;
        const char* kind;
    };
    const Example examples[] = {
        {"service_full.json", content::ExportFormat::Services, "services"},
        {"organization_full.json", content::ExportFormat::Organizations, "organizations"},
        {"service_list.json", content::ExportFormat::Services, "services"},
        {"organization_list.json", content::ExportFormat::Organizations, "organizations"},
    };
    for (const Example& example : examples) {
        SECTION(example.file) {
            content::Db db = FreshDb(std::string(example.file) + ".db");
            json original = ReadJson(kHsds + "/examples/" + example.file);
            REQUIRE(content::ImportHsdsPath(db, kHsds + "/examples/" + example.file, Options()).ok());
            json exported = Export(db, example.format);
            CHECK(SchemaCheck(exported, example.kind, example.file) == 0);
            json objects = original.contains("contents") ? original["contents"] : json::array({original});
            REQUIRE(exported.size() == objects.size());
            for (const json& object : objects) {
                const json* out = FindById(exported, object["id"]);
                REQUIRE(out != nullptr);
                std::vector<std::string> diffs;
                Subset(object, *out, object["id"], diffs);
                INFO(json(diffs).dump(1));
                CHECK(diffs.empty());
            }
            // Both formats validate, whichever shape came in.
            CHECK(SchemaCheck(Export(db, content::ExportFormat::Services), "services", std::string(example.file) + ".s") == 0);
            CHECK(SchemaCheck(Export(db, content::ExportFormat::Organizations), "organizations",
                              std::string(example.file) + ".o") == 0);
        }
    }
    SECTION("service_at_location_full.json") {
        content::Db db = FreshDb("sal.db");
        json original = ReadJson(kHsds + "/examples/service_at_location_full.json");
        REQUIRE(content::ImportHsdsPath(db, kHsds + "/examples/service_at_location_full.json", Options()).ok());
        json exported = Export(db, content::ExportFormat::Services);
        CHECK(SchemaCheck(exported, "services", "sal") == 0);
        REQUIRE(exported.size() == 1);
        std::vector<std::string> diffs;
        Subset(original["service"], exported[0], "service", diffs);
        json sal = original;
        sal.erase("service");
        const json* out_sal = FindById(exported[0]["service_at_locations"], sal["id"]);
        REQUIRE(out_sal != nullptr);
        Subset(sal, *out_sal, "service_at_location", diffs);
        INFO(json(diffs).dump(1));
        CHECK(diffs.empty());
    }
    SECTION("the tabular CSV example") {
        content::Db db = FreshDb("csv.db");
        REQUIRE(content::ImportHsdsPath(db, kHsds + "/examples/csv", Options()).ok());
        json exported = Export(db, content::ExportFormat::Services);
        CHECK(SchemaCheck(exported, "services", "csv") == 0);
        // The CSV rows come back as the nested JSON form has them.
        json full = ReadJson(kHsds + "/examples/service_full.json");
        REQUIRE(exported.size() == 1);
        for (const char* member : {"name", "fees_description", "phones", "schedules", "languages", "cost_options",
                                   "required_documents", "funding"}) {
            std::vector<std::string> diffs;
            Subset(full[member], exported[0][member], member, diffs);
            INFO(json(diffs).dump(1));
            CHECK(diffs.empty());
        }
    }
}

TEST_CASE("hsds export: the schema check fails on an invalid export", "[hsds]") {
    content::Db db = FreshDb("invalid.db");
    REQUIRE(content::ImportHsdsPath(db, kHsds + "/examples/service_full.json", Options()).ok());
    json exported = Export(db, content::ExportFormat::Services);
    REQUIRE(SchemaCheck(exported, "services", "valid") == 0);

    json no_name = exported;
    no_name[0].erase("name");
    CHECK(SchemaCheck(no_name, "services", "no_name") == 1);
    json bad_extension = exported;
    bad_extension[0]["phones"][0]["extension"] = "one hundred";
    CHECK(SchemaCheck(bad_extension, "services", "bad_extension") == 1);
    json bad_address = exported;
    bad_address[0]["service_at_locations"][0]["location"]["addresses"][0].erase("postal_code");
    CHECK(SchemaCheck(bad_address, "services", "bad_address") == 1);
}

TEST_CASE("hsds export: a kiosk database exports and re-imports without loss", "[hsds]") {
    struct Source {
        const char* name;
        std::string path;
    };
    const Source sources[] = {
        {"kiosk_small", kData + "/kiosk_small.json"},
        {"demo", std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json"},
    };
    struct Format {
        content::ExportFormat format;
        const char* kind;
        const char* lang;
    };
    const Format formats[] = {
        {content::ExportFormat::Kiosk, "kiosk", "en"},
        {content::ExportFormat::Services, "services", "en"},
        {content::ExportFormat::Organizations, "organizations", "en"},
        {content::ExportFormat::Kiosk, "kiosk", "lv"},
        {content::ExportFormat::Services, "services", "ru"},
    };
    for (const Source& source : sources) {
        SECTION(source.name) {
            content::Db db = FreshDb(std::string(source.name) + ".db");
            REQUIRE(content::ImportHsdsPath(db, source.path, Options()).ok());
            const json original = Dump(db);
            for (const Format& f : formats) {
                INFO("format " << f.kind << " lang " << f.lang);
                json exported = Export(db, f.format, f.lang);
                CHECK(SchemaCheck(exported, f.kind, std::string(source.name) + "." + f.kind + "." + f.lang) == 0);
                content::Db copy = FreshDb(std::string(source.name) + ".copy.db");
                // The exported text is re-imported with another --lang: x_source_lang must win.
                auto report = content::ImportHsdsText(copy, exported.dump(), "export.json", Options("uk"));
                INFO((report.ok() ? std::string("ok") : report.error().ToString()));
                REQUIRE(report.ok());
                json again = Dump(copy);
                for (auto it = original.begin(); it != original.end(); ++it) {
                    INFO("table " << it.key());
                    CHECK(again[it.key()] == *it);
                }
            }
        }
    }
}

TEST_CASE("hsds export: plain members in the export language, every language in x_translations", "[hsds]") {
    content::Db db = FreshDb("langs.db");
    REQUIRE(content::ImportHsdsPath(db, kData + "/kiosk_small.json", Options()).ok());
    json lv = Export(db, content::ExportFormat::Services, "lv");
    const json* legal = FindById(lv, "40000000-0000-4000-8000-000000000001");
    REQUIRE(legal != nullptr);
    CHECK((*legal)["name"] == "Juridiskā konsultācija");
    CHECK((*legal)["x_source_lang"] == "lv");
    CHECK((*legal)["x_translations"]["name"]["ru"] == "Юридическая консультация");
    CHECK((*legal)["x_translations"]["name"]["en"] == "Legal consultation");
    CHECK((*legal)["x_source_langs"]["name"] == "en");  // written in English
    CHECK((*legal)["x_is_free"] == true);
    CHECK((*legal)["organization"]["x_kiosk_role"] == "centre");
    CHECK((*legal)["attributes"][0]["taxonomy_term"]["x_is_category"] == true);
    CHECK((*legal)["attributes"][0]["taxonomy_term"]["name"] == "Juridiskā palīdzība");
    REQUIRE((*legal)["x_booking_forms"].size() == 1);
    CHECK((*legal)["x_booking_forms"][0]["fields"][2]["options"][0]["x_translations"]["label"]["ru"] == "Латышский");

    const json* courses = FindById(lv, "40000000-0000-4000-8000-000000000003");
    REQUIRE(courses != nullptr);
    REQUIRE((*courses)["x_course_series"].size() == 1);
    CHECK((*courses)["x_course_series"][0]["dtstart"] == "2026-11-21T18:00:00");
    CHECK((*courses)["x_course_series"][0]["sessions"].size() == 8);

    // A required member missing in the export language falls back to another language, and
    // that copy is not mistaken for the export language on re-import.
    content::Db only_lv = FreshDb("only_lv.db");
    json doc = json::parse(R"({"x_kiosk_format": 1, "organizations": [{"id": "70000000-0000-4000-8000-000000000001",
        "x_translations": {"name": {"lv": "Tikai latviski"}}}]})");
    REQUIRE(content::ImportHsdsText(only_lv, doc.dump(), "only_lv.json", Options()).ok());
    json orgs = Export(only_lv, content::ExportFormat::Organizations, "en");
    CHECK(orgs[0]["name"] == "Tikai latviski");
    CHECK(orgs[0]["description"] == "");
    CHECK(SchemaCheck(orgs, "organizations", "only_lv") == 0);
    content::Db again = FreshDb("only_lv_again.db");
    REQUIRE(content::ImportHsdsText(again, orgs.dump(), "orgs.json", Options()).ok());
    CHECK(Dump(again)["translation"] == Dump(only_lv)["translation"]);
}
