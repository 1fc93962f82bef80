// The conflicts screen (ui/staff_conflicts.cpp), driven by taps: conflicts made the way the hub
// makes them (content::MergeStaffEdit of a stale edit after someone else's edit of the same
// fields), shown with before / this edit / on the hub now in words, this device's first, and
// each resolved field by field with "keep this edit", "keep the hub's" and a typed value.
// Afterwards the content holds the chosen value, the conflict is resolved, and each decision
// queued exactly one conflict_resolution op with the right payload. A second tap on the same
// spot decides nothing more; a typed value that is not valid is refused in the staff member's
// language and queues nothing.
#include <catch2/catch_test_macros.hpp>

#include "content/queries.h"
#include "content/staff_edit.h"
#include "tests/ui/staff_probe.h"
#include "tests/ui/staff_test_support.h"

namespace {

const char* kConflictLawyer = "a806739d-5c30-456e-9ea9-75d6268af22f";  // "Konsultācija ar juristu" in the demo

int64_t VersionOf(content::Db& db, const std::string& id) {
    auto v = db.QueryInt("SELECT version FROM service WHERE id = '" + std::string(id) + "'");
    REQUIRE(v.ok());
    return *v;
}

std::string ColumnOf(content::Db& db, const std::string& column) {
    auto stmt = db.Prepare("SELECT coalesce(\"" + column + "\", '<null>') FROM service WHERE id = ?1");
    REQUIRE(stmt.ok());
    stmt->Bind(1, std::string(kConflictLawyer));
    REQUIRE(*stmt->Step());
    return stmt->Text(0);
}

void HubMerge(content::Db& db, const content::StaffEdit& edit, content::MergeOutcome expected, int64_t at) {
    auto tx = content::Transaction::Begin(db);
    REQUIRE(tx.ok());
    auto result = content::MergeStaffEdit(db, edit, at);
    REQUIRE(result.ok());
    INFO(result->reason << " " << result->message);
    REQUIRE(result->outcome == expected);
    REQUIRE(tx->Commit().ok());
}

content::StaffEdit Edit(const std::string& staff_id, const std::string& device, int64_t base_version,
                        std::vector<content::FieldChange> changes) {
    content::StaffEdit edit;
    edit.edit_id = content::NewUuid();
    edit.staff_id = staff_id;
    edit.device = device;
    edit.table = "service";
    edit.record_id = kConflictLawyer;
    edit.action = content::EditAction::Update;
    edit.base_version = base_version;
    edit.changes = std::move(changes);
    edit.made_at = uitest::kNowUtc - 7200;
    return edit;
}

// Three conflicts on the lawyer's service, as the hub keeps them and a pull brings them:
// someone at the hub changed the web address, the e-mail and the Latvian name; then edits made
// earlier, based on the old version, arrived: from "lobby-2" (e-mail), then two from this kiosk
// (web address; Latvian name). Each arrival time is the conflict's created_at.
struct ConflictFixture {
    uitest::DemoDb demo;
    std::string staff_id = stafftest::AddStaff(demo.db, "Anna", "2468");
    ConflictFixture() {
        const int64_t base = VersionOf(demo.db, kConflictLawyer);
        HubMerge(demo.db,
                 Edit(staff_id, "hub", base,
                      {{"url", nullptr, "https://hub.example.lv/jurists"},
                       {"email", nullptr, "hub@example.lv"},
                       {"text:name:lv", "Konsultācija ar juristu", "Jurista konsultācija"}}),
                 content::MergeOutcome::Applied, uitest::kNowUtc - 4000);
        HubMerge(demo.db, Edit(staff_id, "lobby-2", base, {{"email", nullptr, "lobby@example.lv"}}),
                 content::MergeOutcome::Conflict, uitest::kNowUtc - 3000);
        HubMerge(demo.db, Edit(staff_id, "test-kiosk", base, {{"url", nullptr, "https://kiosks.example.lv/jurists"}}),
                 content::MergeOutcome::Conflict, uitest::kNowUtc - 2000);
        HubMerge(demo.db,
                 Edit(staff_id, "test-kiosk", base,
                      {{"text:name:lv", "Konsultācija ar juristu", "Juridiskā konsultācija"}}),
                 content::MergeOutcome::Conflict, uitest::kNowUtc - 1000);
        auto open = content::ListConflicts(demo.db, true);
        REQUIRE(open.ok());
        REQUIRE(open->size() == 3);
        REQUIRE(staffprobe::OutboxCount(demo.db) == 0);  // the hub's merge queues nothing
    }
    std::string ConflictId(const std::string& field) {
        auto all = content::ListConflicts(demo.db, false);
        REQUIRE(all.ok());
        for (const content::StaffConflict& c : *all) {
            if (c.field == field) return c.id;
        }
        FAIL("no conflict on " << field);
        return {};
    }
    content::StaffConflict Conflict(const std::string& field) {
        auto all = content::ListConflicts(demo.db, false);
        REQUIRE(all.ok());
        for (const content::StaffConflict& c : *all) {
            if (c.field == field) return c;
        }
        FAIL("no conflict on " << field);
        return {};
    }
};

void OpenConflicts(uitest::HeadlessUi& h) {
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.ui().ScreenName() == "staff_home");
    CHECK(h.Shows("Konflikti"));
    REQUIRE(h.Tap("Konflikti"));
    REQUIRE(h.ui().ScreenName() == "staff_conflicts");
}

// The newest conflict_resolution op, checked against what the screen was asked to do.
content::ConflictResolution LastResolution(content::Db& db, size_t expected_count) {
    std::vector<staffprobe::OutboxRow> ops = staffprobe::Outbox(db, "conflict_resolution");
    REQUIRE(ops.size() == expected_count);
    auto decoded = content::DecodeConflictResolution(ops.back().payload);
    INFO(ops.back().payload.dump());
    REQUIRE(decoded.ok());
    CHECK(ops.back().op_id == decoded->resolution_id);
    CHECK(ops.back().ref_id == decoded->conflict_id);
    return *decoded;
}

}  // namespace

TEST_CASE("conflicts screen: values in words, keep mine, keep theirs, type a value; one op each, never twice",
          "[ui][staff][conflicts]") {
    ConflictFixture f;
    const std::string url_id = f.ConflictId("url"), name_id = f.ConflictId("text:name:lv"),
                      email_id = f.ConflictId("email");
    ui::UiConfig config = stafftest::StaffConfig();
    uitest::HeadlessUi h(f.demo.db, config);
    OpenConflicts(h);

    // Every conflict in words: which record and field, where it was edited, and the three values.
    // This kiosk's two come before lobby-2's.
    const std::string words = staffprobe::Words(h);
    INFO(words);
    CHECK(words.find("Izšķirami konflikti") == 0);
    const size_t url_at = words.find("Pakalpojumi: Jurista konsultācija — Tīmekļa adrese. Labots šajā ierīcē");
    const size_t name_at = words.find("Pakalpojumi: Jurista konsultācija — Nosaukums (LV). Labots šajā ierīcē");
    const size_t email_at = words.find("Pakalpojumi: Jurista konsultācija — E-pasts. Labots ierīcē lobby-2");
    REQUIRE(url_at != std::string::npos);
    REQUIRE(name_at != std::string::npos);
    REQUIRE(email_at != std::string::npos);
    CHECK(url_at < name_at);  // oldest first
    CHECK(email_at > name_at);  // another device's after this one's, though it is older
    CHECK(words.find("Iepriekš: (nav). Šis labojums: https://kiosks.example.lv/jurists. Tagad serverī: "
                     "https://hub.example.lv/jurists.") != std::string::npos);
    CHECK(words.find("Iepriekš: Konsultācija ar juristu. Šis labojums: Juridiskā konsultācija. Tagad serverī: "
                     "Jurista konsultācija.") != std::string::npos);
    CHECK(words.find("Iepriekš: (nav). Šis labojums: lobby@example.lv. Tagad serverī: hub@example.lv.") !=
          std::string::npos);
    // A set of choices per conflict (the third card starts below the fold).
    size_t choices = 0;
    for (const std::string& label : h.Labels()) choices += label == "Ierakstīt jaunu vērtību";
    CHECK(choices >= 2);

    // The first card is this kiosk's web address: keep this edit.
    const ui::WidgetRect* mine = h.Find("Paturēt šo labojumu");
    REQUIRE(mine != nullptr);
    const float mx = mine->x + mine->w / 2, my = mine->y + mine->h / 2;
    staffprobe::TapAt(h, mx, my);
    CHECK(ColumnOf(f.demo.db, "url") == "https://kiosks.example.lv/jurists");
    CHECK(f.Conflict("url").status == "resolved");
    CHECK(f.Conflict("url").resolution == "mine");
    {
        content::ConflictResolution r = LastResolution(f.demo.db, 1);
        CHECK(r.conflict_id == url_id);
        CHECK(r.choice == content::ResolutionChoice::Mine);
        CHECK(r.value == "https://kiosks.example.lv/jurists");
        CHECK(r.staff_id == f.staff_id);
        CHECK(r.device == "test-kiosk");
        CHECK(r.made_at >= uitest::kNowUtc);
    }
    CHECK(staffprobe::Words(h).find("Izšķirts. Tiks nosūtīts serverim nākamajā sinhronizācijā.") != std::string::npos);

    // A second tap on the same spot right away: the next card moved up under the finger, and it
    // is not decided by a tap meant for the first.
    staffprobe::TapAt(h, mx, my);
    CHECK(staffprobe::OutboxCount(f.demo.db) == 1);
    CHECK(f.Conflict("text:name:lv").status == "open");
    auto open = content::ListConflicts(f.demo.db, true);
    REQUIRE(open.ok());
    CHECK(open->size() == 2);

    // The Latvian name: keep the hub's. Nothing changes in the content; the conflict closes.
    h.now += 1.0;
    REQUIRE(h.Tap("Paturēt servera vērtību"));
    CHECK(f.Conflict("text:name:lv").status == "resolved");
    CHECK(f.Conflict("text:name:lv").resolution == "theirs");
    auto lv = content::GetService(f.demo.db, kConflictLawyer, "lv");
    REQUIRE(lv.ok());
    CHECK(lv->name.text == "Jurista konsultācija");
    {
        content::ConflictResolution r = LastResolution(f.demo.db, 2);
        CHECK(r.conflict_id == name_id);
        CHECK(r.choice == content::ResolutionChoice::Theirs);
        CHECK(r.value == "Jurista konsultācija");
    }

    // The e-mail from lobby-2: a new value, typed. A bad address is refused in Latvian, next to
    // the field, and nothing is queued or decided.
    h.now += 1.0;
    REQUIRE(h.Tap("Ierakstīt jaunu vērtību"));
    REQUIRE(h.Shows("E-pasts"));
    const ui::WidgetRect* box = h.Find("E-pasts");
    REQUIRE(box != nullptr);
    CHECK(box->field);
    CHECK(box->value == "lobby@example.lv");  // starts from this edit's value
    // The keyboard panel's first frame has no scroll bar yet; let its layout settle.
    h.now += 0.05;
    h.Frame(h.now);
    REQUIRE(h.Tap("Notīrīt"));
    CHECK(h.Find("E-pasts")->value.empty());
    for (const char* key : {"j", "u", "r", "i", "s", "t", "s"}) REQUIRE(h.Tap(key));
    REQUIRE(h.Tap("Saglabāt šo vērtību"));
    CHECK(staffprobe::OutboxCount(f.demo.db) == 2);
    CHECK(f.Conflict("email").status == "open");
    CHECK(staffprobe::Staff(h).conflicts_notice_error);
    CHECK(staffprobe::Staff(h).conflicts_notice.find("Ievadiet") != std::string::npos);  // the Latvian message
    // Now a good one.
    for (const char* key : {"@", "c", "e", "n", "t", "r", "s", ".", "l", "v"}) REQUIRE(h.Tap(key));
    CHECK(h.Find("E-pasts")->value == "jurists@centrs.lv");
    REQUIRE(h.Tap("Saglabāt šo vērtību"));
    CHECK(ColumnOf(f.demo.db, "email") == "jurists@centrs.lv");
    CHECK(f.Conflict("email").status == "resolved");
    CHECK(f.Conflict("email").resolution == "edit");
    {
        content::ConflictResolution r = LastResolution(f.demo.db, 3);
        CHECK(r.conflict_id == email_id);
        CHECK(r.choice == content::ResolutionChoice::Edit);
        CHECK(r.value == "jurists@centrs.lv");
    }
    CHECK(staffprobe::OutboxCount(f.demo.db) == 3);  // nothing but the three decisions

    // Nothing is left to decide, and tapping where the buttons were decides nothing.
    h.Frame(h.now + 0.1);
    CHECK(staffprobe::Words(h).find("Atvērtu konfliktu nav.") != std::string::npos);
    CHECK_FALSE(h.Shows("Paturēt šo labojumu"));
    h.now += 1.0;
    staffprobe::TapAt(h, mx, my);
    CHECK(staffprobe::OutboxCount(f.demo.db) == 3);
    // The visitor sees the chosen values.
    auto service = content::GetService(f.demo.db, kConflictLawyer, "lv");
    REQUIRE(service.ok());
    CHECK(service->name.text == "Jurista konsultācija");
}

TEST_CASE("conflicts screen: a conflict already resolved elsewhere is refused, not decided twice",
          "[ui][staff][conflicts]") {
    ConflictFixture f;
    ui::UiConfig config = stafftest::StaffConfig();
    uitest::HeadlessUi h(f.demo.db, config);
    OpenConflicts(h);
    // While the screen is open, the hub's answer resolves the first card's conflict (as a pull
    // would write it); the screen still shows the card from its list.
    const std::string url_id = f.ConflictId("url");
    {
        auto tx = content::Transaction::Begin(f.demo.db);
        REQUIRE(tx.ok());
        content::ConflictResolution r;
        r.resolution_id = content::NewUuid();
        r.conflict_id = url_id;
        r.staff_id = f.staff_id;
        r.device = "lobby-2";
        r.choice = content::ResolutionChoice::Theirs;
        auto applied = content::ApplyConflictResolution(f.demo.db, r, uitest::kNowUtc);
        REQUIRE(applied.ok());
        REQUIRE(applied->outcome == content::MergeOutcome::Applied);
        REQUIRE(tx->Commit().ok());
    }
    REQUIRE(h.Tap("Paturēt šo labojumu"));
    // Refused with the reason on screen; the hub's value stands; nothing queued.
    CHECK(staffprobe::Staff(h).conflicts_notice_error);
    CHECK(staffprobe::Staff(h).conflicts_notice.find("Lēmumu neizdevās saglabāt") == 0);
    CHECK(ColumnOf(f.demo.db, "url") == "https://hub.example.lv/jurists");
    CHECK(staffprobe::OutboxCount(f.demo.db) == 0);
    CHECK(f.Conflict("url").resolution == "theirs");
}
