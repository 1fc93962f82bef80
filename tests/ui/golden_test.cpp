// Golden screenshots of every visitor screen, in lv, en and ru, drawn by the real `kiosk`
// program (SDL offscreen driver, Mesa llvmpipe, 1920x1080) with an automation script.
//
// - Content: the demo content imported with a fixed "today" (kNowUtc, 2026-11-25 10:00 UTC) and
//   scripts that set the same virtual clock, so course dates and the week view never move.
// - Comparison: each screenshot is halved (2x2 box filter, 960x540) and compared with
//   tests/ui/golden/<lang>-<screen>.png with test_support's tolerance (a pixel differs when a
//   channel is off by more than 40; at most 0.4 % of the pixels may differ). Halving keeps
//   the committed PNGs small and the comparison about layout, not anti-aliasing.
// - The confirmation shows a random reference code and its QR code. The script books twice;
//   the pixels where the two confirmations differ, grown by a margin, are left out of that
//   comparison (the rest of the screen is still checked).
// - Regenerate: KIOSK_UPDATE_GOLDEN=1 ctest -R ui_golden (or run test_ui_golden), then LOOK
//   at the PNGs before committing them. A mismatch writes <name>.actual.png and
//   <name>.diff.png into KIOSK_TEST_OUTPUT_DIR (default: the test's working directory) and
//   names them in the failure. The full-size screenshots of the last run stay in
//   KIOSK_TEST_OUTPUT_DIR/golden-shots/<lang>/ when KIOSK_KEEP_SHOTS=1.
#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/hsds_import.h"
#include "tests/support/image.h"
#include "ui/strings.h"

namespace {

constexpr long long kNowUtc = 1795600800;  // 2026-11-25T10:00:00Z, a Wednesday
constexpr const char* kClock = "2026-11-25T10:00:00Z";

std::string ReadAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

struct TempDir {
    std::string path;
    TempDir() {
        char templ[] = "/tmp/kiosk_golden_XXXXXX";
        path = mkdtemp(templ);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// The content's names the journeys go through, per language.
struct ContentLabels {
    const char* endonym;
    const char* legal_help;      // a category
    const char* consultation;    // a service with a booking form
    const char* topic;           // an option of the consultation form's "topic" field
    const char* time;            // an option of its "preferred_time" field
    const char* search_keys[8];  // on-screen keys typed into the search, nullptr-terminated
    const char* name;
    bool consultation_below_fold;  // in the legal help list (sorted by the reader's language)
};

const std::map<std::string, ContentLabels>& Labels() {
    static const std::map<std::string, ContentLabels> labels = {
        {"lv", {"Latviešu", "Juridiskā palīdzība", "Konsultācija ar juristu", "Mājoklis un rēķini",
                "Pēcpusdienā (12–16)", {"j", "u", "r", "i", "s", "t", nullptr}, "Jānis Bērziņš", true}},
        {"en", {"English", "Legal help", "Consultation with a lawyer", "Housing and bills", "Afternoon (12–16)",
                {"l", "a", "w", "y", "e", "r", nullptr}, "Anna Smith", false}},
        {"ru", {"Русский", "Юридическая помощь", "Консультация юриста", "Жильё и счета", "Днём (12–16)",
                {"ю", "р", "и", "с", "т", nullptr}, "Анна Петрова", false}},
    };
    return labels;
}

// A booking of the legal consultation from Home, up to the confirmation.
std::string BookingSteps(const ui::Strings& S, const std::string& lang, const std::string& shot_form,
                         const std::string& shot_summary, const std::string& shot_done) {
    const ContentLabels& c = Labels().at(lang);
    auto T = [&](const char* key) { return Quote(S(key, lang)); };
    std::string s;
    s += "tap " + T("home.booking") + "\n";
    s += "tap " + Quote(c.consultation) + "\n";
    s += "expect screen booking\n";
    s += "type " + Quote(c.name) + "\n";
    s += "key Tab\n";
    s += "type \"+371 20000000\"\n";
    if (!shot_form.empty()) s += "screenshot " + shot_form + "\n";
    // The choices and the consent are further down the form's column.
    s += "drag 500 950 500 250 400ms\n";
    s += "tap " + Quote(c.topic) + "\n";
    s += "tap " + Quote(c.time) + "\n";
    s += "drag 500 950 500 250 400ms\n";
    s += "tap " + T("booking.consent_agree") + "\n";
    s += "tap " + T("booking.next") + "\n";
    if (!shot_summary.empty()) s += "screenshot " + shot_summary + "\n";
    s += "tap " + T("booking.submit") + "\n";
    s += "expect screen confirmation\n";
    s += "screenshot " + shot_done + "\n";
    return s;
}

struct Shot {
    std::string name;
    bool volatile_pair = false;  // compared with volatile pixels masked (see the file comment)
};

// The journey through every screen; returns the screenshots it takes, in order.
std::string ScreensScript(const ui::Strings& S, const std::string& lang, std::vector<Shot>& shots) {
    const ContentLabels& c = Labels().at(lang);
    auto T = [&](const char* key) { return Quote(S(key, lang)); };
    std::string s = std::string("clock ") + kClock + "\n";
    auto shot = [&](const std::string& name) {
        s += "screenshot " + name + "\n";
        shots.push_back({name});
    };
    s += "expect screen attract\n";
    shot("attract");
    s += "tap 960 300\n";  // not on a "touch to start" line: the language choice
    s += "expect screen language\n";
    shot("language");
    s += "tap " + Quote(c.endonym) + "\n";
    s += "expect screen home\nexpect language " + lang + "\n";
    shot("home");
    s += "tap " + T("topbar.larger_text") + "\n";
    shot("home-larger");
    s += "tap " + T("topbar.normal_text") + "\n";
    s += "tap " + T("topbar.high_contrast") + "\n";
    shot("home-contrast");
    s += "tap " + T("topbar.normal_contrast") + "\n";
    s += "tap " + T("home.services") + "\nexpect screen categories\n";
    shot("categories");
    s += "tap " + Quote(c.legal_help) + "\nexpect screen services\n";
    shot("services");
    if (c.consultation_below_fold) s += "drag 960 900 960 400 400ms\n";
    s += "tap " + Quote(c.consultation) + "\nexpect screen service\n";
    shot("service");
    s += "tap " + T("topbar.larger_text") + "\n";
    shot("service-larger");
    s += "tap " + T("topbar.normal_text") + "\n";
    s += "tap " + T("topbar.high_contrast") + "\n";
    shot("service-contrast");
    s += "tap " + T("topbar.normal_contrast") + "\n";
    s += "tap " + T("topbar.home") + "\n";
    s += "tap " + T("home.search") + "\nexpect screen search\n";
    for (const char* const* k = c.search_keys; *k; ++k) s += "tap " + Quote(*k) + "\n";
    shot("search");
    s += "tap " + T("topbar.home") + "\n";
    s += "tap " + T("home.courses") + "\nexpect screen courses\n";
    shot("courses-list");
    s += "tap " + T("courses.week") + "\n";
    shot("courses-week");
    s += "tap " + T("topbar.home") + "\n";
    s += "tap " + T("home.hotline") + "\nexpect screen hotline\n";
    shot("hotline");
    s += "tap " + T("topbar.home") + "\n";
    s += "tap " + T("home.about") + "\nexpect screen about\n";
    shot("about");
    s += "tap " + T("topbar.home") + "\n";
    s += BookingSteps(S, lang, "booking-form", "booking-summary", "confirmation");
    shots.push_back({"booking-form"});
    shots.push_back({"booking-summary"});
    shots.push_back({"confirmation", true});
    // A second booking: where its confirmation differs from the first is what is random.
    s += "tap " + T("topbar.home") + "\n";
    s += BookingSteps(S, lang, "", "", "confirmation-again");
    s += "tap " + T("topbar.home") + "\n";
    s += "advance 61s\n";
    s += "expect widget " + T("timeout.continue") + "\n";
    shot("idle-warning");
    return s;
}

// Pixels that differ between two renderings of the same screen, grown by a margin wide enough
// to cover a whole reference code from any one of its letters (the QR code is covered anyway).
std::vector<bool> VolatileMask(const test_support::Image& a, const test_support::Image& b) {
    std::vector<bool> differs(size_t(a.width) * a.height, false);
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int ch = 0; ch < 3; ++ch)
                if (std::abs(int(a.At(x, y)[ch]) - int(b.At(x, y)[ch])) > 40) differs[size_t(y) * a.width + x] = true;
    const int mx = a.width / 8, my = a.height / 60;  // 120 x 9 px at 960x540
    // A separable box dilation: first along rows, then along columns.
    std::vector<bool> wide(differs.size(), false), mask(differs.size(), false);
    for (int y = 0; y < a.height; ++y) {
        const size_t row = size_t(y) * a.width;
        int in_window = 0;  // differing pixels in [x - mx, x + mx]
        for (int x = 0; x < std::min(mx, a.width); ++x) in_window += differs[row + x];
        for (int x = 0; x < a.width; ++x) {
            if (x + mx < a.width) in_window += differs[row + x + mx];
            if (x - mx - 1 >= 0) in_window -= differs[row + x - mx - 1];
            wide[row + x] = in_window > 0;
        }
    }
    for (int x = 0; x < a.width; ++x) {
        int in_window = 0;
        for (int y = 0; y < std::min(my, a.height); ++y) in_window += wide[size_t(y) * a.width + x];
        for (int y = 0; y < a.height; ++y) {
            if (y + my < a.height) in_window += wide[size_t(y + my) * a.width + x];
            if (y - my - 1 >= 0) in_window -= wide[size_t(y - my - 1) * a.width + x];
            mask[size_t(y) * a.width + x] = in_window > 0;
        }
    }
    return mask;
}

bool Updating() {
    const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
    return update != nullptr && *update != '\0' && std::string(update) != "0";
}

}  // namespace

TEST_CASE("every visitor screen in lv, en and ru matches its golden image", "[ui][golden]") {
    std::string kiosk = KIOSK_REAL_PATH;
    struct stat st {};
    if (kiosk.empty() || stat(kiosk.c_str(), &st) != 0) {
        FAIL("the kiosk program is not built: " << kiosk);
    }
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    TempDir dir;
    {
        auto db = content::Db::Open(dir.path + "/demo.db");
        REQUIRE(db.ok());
        content::ImportOptions options;
        options.now_utc = kNowUtc;
        auto report = content::ImportHsdsPath(*db, std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", options);
        INFO((report.ok() ? std::string() : report.error().ToString()));
        REQUIRE(report.ok());
    }
    const char* out_env = std::getenv("KIOSK_TEST_OUTPUT_DIR");
    const std::string out_dir = out_env && *out_env ? out_env : std::filesystem::current_path().string();
    const bool keep = std::getenv("KIOSK_KEEP_SHOTS") != nullptr;
    const std::string golden_dir = std::string(KIOSK_SOURCE_DIR) + "/tests/ui/golden/";

    int compared = 0;
    std::vector<std::string> failures;
    for (const std::string lang : {"lv", "en", "ru"}) {
        std::vector<Shot> shots;
        const std::string script = ScreensScript(*strings, lang, shots);
        const std::string script_path = dir.path + "/" + lang + ".txt";
        std::ofstream(script_path) << script;
        const std::string shots_dir = keep ? out_dir + "/golden-shots/" + lang : dir.path + "/shots-" + lang;
        std::filesystem::create_directories(shots_dir);
        // Each language's visit starts on its own attract screen (attract_language), and the
        // copy of the database keeps the runs apart (each books twice).
        std::filesystem::copy_file(dir.path + "/demo.db", dir.path + "/" + lang + ".db",
                                   std::filesystem::copy_options::overwrite_existing);
        const std::string err_path = dir.path + "/" + lang + ".err";
        const std::string command = "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 120 '" + kiosk +
                                    "' --db '" + dir.path + "/" + lang + ".db' --script '" + script_path +
                                    "' --screenshot-dir '" + shots_dir +
                                    "' --speech=off --set window_size=1920x1080 --set attract_language=" + lang +
                                    " >/dev/null 2>'" + err_path + "'";
        int raw = std::system(command.c_str());
        INFO("language " << lang << "\n" << ReadAll(err_path));
        REQUIRE(WIFEXITED(raw));
        REQUIRE(WEXITSTATUS(raw) == 0);

        for (const Shot& shot : shots) {
            const std::string name = lang + "-" + shot.name;
            auto full = test_support::ReadPng(shots_dir + "/" + shot.name + ".png");
            REQUIRE(full.ok());
            CHECK(full->width == 1920);
            CHECK(full->height == 1080);
            test_support::Image actual = test_support::Halve(*full);
            const std::string golden = golden_dir + name + ".png";
            if (shot.volatile_pair && !Updating()) {
                auto again = test_support::ReadPng(shots_dir + "/" + shot.name + "-again.png");
                REQUIRE(again.ok());
                test_support::Image other = test_support::Halve(*again);
                std::vector<bool> mask = VolatileMask(actual, other);
                size_t masked = 0;
                for (bool m : mask) masked += m;
                // Only the reference code and its QR code may change from booking to booking.
                CHECK(masked > 0);
                CHECK(masked < mask.size() / 5);
                auto expected = test_support::ReadPng(golden);
                if (expected.ok() && expected->width == actual.width && expected->height == actual.height) {
                    for (int y = 0; y < actual.height; ++y)
                        for (int x = 0; x < actual.width; ++x)
                            if (mask[size_t(y) * actual.width + x])
                                std::copy(expected->At(x, y), expected->At(x, y) + 4, actual.At(x, y));
                }
            }
            base::Status match = test_support::MatchGolden(actual, golden, test_support::Tolerance{});
            ++compared;
            if (!match.ok()) failures.push_back(match.error().message);
        }
    }
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
    CHECK(compared == 3 * 19);  // 19 screenshots per language (ScreensScript)
}
