// kiosk/config.h: the kiosk program's configuration, a plain struct with good defaults.
//
// Design note
// - Precedence: built-in defaults < the configuration file < command-line flags. Every key of
//   the file can be given on the command line as `--set key=value`; the common ones also have
//   their own flags (--db, --windowed, --video-driver, --speech ...), see command_line.h.
// - The file is `key = value` lines; blank lines and lines starting with '#' are ignored; a value
//   may be quoted ("...") to keep leading or trailing spaces. `font` may repeat (one family per
//   line, in fallback order); every other key may appear once. An unknown key, a repeated key, a
//   bad value or a line that is not `key = value` is an error naming the file, the line and the
//   key (code "config_invalid"), so a typo never silently falls back to a default.
// - Cross-key rules (attract_language must be one of languages) are checked after all values
//   are read; the error names the line of the key that broke the rule.
// - config/kiosk.conf.example documents every key with its default.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk {

// One font family: regular face, optional bold face, the Debian package that ships them.
struct FontFamily {
    std::string regular_path;
    std::string bold_path;
    std::string debian_package;
};

enum class VideoDriver { Auto, KmsDrm, Wayland, X11, Offscreen, Dummy };
enum class SpeechMode { Espeak, Log, Off };

struct KioskConfig {
    // Content.
    std::string database_path = "/var/lib/kiosk/content.db";

    // Sync with kiosk-hub (an empty hub_url turns sync off). The token is read from a file so the
    // configuration can be world-readable while the secret is not.
    std::string hub_url;
    std::string hub_token_file = "/etc/kiosk/hub-token";
    double sync_interval_seconds = 300.0;
    // Signed bundles (USB import from the staff diagnostics screen): the hub's Ed25519 public
    // key (hex, or a file holding it) and the scope this kiosk accepts. No key: no import.
    std::string bundle_public_key;
    std::string bundle_scope = "default";

    // Visitor session.
    std::vector<std::string> languages = {"lv", "en", "ru"};
    std::string attract_language = "lv";
    double idle_timeout_seconds = 60.0;
    double warning_seconds = 20.0;
    // Staff mode (docs/staff-mode.md): on by default, because the hidden gesture opens the PIN
    // pad only when the content has staff members; `staff_mode = false` turns it off entirely.
    bool staff_mode_available = true;
    std::string kiosk_name;    // in staff edits' audit trail; empty: the host name

    // Fonts: empty means the Debian defaults of the text engine.
    std::vector<FontFamily> fonts;
    float input_font_size_px = 28.0f;

    // Display.
    VideoDriver video_driver = VideoDriver::Auto;
    bool fullscreen = true;
    int display_index = 0;
    int window_width = 1920;   // the window size when windowed, and the offscreen size
    int window_height = 1080;
    double screen_diagonal_inches = 21.5;
    bool vsync = true;
    int max_fps = 60;          // cap while animating (llvmpipe without vsync would spin)
    bool hide_cursor = true;

    // Input.
    float drag_threshold_px = 14.0f;

    // Accessibility defaults for a new session, and read-aloud.
    bool larger_text = false;
    bool high_contrast = false;
    SpeechMode speech = SpeechMode::Espeak;
    float speech_volume = 0.8f;
    std::string speech_log;    // --speech=log writes here; empty: the log (stderr)

    std::string log_level = "info";

    // Firmware updates (image/rootfs/usr/lib/kiosk/usb-update reads this key from the same file;
    // the kiosk itself only checks it, so a typo is caught at start, not at 3 in the morning):
    // when to reboot into an installed update: "HH:MM" local time, "now" or "never".
    std::string update_reboot_at = "03:30";
};

const char* VideoDriverName(VideoDriver driver);
const char* SpeechModeName(SpeechMode mode);

// Where a key's value came from, for error messages ("/etc/kiosk/kiosk.conf:12" or
// "command line").
struct ConfigSource {
    std::string file;  // empty for the command line
    int line = 0;
    std::string Describe() const;
};

// Applies `key = value` to config. `seen` records where each key was set, so a repeated key
// and a cross-key rule can name their lines. Error code "config_invalid".
base::Status SetConfigValue(KioskConfig& config, const std::string& key, const std::string& value,
                            const ConfigSource& source,
                            std::map<std::string, ConfigSource>& seen);

// Parses configuration text (the contents of `file_name`) on top of `config`.
base::Status ParseConfigText(KioskConfig& config, const std::string& text,
                             const std::string& file_name,
                             std::map<std::string, ConfigSource>& seen);

// Reads and parses a file on top of `config`. Error "config_unreadable" when it cannot be read.
base::Status LoadConfigFile(KioskConfig& config, const std::string& path,
                            std::map<std::string, ConfigSource>& seen);

// Cross-key rules, run after the file and the flags.
base::Status ValidateConfig(const KioskConfig& config,
                            const std::map<std::string, ConfigSource>& seen);

// Every key the file accepts, in documentation order (for messages and the example file test).
const std::vector<std::string>& ConfigKeys();

// Parses "60", "60s", "1.5s", "500ms", "2m", "1h" into seconds.
base::Result<double> ParseDuration(const std::string& text);

}  // namespace kiosk
