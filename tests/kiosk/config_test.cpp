// Configuration: good files, defaults, broken files naming file/line/key, flags overriding.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <unistd.h>

#include "kiosk/command_line.h"
#include "kiosk/config.h"

using kiosk::KioskConfig;

namespace {

std::string TempFile(const std::string& name, const std::string& text) {
    std::string path = "/tmp/kiosk_config_test_" + std::to_string(::getpid()) + "_" + name;
    std::ofstream(path) << text;
    return path;
}

base::Status Parse(KioskConfig& config, const std::string& text, const std::string& file = "k.conf") {
    std::map<std::string, kiosk::ConfigSource> seen;
    TRY(kiosk::ParseConfigText(config, text, file, seen));
    return kiosk::ValidateConfig(config, seen);
}

}  // namespace

TEST_CASE("defaults are those of a Latvian lobby kiosk", "[kiosk][config]") {
    KioskConfig c;
    CHECK(c.database_path == "/var/lib/kiosk/content.db");
    CHECK(c.languages == std::vector<std::string>{"lv", "en", "ru"});
    CHECK(c.attract_language == "lv");
    CHECK(c.idle_timeout_seconds == 60.0);
    CHECK(c.fullscreen);
    CHECK(c.video_driver == kiosk::VideoDriver::Auto);
    CHECK(c.speech == kiosk::SpeechMode::Espeak);
    CHECK(c.hub_url.empty());
    CHECK(c.fonts.empty());
}

TEST_CASE("a good file sets every kind of value", "[kiosk][config]") {
    KioskConfig c;
    auto st = Parse(c,
                    "# lobby kiosk\n"
                    "\n"
                    "database = /data/kiosk.db\n"
                    "hub_url = https://hub.example.lv/api\n"
                    "sync_interval = 2m\n"
                    "languages = en, lv, ru, uk\n"
                    "attract_language = en\n"
                    "idle_timeout = 90s\n"
                    "warning_time = 15\n"
                    "font = /f/Regular.ttf, /f/Bold.ttf, fonts-x\n"
                    "font = /f/Arabic.ttf\n"
                    "video_driver = kmsdrm\n"
                    "fullscreen = no\n"
                    "window_size = 1280x800\n"
                    "speech = log\n"
                    "speech_volume = 0.5\n"
                    "speech_log = \" /tmp/spaced name \"\n"
                    "larger_text = true\n"
                    "drag_threshold = 20\n");
    REQUIRE(st.ok());
    CHECK(c.database_path == "/data/kiosk.db");
    CHECK(c.hub_url == "https://hub.example.lv/api");
    CHECK(c.sync_interval_seconds == 120.0);
    CHECK(c.languages == std::vector<std::string>{"en", "lv", "ru", "uk"});
    CHECK(c.attract_language == "en");
    CHECK(c.idle_timeout_seconds == 90.0);
    CHECK(c.warning_seconds == 15.0);
    REQUIRE(c.fonts.size() == 2);
    CHECK(c.fonts[0].bold_path == "/f/Bold.ttf");
    CHECK(c.fonts[0].debian_package == "fonts-x");
    CHECK(c.fonts[1].regular_path == "/f/Arabic.ttf");
    CHECK(c.fonts[1].bold_path.empty());
    CHECK(c.video_driver == kiosk::VideoDriver::KmsDrm);
    CHECK_FALSE(c.fullscreen);
    CHECK(c.window_width == 1280);
    CHECK(c.window_height == 800);
    CHECK(c.speech == kiosk::SpeechMode::Log);
    CHECK(c.speech_volume == Catch::Approx(0.5));
    CHECK(c.speech_log == " /tmp/spaced name ");
    CHECK(c.larger_text);
    CHECK(c.drag_threshold_px == 20.0f);
}

TEST_CASE("a broken file names the file, the line and the key", "[kiosk][config]") {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"database = /a\nidle_timeout = soon\n", "k.conf:2: key 'idle_timeout': expected a duration"},
        {"\n\nvideo_driver = directfb\n", "k.conf:3: key 'video_driver': expected auto, kmsdrm"},
        {"languages = lv, EN\n", "k.conf:1: key 'languages': 'EN' is not a language tag"},
        {"languages = lv, en, lv\n", "k.conf:1: key 'languages': 'lv' is listed twice"},
        {"fullscreen = maybe\n", "k.conf:1: key 'fullscreen': expected true or false, got 'maybe'"},
        {"idel_timeout = 60\n", "k.conf:1: unknown key 'idel_timeout'"},
        {"database = /a\ndatabase = /b\n", "k.conf:2: key 'database' is already set on line 1"},
        {"just some words\n", "k.conf:1: expected 'key = value'"},
        {"window_size = 1920by1080\n", "k.conf:1: key 'window_size': expected WIDTHxHEIGHT"},
        {"speech_volume = 3\n", "k.conf:1: key 'speech_volume': expected a number from 0 to 1"},
        {"hub_url = ftp://x\n", "k.conf:1: key 'hub_url': expected an http:// or https://"},
        {"database = \"/a\n", "k.conf:1: key 'database': the closing quote is missing"},
        {"max_fps = 60.5\n", "k.conf:1: key 'max_fps': expected a whole number"},
        {"languages = en, ru\nattract_language = lv\n",
         "k.conf:2: key 'attract_language': 'lv' is not one of languages (en, ru)"},
        {"languages = en, ru\n", "k.conf:1: key 'attract_language': 'lv' is not one of languages"},
        {"update_reboot_at = 3:30\n", "k.conf:1: key 'update_reboot_at': expected a time of day HH:MM"},
        {"update_reboot_at = 24:00\n", "k.conf:1: key 'update_reboot_at': expected a time of day HH:MM"},
        {"update_reboot_at = 03:60\n", "k.conf:1: key 'update_reboot_at': expected a time of day HH:MM"},
        {"update_reboot_at = later\n", "k.conf:1: key 'update_reboot_at': expected a time of day HH:MM, now or never"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        KioskConfig config;
        auto st = Parse(config, c.text);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == "config_invalid");
        CHECK_THAT(st.error().message, Catch::Matchers::ContainsSubstring(c.expected));
    }
}

TEST_CASE("update_reboot_at takes a time of day, now or never", "[kiosk][config]") {
    CHECK(KioskConfig().update_reboot_at == "03:30");
    for (const char* value : {"00:00", "23:59", "now", "never"}) {
        INFO(value);
        KioskConfig c;
        REQUIRE(Parse(c, std::string("update_reboot_at = ") + value + "\n").ok());
        CHECK(c.update_reboot_at == value);
    }
}

TEST_CASE("durations accept s, ms, m, h and reject the rest", "[kiosk][config]") {
    CHECK(*kiosk::ParseDuration("60") == 60.0);
    CHECK(*kiosk::ParseDuration("1.5s") == 1.5);
    CHECK(*kiosk::ParseDuration("250ms") == Catch::Approx(0.25));
    CHECK(*kiosk::ParseDuration("2m") == 120.0);
    CHECK(*kiosk::ParseDuration("1h") == 3600.0);
    CHECK_FALSE(kiosk::ParseDuration("-1s").ok());
    CHECK_FALSE(kiosk::ParseDuration("s").ok());
    CHECK_FALSE(kiosk::ParseDuration("5 sec").ok());
    CHECK_FALSE(kiosk::ParseDuration("").ok());
}

TEST_CASE("flags override the file, --set reaches any key", "[kiosk][config]") {
    std::string path = TempFile("flags.conf",
                                "database = /from/file.db\n"
                                "idle_timeout = 30s\n"
                                "font = /file/font.ttf\n"
                                "speech = espeak\n");
    auto cl = kiosk::ParseCommandLine({"--config", path, "--db", "/from/flag.db", "--windowed",
                                       "--speech=log", "--set", "idle_timeout=45s",
                                       "--set=font=/flag/a.ttf", "--set", "font=/flag/b.ttf"});
    REQUIRE(cl.ok());
    auto config = kiosk::BuildConfig(*cl, "");
    REQUIRE(config.ok());
    CHECK(config->database_path == "/from/flag.db");
    CHECK(config->idle_timeout_seconds == 45.0);
    CHECK_FALSE(config->fullscreen);
    CHECK(config->speech == kiosk::SpeechMode::Log);
    // The flags' fonts replace the file's, and repeat among themselves.
    REQUIRE(config->fonts.size() == 2);
    CHECK(config->fonts[0].regular_path == "/flag/a.ttf");
    CHECK(config->fonts[1].regular_path == "/flag/b.ttf");
    std::remove(path.c_str());
}

TEST_CASE("a bad flag value names the command line and the key", "[kiosk][config]") {
    auto cl = kiosk::ParseCommandLine({"--set", "idle_timeout=forever"});
    REQUIRE(cl.ok());
    auto config = kiosk::BuildConfig(*cl, "");
    REQUIRE_FALSE(config.ok());
    CHECK_THAT(config.error().message, Catch::Matchers::ContainsSubstring("command line: key 'idle_timeout'"));
}

TEST_CASE("the default file is read only when present; --config must exist", "[kiosk][config]") {
    std::string path = TempFile("default.conf", "idle_timeout = 75s\n");
    auto cl = kiosk::ParseCommandLine({});
    REQUIRE(cl.ok());
    auto from_default = kiosk::BuildConfig(*cl, path);
    REQUIRE(from_default.ok());
    CHECK(from_default->idle_timeout_seconds == 75.0);
    auto without = kiosk::BuildConfig(*cl, "/nonexistent/kiosk.conf");
    REQUIRE(without.ok());
    CHECK(without->idle_timeout_seconds == 60.0);

    auto missing = kiosk::ParseCommandLine({"--config", "/nonexistent/kiosk.conf"});
    REQUIRE(missing.ok());
    auto config = kiosk::BuildConfig(*missing, path);
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().code == "config_unreadable");
    CHECK_THAT(config.error().message, Catch::Matchers::ContainsSubstring("/nonexistent/kiosk.conf"));
    std::remove(path.c_str());
}

TEST_CASE("the command line rejects what it does not know", "[kiosk][config]") {
    CHECK(kiosk::ParseCommandLine({"--bogus"}).error().message == "unknown argument '--bogus' (try --help)");
    CHECK_THAT(kiosk::ParseCommandLine({"--db"}).error().message, Catch::Matchers::ContainsSubstring("--db needs a value"));
    CHECK_THAT(kiosk::ParseCommandLine({"--set", "novalue"}).error().message,
               Catch::Matchers::ContainsSubstring("--set expects KEY=VALUE"));
    CHECK_THAT(kiosk::ParseCommandLine({"--screenshot-dir", "/tmp"}).error().message,
               Catch::Matchers::ContainsSubstring("only used with --script"));
    auto ok = kiosk::ParseCommandLine({"--script", "a.txt", "--screenshot-dir", "/tmp/s", "--stats=/tmp/x.json"});
    REQUIRE(ok.ok());
    CHECK(ok->script_path == "a.txt");
    CHECK(ok->screenshot_dir == "/tmp/s");
    CHECK(ok->stats_path == "/tmp/x.json");
}

TEST_CASE("the example configuration file parses and mentions every key", "[kiosk][config]") {
    std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.conf.example";
    std::ifstream file(path);
    REQUIRE(file.good());
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    for (const std::string& key : kiosk::ConfigKeys()) {
        INFO(key);
        CHECK(text.find(key + " =") != std::string::npos);
    }
    // Uncommenting every "# key = value" line gives a valid file (except the repeated font).
    std::string uncommented;
    std::istringstream in(text);
    std::string line;
    bool font_seen = false;
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) != 0) continue;
        std::string body = line.substr(2);
        size_t eq = body.find(" = ");
        const auto& keys = kiosk::ConfigKeys();
        if (eq != std::string::npos && std::find(keys.begin(), keys.end(), body.substr(0, eq)) != keys.end()) {
            if (body.rfind("font =", 0) == 0) {
                if (font_seen) continue;
                font_seen = true;
            }
            uncommented += body + "\n";
        }
    }
    KioskConfig c;
    auto st = Parse(c, uncommented, path);
    INFO(uncommented);
    INFO((st.ok() ? std::string() : st.error().message));
    REQUIRE(st.ok());
    CHECK(c.hub_url == "https://hub.integration.lv/kiosk");  // the lines really were read
}
