// kiosk/main.cpp: the `kiosk` program. See app.h for the design, command_line.h for the flags,
// docs/automation.md for --script.
//
// Exit status: 0 clean exit (SIGTERM, window closed, script passed); 1 cannot start (display,
// GL, db_migration_held: a trial boot must not migrate the database the old slot still needs);
// 2 bad configuration, flags or script file; 3 a script step or expectation failed.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/log.h"
#include "kiosk/app.h"
#include "kiosk/command_line.h"
#include "kiosk/script.h"
#include "kiosk/service_notify.h"
#include "kiosk/script_runner.h"

namespace {

base::LogLevel LevelFromName(const std::string& name) {
    if (name == "debug") return base::LogLevel::Debug;
    if (name == "warn") return base::LogLevel::Warn;
    if (name == "error") return base::LogLevel::Error;
    return base::LogLevel::Info;
}

}  // namespace

int main(int argc, char** argv) {
    kiosk::Clock start_clock(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    auto command_line = kiosk::ParseCommandLine(args);
    if (!command_line.ok()) {
        std::fprintf(stderr, "kiosk: %s\n%s", command_line.error().message.c_str(), kiosk::UsageText());
        return 2;
    }
    if (command_line->help) {
        std::fputs(kiosk::UsageText(), stdout);
        return 0;
    }
    auto trial_from_environment = kiosk::ParseTrialBootEnvironment(std::getenv("KIOSK_TRIAL_BOOT"));
    if (!trial_from_environment.ok()) {
        std::fprintf(stderr, "kiosk: %s\n", trial_from_environment.error().message.c_str());
        return 2;
    }
    auto config = kiosk::BuildConfig(*command_line);
    if (!config.ok()) {
        base::LogError(config.error().code, config.error().message);
        std::fprintf(stderr, "kiosk: configuration error: %s\n", config.error().message.c_str());
        return 2;
    }
    base::SetLogLevel(LevelFromName(config->log_level));

    // A script is read before the display opens: a malformed one fails before anything runs.
    kiosk::Script script;
    bool script_mode = !command_line->script_path.empty();
    if (script_mode) {
        auto loaded = kiosk::LoadScript(command_line->script_path);
        if (!loaded.ok()) {
            base::LogError(loaded.error().code, loaded.error().message);
            return 2;
        }
        script = std::move(loaded).value();
    }

    kiosk::AppOptions options;
    options.config = *config;
    options.script_mode = script_mode;
    options.start_time_real = start_clock.RealNow();
    options.measure_gl = !command_line->stats_path.empty();
    options.staff_laptop = command_line->staff;
    options.trial_boot = command_line->trial_boot || *trial_from_environment;
    auto app = kiosk::App::Create(options);
    if (!app.ok()) {
        base::LogError(app.error().code, app.error().message);
        std::fprintf(stderr, "kiosk: cannot start: %s\n", app.error().ToString().c_str());
        if (app.error().code == "db_migration_held") kiosk::ServiceNotifier().StartRefused(app.error().ToString());
        return app.error().code == "speech_log_unwritable" ? 2 : 1;
    }

    int status = 0;
    if (script_mode) {
        base::Status result = kiosk::RunScript(**app, script, command_line->screenshot_dir);
        if (!result.ok()) {
            base::LogError("script_failed", result.error().ToString());
            std::fprintf(stderr, "kiosk: script failed: %s\n", result.error().message.c_str());
            status = 3;
        }
    } else {
        status = (*app)->Run();
    }

    if (!command_line->stats_path.empty()) {
        base::Status written = (*app)->stats().WriteJson(command_line->stats_path);
        if (!written.ok()) base::LogError("stats_unwritable", written.error().ToString());
    }
    return status;
}
