// Staff mode through the real kiosk program (issue 6), scripted on the offscreen driver with the
// demo content: the hidden gesture, a wrong then the right PIN, a service's Latvian name and
// English description typed on the on-screen keyboard, save, leave, the visitor's service page
// under the new name, exactly one staff_edit in the outbox; and a staff session left idle that
// returns to the attract screen and forgets who signed in. The screenshots are checked to show
// something (not one flat colour) and the wrong-PIN message to change the pad's picture.
#include <catch2/catch.hpp>

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
#include "content/queries.h"
#include "content/staff_edit.h"
#include "content/text.h"

namespace {

const char* kLawyer = "a806739d-5c30-456e-9ea9-75d6268af22f";  // "Konsultācija ar juristu"

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

// The demo content in a fresh database with one staff member (PIN 2468); "" when the real
// kiosk or kioskctl is not built.
std::string DemoDbWithStaff(const TempDir& dir, std::string* staff_id) {
    std::string real = KIOSK_REAL_PATH, kioskctl = KIOSKCTL_PATH;
    struct stat st {};
    if (real.empty() || kioskctl.empty() || stat(real.c_str(), &st) != 0) return "";
    std::string path = dir.path + "/demo.db";
    if (std::system(("'" + kioskctl + "' --db '" + path + "' --content '" KIOSK_SOURCE_DIR
                     "/content/demo/demo.json' demo >/dev/null 2>&1").c_str()) != 0)
        return "";
    auto db = content::Db::Open(path);
    REQUIRE(db.ok());
    auto hash = content::HashStaffPin("2468");
    REQUIRE(hash.ok());
    *staff_id = content::NewUuid();
    auto stmt = db->Prepare("INSERT INTO staff (id, name, pin_hash, created_at) VALUES (?1, ?2, ?3, 1)");
    REQUIRE(stmt.ok());
    stmt->Bind(1, *staff_id).Bind(2, "Anna Bērziņa").Bind(3, *hash);
    REQUIRE(stmt->Run().ok());
    return path;
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

}  // namespace

TEST_CASE("the real kiosk: hidden gesture, wrong then right PIN, edit a service with the on-screen keyboard, save, "
          "leave; visitors see the new name and the outbox holds one staff_edit",
          "[kiosk][program][real][staff]") {
    TempDir dir;
    std::string staff_id;
    std::string db_path = DemoDbWithStaff(dir, &staff_id);
    if (db_path.empty()) {
        WARN("the real kiosk or kioskctl is not built; staff journey skipped");
        return;
    }
    Run run = RunKiosk(dir, "--db demo.db --set kiosk_name=lobby-test --speech=off --script '" KIOSK_SOURCE_DIR
                            "/tests/kiosk/journey_staff_lv.txt' --screenshot-dir shots");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("staff_pin_wrong"));
    CHECK_THAT(run.err, Catch::Contains("staff_signed_in staff_id=" + staff_id));

    // Exactly one op: this edit, by this staff member, from this kiosk, with both fields.
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto rows = db->Prepare("SELECT kind, payload FROM outbox");
    REQUIRE(rows.ok());
    std::vector<std::pair<std::string, std::string>> outbox;
    while (*rows->Step()) outbox.emplace_back(rows->Text(0), rows->Text(1));
    REQUIRE(outbox.size() == 1);
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

    // The content visitors read has the new name; the other languages' names are untouched.
    auto lv = content::GetService(*db, kLawyer, "lv");
    REQUIRE(lv.ok());
    CHECK(lv->name.text == "Juridiskā konsultācija");
    auto ru = content::GetService(*db, kLawyer, "ru");
    REQUIRE(ru.ok());
    CHECK(ru->name.text == "Консультация юриста");

    // The screenshots show something, and the wrong-PIN message changed the pad's picture.
    std::map<std::string, Image> shots;
    for (const char* name : {"staff-pin", "staff-pin-wrong", "staff-home", "staff-editor", "staff-saved", "visitor-service"}) {
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
}

TEST_CASE("the real kiosk: a staff session left idle warns, returns to the attract screen and forgets the staff member",
          "[kiosk][program][real][staff]") {
    TempDir dir;
    std::string staff_id;
    std::string db_path = DemoDbWithStaff(dir, &staff_id);
    if (db_path.empty()) {
        WARN("the real kiosk or kioskctl is not built; staff journey skipped");
        return;
    }
    Run run = RunKiosk(dir, "--db demo.db --speech=off --script '" KIOSK_SOURCE_DIR
                            "/tests/kiosk/journey_staff_idle.txt' --screenshot-dir shots");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("ui_session_timeout screen=staff_diagnostics"));
    for (const char* name : {"staff-diagnostics", "staff-idle-warning"}) {
        INFO(name);
        Image image = LoadPng(dir.path + "/shots/" + std::string(name) + ".png");
        REQUIRE(image.w == 1920);
        CHECK(Colours(image) > 20);
    }
    // Nothing was edited, nothing is queued.
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto queued = db->QueryInt("SELECT count(*) FROM outbox");
    REQUIRE(queued.ok());
    CHECK(*queued == 0);
}
