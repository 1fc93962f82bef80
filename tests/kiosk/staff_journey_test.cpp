// Staff mode through the real kiosk program (issue 6), scripted on the offscreen driver with the
// demo content: the hidden gesture, a wrong then the right PIN, a service's Latvian name and
// English description typed on the on-screen keyboard, save, the conflicts screen (two
// conflicts the hub kept, one decided with a tap), leave, the visitor's service page under the
// new name, exactly one staff_edit and one conflict_resolution in the outbox; and a staff
// session left idle on the diagnostics screen that returns to the attract screen and forgets
// who signed in.
//
// Golden screenshots: every screenshot is halved (2x2 box filter, 960x540) and compared with
// tests/kiosk/golden/staff-<name>.png with test_support's tolerance, as tests/ui/golden_test.cpp
// does for the visitor screens. The content is imported with a fixed "today" and the scripts
// set the same virtual clock, the kiosk's name is fixed, and the one value that depends on the
// machine (the diagnostics screen's free disk space) is masked. The visitor's service page at
// the journey's end is checked for the new name only (its pixels have goldens in tests/ui).
// Regenerate with KIOSK_UPDATE_GOLDEN=1 ctest -R kiosk_staff_journey, then LOOK at the PNGs
// before committing. A mismatch writes <name>.actual.png and <name>.diff.png into
// KIOSK_TEST_OUTPUT_DIR (default: the working directory). staff-editor and staff-saved follow
// ui/staff_editor.cpp (and its pickers); the others follow their own screens.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <png.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/hsds_import.h"
#include "content/queries.h"
#include "content/staff_edit.h"
#include "content/text.h"
#include "tests/support/image.h"

namespace {

const char* kLawyer = "a806739d-5c30-456e-9ea9-75d6268af22f";  // "Konsultācija ar juristu"
constexpr int64_t kNowUtc = 1795600800;  // 2026-11-25T10:00:00Z, the scripts' `clock`

struct TempDir {
    std::string path;
    TempDir() {
        char templ[] = "/tmp/kiosk_staff_journey_XXXXXX";
        path = mkdtemp(templ);
    }
    ~TempDir() {
        if (std::getenv("KIOSK_KEEP_SHOTS") == nullptr) std::system(("rm -rf '" + path + "'").c_str());
    }
};

std::string ReadAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

struct Run {
    int status = -1;
    std::string err;
};

Run RunKiosk(const TempDir& dir, const std::string& args) {
    std::string err_path = dir.path + "/stderr.txt";
    std::string command = "cd '" + dir.path + "' && env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 300 '" +
                          std::string(KIOSK_REAL_PATH) + "' " + args + " >/dev/null 2>'" + err_path + "'";
    Run run;
    int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.err = ReadAll(err_path);
    return run;
}

// The demo content imported with the scripts' fixed "today" into a fresh database, with one
// staff member (PIN 2468); "" when the real kiosk is not built.
std::string DemoDbWithStaff(const TempDir& dir, std::string* staff_id) {
    std::string real = KIOSK_REAL_PATH;
    struct stat st {};
    if (real.empty() || stat(real.c_str(), &st) != 0) return "";
    std::string path = dir.path + "/demo.db";
    auto db = content::Db::Open(path);
    REQUIRE(db.ok());
    content::ImportOptions options;
    options.now_utc = kNowUtc;
    auto report = content::ImportHsdsPath(*db, std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", options);
    INFO((report.ok() ? std::string() : report.error().ToString()));
    REQUIRE(report.ok());
    auto hash = content::HashStaffPin("2468");
    REQUIRE(hash.ok());
    *staff_id = content::NewUuid();
    auto stmt = db->Prepare("INSERT INTO staff (id, name, pin_hash, created_at) VALUES (?1, ?2, ?3, 1)");
    REQUIRE(stmt.ok());
    stmt->Bind(1, *staff_id).Bind(2, "Anna Bērziņa").Bind(3, *hash);
    REQUIRE(stmt->Run().ok());
    return path;
}

void HubMerge(content::Db& db, const content::StaffEdit& edit, content::MergeOutcome expected, int64_t at) {
    auto tx = content::Transaction::Begin(db);
    REQUIRE(tx.ok());
    auto result = content::MergeStaffEdit(db, edit, at);
    REQUIRE(result.ok());
    REQUIRE(result->outcome == expected);
    REQUIRE(tx->Commit().ok());
}

// Two conflicts on the lawyer's service as the hub keeps them (and a pull brings them): the
// hub's own edit of the web address and e-mail, then older edits of the same fields from this
// kiosk (web address) and from "lobby-2" (e-mail). The name stays as it was: the journey edits it.
void AddConflicts(const std::string& db_path, const std::string& staff_id) {
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto version = db->QueryInt(std::string("SELECT version FROM service WHERE id = '") + kLawyer + "'");
    REQUIRE(version.ok());
    auto edit = [&](const std::string& device, std::vector<content::FieldChange> changes) {
        content::StaffEdit e;
        e.edit_id = content::NewUuid();
        e.staff_id = staff_id;
        e.device = device;
        e.table = "service";
        e.record_id = kLawyer;
        e.base_version = *version;
        e.changes = std::move(changes);
        e.made_at = kNowUtc - 86400;
        return e;
    };
    HubMerge(*db,
             edit("hub", {{"url", nullptr, "https://integracija.example.lv/jurists"}, {"email", nullptr, "jurists@example.lv"}}),
             content::MergeOutcome::Applied, kNowUtc - 7200);
    HubMerge(*db, edit("lobby-test", {{"url", nullptr, "https://kiosks.example.lv/konsultacijas"}}),
             content::MergeOutcome::Conflict, kNowUtc - 5400);
    HubMerge(*db, edit("lobby-2", {{"email", nullptr, "pieraksts@example.lv"}}), content::MergeOutcome::Conflict,
             kNowUtc - 3600);
}

struct Image {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;
};

Image LoadPng(const std::string& path) {
    Image image;
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, path.c_str())) return image;
    png.format = PNG_FORMAT_RGBA;
    image.rgba.resize(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr)) return Image{};
    image.w = (int)png.width;
    image.h = (int)png.height;
    return image;
}

// Distinct colours on a coarse grid: a blank or flat picture has one or two.
size_t Colours(const Image& image) {
    std::set<uint32_t> seen;
    for (int y = 0; y < image.h; y += 7) {
        for (int x = 0; x < image.w; x += 7) {
            const uint8_t* p = &image.rgba[(size_t(y) * image.w + x) * 4];
            seen.insert(uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]);
        }
    }
    return seen.size();
}

double DifferingFraction(const Image& a, const Image& b) {
    if (a.w != b.w || a.h != b.h || a.rgba.empty()) return 1.0;
    size_t differ = 0;
    for (size_t i = 0; i < a.rgba.size(); i += 4) {
        if (std::abs(a.rgba[i] - b.rgba[i]) + std::abs(a.rgba[i + 1] - b.rgba[i + 1]) + std::abs(a.rgba[i + 2] - b.rgba[i + 2]) > 60)
            ++differ;
    }
    return double(differ) / double(a.rgba.size() / 4);
}

bool Updating() {
    const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
    return update != nullptr && *update != '\0' && std::string(update) != "0";
}

// A rectangle of the halved (960x540) picture left out of a comparison.
struct Mask {
    int x0, y0, x1, y1;
};

// The diagnostics screen's free disk space value ("Brīvā vieta diskā", the row after
// "Informācija uz") in the halved picture: its value column (from 38 % of the content width),
// with room for a longer number. Under the idle warning the dialog covers it.
constexpr Mask kFreeDiskValue = {355, 306, 640, 331};

// Compares each screenshot (halved) with tests/kiosk/golden/<name>.png; masked rectangles are
// copied from the golden first. Returns the mismatches' messages.
std::vector<std::string> CompareWithGoldens(const std::string& shots_dir, const std::vector<std::string>& names,
                                            const std::map<std::string, std::vector<Mask>>& masks) {
    std::vector<std::string> failures;
    for (const std::string& name : names) {
        auto full = test_support::ReadPng(shots_dir + "/" + name + ".png");
        if (!full.ok()) {
            failures.push_back(full.error().message);
            continue;
        }
        test_support::Image actual = test_support::Halve(*full);
        const std::string golden = std::string(KIOSK_SOURCE_DIR) + "/tests/kiosk/golden/" + name + ".png";
        auto it = masks.find(name);
        if (it != masks.end() && !Updating()) {
            auto expected = test_support::ReadPng(golden);
            if (expected.ok() && expected->width == actual.width && expected->height == actual.height) {
                for (const Mask& m : it->second) {
                    for (int y = std::max(0, m.y0); y < std::min(actual.height, m.y1); ++y)
                        for (int x = std::max(0, m.x0); x < std::min(actual.width, m.x1); ++x)
                            std::copy(expected->At(x, y), expected->At(x, y) + 4, actual.At(x, y));
                }
            }
        }
        base::Status match = test_support::MatchGolden(actual, golden, test_support::Tolerance{});
        if (!match.ok()) failures.push_back(match.error().message);
    }
    return failures;
}

}  // namespace

TEST_CASE("the real kiosk: hidden gesture, wrong then right PIN, edit a service with the on-screen keyboard, save, "
          "decide a conflict, leave; visitors see the new name; the outbox holds the edit and the decision; the "
          "screens match their goldens",
          "[kiosk][program][real][staff]") {
    TempDir dir;
    std::string staff_id;
    std::string db_path = DemoDbWithStaff(dir, &staff_id);
    if (db_path.empty()) {
        WARN("the real kiosk is not built; staff journey skipped");
        return;
    }
    AddConflicts(db_path, staff_id);
    Run run = RunKiosk(dir, "--db demo.db --set kiosk_name=lobby-test --set window_size=1920x1080 --speech=off --script '" KIOSK_SOURCE_DIR
                            "/tests/kiosk/journey_staff_lv.txt' --screenshot-dir shots");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("staff_pin_wrong"));
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("staff_signed_in staff_id=" + staff_id));

    // Two ops: this edit, by this staff member, from this kiosk, with both fields; then the
    // decision on this kiosk's conflict (the web address: keep this edit).
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto rows = db->Prepare("SELECT kind, payload FROM outbox ORDER BY seq");
    REQUIRE(rows.ok());
    std::vector<std::pair<std::string, std::string>> outbox;
    while (*rows->Step()) outbox.emplace_back(rows->Text(0), rows->Text(1));
    REQUIRE(outbox.size() == 2);
    CHECK(outbox[0].first == "staff_edit");
    nlohmann::json edit = nlohmann::json::parse(outbox[0].second, nullptr, false);
    REQUIRE(edit.is_object());
    CHECK(edit["staff_id"] == staff_id);
    CHECK(edit["device"] == "lobby-test");
    CHECK(edit["table"] == "service");
    CHECK(edit["record_id"] == kLawyer);
    REQUIRE(edit["changes"].size() == 2);
    CHECK(edit["changes"][0]["field"] == "text:name:lv");
    CHECK(edit["changes"][0]["before"] == "Konsultācija ar juristu");
    CHECK(edit["changes"][0]["after"] == "Juridiskā konsultācija");
    CHECK(edit["changes"][1]["field"] == "text:description:en");
    const std::string description = edit["changes"][1]["after"].get<std::string>();
    CHECK(description.size() > 100);
    CHECK(description.substr(description.size() - 6) == " Free.");
    CHECK(outbox[1].first == "conflict_resolution");
    auto decision = content::DecodeConflictResolution(nlohmann::json::parse(outbox[1].second, nullptr, false));
    REQUIRE(decision.ok());
    CHECK(decision->choice == content::ResolutionChoice::Mine);
    CHECK(decision->value == "https://kiosks.example.lv/konsultacijas");
    CHECK(decision->device == "lobby-test");
    CHECK(decision->staff_id == staff_id);
    auto conflicts = content::ListConflicts(*db, /*open_only=*/true);
    REQUIRE(conflicts.ok());
    REQUIRE(conflicts->size() == 1);  // lobby-2's e-mail is still to decide
    CHECK((*conflicts)[0].device == "lobby-2");

    // The content visitors read has the new name and the chosen web address; the other
    // languages' names are untouched.
    auto lv = content::GetService(*db, kLawyer, "lv");
    REQUIRE(lv.ok());
    CHECK(lv->name.text == "Juridiskā konsultācija");
    CHECK(lv->url == "https://kiosks.example.lv/konsultacijas");
    auto ru = content::GetService(*db, kLawyer, "ru");
    REQUIRE(ru.ok());
    CHECK(ru->name.text == "Консультация юриста");

    // The screenshots show something, the wrong-PIN message changed the pad's picture, and each
    // matches its golden.
    const std::vector<std::string> names = {"staff-pin",       "staff-pin-wrong",         "staff-home",
                                            "staff-editor",    "staff-saved",             "staff-conflicts",
                                            "staff-conflicts-decided", "staff-visitor-service"};
    std::map<std::string, Image> shots;
    for (const std::string& name : names) {
        INFO(name);
        Image image = LoadPng(dir.path + "/shots/" + name + ".png");
        REQUIRE(image.w == 1920);
        REQUIRE(image.h == 1080);
        CHECK(Colours(image) > 20);
        shots[name] = std::move(image);
    }
    const double changed = DifferingFraction(shots["staff-pin"], shots["staff-pin-wrong"]);
    CHECK(changed > 0.0005);
    CHECK(changed < 0.2);  // the same pad, with a message
    // The visitor's service page has its own goldens (tests/ui/golden, ui_golden): not twice.
    std::vector<std::string> staff_screens(names.begin(), names.end() - 1);
    std::vector<std::string> failures = CompareWithGoldens(dir.path + "/shots", staff_screens, {});
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
}

TEST_CASE("the real kiosk: a staff session left idle warns, returns to the attract screen and forgets the staff member",
          "[kiosk][program][real][staff]") {
    TempDir dir;
    std::string staff_id;
    std::string db_path = DemoDbWithStaff(dir, &staff_id);
    if (db_path.empty()) {
        WARN("the real kiosk is not built; staff journey skipped");
        return;
    }
    Run run = RunKiosk(dir, "--db demo.db --set kiosk_name=lobby-test --set window_size=1920x1080 --speech=off --script '" KIOSK_SOURCE_DIR
                            "/tests/kiosk/journey_staff_idle.txt' --screenshot-dir shots");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("ui_session_timeout screen=staff_diagnostics"));
    const std::vector<std::string> names = {"staff-diagnostics", "staff-idle-warning"};
    for (const std::string& name : names) {
        INFO(name);
        Image image = LoadPng(dir.path + "/shots/" + name + ".png");
        REQUIRE(image.w == 1920);
        CHECK(Colours(image) > 20);
    }
    // The free disk space is the machine's: its value is left out of the comparison.
    std::vector<std::string> failures = CompareWithGoldens(dir.path + "/shots", names, {{"staff-diagnostics", {kFreeDiskValue}}});
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
    // Nothing was edited, nothing is queued.
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto queued = db->QueryInt("SELECT count(*) FROM outbox");
    REQUIRE(queued.ok());
    CHECK(*queued == 0);
}
