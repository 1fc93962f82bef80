// Tests of content/hsds_import: accepted shapes, the kiosk document, tabular CSV, and bad
// input that must name file / record / field and leave the database unchanged.
#include <catch2/catch_test_macros.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/hsds_export.h"
#include "content/hsds_import.h"
#include "content/queries.h"
#include "content/store.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kImportData = std::string(KIOSK_SOURCE_DIR) + "/tests/content/data";
const std::string kExamples = std::string(KIOSK_SOURCE_DIR) + "/tests/data/hsds/examples";
constexpr int64_t kImportNow = 1795000000;  // 2026-11-18 13:06 in Riga, a fixed "today" so sessions are predictable

std::string ImportTempPath(const std::string& name) {
    fs::path dir = fs::path(KIOSK_TEST_TMP_DIR) / "hsds_import";
    fs::create_directories(dir);
    return (dir / name).string();
}

content::Db ImportFreshDb(const std::string& name) {
    std::string path = ImportTempPath(name);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    auto db = content::Db::Open(path);
    REQUIRE(db.ok());
    return std::move(*db);
}

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

json ReadImportJson(const std::string& path) { return json::parse(ReadText(path)); }

std::string WriteTemp(const std::string& name, const std::string& text) {
    std::string path = ImportTempPath(name);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return path;
}

content::ImportOptions LangOptions(const std::string& lang = "en") {
    content::ImportOptions options;
    options.lang = lang;
    options.now_utc = kImportNow;
    return options;
}

json DumpImported(content::Db& db) {
    auto dump = content::DumpContent(db);
    REQUIRE(dump.ok());
    return *dump;
}

json Row(const json& dump, const std::string& table, const std::string& id) {
    for (const json& row : dump[table]) {
        if (row["id"] == id) return row;
    }
    return json();
}

std::string TextOf(const json& dump, const std::string& table, const std::string& id, const std::string& field,
                   const std::string& lang) {
    for (const json& row : dump["translation"]) {
        if (row["tbl"] == table && row["record_id"] == id && row["field"] == field && row["lang"] == lang) {
            return row["text"].get<std::string>();
        }
    }
    return "";
}

const char* kLegal = "40000000-0000-4000-8000-000000000001";

}  // namespace

TEST_CASE("hsds import: the kiosk content document with categories, forms and course series", "[hsds]") {
    content::Db db = ImportFreshDb("kiosk_doc.db");
    auto report = content::ImportHsdsPath(db, kImportData + "/kiosk_small.json", LangOptions());
    REQUIRE(report.ok());
    CHECK(report->rows["service"] == 3);
    CHECK(report->sessions == 8);
    CHECK(report->warnings.empty());

    auto categories = content::ListCategories(db, "lv");
    REQUIRE(categories.ok());
    REQUIRE(categories->size() == 3);
    CHECK((*categories)[0].name.text == "Juridiskā palīdzība");  // x_sort_order 1
    CHECK((*categories)[0].icon == "scales");
    CHECK((*categories)[0].service_count == 1);

    auto legal = content::GetService(db, kLegal, "ru");
    REQUIRE(legal.ok());
    CHECK(legal->name.text == "Юридическая консультация");
    CHECK(legal->booking_form_id == "50000000-0000-4000-8000-000000000001");
    CHECK(legal->is_free == std::optional<bool>(true));
    CHECK(legal->provider.name.text == "Национальный центр интеграции");
    REQUIRE(legal->locations.size() == 1);
    CHECK(legal->locations[0].addresses.at(0).city == "Rīga");

    auto hotline = content::GetHotline(db, "en");
    REQUIRE(hotline.ok());
    CHECK(hotline->phones.at(0).number == "116 123");
    auto centre = content::GetCentre(db, "lv");
    REQUIRE(centre.ok());
    CHECK(centre->name.text == "Nacionālais integrācijas centrs");

    auto form = content::GetBookingForm(db, "50000000-0000-4000-8000-000000000001", "lv");
    REQUIRE(form.ok());
    REQUIRE(form->fields.size() == 4);
    CHECK(form->fields[0].key == "name");
    CHECK(form->fields[0].min_length == std::optional<int>(2));
    CHECK(form->fields[2].options.at(1).value == "ru");
    CHECK(form->fields[2].options.at(1).label.text == "Krievu");
    // Field ids are derived from the form id and key, so a re-import keeps them.
    CHECK(Row(DumpImported(db), "booking_form_field", content::DeriveId("50000000-0000-4000-8000-000000000001", "field:phone"))["key"] ==
          "phone");

    // dtstart_relative: 3 days after the import day at 18:00 Riga time, weekly, 8 sessions.
    auto sessions = content::ListSessions(db, kImportNow, kImportNow + 90 * 86400, {}, "lv");
    REQUIRE(sessions.ok());
    REQUIRE(sessions->size() == 8);
    CHECK((*sessions)[0].local_start == "2026-11-21T18:00");
    CHECK((*sessions)[1].local_start == "2026-11-28T18:00");
    CHECK((*sessions)[0].name.text == "Latviešu A1, vakaros");
    CHECK((*sessions)[0].capacity == 12);
    CHECK((*sessions)[0].instruction_langs == std::vector<std::string>{"lv", "ru"});
    CHECK((*sessions)[0].ends_at - (*sessions)[0].starts_at == 90 * 60);

    // Importing the same document again changes nothing.
    json before = DumpImported(db);
    REQUIRE(content::ImportHsdsPath(db, kImportData + "/kiosk_small.json", LangOptions()).ok());
    CHECK(DumpImported(db) == before);
}

TEST_CASE("hsds import: plain text is in --lang unless the object says x_source_lang", "[hsds]") {
    content::Db db = ImportFreshDb("lang.db");
    json service = ReadImportJson(kExamples + "/service_full.json");
    service["organization"]["x_source_lang"] = "lv";
    service["organization"]["name"] = "Piemēra organizācija";
    auto report = content::ImportHsdsText(db, service.dump(), "service_full.json", LangOptions("ru"));
    REQUIRE(report.ok());
    json dump = DumpImported(db);
    const std::string service_id = service["id"];
    CHECK(TextOf(dump, "service", service_id, "name", "ru") == "Community Counselling");
    CHECK(TextOf(dump, "service", service_id, "name", "en").empty());
    CHECK(TextOf(dump, "organization", service["organization"]["id"], "name", "lv") == "Piemēra organizācija");
    CHECK(TextOf(dump, "organization", service["organization"]["id"], "name", "ru").empty());
    // Nested objects inherit the organization's language.
    CHECK(!TextOf(dump, "location", "3a19ff88-4620-4d17-9830-ac1d859eb5d5", "name", "lv").empty());
}

TEST_CASE("hsds import: text is normalised to NFC", "[hsds]") {
    content::Db db = ImportFreshDb("nfc.db");
    json doc = ReadImportJson(kImportData + "/kiosk_small.json");
    // "Rīga" with ī as i + combining macron (NFD).
    doc["organizations"][0]["services"][0]["x_translations"]["name"]["lv"] = "Juridiska\xCC\x84 Ri\xCC\x84ga";
    REQUIRE(content::ImportHsdsText(db, doc.dump(), "nfd.json", LangOptions()).ok());
    CHECK(TextOf(DumpImported(db), "service", kLegal, "name", "lv") == "Juridiskā Rīga");
}

TEST_CASE("hsds import: the spec's tabular CSV example", "[hsds]") {
    content::Db db = ImportFreshDb("csv.db");
    auto report = content::ImportHsdsPath(db, kExamples + "/csv", LangOptions());
    REQUIRE(report.ok());
    json dump = DumpImported(db);
    const std::string service_id = "ac148810-d857-441c-9679-408f346de14b";
    CHECK(TextOf(dump, "service", service_id, "name", "en") == "Community Counselling");
    CHECK(TextOf(dump, "service", service_id, "fees_description", "en").find("£50 per hour") != std::string::npos);
    json service = Row(dump, "service", service_id);
    CHECK(service["minimum_age"] == 12);
    // Unmodelled tables are nested into their parents' extra, as the JSON form has them.
    json extra = json::parse(service["extra"].get<std::string>());
    CHECK(extra["funding"][0]["id"] == "1f2df32c-bf08-4b8e-bd6f-e834014b19bc");
    CHECK(extra["required_documents"][0]["document"].get<std::string>().find("Passport") != std::string::npos);
    CHECK(extra["program_id"] == "e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42");
    // The phone row names every parent the CSV gives it.
    json phone = Row(dump, "phone", "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
    CHECK(phone["number"] == "\"+44 1234 234567\"");
    CHECK(phone["extension"] == "100");
    CHECK(phone["service_id"] == service_id);
    CHECK(phone["location_id"] == "3a19ff88-4620-4d17-9830-ac1d859eb5d5");
    CHECK(phone["service_at_location_id"] == "e94c9f38-1e8f-4564-91d4-d53501ab1765");
    CHECK(json::parse(phone["extra"].get<std::string>())["contact_id"] == "1e7efce3-639b-4880-940c-b95cd30cdb50");
    // The example's location names an organization the example does not have: kept, not lost.
    json location = Row(dump, "location", "3a19ff88-4620-4d17-9830-ac1d859eb5d5");
    CHECK(location["organization_id"].is_null());
    CHECK(json::parse(location["extra"].get<std::string>())["organization_id"] == "985e4a42-bd9f-4edc-911d-0243a4640aca");
    CHECK(json::parse(location["extra"].get<std::string>())["accessibility"][0]["id"] == "afcf296e-1cb2-4139-9c88-33d587d1a50b");
    // Rows that attach to nothing are kept in meta.
    auto unattached = content::GetMeta(db, "hsds_unattached");
    REQUIRE(unattached.ok());
    CHECK(unattached->find("6cd71e9f-1013-49d9-8370-26b8f59d3e5a") != std::string::npos);
    bool warned_descriptor = false;
    for (const std::string& w : report->warnings) warned_descriptor |= w.find("datapackage.json") != std::string::npos;
    CHECK(warned_descriptor);
}

TEST_CASE("hsds import: tabular CSV described by datapackage.json, quoted cells, Latvian text", "[hsds]") {
    content::Db db = ImportFreshDb("csv_pkg.db");
    auto report = content::ImportHsdsPath(db, kImportData + "/tabular_lv/datapackage.json", LangOptions("lv"));
    REQUIRE(report.ok());
    CHECK(report->warnings.empty());
    auto service = content::GetService(db, "a0000000-0000-4000-8000-000000000001", "lv");
    REQUIRE(service.ok());
    CHECK(service->name.text == "Sociālā darbinieka konsultācija");
    CHECK(service->name.lang == "lv");
    CHECK(service->description.text == "Palīdzība ar pabalstiem, \"dzīvokli\" un dokumentiem,\nkatru otrdienu.");
    CHECK(service->provider.name.text == "Rīgas sociālais dienests");
    REQUIRE(service->locations.size() == 1);
    CHECK(service->locations[0].addresses.at(0).address_1 == "Baznīcas iela 19, 2. stāvs");
    CHECK(service->category_ids == std::vector<std::string>{"c0000000-0000-4000-8000-000000000001"});
}

TEST_CASE("hsds import: the demo content loads", "[hsds]") {
    content::Db db = ImportFreshDb("demo.db");
    auto report = content::ImportHsdsPath(db, std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", LangOptions());
    REQUIRE(report.ok());
    CHECK(report->rows["service"] > 10);
    CHECK(report->sessions > 0);
    auto categories = content::ListCategories(db, "ru");
    REQUIRE(categories.ok());
    CHECK(!categories->empty());
    CHECK(content::GetCentre(db, "lv").ok());
    CHECK(content::GetHotline(db, "en").ok());
}

TEST_CASE("hsds import: sets the content date the status line shows, only when it succeeds", "[hsds]") {
    content::Db db = ImportFreshDb("content_date.db");
    REQUIRE(content::GetContentInfo(db)->updated_at == 0);  // "information date unknown"

    // `kioskctl demo` runs exactly this import without --now: the date is the clock's.
    const int64_t before = (int64_t)std::time(nullptr);
    content::ImportOptions clock_options;
    REQUIRE(content::ImportHsdsPath(db, std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", clock_options).ok());
    const int64_t after = (int64_t)std::time(nullptr);
    auto info = content::GetContentInfo(db);
    REQUIRE(info.ok());
    CHECK(info->updated_at >= before);
    CHECK(info->updated_at <= after);

    // A given "now" is used as is.
    REQUIRE(content::ImportHsdsPath(db, kImportData + "/kiosk_small.json", LangOptions()).ok());
    CHECK(content::GetContentInfo(db)->updated_at == kImportNow);

    // A failed import leaves the date with the content it describes.
    content::ImportOptions later = LangOptions();
    later.now_utc = kImportNow + 86400;
    std::string bad = WriteTemp("date_bad.json", "{\"x_kiosk_format\": 1, \"organizations\": [}");
    REQUIRE_FALSE(content::ImportHsdsPath(db, bad, later).ok());
    CHECK(content::GetContentInfo(db)->updated_at == kImportNow);
}

namespace {

struct BadCase {
    std::string name;        // file name, must appear in the message
    std::string text;        // file content
    std::string code;
    std::vector<std::string> mentions;  // record id, field, ...
};

json Doc() { return ReadImportJson(kImportData + "/kiosk_small.json"); }

std::vector<BadCase> BadCases() {
    std::vector<BadCase> cases;
    {
        std::string text = Doc().dump(2);
        cases.push_back({"truncated.json", text.substr(0, text.size() / 2), "hsds_parse_error", {"not valid JSON"}});
    }
    cases.push_back({"trailing_comma.json", "{\"x_kiosk_format\": 1,\n \"organizations\": [],\n}", "hsds_parse_error", {":3:"}});
    {
        json doc = Doc();
        doc["organizations"][0]["services"][1].erase("name");
        doc["organizations"][0]["services"][1].erase("x_translations");
        cases.push_back({"missing_name.json", doc.dump(), "hsds_missing_field",
                         {"service 40000000-0000-4000-8000-000000000002", "organizations[0].services[1]", "'name'"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["locations"][0]["addresses"][0].erase("city");
        cases.push_back({"missing_city.json", doc.dump(), "hsds_missing_field",
                         {"address 31000000-0000-4000-8000-000000000001", "'city'"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["services"][0]["minimum_age"] = "twelve";
        cases.push_back({"wrong_type.json", doc.dump(), "hsds_wrong_type", {kLegal, "'minimum_age'", "integer"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["locations"][0]["latitude"] = "56.95";
        cases.push_back({"wrong_type_latitude.json", doc.dump(), "hsds_wrong_type",
                         {"location 30000000-0000-4000-8000-000000000001", "'latitude'"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["services"][0]["status"] = "open";
        cases.push_back({"bad_status.json", doc.dump(), "hsds_invalid_value", {kLegal, "'status'", "'open'"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["services"][0]["service_at_locations"][0]["location_id"] = "99999999-0000-4000-8000-000000000009";
        cases.push_back({"dangling_location.json", doc.dump(), "hsds_dangling_reference",
                         {"service_at_location 41000000-0000-4000-8000-000000000001", "'location_id'",
                          "99999999-0000-4000-8000-000000000009"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["services"][0]["x_booking_form_id"] = "99999999-0000-4000-8000-000000000008";
        cases.push_back({"dangling_form.json", doc.dump(), "hsds_dangling_reference", {kLegal, "'x_booking_form_id'"}});
    }
    {
        json doc = Doc();
        doc["x_course_series"][0]["service_id"] = "99999999-0000-4000-8000-000000000007";
        cases.push_back({"dangling_series.json", doc.dump(), "hsds_dangling_reference",
                         {"course_series 60000000-0000-4000-8000-000000000001", "'service_id'"}});
    }
    {
        json doc = Doc();
        doc["x_booking_forms"][0]["fields"][0]["lable"] = "Name";
        cases.push_back({"unknown_member.json", doc.dump(), "hsds_unknown_member", {"booking_form_field", "'lable'"}});
    }
    {
        json doc = Doc();
        doc["organizations"][0]["x_translations"]["name"]["lv"] = 5;
        cases.push_back({"translation_type.json", doc.dump(), "hsds_wrong_type",
                         {"organization 20000000-0000-4000-8000-000000000001", "x_translations.name.lv"}});
    }
    {
        // Fails only while writing (the recurrence is expanded inside the transaction): every
        // row written before it must roll back.
        json doc = Doc();
        doc["organizations"][0]["services"][0]["x_translations"]["name"]["lv"] = "Jauns nosaukums";
        doc["x_course_series"][0]["rrule"] = "FREQ=SOMETIMES;COUNT=3";
        cases.push_back({"bad_rrule.json", doc.dump(), "", {"course_series 60000000-0000-4000-8000-000000000001"}});
    }
    return cases;
}

}  // namespace

TEST_CASE("hsds import: a malformed file names file, record and field and changes nothing", "[hsds]") {
    content::Db db = ImportFreshDb("malformed.db");
    REQUIRE(content::ImportHsdsPath(db, kImportData + "/kiosk_small.json", LangOptions()).ok());
    const json before = DumpImported(db);
    REQUIRE(before["course_session"].size() == 8);

    for (const BadCase& bad : BadCases()) {
        SECTION(bad.name) {
            std::string path = WriteTemp(bad.name, bad.text);
            auto result = content::ImportHsdsPath(db, path, LangOptions());
            REQUIRE_FALSE(result.ok());
            INFO(result.error().ToString());
            if (!bad.code.empty()) CHECK(result.error().code == bad.code);
            CHECK(result.error().message.find(bad.name) != std::string::npos);
            for (const std::string& mention : bad.mentions) CHECK(result.error().message.find(mention) != std::string::npos);
            CHECK(DumpImported(db) == before);
        }
    }
}

TEST_CASE("hsds import: malformed CSV names the file, row and column and changes nothing", "[hsds]") {
    content::Db db = ImportFreshDb("malformed_csv.db");
    REQUIRE(content::ImportHsdsPath(db, kImportData + "/kiosk_small.json", LangOptions()).ok());
    const json before = DumpImported(db);
    fs::path folder = fs::path(ImportTempPath("bad_csv"));
    fs::remove_all(folder);
    fs::copy(kImportData + "/tabular_lv", folder);

    SECTION("a number column that is not a number") {
        std::string services = ReadText((folder / "services.csv").string());
        std::string good = ",18,";
        REQUIRE(services.find(good) != std::string::npos);
        services.replace(services.find(good), good.size(), ",eighteen,");
        WriteTemp("bad_csv/services.csv", services);
        auto result = content::ImportHsdsPath(db, folder.string(), LangOptions("lv"));
        REQUIRE_FALSE(result.ok());
        INFO(result.error().ToString());
        CHECK(result.error().code == "hsds_wrong_type");
        CHECK(result.error().message.find("services.csv row 2") != std::string::npos);
        CHECK(result.error().message.find("'minimum_age'") != std::string::npos);
    }
    SECTION("an unterminated quote") {
        std::ofstream(folder / "phones.csv", std::ios::app) << "p1,\"unterminated\n";
        auto result = content::ImportHsdsPath(db, folder.string(), LangOptions("lv"));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "hsds_parse_error");
        CHECK(result.error().message.find("phones.csv") != std::string::npos);
    }
    SECTION("a resource datapackage.json lists but the folder lacks") {
        fs::remove(folder / "addresses.csv");
        auto result = content::ImportHsdsPath(db, folder.string(), LangOptions("lv"));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "hsds_io_error");
        CHECK(result.error().message.find("addresses.csv") != std::string::npos);
    }
    CHECK(DumpImported(db) == before);
}
