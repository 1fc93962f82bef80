// tools/kioskctl/cli.cpp: see cli.h.
#include "tools/kioskctl/cli.h"

#include <libical/ical.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace kioskctl {

namespace {

const std::set<std::string>& FlagNames() {
    static const std::set<std::string> flags = {"--json", "--help", "--strict"};
    return flags;
}

const std::set<std::string>& OptionNames() {
    static const std::set<std::string> options = {"--db",   "--config", "--lang",   "--from",    "--to",  "--category",
                                                  "--format", "--out",  "--content", "--kind",   "--now", "--limit",
                                                  "--key",  "--pubkey", "--sig"};
    return options;
}

std::string Trim(const std::string& text) {
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

}  // namespace

Result<Args> ParseArgs(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h") arg = "--help";
        if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
            std::string name = arg, value;
            bool inline_value = false;
            if (auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                value = arg.substr(eq + 1);
                inline_value = true;
            }
            if (FlagNames().count(name)) {
                if (inline_value) return base::MakeError("usage", name + " takes no value");
                args.flags.insert(name);
                continue;
            }
            if (!OptionNames().count(name)) return base::MakeError("usage", "unknown option " + name + " (see kioskctl --help)");
            if (!inline_value) {
                if (i + 1 >= argc) return base::MakeError("usage", name + " needs a value");
                value = argv[++i];
            }
            args.options[name] = value;
            continue;
        }
        if (args.command.empty()) {
            args.command = arg;
        } else {
            args.positional.push_back(arg);
        }
    }
    return args;
}

Result<std::string> ReadDbFromConfig(const std::string& config_path) {
    std::ifstream in(config_path);
    if (!in) return base::MakeError("config_unreadable", config_path + ": cannot open the config file");
    std::string line;
    while (std::getline(in, line)) {
        if (auto hash = line.find_first_of("#;"); hash != std::string::npos) line = line.substr(0, hash);
        line = Trim(line);
        if (line.empty() || line[0] == '[') continue;
        size_t sep = line.find_first_of("=:");
        if (sep == std::string::npos) continue;
        std::string key = Trim(line.substr(0, sep));
        std::string value = Trim(line.substr(sep + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (key == "db" && !value.empty()) return value;
    }
    return base::MakeError("config_no_db", config_path + ": no 'db = PATH' line");
}

Result<std::string> ResolveDbPath(const Args& args) {
    if (args.Has("--db")) return args.Option("--db");
    if (args.Has("--config")) return ReadDbFromConfig(args.Option("--config"));
    if (const char* env = std::getenv("KIOSK_DB"); env && *env) return std::string(env);
    return std::string("kiosk.db");
}

Result<content::Db> OpenDb(const Args& args, DbMode mode) {
    std::string path = TRY_VALUE(ResolveDbPath(args));
    if (mode == DbMode::MustExist && !std::filesystem::exists(path)) {
        return base::MakeError("db_missing", "no database at '" + path + "' (create one with: kioskctl --db " + path +
                                                 " init, or kioskctl --db " + path + " demo)");
    }
    return content::Db::Open(path);
}

Result<int64_t> LocalDayStartUtc(const std::string& day, const std::string& tzid) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
        return base::MakeError("usage", "'" + day + "' is not a date YYYY-MM-DD");
    }
    icaltimezone* zone = icaltimezone_get_builtin_timezone(tzid.c_str());
    if (!zone) return base::MakeError("usage", "unknown time zone " + tzid);
    icaltimetype t = icaltime_null_time();
    t.year = y;
    t.month = m;
    t.day = d;
    t.is_date = 0;
    t = icaltime_set_timezone(&t, zone);
    return (int64_t)icaltime_as_timet_with_zone(t, zone);
}

std::string TodayLocal(const std::string& tzid) {
    icaltimezone* zone = icaltimezone_get_builtin_timezone(tzid.c_str());
    icaltimetype now = icaltime_from_timet_with_zone(std::time(nullptr), 1, zone);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", now.year, now.month, now.day);
    return out;
}

void PrintJson(const nlohmann::json& value) {
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

int Fail(const base::Error& error, int exit_code) {
    std::cerr << "kioskctl: " << error.code << ": " << error.message << "\n";
    return exit_code;
}

}  // namespace kioskctl
