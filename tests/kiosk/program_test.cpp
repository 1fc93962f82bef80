// The kiosk program end to end (kiosk-testui: the real main and kiosk_app with a small test UI),
// on SDL's offscreen driver: the idle frame loop, scripted journeys, screenshots, exit codes,
// a degraded database, SIGTERM, and the refusal to run a normal session offscreen.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <png.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "content/db.h"
#include "content/schema.h"

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        char templ[] = "/tmp/kiosk_program_XXXXXX";
        path = mkdtemp(templ);
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string File(const std::string& name, const std::string& text) const {
        std::string p = path + "/" + name;
        std::ofstream(p) << text;
        return p;
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
    nlohmann::json stats;
};

// Runs the program with a clean display environment (scripts choose offscreen themselves).
Run RunProgram(const TempDir& dir, const std::string& args, const std::string& env = "",
               const std::string& binary = KIOSK_TESTUI_PATH) {
    std::string err_path = dir.path + "/stderr.txt";
    std::string stats_path = dir.path + "/stats.json";
    std::remove(stats_path.c_str());
    std::string command = "cd '" + dir.path + "' && env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER " +
                          env + " timeout 120 '" + binary + "' --stats '" + stats_path + "' " + args +
                          " >/dev/null 2>'" + err_path + "'";
    Run run;
    int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.err = ReadAll(err_path);
    std::string stats = ReadAll(stats_path);
    if (!stats.empty()) run.stats = nlohmann::json::parse(stats, nullptr, false);
    return run;
}

const nlohmann::json* StepOnLine(const Run& run, int line) {
    for (const auto& step : run.stats["steps"])
        if (step["line"] == line) return &step;
    return nullptr;
}

}  // namespace

TEST_CASE("after input stops the loop renders no more frames", "[kiosk][program]") {
    TempDir dir;
    std::string script = dir.File("idle.txt",
                                  "tap \"Touch to start\"\n"
                                  "expect screen home\n"
                                  "wait 3s\n"
                                  "expect screen home\n");
    Run run = RunProgram(dir, "--db db.sqlite --script idle.txt --set idle_timeout=600s");
    INFO(run.err);
    REQUIRE(run.status == 0);
    REQUIRE(run.stats.is_object());
    const nlohmann::json* tap = StepOnLine(run, 1);
    const nlohmann::json* wait = StepOnLine(run, 3);
    REQUIRE(tap != nullptr);
    REQUIRE(wait != nullptr);
    CHECK((*tap)["frames"].get<int>() >= 3);   // press, release, pointer leaves
    CHECK((*tap)["frames"].get<int>() <= 8);   // ... and a few to settle
    CHECK((*wait)["frames"].get<int>() == 0);  // three seconds, nothing drawn
    double waited = (*wait)["real_end_s"].get<double>() - (*wait)["real_start_s"].get<double>();
    CHECK(waited >= 2.9);
    CHECK(waited < 4.0);
    CHECK(run.stats["frames_rendered"].get<int>() < 20);
    CHECK(run.stats["first_frame_ms"].get<double>() > 0);
}

TEST_CASE("a scripted journey: taps, drag-to-scroll, typing, booking, read-aloud, timeout",
          "[kiosk][program]") {
    TempDir dir;
    dir.File("journey.txt",
             "expect screen attract\n"
             "tap \"Touch to start\"\n"
             "expect screen home\n"
             "tap \"Services\"\n"
             "expect screen services\n"
             "expect widget \"Service 1\"\n"
             "drag \"Service 2\" 0 -400 300ms\n"
             "# a drag is not a tap: still on the list, and it scrolled\n"
             "expect screen services\n"
             "expect no-widget \"Service 1\"\n"
             "tap \"Back\"\n"
             "expect screen home\n"
             "tap \"Name\"\n"
             "type \"Jānis\"\n"
             "expect widget \"Hello Jānis\"\n"
             "key Backspace\n"
             "expect widget \"Hello Jāni\"\n"
             "tap \"Book\"\n"
             "expect outbox 1\n"
             "tap \"Read aloud\"\n"
             "expect spoken \"Laipni lūdzam\"\n"
             "screenshot home\n"
             "advance 61s\n"
             "expect screen warning\n"
             "advance 20s\n"
             "expect screen attract\n"
             "expect stopped\n"
             "expect outbox 1\n");
    Run run = RunProgram(dir,
                         "--db db.sqlite --script journey.txt --screenshot-dir shots "
                         "--speech=log --speech-log speech.log --set window_size=800x600");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(ReadAll(dir.path + "/speech.log").find("speak lv Laipni lūdzam") != std::string::npos);

    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    std::string png = dir.path + "/shots/home.png";
    REQUIRE(png_image_begin_read_from_file(&image, png.c_str()));
    CHECK(image.width == 800);
    CHECK(image.height == 600);
    image.format = PNG_FORMAT_RGBA;
    std::vector<uint8_t> pixels(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
    // Not a blank screen: the buttons are drawn in more than one colour.
    std::set<uint32_t> colours;
    for (size_t i = 0; i + 3 < pixels.size(); i += 4 * 97)
        colours.insert(pixels[i] | pixels[i + 1] << 8 | pixels[i + 2] << 16);
    CHECK(colours.size() >= 3);
}

TEST_CASE("a failed expectation exits 3 naming the script line", "[kiosk][program]") {
    TempDir dir;
    dir.File("fail.txt", "# starts on attract\nexpect screen services\ntap 1 1\n");
    Run run = RunProgram(dir, "--db db.sqlite --script fail.txt");
    CHECK(run.status == 3);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("fail.txt:2: expect screen services: the screen is 'attract', not 'services'"));
    REQUIRE(run.stats.is_object());
    CHECK(StepOnLine(run, 3) == nullptr);  // the script stopped at the failure

    dir.File("missing.txt", "tap \"Nowhere\"\n");
    Run missing = RunProgram(dir, "--db db.sqlite --script missing.txt");
    CHECK(missing.status == 3);
    CHECK_THAT(missing.err, Catch::Matchers::ContainsSubstring("missing.txt:1: tap \"Nowhere\": no widget labelled \"Nowhere\" "
                                            "on screen 'attract' (visible: \"Touch to start\")"));
}

TEST_CASE("a malformed script or configuration exits 2 before any window opens", "[kiosk][program]") {
    TempDir dir;
    dir.File("bad.txt", "tap 1 2\nwait forever\n");
    Run script = RunProgram(dir, "--db db.sqlite --script bad.txt");
    CHECK(script.status == 2);
    CHECK_THAT(script.err, Catch::Matchers::ContainsSubstring("bad.txt:2: expected a duration like 2s or 500ms, got 'forever'"));
    CHECK(script.err.find("display_open") == std::string::npos);

    std::string conf = dir.File("kiosk.conf", "database = db.sqlite\n\nidle_timeout = 1 minute\n");
    Run config = RunProgram(dir, "--config '" + conf + "' --script bad.txt");
    CHECK(config.status == 2);
    CHECK_THAT(config.err, Catch::Matchers::ContainsSubstring(conf + ":3: key 'idle_timeout': expected a duration"));

    Run flag = RunProgram(dir, "--frobnicate");
    CHECK(flag.status == 2);
    CHECK_THAT(flag.err, Catch::Matchers::ContainsSubstring("unknown argument '--frobnicate'"));
}

TEST_CASE("on a trial boot a schema step the old slot could not read is held: the kiosk refuses to start, says "
          "so to kiosk-mark-good, and the database is untouched",
          "[kiosk][program]") {
    TempDir dir;
    const std::string db_path = dir.path + "/old.db";
    {
        auto db = content::Db::OpenRaw(db_path);
        REQUIRE(db.ok());
        REQUIRE(content::MigrateTo(*db, 2).ok());   // as the previous firmware left it
    }
    const std::string before = ReadAll(db_path);
    REQUIRE_FALSE(before.empty());
    dir.File("s.txt", "expect screen attract\n");
    const std::string runtime = dir.path + "/run";
    REQUIRE(mkdir(runtime.c_str(), 0700) == 0);

    for (const std::string& how : {std::string("--trial-boot"), std::string("")}) {
        const std::string env = "RUNTIME_DIRECTORY='" + runtime + "'" + (how.empty() ? " KIOSK_TRIAL_BOOT=1" : "");
        Run held = RunProgram(dir, how + " --db old.db --script s.txt", env);
        INFO(held.err);
        CHECK(held.status == 1);
        CHECK_THAT(held.err, Catch::Matchers::ContainsSubstring("db_migration_held"));
        CHECK_THAT(ReadAll(runtime + "/start-refused"), Catch::Matchers::ContainsSubstring("db_migration_held"));
        CHECK(ReadAll(db_path) == before);
        std::remove((runtime + "/start-refused").c_str());
    }

    Run bad_env = RunProgram(dir, "--db old.db --script s.txt", "KIOSK_TRIAL_BOOT=maybe");
    CHECK(bad_env.status == 2);
    CHECK(ReadAll(db_path) == before);

    // Once the slot is good (no trial), the same file migrates and the kiosk starts.
    Run good = RunProgram(dir, "--db old.db --script s.txt", "RUNTIME_DIRECTORY='" + runtime + "'");
    INFO(good.err);
    CHECK(good.status == 0);
    CHECK_FALSE(std::ifstream(runtime + "/start-refused").good());
    auto migrated = content::Db::OpenRaw(db_path);
    REQUIRE(migrated.ok());
    CHECK(migrated->UserVersion() == content::kSchemaVersion);
}

TEST_CASE("an unopenable database degrades to the built-in fallback, it does not stop the kiosk",
          "[kiosk][program]") {
    TempDir dir;
    dir.File("s.txt", "expect screen attract\ntap \"Touch to start\"\nexpect screen home\n");
    Run run = RunProgram(dir, "--db /nonexistent/dir/content.db --script s.txt");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("db_open_failed path=/nonexistent/dir/content.db"));
    REQUIRE(run.stats.is_object());
    CHECK(run.stats["info"]["db_degraded"] == "true");

    // A file that is not a database at all.
    dir.File("garbage.db", std::string(8192, 'x'));
    Run garbage = RunProgram(dir, "--db garbage.db --script s.txt");
    INFO(garbage.err);
    CHECK(garbage.status == 0);
    CHECK_THAT(garbage.err, Catch::Matchers::ContainsSubstring("db_open_failed path=garbage.db"));
    // Nothing of the visitor's file was overwritten.
    CHECK(ReadAll(dir.path + "/garbage.db") == std::string(8192, 'x'));
}

TEST_CASE("SIGTERM ends a normal run cleanly, and an idle run draws only its first frames",
          "[kiosk][program]") {
    TempDir dir;
    std::string stats = dir.path + "/stats.json";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
        setenv("SDL_VIDEODRIVER", "offscreen", 1);  // explicit, so a normal run may use it
        std::string err = dir.path + "/stderr.txt";
        freopen(err.c_str(), "w", stderr);
        std::string db = dir.path + "/db.sqlite";
        execl(KIOSK_TESTUI_PATH, KIOSK_TESTUI_PATH, "--db", db.c_str(), "--stats", stats.c_str(),
              "--speech=off", "--set", "window_size=640x480", (char*)nullptr);
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    auto sent = std::chrono::steady_clock::now();
    kill(pid, SIGTERM);
    int raw = 0;
    waitpid(pid, &raw, 0);
    double stop_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
    std::string err = ReadAll(dir.path + "/stderr.txt");
    INFO(err);
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 0);
    CHECK(stop_ms < 1000);
    CHECK_THAT(err, Catch::Matchers::ContainsSubstring("quit_requested"));
    auto json = nlohmann::json::parse(ReadAll(stats), nullptr, false);
    REQUIRE(json.is_object());
    int frames = json["frames_rendered"].get<int>();
    CHECK(frames >= 1);
    CHECK(frames <= 6);  // the first few frames, then nothing for seconds
}

TEST_CASE("a normal run never falls back to an invisible offscreen window", "[kiosk][program]") {
    TempDir dir;
    // No SDL_VIDEODRIVER, no DISPLAY, no WAYLAND_DISPLAY, video_driver = auto.
    Run run = RunProgram(dir, "--db db.sqlite --speech=off");
    CHECK(run.status == 1);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("display_open_failed"));
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("tried kmsdrm"));
    CHECK(run.err.find("driver=offscreen") == std::string::npos);
}

TEST_CASE("the real kiosk (ui/): a first journey, idle after input, a degraded database",
          "[kiosk][program][real]") {
    std::string real = KIOSK_REAL_PATH;
    struct stat st {};
    if (real.empty() || stat(real.c_str(), &st) != 0) {
        WARN("the real kiosk is not built (ui/ missing or broken); only kiosk-testui was tested");
        return;
    }
    TempDir dir;
    dir.File("real.txt",
             "expect screen attract\n"
             "tap 960 540\n"
             "tap \"Latviešu\"\n"
             "expect screen home\n"
             "expect language lv\n"
             "wait 2s\n"
             "expect screen home\n");
    Run run = RunProgram(dir, "--db db.sqlite --script real.txt --speech=off", "", real);
    INFO(run.err);
    REQUIRE(run.status == 0);
    const nlohmann::json* wait = StepOnLine(run, 6);
    REQUIRE(wait != nullptr);
    CHECK((*wait)["frames"].get<int>() == 0);

    // An unreadable database: the kiosk still starts and shows its fallback.
    dir.File("fallback.txt", "expect screen attract\nscreenshot fallback\n");
    Run degraded = RunProgram(dir, "--db /nonexistent/content.db --script fallback.txt --screenshot-dir shots --speech=off",
                              "", real);
    INFO(degraded.err);
    CHECK(degraded.status == 0);
    CHECK_THAT(degraded.err, Catch::Matchers::ContainsSubstring("db_open_failed"));
    CHECK(stat((dir.path + "/shots/fallback.png").c_str(), &st) == 0);
}

namespace {

// The demo content in a fresh database (kioskctl demo), or "" when the real kiosk or kioskctl
// is not built.
std::string DemoDb(const TempDir& dir) {
    std::string real = KIOSK_REAL_PATH, kioskctl = KIOSKCTL_PATH;
    struct stat st {};
    if (real.empty() || kioskctl.empty() || stat(real.c_str(), &st) != 0) return "";
    std::string db = dir.path + "/demo.db";
    if (std::system(("'" + kioskctl + "' --db '" + db + "' --content '" KIOSK_SOURCE_DIR
                     "/content/demo/demo.json' demo >/dev/null 2>&1").c_str()) != 0)
        return "";
    return db;
}

struct OutboxRow {
    std::string kind, payload;
};

std::vector<OutboxRow> ReadOutbox(const std::string& db_path) {
    std::vector<OutboxRow> rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT kind, payload FROM outbox ORDER BY seq", -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW)
            rows.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                            reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))});
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows;
}

}  // namespace

TEST_CASE("the real kiosk on the demo content: Russian search with the on-screen keyboard, the legal "
          "consultation, read-aloud, the booking form typed into, a language switch that keeps the place, "
          "summary, submit, confirmation, and exactly that booking in the outbox",
          "[kiosk][program][real][journey]") {
    TempDir dir;
    std::string db = DemoDb(dir);
    if (db.empty()) {
        WARN("the real kiosk or kioskctl is not built; journey skipped");
        return;
    }
    Run run = RunProgram(dir,
                         "--db demo.db --script '" KIOSK_SOURCE_DIR "/tests/kiosk/journey_booking_ru.txt' "
                         "--screenshot-dir shots --speech=log --speech-log spoken.txt",
                         "", KIOSK_REAL_PATH);
    INFO(run.err);
    REQUIRE(run.status == 0);
    const std::string spoken = ReadAll(dir.path + "/spoken.txt");
    CHECK_THAT(spoken, Catch::Matchers::ContainsSubstring("speak ru Консультация юриста"));
    struct stat st {};
    CHECK(stat((dir.path + "/shots/confirmation.png").c_str(), &st) == 0);

    // The outbox holds exactly this booking, with what was typed and chosen.
    std::vector<OutboxRow> rows = ReadOutbox(db);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].kind == "booking");
    auto payload = nlohmann::json::parse(rows[0].payload, nullptr, false);
    REQUIRE(payload.is_object());
    CHECK(payload["visitor_lang"] == "ru");
    CHECK(payload["values"]["name"] == "Анна Петрова");
    CHECK(payload["values"]["phone"] == "+371 20000000");
    CHECK(payload["values"]["topic"] == "housing");
    CHECK(payload["values"]["preferred_time"] == "afternoon");
    CHECK(payload["values"]["language"] == "ru");
    CHECK(payload["values"]["consent"] == "yes");
    CHECK((!payload["values"].contains("email") || payload["values"]["email"] == ""));
    // The confirmation showed this booking's reference (read aloud from that screen) and it is
    // the one the outbox will send.
    const std::string reference = payload["reference"].get<std::string>();
    REQUIRE(reference.size() >= 6);
    CHECK_THAT(spoken, Catch::Matchers::ContainsSubstring(reference));
    // The service booked is the legal consultation.
    CHECK(payload["service_id"].get<std::string>().size() == 36);
}

TEST_CASE("the real kiosk: the idle warning then the reset wipes a half-filled booking form, nothing is queued",
          "[kiosk][program][real][journey]") {
    TempDir dir;
    std::string db = DemoDb(dir);
    if (db.empty()) {
        WARN("the real kiosk or kioskctl is not built; journey skipped");
        return;
    }
    Run run = RunProgram(dir,
                         "--db demo.db --script '" KIOSK_SOURCE_DIR "/tests/kiosk/journey_idle_reset_ru.txt' "
                         "--speech=log --speech-log spoken.txt",
                         "", KIOSK_REAL_PATH);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Matchers::ContainsSubstring("ui_session_timeout"));
    CHECK(ReadOutbox(db).empty());
}
