// kiosk/command_line.h: the kiosk program's flags, and the configuration they produce.
//
//   kiosk [--config PATH] [--db PATH] [--windowed] [--video-driver NAME] [--speech MODE]
//         [--speech-log PATH] [--set KEY=VALUE]... [--script FILE --screenshot-dir DIR]
//         [--stats PATH] [--trial-boot] [--help]
//
// Without --config the program reads /etc/kiosk/kiosk.conf when it exists and uses the
// defaults otherwise; --config names a file that must exist. Flags are applied after the file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "kiosk/config.h"

namespace kiosk {

inline constexpr const char* kDefaultConfigPath = "/etc/kiosk/kiosk.conf";

struct CommandLine {
    std::string config_path;                                  // empty: the default path if it exists
    std::vector<std::pair<std::string, std::string>> overrides;  // key, value, in order
    std::string script_path;
    std::string screenshot_dir;
    std::string stats_path;
    bool help = false;
    bool staff = false;   // --staff: a staff laptop (windowed, the PIN pad first)
    // --trial-boot, or KIOSK_TRIAL_BOOT=1 (set by the image's kiosk.service): this boot tries a
    // newly installed firmware slot, so schema steps the old slot could not read are held
    // (content/schema.h). A boot state, not configuration: no kiosk.conf key.
    bool trial_boot = false;
};

// Error code "usage" with a message naming the flag.
base::Result<CommandLine> ParseCommandLine(const std::vector<std::string>& args);

// Defaults, then the file, then the flags, then the cross-key rules.
base::Result<KioskConfig> BuildConfig(const CommandLine& command_line,
                                      const std::string& default_config_path = kDefaultConfigPath);

const char* UsageText();

// KIOSK_TRIAL_BOOT's value: unset, "" or "0" is false, "1" is true, anything else is error
// "usage" (a typo must not silently run the migrations a trial boot holds).
base::Result<bool> ParseTrialBootEnvironment(const char* value);

}  // namespace kiosk
