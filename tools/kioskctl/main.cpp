// tools/kioskctl/main.cpp: the kiosk's content on the command line.
//
// kioskctl shares the content core with the kiosk (same schema, read API, import/export), so
// scripts, CI and staff see exactly what the screens would. Commands live in commands_*.cpp.
#include <iostream>
#include <map>

#include "base/log.h"
#include "tools/kioskctl/commands.h"

namespace {

constexpr const char* kUsage = R"(kioskctl: the kiosk's content on the command line

usage: kioskctl [--db PATH | --config FILE] COMMAND [arguments] [options]

database (first that applies):
  --db PATH          this SQLite file
  --config FILE      the `db = PATH` line of a kiosk config file ("#" comments, [sections] ignored;
                     PATH as written, relative to the working directory)
  $KIOSK_DB          the environment variable
  ./kiosk.db         otherwise

content in and out:
  init                             create the database (or migrate it) and print its schema version
  import-hsds PATH [--lang L]      import HSDS 3.x: a service or organization .json (or a list of
                                   them), a folder with CSV files and datapackage.json, or a kiosk
                                   content document; plain text is in language L (default en).
                                   All or nothing: a bad file changes nothing.
  export-hsds [--format F] [--lang L] [--out FILE]
                                   write HSDS 3.x JSON; F = services (default: a list of services),
                                   organizations, or kiosk (the lossless kiosk content document);
                                   plain text in L (default en), every language in x_translations
  demo [--content PATH]            init + import the demo content (content/demo/demo.json)
  validate [--strict] [--now D]    check content: missing lv/en/ru translations, dangling
                                   references, non-NFC text, sessions in the past; exit 1 on
                                   errors (--strict: on warnings too)
  dump                             every content table as JSON (for diffs and tests)

content as the kiosk shows it (--lang L, default en):
  categories                       the category tiles
  services [--category ID]         services in a category (all categories without --category)
  service ID                       one service with locations, hours and phones
  search QUERY                     multilingual search (any language, with or without diacritics)
  courses [--from D] [--to D] [--kind K]
                                   course and event sessions from day D (default today) to day D
                                   (inclusive; default 31 days), dates YYYY-MM-DD in Europe/Riga
  stats                            rows per table, languages, content sequence

firmware updates (image/make-update, install-update on the kiosk):
  update sign MANIFEST --key PREFIX.key [--out SIG]
                                   sign an update manifest with the bundle key (kiosk-hub keygen);
                                   writes MANIFEST.sig (128 hex digits) unless --out
  update verify MANIFEST --pubkey HEX|FILE [--sig SIG]
                                   check the signature (exit 0, or 1 with update_bad_signature)

every listing command takes --json: an array of objects with at least "id" and "name".
exit codes: 0 ok, 1 failed (or validation errors), 2 usage.
)";

}  // namespace

int main(int argc, char** argv) {
    auto args = kioskctl::ParseArgs(argc, argv);
    if (!args.ok()) {
        std::cerr << "kioskctl: " << args.error().message << "\n";
        return 2;
    }
    if (args->Flag("--help") || args->command.empty() || args->command == "help") {
        std::cout << kUsage;
        return args->command.empty() && !args->Flag("--help") ? 2 : 0;
    }
    // Log lines (info) would mix with command output; warnings and errors still go to stderr.
    base::SetLogLevel(base::LogLevel::Warn);
    using Command = int (*)(const kioskctl::Args&);
    static const std::map<std::string, Command> kCommands = {
        {"init", kioskctl::CmdInit},
        {"import-hsds", kioskctl::CmdImportHsds},
        {"export-hsds", kioskctl::CmdExportHsds},
        {"demo", kioskctl::CmdDemo},
        {"validate", kioskctl::CmdValidate},
        {"dump", kioskctl::CmdDump},
        {"categories", kioskctl::CmdCategories},
        {"services", kioskctl::CmdServices},
        {"service", kioskctl::CmdService},
        {"search", kioskctl::CmdSearch},
        {"courses", kioskctl::CmdCourses},
        {"stats", kioskctl::CmdStats},
        {"update", kioskctl::CmdUpdate},
    };
    auto it = kCommands.find(args->command);
    if (it == kCommands.end()) {
        std::cerr << "kioskctl: unknown command '" << args->command << "' (see kioskctl --help)\n";
        return 2;
    }
    return it->second(*args);
}
