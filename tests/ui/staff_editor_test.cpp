// The staff editor: what an edit carries (only changed fields, before = as read, emptied = null),
// translations side by side with "missing" / "outdated" / "source" in words, typing with the
// on-screen keyboard, validation that keeps a bad value out of the outbox, and a save that
// visitors see at once and that queues exactly one staff_edit.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "content/queries.h"
#include "tests/ui/staff_test_support.h"
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
