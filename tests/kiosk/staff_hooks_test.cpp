// kiosk/staff_hooks.cpp's bundle import, for real, behind the diagnostics screen: a signed
// snapshot exported by a hub (sync/bundle.h, as tests/sync does it) and a database the kiosk
// uses, the path typed on the screen (headless UI, tests/ui/ui_fixture.h). A good bundle changes
// the content visitors read and the screen reports its sequence range; a corrupt, truncated,
// missing, wrongly-signed or replayed bundle gives its reason on screen and leaves every content
// row exactly as it was.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/hsds_import.h"
#include "content/queries.h"
#include "content/store.h"
#include "kiosk/staff_hooks.h"
#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/hub_store.h"
#include "tests/ui/staff_probe.h"
#include "tests/ui/staff_test_support.h"

namespace {

const char* kLawyer = "a806739d-5c30-456e-9ea9-75d6268af22f";  // "Konsultācija ar juristu" in the demo
const char* kNewName = "Jurista konsultācija (no paketes)";

struct Dir {
    std::string path;
    Dir() {
        char templ[] = "/tmp/kiosk_staff_hooks_XXXXXX";
        path = mkdtemp(templ);
    }
    ~Dir() { std::filesystem::remove_all(path); }
};

std::string ReadBytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Every row of every table, in key order, as text: equal dumps, equal content.
std::string Dump(content::Db& db) {
    std::vector<std::string> tables;
    {
        auto names = db.Prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE "
            "'%VIRTUAL TABLE%' ORDER BY name");
        REQUIRE(names.ok());
        while (*names->Step()) tables.push_back(names->Text(0));
    }
    std::string out;
    for (const std::string& table : tables) {
        if (table.find("search") != std::string::npos) continue;  // FTS shadow tables follow the rows
        auto rows = db.Prepare("SELECT * FROM \"" + table + "\" ORDER BY 1");
        REQUIRE(rows.ok());
        out += "## " + table + "\n";
        while (*rows->Step()) {
            for (int c = 0; c < rows->ColumnCount(); ++c) out += (rows->IsNull(c) ? "<null>" : rows->Text(c)) + "|";
            out += "\n";
        }
    }
    return out;
}

// A hub holding the demo content with one service renamed in Latvian, exported as a signed
// snapshot for scope "riga". Returns the manifest.
ksync::BundleManifest ExportFromHub(const std::string& dir, const std::string& secret_key, const std::string& out) {
    auto hub = ksync::HubStore::Setup(dir + "/hub.db");
    REQUIRE(hub.ok());
    content::ImportOptions options;
    options.now_utc = uitest::kNowUtc;
    auto report = content::ImportHsdsPath(hub->db(), std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", options);
    INFO((report.ok() ? std::string() : report.error().ToString()));
    REQUIRE(report.ok());
    {
        auto tx = content::Transaction::Begin(hub->db());
        REQUIRE(tx.ok());
        content::ContentWriter w(hub->db());
        REQUIRE(w.SetText("service", kLawyer, "name", "lv", kNewName, false, uitest::kNowUtc).ok());
        REQUIRE(w.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    ksync::BundleExportOptions export_options;
    export_options.scope = "riga";
    export_options.secret_key = secret_key;
    export_options.now = (int64_t)std::time(nullptr);
    auto manifest = ksync::ExportBundle(*hub, out, export_options);
    INFO((manifest.ok() ? std::string() : manifest.error().ToString()));
    REQUIRE(manifest.ok());
    return *manifest;
}

std::string LawyerLv(content::Db& db) {
    auto service = content::GetService(db, kLawyer, "lv");
    REQUIRE(service.ok());
    return service->name.text;
}

}  // namespace

TEST_CASE("staff hooks: a bundle imported from the diagnostics screen through the real hook; bad bundles change nothing",
          "[kiosk][staff][bundle]") {
    Dir dir;
    REQUIRE(ksync::WriteKeyPair(dir.path + "/hub").ok());
    auto secret = ksync::ReadKeyHex(dir.path + "/hub.key", 64);
    REQUIRE(secret.ok());
    const std::string good = dir.path + "/good.bundle";
    const ksync::BundleManifest manifest = ExportFromHub(dir.path, *secret, good);
    REQUIRE(manifest.kind == "snapshot");
    REQUIRE(manifest.to_seq > 0);
    const std::string good_bytes = ReadBytes(good);

    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    kiosk::KioskConfig kiosk_config;
    kiosk_config.database_path = demo.path;
    kiosk_config.bundle_public_key = dir.path + "/hub.pub";
    kiosk_config.bundle_scope = "riga";
    kiosk_config.kiosk_name = "lobby-test";
    ui::UiConfig config = stafftest::StaffConfig();
    config.staff = kiosk::MakeStaffHooks(kiosk_config, /*staff_laptop=*/false, /*sync=*/nullptr);
    REQUIRE(config.staff.import_bundle);
    CHECK(config.staff.device_name == "lobby-test");
    CHECK_FALSE(config.staff.sync_state);  // no sync client: the screen says sync is off

    uitest::HeadlessUi h(demo.db, config);
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Diagnostika"));
    REQUIRE(h.ui().ScreenName() == "staff_diagnostics");
    REQUIRE(LawyerLv(demo.db) == "Konsultācija ar juristu");
    const std::string before = Dump(demo.db);

    auto import = [&](const std::string& path) {
        REQUIRE(h.Tap("Paketes faila ceļš"));
        REQUIRE(h.Tap("Notīrīt"));
        staffprobe::Type(h, path);
        REQUIRE(staffprobe::Staff(h).bundle_path == path);
        REQUIRE(h.ScrollToAndTap("Importēt paketi", ImVec2(500, 700)));
        return staffprobe::Staff(h).diagnostics_notice;
    };
    // Refused: what to do in the staff member's words, then the technical reason with its code.
    auto refused = [&](const std::string& path, const std::string& words, const std::string& code) {
        std::string notice = import(path);
        INFO(notice);
        CHECK(staffprobe::Staff(h).diagnostics_notice_error);
        CHECK(notice.rfind("Imports neizdevās: " + words + " (" + code + ": ", 0) == 0);
        CHECK(Dump(demo.db) == before);
        return notice;
    };
    const std::string damaged = "Fails ir bojāts vai nepilnīgs. Nokopējiet to uz zibatmiņas vēlreiz.";

    // A chunk's byte flipped: its hash no longer matches.
    std::string flipped = good_bytes;
    flipped[flipped.size() - 10] = char(flipped[flipped.size() - 10] ^ 0x40);
    WriteBytes(dir.path + "/flipped.bundle", flipped);
    refused(dir.path + "/flipped.bundle", damaged, "bundle_bad_chunk");
    // Cut short, as a USB stick pulled out while copying.
    WriteBytes(dir.path + "/short.bundle", good_bytes.substr(0, good_bytes.size() / 2));
    refused(dir.path + "/short.bundle", damaged, "bundle_truncated");
    // Not a bundle at all.
    WriteBytes(dir.path + "/photo.jpg", std::string("\xff\xd8\xff\xe0 not a bundle", 18));
    refused(dir.path + "/photo.jpg", damaged, "bundle_bad_format");
    // No such file.
    const std::string missing =
        refused(dir.path + "/nowhere.bundle", "Failu nevar atvērt. Pārbaudiet ceļu.", "bundle_unreadable");
    CHECK(missing.find("nowhere.bundle") != std::string::npos);
    // Signed with another hub's key.
    {
        Dir other;
        REQUIRE(ksync::WriteKeyPair(other.path + "/other").ok());
        auto other_secret = ksync::ReadKeyHex(other.path + "/other.key", 64);
        REQUIRE(other_secret.ok());
        ExportFromHub(other.path, *other_secret, dir.path + "/foreign.bundle");
    }
    refused(dir.path + "/foreign.bundle", "Šī pakete nav paredzēta šim kioskam: tās paraksts vai darbības joma neatbilst.",
            "bundle_bad_signature");
    CHECK(LawyerLv(demo.db) == "Konsultācija ar juristu");

    // The good bundle: the content changes and the screen reports the sequence range.
    const std::string notice = import(good);
    INFO(notice);
    CHECK_FALSE(staffprobe::Staff(h).diagnostics_notice_error);
    CHECK(notice.rfind("Importēts: saturs " + std::to_string(manifest.from_seq) + "–" + std::to_string(manifest.to_seq) +
                           ", izmaiņu skaits: ",
                       0) == 0);
    CHECK(LawyerLv(demo.db) == kNewName);
    auto info = content::GetContentInfo(demo.db);
    REQUIRE(info.ok());
    CHECK(info->content_seq == manifest.to_seq);
    h.Frame(h.now + 0.1);
    CHECK(staffprobe::Words(h).find("Satura kārtas numurs: " + std::to_string(manifest.to_seq) + ".") != std::string::npos);

    // The same bundle again is stale: refused, nothing changes.
    const std::string after = Dump(demo.db);
    std::string notice_again = import(good);
    INFO(notice_again);
    CHECK(staffprobe::Staff(h).diagnostics_notice_error);
    CHECK(notice_again.rfind("Imports neizdevās: Šī pakete jau ir importēta vai ir vecāka par šī kioska saturu. (bundle_stale: ",
                             0) == 0);
    CHECK(Dump(demo.db) == after);
}

TEST_CASE("staff hooks: without a bundle key the import explains what is missing", "[kiosk][staff][bundle]") {
    kiosk::KioskConfig kiosk_config;
    kiosk_config.database_path = "/nonexistent/content.db";
    ui::StaffHooks hooks = kiosk::MakeStaffHooks(kiosk_config, /*staff_laptop=*/true, nullptr);
    CHECK(hooks.device_name.rfind("laptop:", 0) == 0);
    REQUIRE(hooks.import_bundle);
    ui::StaffImportResult result = hooks.import_bundle("/tmp/whatever.bundle");
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind("bundle_no_key: ", 0) == 0);
    CHECK(result.error.find("bundle_public_key") != std::string::npos);
}
