// The staff editor: what an edit carries (only changed fields, before = as read, emptied = null),
// translations side by side with "missing" / "outdated" / "source" in words, typing with the
// on-screen keyboard, validation that keeps a bad value out of the outbox, and a save that
// visitors see at once and that queues exactly one staff_edit. Choices and flags are tapped,
// links to other records picked by name from a searchable list; the record list's search.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "content/queries.h"
#include "content/search.h"
#include "tests/ui/staff_test_support.h"
#include "ui/staff_field_pickers.h"
#include "ui/staff_session.h"

namespace {

const char* kLawyer = "a806739d-5c30-456e-9ea9-75d6268af22f";  // "Konsultācija ar juristu" in the demo

int64_t Outbox(content::Db& db, const std::string& kind) {
    auto n = db.QueryInt("SELECT count(*) FROM outbox WHERE kind = '" + kind + "'");
    REQUIRE(n.ok());
    return *n;
}

void TapKeys(uitest::HeadlessUi& h, const std::vector<std::string>& keys) {
    for (const std::string& k : keys) {
        INFO(k);
        REQUIRE(h.Tap(k));
    }
}

}  // namespace

TEST_CASE("editor state: only changed fields are sent, with the value as read as `before`", "[ui][staff]") {
    uitest::DemoDb demo;
    auto record = content::ReadEditableRecord(demo.db, "service", kLawyer, {"lv", "en", "ru"});
    REQUIRE(record.ok());
    ui::EditorState ed = ui::MakeEditor(*record);
    CHECK_FALSE(ui::EditorDirty(ed));
    REQUIRE(ed.values.count("text:name:lv"));
    CHECK(ed.values["text:name:lv"] == "Konsultācija ar juristu");
    // Texts come first in Tab order, then the columns.
    REQUIRE_FALSE(ed.order.empty());
    CHECK(content::ParseTextField(ed.order.front()).has_value());
    CHECK_FALSE(content::ParseTextField(ed.order.back()).has_value());

    ed.values["text:name:lv"] = "Juridiskā konsultācija";
    ed.values["text:alert:lv"] = "";  // was absent, stays absent: no change
    const std::string description_ru = ed.values["text:description:ru"];
    ed.values["text:description:ru"] = "";  // emptied: the translation goes
    CHECK(ui::EditorDirty(ed));
    content::StaffEdit edit = ui::BuildStaffEdit(ed, "staff-1", "test-kiosk", uitest::kNowUtc);
    CHECK(edit.table == "service");
    CHECK(edit.record_id == kLawyer);
    CHECK(edit.action == content::EditAction::Update);
    CHECK(edit.base_version == record->version);
    CHECK(edit.device == "test-kiosk");
    REQUIRE(edit.changes.size() == 2);
    CHECK(edit.changes[0].field == "text:name:lv");
    CHECK(edit.changes[0].before == "Konsultācija ar juristu");
    CHECK(edit.changes[0].after == "Juridiskā konsultācija");
    CHECK(edit.changes[1].field == "text:description:ru");
    CHECK(edit.changes[1].before == description_ru);
    CHECK(edit.changes[1].after.is_null());

    // A new session: only the filled columns, as a create.
    ui::EditorState create = ui::MakeCreateEditor("course_session", {{"series_id", "s-1"}, {"status", "scheduled"}});
    CHECK(create.creating);
    content::StaffEdit made = ui::BuildStaffEdit(create, "staff-1", "test-kiosk", uitest::kNowUtc);
    CHECK(made.action == content::EditAction::Create);
    CHECK(made.base_version == 0);
    REQUIRE(made.changes.size() == 2);
}

TEST_CASE("editor on screen: markers in words, typing, validation, save, outdated translations, the visitor sees it",
          "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    ui::UiConfig config = stafftest::StaffConfig();
    config.languages = {"lv", "en", "ru", "uk"};
    uitest::HeadlessUi h(demo.db, config);
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Pakalpojumi"));
    REQUIRE(h.ui().ScreenName() == "staff_list");
    REQUIRE(h.ScrollToAndTap("Konsultācija ar juristu", ImVec2(960, 700)));
    REQUIRE(h.ui().ScreenName() == "staff_editor");

    // Every language side by side, each with its state in words: English is the source, the
    // description has no Ukrainian text yet.
    CHECK(h.Shows("EN · avots"));
    CHECK(h.Shows("Nosaukums (LV)"));
    CHECK(h.Shows("Nosaukums (UK)"));
    CHECK_FALSE(h.Shows("LV · novecojis"));

    // The Latvian name, typed on the on-screen keyboard (Latvian layout with ā).
    REQUIRE(h.Tap("Nosaukums (LV)"));
    TapKeys(h, {"Notīrīt", "Lielie burti", "J", "u", "r", "i", "d", "i", "s", "k", "ā", "Atstarpe", "k", "o", "n", "s",
                "u", "l", "t", "ā", "c", "i", "j", "a"});
    CHECK(h.Shows("Juridiskā konsultācija"));
    // The English description (the Ukrainian one is missing): the keyboard follows the field's
    // language.
    REQUIRE(h.ScrollToAndTap("UK · trūkst", ImVec2(500, 700)));
    REQUIRE(h.Tap("Apraksts (EN)"));
    TapKeys(h, {"Atstarpe", "f", "r", "e", "e", "."});
    REQUIRE(h.Tap("Saglabāt"));
    REQUIRE(Outbox(demo.db, "staff_edit") == 1);
    auto payload = demo.db.Prepare("SELECT payload FROM outbox WHERE kind = 'staff_edit'");
    REQUIRE(payload.ok());
    REQUIRE(*payload->Step());
    nlohmann::json edit = nlohmann::json::parse(payload->Text(0));
    CHECK(edit["device"] == "test-kiosk");
    REQUIRE(edit["changes"].size() == 2);
    CHECK(edit["changes"][0]["after"] == "Juridiskā konsultācija");
    CHECK(edit["changes"][1]["field"] == "text:description:en");
    CHECK(edit["changes"][1]["after"].get<std::string>().size() > 10);

    // The English description changed, so the other languages' descriptions are now outdated.
    h.Frame(h.now + 0.1);
    CHECK(h.Shows("LV · novecojis"));
    CHECK(h.Shows("RU · novecojis"));
    CHECK(h.Shows("UK · trūkst"));

    // A bad e-mail address is refused, next to the field, and nothing more is queued.
    REQUIRE(h.ScrollToAndTap("E-pasts", ImVec2(500, 700)));
    TapKeys(h, {"x", "y"});
    REQUIRE(h.Tap("Saglabāt"));
    CHECK(Outbox(demo.db, "staff_edit") == 1);
    CHECK(h.ui().ScreenName() == "staff_editor");

    // Visitors see the new name at once.
    auto service = content::GetService(demo.db, kLawyer, "lv");
    REQUIRE(service.ok());
    CHECK(service->name.text == "Juridiskā konsultācija");
    REQUIRE(h.Tap("Iziet no darbinieku režīma"));
    CHECK(h.ui().ScreenName() == "attract");
}

namespace {

const char* kIntegrationCentre = "a5124d4a-915c-4be4-97de-587189968e33";  // the lawyer's provider
const char* kRevenueService = "59ac6bf2-c624-45b1-b0b2-ac4338781a16";     // "Valsts ieņēmumu dienests"

// Into staff mode and onto the lawyer consultation's editor, in Latvian.
void OpenLawyer(uitest::HeadlessUi& h) {
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Pakalpojumi"));
    REQUIRE(h.ScrollToAndTap("Konsultācija ar juristu", ImVec2(960, 700)));
    REQUIRE(h.ui().ScreenName() == "staff_editor");
}

// The staff edits queued so far, oldest first.
std::vector<nlohmann::json> QueuedEdits(content::Db& db) {
    auto stmt = db.Prepare("SELECT payload FROM outbox WHERE kind = 'staff_edit' ORDER BY rowid");
    REQUIRE(stmt.ok());
    std::vector<nlohmann::json> edits;
    while (*stmt->Step()) edits.push_back(nlohmann::json::parse(stmt->Text(0)));
    return edits;
}

std::string ServiceColumn(content::Db& db, const std::string& column) {
    auto stmt = db.Prepare("SELECT coalesce(CAST(" + column + " AS TEXT), '<null>') FROM service WHERE id = ?1");
    REQUIRE(stmt.ok());
    stmt->Bind(1, std::string(kLawyer));
    REQUIRE(*stmt->Step());
    return stmt->Text(0);
}

// How many of `names` are on screen as touchable widgets.
int ShownOf(const uitest::HeadlessUi& h, const std::vector<std::string>& names) {
    int n = 0;
    for (const std::string& label : h.Labels()) n += std::count(names.begin(), names.end(), label) > 0 ? 1 : 0;
    return n;
}

std::vector<std::string> NamesOf(content::Db& db, const std::string& table) {
    auto records = content::ListEditableRecords(db, table, "lv", {"lv", "en", "ru"});
    REQUIRE(records.ok());
    std::vector<std::string> names;
    for (const auto& r : *records) names.push_back(r.name);
    return names;
}

bool LooksLikeUuid(const std::string& s) {
    static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    return std::regex_search(s, uuid);
}

}  // namespace

TEST_CASE("name filter: every word, case and diacritics folded, in the list's order", "[ui][staff]") {
    std::vector<content::EditableSummary> records(5);
    records[0].name = "Konsultācija ar juristu";
    records[1].name = "Valsts ieņēmumu dienests";
    records[2].name = "Latviešu valodas kursi";
    records[3].name = "Юридическая консультация";
    records[4].name = "Ёлочный базар";
    CHECK(ui::MatchingRecords(records, "").size() == 5);
    CHECK(ui::MatchingRecords(records, "   ").size() == 5);
    CHECK(ui::MatchingRecords(records, "konsultacija") == std::vector<size_t>{0});
    CHECK(ui::MatchingRecords(records, "IEŅĒMUMU") == std::vector<size_t>{1});
    CHECK(ui::MatchingRecords(records, "ienemumu") == std::vector<size_t>{1});
    CHECK(ui::MatchingRecords(records, "jur kons") == std::vector<size_t>{0});  // words in any order
    CHECK(ui::MatchingRecords(records, "kons") == std::vector<size_t>{0});  // Latin letters only
    CHECK(ui::MatchingRecords(records, "консульт") == std::vector<size_t>{3});
    CHECK(ui::MatchingRecords(records, "елоч") == std::vector<size_t>{4});        // ё as е
    CHECK(ui::MatchingRecords(records, "kons xyz").empty());                    // every word must match
    CHECK(ui::MatchingRecords(records, "a") == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("editor: a choice is tapped, not typed, and saves exactly that column change", "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    OpenLawyer(h);
    REQUIRE(ServiceColumn(demo.db, "status") == "active");

    // The status is a row of buttons in Latvian words, not a text box holding "active".
    REQUIRE(h.ScrollToAndTap("Uz laiku slēgts", ImVec2(500, 700)));
    CHECK(h.Shows("Darbojas"));
    CHECK(h.Shows("Vairs nepastāv"));
    CHECK_FALSE(h.Shows("active"));
    CHECK_FALSE(h.Shows("temporarily closed"));
    REQUIRE(h.Tap("Saglabāt"));
    auto edits = QueuedEdits(demo.db);
    REQUIRE(edits.size() == 1);
    REQUIRE(edits[0]["changes"].size() == 1);
    CHECK(edits[0]["changes"][0]["field"] == "status");
    CHECK(edits[0]["changes"][0]["before"] == "active");
    CHECK(edits[0]["changes"][0]["after"] == "temporarily closed");
    CHECK(ServiceColumn(demo.db, "status") == "temporarily closed");

    // The flag is a yes/no pair: the opposite of what it is now, saved as 1/0.
    const std::string is_free = ServiceColumn(demo.db, "is_free");
    const bool to_yes = is_free != "1";
    REQUIRE(h.ScrollToAndTap(to_yes ? "Jā" : "Nē", ImVec2(500, 700)));
    REQUIRE(h.Tap("Saglabāt"));
    edits = QueuedEdits(demo.db);
    REQUIRE(edits.size() == 2);
    REQUIRE(edits[1]["changes"].size() == 1);
    CHECK(edits[1]["changes"][0]["field"] == "is_free");
    CHECK(edits[1]["changes"][0]["after"] == (to_yes ? "1" : "0"));
    CHECK(ServiceColumn(demo.db, "is_free") == (to_yes ? "1" : "0"));
    // The status stays as saved: the second edit carried only the flag.
    CHECK(ServiceColumn(demo.db, "status") == "temporarily closed");
}

TEST_CASE("editor: a link to another record is picked by name from a searchable list", "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    OpenLawyer(h);
    REQUIRE(ServiceColumn(demo.db, "organization_id") == kIntegrationCentre);
    const std::vector<std::string> organizations = NamesOf(demo.db, "organization");
    REQUIRE(organizations.size() == 20);

    // Closed, the picker shows the provider's name; no widget anywhere shows an id.
    REQUIRE(h.ScrollToAndTap("Organizācija", ImVec2(500, 700)));
    h.Frame(h.now + 0.05);  // the opened list scrolls into view (applied the frame after)
    h.now += 0.05;
    for (const std::string& label : h.Labels()) {
        INFO(label);
        CHECK_FALSE(LooksLikeUuid(label));
    }
    // Open: a search box and the first rows of the list, the current provider among them.
    CHECK(h.Shows("Meklēt: Organizācija"));
    CHECK(h.Shows("Nacionālais integrācijas centrs"));
    CHECK(ShownOf(h, organizations) == 6);  // the first rows; typing narrows
    for (const std::string& label : h.Labels()) CHECK_FALSE(LooksLikeUuid(label));

    // Typing narrows the list, without diacritics: "ienemumu" finds "ieņēmumu".
    TapKeys(h, {"i", "e", "n", "e", "m", "u", "m", "u"});
    CHECK(ShownOf(h, organizations) == 1);
    CHECK(h.Shows("Valsts ieņēmumu dienests"));
    CHECK_FALSE(h.Shows("Nacionālais integrācijas centrs"));
    // Nothing matches: said in words, no rows.
    TapKeys(h, {"x"});
    CHECK(ShownOf(h, organizations) == 0);
    TapKeys(h, {"Dzēst"});
    REQUIRE(h.Tap("Valsts ieņēmumu dienests"));

    // Picked: the list closes and the new provider shows by name.
    CHECK_FALSE(h.Shows("Meklēt: Organizācija"));
    CHECK(h.Shows("Valsts ieņēmumu dienests"));
    CHECK(h.Shows("Organizācija"));
    CHECK(ServiceColumn(demo.db, "organization_id") == kIntegrationCentre);  // not saved yet
    REQUIRE(h.Tap("Saglabāt"));
    auto edits = QueuedEdits(demo.db);
    REQUIRE(edits.size() == 1);
    REQUIRE(edits[0]["changes"].size() == 1);
    CHECK(edits[0]["changes"][0]["field"] == "organization_id");
    CHECK(edits[0]["changes"][0]["before"] == kIntegrationCentre);
    CHECK(edits[0]["changes"][0]["after"] == kRevenueService);
    CHECK(ServiceColumn(demo.db, "organization_id") == kRevenueService);

    // "Close the list" leaves the value as it was.
    REQUIRE(h.Tap("Organizācija"));
    h.Frame(h.now + 0.05);
    h.now += 0.05;
    REQUIRE(h.Shows("Meklēt: Organizācija"));
    REQUIRE(h.Tap("Aizvērt sarakstu"));
    CHECK_FALSE(h.Shows("Meklēt: Organizācija"));
    CHECK(h.Shows("Valsts ieņēmumu dienests"));
    REQUIRE(h.Tap("Saglabāt"));
    CHECK(QueuedEdits(demo.db).size() == 1);  // nothing changed, nothing queued
}

TEST_CASE("record list: the search narrows the list as one types, clearing brings it back", "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Pakalpojumi"));
    REQUIRE(h.ui().ScreenName() == "staff_list");
    const std::vector<std::string> services = NamesOf(demo.db, "service");
    REQUIRE(services.size() > 40);
    const int before = ShownOf(h, services);
    REQUIRE(before >= 5);
    REQUIRE(h.Shows(services.front()));
    REQUIRE(h.Shows("Meklēt pēc nosaukuma"));

    // On-screen keyboard: tap the box, type "jurist".
    REQUIRE(h.Tap("Meklēt pēc nosaukuma"));
    TapKeys(h, {"j", "u", "r", "i", "s", "t"});
    int expected = 0;
    for (const std::string& name : services) expected += content::FoldForSearch(name).find("jurist") != std::string::npos;
    REQUIRE(expected >= 1);
    CHECK(ShownOf(h, services) == expected);
    CHECK(expected < before);
    CHECK(h.Shows("Konsultācija ar juristu"));
    if (content::FoldForSearch(services.front()).find("jurist") == std::string::npos) {
        CHECK_FALSE(h.Shows(services.front()));
    }

    // Clearing brings every row back.
    REQUIRE(h.Tap("Notīrīt meklēšanu"));
    CHECK(ShownOf(h, services) == before);
    CHECK(h.Shows(services.front()));

    // A hardware keyboard types into the search at once, diacritics folded.
    REQUIRE(h.Tap("Paslēpt tastatūru"));
    ImGui::GetIO().AddInputCharactersUTF8("KONSULTACIJA AR");
    h.Frame(h.now + 0.1);
    h.Frame(h.now + 0.2);
    CHECK(h.Shows("Konsultācija ar juristu"));
    CHECK(ShownOf(h, services) < before);

    // The search stays when a record is opened and closed again.
    REQUIRE(h.Tap("Konsultācija ar juristu"));
    REQUIRE(h.ui().ScreenName() == "staff_editor");
    REQUIRE(h.Tap("Atpakaļ"));
    REQUIRE(h.ui().ScreenName() == "staff_list");
    CHECK(ShownOf(h, services) < before);
    CHECK(h.Shows("Konsultācija ar juristu"));
}
