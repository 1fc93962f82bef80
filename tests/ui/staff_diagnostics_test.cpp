// The diagnostics screen (ui/staff_diagnostics.cpp) with the program's hooks played by the test:
// the sync state in words (last success, last error, next attempt, outbox depth), the content's
// sequence and date, firmware, free disk, the hub's view of this kiosk with dates instead of raw
// numbers; "Sync now" calls the hook once per tap; the bundle path typed and handed to the import
// hook as typed, its outcome (the sequence range, or the error) at the top. Without hooks the
// screen says sync and import are off. The real import (kiosk/staff_hooks.cpp) is tested in
// tests/kiosk/staff_hooks_test.cpp.
#include <catch2/catch_test_macros.hpp>

#include <regex>

#include "content/queries.h"
#include "tests/ui/staff_probe.h"
#include "tests/ui/staff_test_support.h"
#include "ui/localize.h"

namespace {

void OpenDiagnostics(uitest::HeadlessUi& h) {
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Diagnostika"));
    REQUIRE(h.ui().ScreenName() == "staff_diagnostics");
}

bool Says(uitest::HeadlessUi& h, const std::string& line) {
    return staffprobe::Words(h).find(line) != std::string::npos;
}

}  // namespace

TEST_CASE("diagnostics: the sync state, content, device and the hub's view in words; sync now calls the hook",
          "[ui][staff][diagnostics]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    REQUIRE(demo.db
                .Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('hub_seen_health', "
                      "'{\"last_seen_at\": 1795597200, \"content_seq\": 41, \"outbox_depth\": 2, \"firmware\": "
                      "\"2026.11.2\", \"received_at\": 1795597260, \"disk_note\": \"ok\"}')")
                .ok());
    ui::UiConfig config = stafftest::StaffConfig();
    config.staff.firmware_version = "2026.11.3";
    ui::StaffSyncState state;
    state.running = true;
    state.last_success_utc = uitest::kNowUtc - 1800;
    state.last_attempt_utc = uitest::kNowUtc - 60;
    state.next_attempt_utc = uitest::kNowUtc + 240;
    state.last_result = "error";
    state.last_error = "hub_unreachable: connection refused";
    state.content_seq = 41;
    state.outbox_depth = 3;
    int sync_calls = 0, sync_now_calls = 0;
    config.staff.sync_state = [&]() {
        ++sync_calls;
        return state;
    };
    config.staff.sync_now = [&]() { ++sync_now_calls; };
    uitest::HeadlessUi h(demo.db, config);
    OpenDiagnostics(h);
    CHECK(sync_calls > 0);

    INFO(staffprobe::Words(h));
    CHECK(Says(h, "Pēdējā veiksmīgā: " + ui::FormatDateTimeUtc(uitest::kNowUtc - 1800, "lv") + "."));
    CHECK(Says(h, "Pēdējā kļūda: hub_unreachable: connection refused."));
    CHECK(Says(h, "Nākamais mēģinājums: " + ui::FormatDateTimeUtc(uitest::kNowUtc + 240, "lv") + "."));
    CHECK(Says(h, "Gaida nosūtīšanu: 3."));
    CHECK(Says(h, "Ierīces nosaukums: test-kiosk."));
    CHECK(Says(h, "Programmatūras versija: 2026.11.3."));
    auto info = content::GetContentInfo(demo.db);
    REQUIRE(info.ok());
    CHECK(Says(h, "Satura kārtas numurs: " + std::to_string(info->content_seq) + "."));
    REQUIRE(info->updated_at > 0);
    CHECK(Says(h, "Informācija uz: " + ui::FormatDateTimeUtc(info->updated_at, "lv") + "."));
    // Free space in the reader's number format: a decimal comma in Latvian.
    CHECK(std::regex_search(staffprobe::Words(h), std::regex("Brīvā vieta diskā: [0-9]+(,[0-9])? (GB|MB)\\.")));
    // The hub's view: dates and labels, not raw keys and epoch seconds.
    CHECK(Says(h, "Serveris pēdējo reizi sazinājās ar šo kiosku: " + ui::FormatDateTimeUtc(1795597200, "lv") + "."));
    CHECK(Says(h, "Saņemts šajā kioskā: " + ui::FormatDateTimeUtc(1795597260, "lv") + "."));
    CHECK(Says(h, "Satura kārtas numurs: 41."));
    CHECK(Says(h, "Programmatūras versija: 2026.11.2."));
    CHECK(Says(h, "disk_note: ok."));
    CHECK_FALSE(Says(h, "last_seen_at"));
    CHECK_FALSE(Says(h, "1795597200"));

    // A sync in progress says so instead of the next attempt.
    state.syncing = true;
    h.Frame(h.now + 0.1);
    CHECK(Says(h, "Nākamais mēģinājums: notiek sinhronizācija."));

    // Sync now: the hook, once per tap, and the screen says it was asked.
    REQUIRE(h.Tap("Sinhronizēt tagad"));
    CHECK(sync_now_calls == 1);
    CHECK(staffprobe::Staff(h).diagnostics_notice == "Sinhronizācija pieprasīta.");
    CHECK_FALSE(staffprobe::Staff(h).diagnostics_notice_error);
    REQUIRE(h.Tap("Sinhronizēt tagad"));
    CHECK(sync_now_calls == 2);

    // The same screen for an English-reading staff member.
    REQUIRE(h.Tap("EN"));
    CHECK(Says(h, "Waiting to be sent: 3."));
    CHECK(Says(h, "Last error: hub_unreachable: connection refused."));
    CHECK(std::regex_search(staffprobe::Words(h), std::regex("Free disk space: [0-9]+(\\.[0-9])? (GB|MB)\\.")));
    REQUIRE(h.Tap("RU"));
    CHECK(std::regex_search(staffprobe::Words(h), std::regex("[0-9]+(,[0-9])? (ГБ|МБ)\\.")));
}

TEST_CASE("diagnostics: without the program's hooks sync and import are off, and no button pretends otherwise",
          "[ui][staff][diagnostics]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    OpenDiagnostics(h);
    INFO(staffprobe::Words(h));
    CHECK(Says(h, "Sinhronizācija ir izslēgta (nav norādīta servera adrese)."));
    CHECK(Says(h, "Paketes imports šeit nav pieejams."));
    CHECK(Says(h, "Vēl nav ziņots."));
    CHECK(Says(h, "Programmatūras versija: nav zināms."));
    CHECK_FALSE(h.Shows("Sinhronizēt tagad"));
    CHECK_FALSE(h.Shows("Importēt paketi"));
}

TEST_CASE("diagnostics: a bundle path typed and imported through the hook; the outcome at the top in words",
          "[ui][staff][diagnostics]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    ui::UiConfig config = stafftest::StaffConfig();
    std::vector<std::string> imported;
    ui::StaffImportResult next;
    config.staff.import_bundle = [&](const std::string& path) {
        imported.push_back(path);
        return next;
    };
    uitest::HeadlessUi h(demo.db, config);
    OpenDiagnostics(h);

    // Import with no path: asked for one, the hook is not called.
    REQUIRE(h.ScrollToAndTap("Importēt paketi", ImVec2(960, 700)));
    CHECK(imported.empty());
    CHECK(staffprobe::Staff(h).diagnostics_notice == "Vispirms ierakstiet paketes faila ceļu.");
    CHECK(staffprobe::Staff(h).diagnostics_notice_error);

    // The path on the on-screen keyboard (the symbols row has '/'), then the rest typed on a
    // hardware keyboard.
    REQUIRE(h.Tap("Paketes faila ceļš"));
    for (const char* key : {"/", "m", "e", "d", "i", "a", "/"}) REQUIRE(h.Tap(key));
    staffprobe::Type(h, "usb/kiosk_2026-11.bundle");
    CHECK(staffprobe::Staff(h).bundle_path == "/media/usb/kiosk_2026-11.bundle");

    // A failure: the hook's reason, marked as an error.
    next.ok = false;
    next.error = "bundle signature does not verify";
    REQUIRE(h.ScrollToAndTap("Importēt paketi", ImVec2(500, 700)));
    REQUIRE(imported.size() == 1);
    CHECK(imported[0] == "/media/usb/kiosk_2026-11.bundle");
    CHECK(staffprobe::Staff(h).diagnostics_notice == "Imports neizdevās: bundle signature does not verify");
    CHECK(staffprobe::Staff(h).diagnostics_notice_error);
    CHECK(Says(h, "Imports neizdevās: bundle signature does not verify"));

    // A success: the sequence range and the number of changes.
    next.ok = true;
    next.error.clear();
    next.from_seq = 120;
    next.to_seq = 164;
    next.changes = 37;
    REQUIRE(h.ScrollToAndTap("Importēt paketi", ImVec2(500, 700)));
    REQUIRE(imported.size() == 2);
    CHECK(staffprobe::Staff(h).diagnostics_notice == "Importēts: saturs 120–164, izmaiņu skaits: 37.");
    CHECK_FALSE(staffprobe::Staff(h).diagnostics_notice_error);
    CHECK_FALSE(staffprobe::Staff(h).bundle_focused);  // the keyboard goes away
}
