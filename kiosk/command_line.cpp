#include "kiosk/command_line.h"

#include <sys/stat.h>

#include <map>

namespace kiosk {

using base::MakeError;
using base::Result;

const char* UsageText() {
    return "usage: kiosk [options]\n"
           "  --config PATH          configuration file (default /etc/kiosk/kiosk.conf if present)\n"
           "  --db PATH              content database (key: database)\n"
           "  --windowed             run in a window (key: fullscreen = false)\n"
           "  --fullscreen           run fullscreen (the default)\n"
           "  --video-driver NAME    auto, kmsdrm, wayland, x11, offscreen, dummy (key: video_driver)\n"
           "  --speech MODE          espeak, log or off (key: speech)\n"
           "  --speech-log PATH      with --speech=log, write what would be spoken here\n"
           "  --set KEY=VALUE        any configuration key (see config/kiosk.conf.example)\n"
           "  --script FILE          run an automation script and exit (see docs/automation.md)\n"
           "  --screenshot-dir DIR   where the script's screenshots go (default: .)\n"
           "  --stats PATH           write frame and resource statistics (JSON) at exit\n"
           "  --staff                a staff laptop: windowed, staff mode on, opens the staff PIN pad\n"
           "  --trial-boot           a trial boot of a new firmware slot: hold schema steps the old slot\n"
           "                         could not read (also KIOSK_TRIAL_BOOT=1)\n"
           "  --help                 this text\n"
           "Exit status: 0 ok, 1 cannot start (display, GL, a schema step held on a trial boot),\n"
           "2 bad configuration or flags, 3 a script step or expectation failed.\n";
}

Result<CommandLine> ParseCommandLine(const std::vector<std::string>& args) {
    CommandLine out;
    // Flags that are shorthand for a configuration key.
    static const std::map<std::string, std::string> key_flags = {
        {"--db", "database"},
        {"--video-driver", "video_driver"},
        {"--speech", "speech"},
        {"--speech-log", "speech_log"},
    };
    for (size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        std::string value;
        bool has_inline_value = false;
        size_t eq = flag.find('=');
        if (flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            has_inline_value = true;
        }
        auto take_value = [&]() -> Result<std::string> {
            if (has_inline_value) return value;
            if (i + 1 >= args.size()) return MakeError("usage", flag + " needs a value");
            return args[++i];
        };
        if (flag == "--help" || flag == "-h") {
            out.help = true;
        } else if (flag == "--windowed") {
            out.overrides.emplace_back("fullscreen", "false");
        } else if (flag == "--fullscreen") {
            out.overrides.emplace_back("fullscreen", "true");
        } else if (flag == "--staff") {
            // Applied in order with the other flags: a later --fullscreen still wins.
            out.staff = true;
            out.overrides.emplace_back("fullscreen", "false");
            out.overrides.emplace_back("staff_mode", "true");
        } else if (flag == "--trial-boot") {
            out.trial_boot = true;
        } else if (key_flags.count(flag)) {
            auto v = take_value();
            if (!v.ok()) return v.error();
            out.overrides.emplace_back(key_flags.at(flag), *v);
        } else if (flag == "--set") {
            auto v = take_value();
            if (!v.ok()) return v.error();
            size_t kv = v->find('=');
            if (kv == std::string::npos || kv == 0)
                return MakeError("usage", "--set expects KEY=VALUE, got '" + *v + "'");
            out.overrides.emplace_back(v->substr(0, kv), v->substr(kv + 1));
        } else if (flag == "--config" || flag == "--script" || flag == "--screenshot-dir" ||
                   flag == "--stats") {
            auto v = take_value();
            if (!v.ok()) return v.error();
            if (v->empty()) return MakeError("usage", flag + " needs a non-empty value");
            if (flag == "--config") out.config_path = *v;
            if (flag == "--script") out.script_path = *v;
            if (flag == "--screenshot-dir") out.screenshot_dir = *v;
            if (flag == "--stats") out.stats_path = *v;
        } else {
            return MakeError("usage", "unknown argument '" + args[i] + "' (try --help)");
        }
    }
    if (!out.screenshot_dir.empty() && out.script_path.empty())
        return MakeError("usage", "--screenshot-dir is only used with --script");
    return out;
}

Result<bool> ParseTrialBootEnvironment(const char* value) {
    if (value == nullptr) return false;
    const std::string text = value;
    if (text.empty() || text == "0") return false;
    if (text == "1") return true;
    return MakeError("usage", "KIOSK_TRIAL_BOOT must be 1 or 0, got '" + text + "'");
}

Result<KioskConfig> BuildConfig(const CommandLine& command_line,
                                const std::string& default_config_path) {
    KioskConfig config;
    std::map<std::string, ConfigSource> seen;
    if (!command_line.config_path.empty()) {
        TRY(LoadConfigFile(config, command_line.config_path, seen));
    } else {
        struct stat st {};
        if (!default_config_path.empty() && stat(default_config_path.c_str(), &st) == 0)
            TRY(LoadConfigFile(config, default_config_path, seen));
    }
    for (const auto& [key, value] : command_line.overrides)
        TRY(SetConfigValue(config, key, value, ConfigSource{}, seen));
    TRY(ValidateConfig(config, seen));
    return config;
}

}  // namespace kiosk
