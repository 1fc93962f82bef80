// sync/hub_cli.h: kiosk-hub's command-line pieces shared by hub_main.cpp and the command files
// (sync/hub_cli_staff.cpp: staff, conflicts, audit).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sync/hub_store.h"

namespace ksync {

struct CliArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // --name value, or --flag ""
    bool Has(const std::string& name) const { return options.count(name) > 0; }
    std::string Get(const std::string& name, const std::string& fallback = "") const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};

// Options that take no value.
inline const std::set<std::string>& CliFlags() {
    static const std::set<std::string> flags = {"--allow-plain-http", "--replace", "--json", "--all", "--open"};
    return flags;
}

inline CliArgs ParseCliArgs(int argc, char** argv, int start) {
    CliArgs args;
    for (int i = start; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (CliFlags().count(a) || i + 1 >= argc) {
                args.options[a] = "";
            } else {
                args.options[a] = argv[++i];
            }
        } else {
            args.positional.push_back(a);
        }
    }
    return args;
}

// Each returns the process exit code: 0 done, 1 failed (message on stderr), 2 usage.
// staff add --name NAME (PIN on stdin) | staff remove ID | staff list [--json]
int StaffCommand(HubStore& hub, const CliArgs& args, int64_t now);
// conflicts [--open] [--json] | conflicts resolve ID mine|theirs|edit [--value V] --staff ID
int ConflictsCommand(HubStore& hub, const CliArgs& args, int64_t now);
// audit [--staff ID] [--record ID] [--since YYYY-MM-DD] [--json]
int AuditCommand(HubStore& hub, const CliArgs& args);

}  // namespace ksync
