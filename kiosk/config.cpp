#include "kiosk/config.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

namespace kiosk {
namespace {

using base::MakeError;
using base::Result;
using base::Status;

// A setter validates the text and stores it, or returns a reason (no file/line: the caller
// adds where the value came from).
using Setter = std::function<Status(KioskConfig&, const std::string&)>;

struct KeySpec {
    const char* key;
    bool repeatable;
    Setter set;
};

std::string Trim(const std::string& s) {
    size_t begin = s.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    size_t end = s.find_last_not_of(" \t\r");
    return s.substr(begin, end - begin + 1);
}

Status Reason(const std::string& message) { return MakeError("config_invalid", message); }

Result<bool> ParseBool(const std::string& v) {
    if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
    if (v == "false" || v == "no" || v == "off" || v == "0") return false;
    return MakeError("config_invalid", "expected true or false, got '" + v + "'");
}

Result<double> ParseNumber(const std::string& v) {
    if (v.empty()) return MakeError("config_invalid", "expected a number, got nothing");
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(v.c_str(), &end);
    if (errno != 0 || end != v.c_str() + v.size() || !std::isfinite(d))
        return MakeError("config_invalid", "expected a number, got '" + v + "'");
    return d;
}

Result<int> ParseInt(const std::string& v, int min, int max) {
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || errno != 0 || end != v.c_str() + v.size())
        return MakeError("config_invalid", "expected a whole number, got '" + v + "'");
    if (n < min || n > max)
        return MakeError("config_invalid", "expected a number from " + std::to_string(min) +
                                               " to " + std::to_string(max) + ", got " + v);
    return (int)n;
}

Result<double> ParseRange(const std::string& v, double min, double max) {
    auto d = ParseNumber(v);
    if (!d.ok()) return d.error();
    if (*d < min || *d > max) {
        std::ostringstream out;
        out << "expected a number from " << min << " to " << max << ", got " << v;
        return MakeError("config_invalid", out.str());
    }
    return *d;
}

std::vector<std::string> SplitList(const std::string& v, char sep) {
    std::vector<std::string> items;
    std::string item;
    std::istringstream in(v);
    while (std::getline(in, item, sep)) items.push_back(Trim(item));
    if (!v.empty() && v.back() == sep) items.push_back("");
    return items;
}

// A BCP 47 tag as the kiosk uses them: a 2-3 letter lowercase language, optional subtags.
bool IsLanguageTag(const std::string& tag) {
    size_t i = 0;
    while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i] != '-') return false;
        size_t start = ++i;
        while (i < tag.size() && std::isalnum((unsigned char)tag[i])) ++i;
        if (i - start < 1 || i - start > 8) return false;
    }
    return true;
}

Setter Bool(bool KioskConfig::*member) {
    return [member](KioskConfig& c, const std::string& v) -> Status {
        auto b = ParseBool(v);
        if (!b.ok()) return b.error();
        c.*member = *b;
        return base::Ok();
    };
}

Setter Text(std::string KioskConfig::*member, bool allow_empty) {
    return [member, allow_empty](KioskConfig& c, const std::string& v) -> Status {
        if (!allow_empty && v.empty()) return Reason("expected a value, got nothing");
        c.*member = v;
        return base::Ok();
    };
}

Setter Seconds(double KioskConfig::*member, double min, double max) {
    return [member, min, max](KioskConfig& c, const std::string& v) -> Status {
        auto d = ParseDuration(v);
        if (!d.ok()) return d.error();
        if (*d < min || *d > max) {
            std::ostringstream out;
            out << "expected a duration from " << min << "s to " << max << "s, got " << v;
            return Reason(out.str());
        }
        c.*member = *d;
        return base::Ok();
    };
}

Setter Int(int KioskConfig::*member, int min, int max) {
    return [member, min, max](KioskConfig& c, const std::string& v) -> Status {
        auto n = ParseInt(v, min, max);
        if (!n.ok()) return n.error();
        c.*member = *n;
        return base::Ok();
    };
}

template <typename T>
Setter Real(T KioskConfig::*member, double min, double max) {
    return [member, min, max](KioskConfig& c, const std::string& v) -> Status {
        auto d = ParseRange(v, min, max);
        if (!d.ok()) return d.error();
        c.*member = (T)*d;
        return base::Ok();
    };
}

const std::vector<KeySpec>& Specs() {
    static const std::vector<KeySpec> specs = {
        {"database", false, Text(&KioskConfig::database_path, false)},
        {"hub_url", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             if (!v.empty() && v.rfind("https://", 0) != 0 && v.rfind("http://", 0) != 0)
                 return Reason("expected an http:// or https:// address, got '" + v + "'");
             c.hub_url = v;
             return base::Ok();
         }},
        {"hub_token_file", false, Text(&KioskConfig::hub_token_file, true)},
        {"sync_interval", false, Seconds(&KioskConfig::sync_interval_seconds, 5, 86400)},
        {"bundle_public_key", false, Text(&KioskConfig::bundle_public_key, true)},
        {"bundle_scope", false, Text(&KioskConfig::bundle_scope, false)},
        {"languages", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             std::vector<std::string> langs = SplitList(v, ',');
             if (langs.empty()) return Reason("expected a comma-separated list like lv, en, ru");
             for (size_t i = 0; i < langs.size(); ++i) {
                 if (!IsLanguageTag(langs[i]))
                     return Reason("'" + langs[i] + "' is not a language tag like lv, en or ru");
                 for (size_t j = 0; j < i; ++j)
                     if (langs[j] == langs[i]) return Reason("'" + langs[i] + "' is listed twice");
             }
             c.languages = langs;
             return base::Ok();
         }},
        {"attract_language", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             if (!IsLanguageTag(v)) return Reason("'" + v + "' is not a language tag like lv");
             c.attract_language = v;
             return base::Ok();
         }},
        {"idle_timeout", false, Seconds(&KioskConfig::idle_timeout_seconds, 5, 3600)},
        {"warning_time", false, Seconds(&KioskConfig::warning_seconds, 0, 600)},
        {"staff_mode", false, Bool(&KioskConfig::staff_mode_available)},
        {"kiosk_name", false, Text(&KioskConfig::kiosk_name, true)},
        {"font", true,
         [](KioskConfig& c, const std::string& v) -> Status {
             std::vector<std::string> parts = SplitList(v, ',');
             if (parts.empty() || parts.size() > 3 || parts[0].empty())
                 return Reason("expected 'REGULAR_PATH[, BOLD_PATH[, DEBIAN_PACKAGE]]', got '" + v + "'");
             FontFamily family;
             family.regular_path = parts[0];
             if (parts.size() > 1) family.bold_path = parts[1];
             if (parts.size() > 2) family.debian_package = parts[2];
             c.fonts.push_back(family);
             return base::Ok();
         }},
        {"input_font_size", false, Real(&KioskConfig::input_font_size_px, 8, 200)},
        {"video_driver", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             static const std::pair<const char*, VideoDriver> names[] = {
                 {"auto", VideoDriver::Auto},          {"kmsdrm", VideoDriver::KmsDrm},
                 {"wayland", VideoDriver::Wayland},    {"x11", VideoDriver::X11},
                 {"offscreen", VideoDriver::Offscreen}, {"dummy", VideoDriver::Dummy}};
             for (const auto& [name, driver] : names) {
                 if (v == name) {
                     c.video_driver = driver;
                     return base::Ok();
                 }
             }
             return Reason("expected auto, kmsdrm, wayland, x11, offscreen or dummy, got '" + v + "'");
         }},
        {"fullscreen", false, Bool(&KioskConfig::fullscreen)},
        {"display", false, Int(&KioskConfig::display_index, 0, 16)},
        {"window_size", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             size_t x = v.find('x');
             if (x == std::string::npos) return Reason("expected WIDTHxHEIGHT like 1920x1080, got '" + v + "'");
             auto w = ParseInt(v.substr(0, x), 320, 16384);
             auto h = ParseInt(v.substr(x + 1), 240, 16384);
             if (!w.ok()) return w.error();
             if (!h.ok()) return h.error();
             c.window_width = *w;
             c.window_height = *h;
             return base::Ok();
         }},
        {"screen_diagonal_inches", false, Real(&KioskConfig::screen_diagonal_inches, 5, 120)},
        {"vsync", false, Bool(&KioskConfig::vsync)},
        {"max_fps", false, Int(&KioskConfig::max_fps, 10, 240)},
        {"hide_cursor", false, Bool(&KioskConfig::hide_cursor)},
        {"drag_threshold", false, Real(&KioskConfig::drag_threshold_px, 1, 200)},
        {"larger_text", false, Bool(&KioskConfig::larger_text)},
        {"high_contrast", false, Bool(&KioskConfig::high_contrast)},
        {"speech", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             if (v == "espeak") c.speech = SpeechMode::Espeak;
             else if (v == "log") c.speech = SpeechMode::Log;
             else if (v == "off") c.speech = SpeechMode::Off;
             else return Reason("expected espeak, log or off, got '" + v + "'");
             return base::Ok();
         }},
        {"speech_volume", false, Real(&KioskConfig::speech_volume, 0, 1)},
        {"speech_log", false, Text(&KioskConfig::speech_log, true)},
        {"log_level", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             if (v != "debug" && v != "info" && v != "warn" && v != "error")
                 return Reason("expected debug, info, warn or error, got '" + v + "'");
             c.log_level = v;
             return base::Ok();
         }},
        {"update_reboot_at", false,
         [](KioskConfig& c, const std::string& v) -> Status {
             bool clock = v.size() == 5 && v[2] == ':' && std::isdigit((unsigned char)v[0]) &&
                          std::isdigit((unsigned char)v[1]) && std::isdigit((unsigned char)v[3]) &&
                          std::isdigit((unsigned char)v[4]) && std::stoi(v.substr(0, 2)) < 24 &&
                          std::stoi(v.substr(3, 2)) < 60;
             if (!clock && v != "now" && v != "never")
                 return Reason("expected a time of day HH:MM, now or never, got '" + v + "'");
             c.update_reboot_at = v;
             return base::Ok();
         }},
    };
    return specs;
}

}  // namespace

const char* VideoDriverName(VideoDriver driver) {
    switch (driver) {
        case VideoDriver::Auto: return "auto";
        case VideoDriver::KmsDrm: return "kmsdrm";
        case VideoDriver::Wayland: return "wayland";
        case VideoDriver::X11: return "x11";
        case VideoDriver::Offscreen: return "offscreen";
        case VideoDriver::Dummy: return "dummy";
    }
    return "?";
}

const char* SpeechModeName(SpeechMode mode) {
    switch (mode) {
        case SpeechMode::Espeak: return "espeak";
        case SpeechMode::Log: return "log";
        case SpeechMode::Off: return "off";
    }
    return "?";
}

std::string ConfigSource::Describe() const {
    if (file.empty()) return "command line";
    return file + ":" + std::to_string(line);
}

const std::vector<std::string>& ConfigKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const KeySpec& spec : Specs()) k.push_back(spec.key);
        return k;
    }();
    return keys;
}

Result<double> ParseDuration(const std::string& text) {
    std::string v = Trim(text);
    double scale = 1.0;
    std::string number = v;
    auto ends_with = [&](const char* suffix) {
        size_t n = std::char_traits<char>::length(suffix);
        return v.size() > n && v.compare(v.size() - n, n, suffix) == 0;
    };
    if (ends_with("ms")) {
        scale = 0.001;
        number = v.substr(0, v.size() - 2);
    } else if (ends_with("s")) {
        number = v.substr(0, v.size() - 1);
    } else if (ends_with("m")) {
        scale = 60.0;
        number = v.substr(0, v.size() - 1);
    } else if (ends_with("h")) {
        scale = 3600.0;
        number = v.substr(0, v.size() - 1);
    }
    auto d = ParseNumber(number);
    if (!d.ok() || *d < 0)
        return MakeError("config_invalid",
                         "expected a duration like 60s, 500ms or 2m, got '" + v + "'");
    return *d * scale;
}

Status SetConfigValue(KioskConfig& config, const std::string& key, const std::string& value,
                      const ConfigSource& source, std::map<std::string, ConfigSource>& seen) {
    const KeySpec* spec = nullptr;
    for (const KeySpec& s : Specs())
        if (key == s.key) spec = &s;
    if (spec == nullptr) {
        std::string known;
        for (const std::string& k : ConfigKeys()) known += (known.empty() ? "" : ", ") + k;
        return MakeError("config_invalid", source.Describe() + ": unknown key '" + key +
                                               "' (known keys: " + known + ")");
    }
    auto previous = seen.find(key);
    // A flag overrides the file; within one file a key set twice is a mistake.
    if (previous != seen.end() && !spec->repeatable && !source.file.empty() &&
        previous->second.file == source.file) {
        return MakeError("config_invalid", source.Describe() + ": key '" + key +
                                               "' is already set on line " +
                                               std::to_string(previous->second.line));
    }
    // The first `font` line of a file (or the flags) replaces the families set before.
    if (spec->repeatable && (previous == seen.end() || previous->second.file != source.file))
        config.fonts.clear();
    Status set = spec->set(config, value);
    if (!set.ok())
        return MakeError("config_invalid",
                         source.Describe() + ": key '" + key + "': " + set.error().message);
    seen[key] = source;
    return base::Ok();
}

Status ParseConfigText(KioskConfig& config, const std::string& text, const std::string& file_name,
                       std::map<std::string, ConfigSource>& seen) {
    std::istringstream in(text);
    std::string raw;
    int line_number = 0;
    while (std::getline(in, raw)) {
        ++line_number;
        std::string line = Trim(raw);
        if (line.empty() || line[0] == '#') continue;
        ConfigSource source{file_name, line_number};
        size_t eq = line.find('=');
        if (eq == std::string::npos) {
            return MakeError("config_invalid", source.Describe() + ": expected 'key = value', got '" +
                                                   line + "'");
        }
        std::string key = Trim(line.substr(0, eq));
        std::string value = Trim(line.substr(eq + 1));
        if (key.empty())
            return MakeError("config_invalid", source.Describe() + ": a line has a value but no key");
        if (value.size() >= 2 && value.front() == '"') {
            if (value.back() != '"')
                return MakeError("config_invalid",
                                 source.Describe() + ": key '" + key + "': the closing quote is missing");
            value = value.substr(1, value.size() - 2);
        }
        TRY(SetConfigValue(config, key, value, source, seen));
    }
    return base::Ok();
}

Status LoadConfigFile(KioskConfig& config, const std::string& path,
                      std::map<std::string, ConfigSource>& seen) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return MakeError("config_unreadable",
                         path + ": cannot read the configuration file (" + std::strerror(errno) + ")");
    }
    std::ostringstream text;
    text << file.rdbuf();
    return ParseConfigText(config, text.str(), path, seen);
}

Status ValidateConfig(const KioskConfig& config, const std::map<std::string, ConfigSource>& seen) {
    bool found = false;
    for (const std::string& lang : config.languages) found = found || lang == config.attract_language;
    if (!found) {
        auto where = seen.count("attract_language") ? seen.at("attract_language")
                     : seen.count("languages")      ? seen.at("languages")
                                                    : ConfigSource{};
        std::string list;
        for (const std::string& lang : config.languages) list += (list.empty() ? "" : ", ") + lang;
        return MakeError("config_invalid", where.Describe() + ": key 'attract_language': '" +
                                               config.attract_language +
                                               "' is not one of languages (" + list + ")");
    }
    return base::Ok();
}

}  // namespace kiosk
