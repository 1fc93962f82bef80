// tools/kioskctl/cli.h: argument parsing, database location and output helpers for kioskctl.
//
// The command line is `kioskctl [global options] COMMAND [arguments] [options]`; options may
// come anywhere. Flags (--json, --help, --strict) take no value; every other option takes one.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "content/db.h"

namespace kioskctl {

using base::Result;
using base::Status;

struct Args {
    std::string command;
    std::vector<std::string> positional;     // after the command
    std::map<std::string, std::string> options;  // "--db" -> "x.db"
    std::set<std::string> flags;             // "--json"

    bool Flag(const std::string& name) const { return flags.count(name) > 0; }
    std::string Option(const std::string& name, const std::string& fallback = "") const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    bool Has(const std::string& name) const { return options.count(name) > 0; }
};

// Error "usage" for unknown options or a missing option value.
Result<Args> ParseArgs(int argc, char** argv);

// The database path: --db, else the `db` key of --config FILE, else $KIOSK_DB, else ./kiosk.db.
Result<std::string> ResolveDbPath(const Args& args);

// Reads `db = PATH` (or `db: PATH`) from a kiosk config file; "#" and ";" start comments,
// "[section]" lines are skipped. Error "config_no_db" when the file has no db key.
Result<std::string> ReadDbFromConfig(const std::string& config_path);

enum class DbMode { MustExist, Create };
Result<content::Db> OpenDb(const Args& args, DbMode mode);

// "YYYY-MM-DD" (a day in Europe/Riga) -> UTC seconds of that day's local midnight.
Result<int64_t> LocalDayStartUtc(const std::string& day, const std::string& tzid = "Europe/Riga");
std::string TodayLocal(const std::string& tzid = "Europe/Riga");

// Prints JSON (indented) to stdout.
void PrintJson(const nlohmann::json& value);

// Prints "kioskctl: <code>: <message>" to stderr and returns `exit_code`.
int Fail(const base::Error& error, int exit_code = 1);

}  // namespace kioskctl
