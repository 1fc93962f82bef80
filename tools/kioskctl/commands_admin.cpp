// tools/kioskctl/commands_admin.cpp: init, import-hsds, export-hsds, demo, validate, dump.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "content/hsds_export.h"
#include "content/hsds_import.h"
#include "content/schema.h"
#include "content/validate.h"
#include "tools/kioskctl/commands.h"

namespace kioskctl {

namespace {

void PrintReport(const content::ImportReport& report, const std::string& source, bool as_json) {
    for (const std::string& warning : report.warnings) std::cerr << "kioskctl: warning: " << warning << "\n";
    if (as_json) {
        nlohmann::json out = {{"source", source}, {"rows", report.rows}, {"texts", report.texts},
                              {"sessions", report.sessions}, {"warnings", report.warnings}};
        PrintJson(out);
        return;
    }
    int rows = 0;
    for (const auto& [table, count] : report.rows) rows += count;
    std::cout << "imported " << source << ": " << rows << " records, " << report.texts << " texts, " << report.sessions
              << " course sessions";
    std::string sep = " (";
    for (const auto& [table, count] : report.rows) {
        std::cout << sep << table << " " << count;
        sep = ", ";
    }
    std::cout << (report.rows.empty() ? "" : ")") << "\n";
}

Result<int64_t> NowOption(const Args& args) {
    if (!args.Has("--now")) return (int64_t)0;
    return LocalDayStartUtc(args.Option("--now"));
}

}  // namespace

int CmdInit(const Args& args) {
    auto path = ResolveDbPath(args);
    if (!path.ok()) return Fail(path.error());
    auto db = content::Db::Open(*path);
    if (!db.ok()) return Fail(db.error());
    std::cout << "database " << *path << " at schema version " << db->UserVersion() << "\n";
    return 0;
}

int CmdImportHsds(const Args& args) {
    if (args.positional.size() != 1) return Fail(base::MakeError("usage", "import-hsds PATH [--lang L]"), 2);
    auto db = OpenDb(args, DbMode::Create);
    if (!db.ok()) return Fail(db.error());
    content::ImportOptions options;
    options.lang = args.Option("--lang", "en");
    auto now = NowOption(args);
    if (!now.ok()) return Fail(now.error(), 2);
    options.now_utc = *now;
    auto report = content::ImportHsdsPath(*db, args.positional[0], options);
    if (!report.ok()) return Fail(report.error());
    PrintReport(*report, args.positional[0], args.Flag("--json"));
    return 0;
}

int CmdExportHsds(const Args& args) {
    if (!args.positional.empty()) return Fail(base::MakeError("usage", "export-hsds [--format F] [--lang L] [--out FILE]"), 2);
    auto format = content::ParseExportFormat(args.Option("--format", "services"));
    if (!format.ok()) return Fail(format.error(), 2);
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    content::ExportOptions options;
    options.lang = args.Option("--lang", "en");
    options.format = *format;
    auto exported = content::ExportHsds(*db, options);
    if (!exported.ok()) return Fail(exported.error());
    std::string text = exported->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (!args.Has("--out")) {
        std::cout << text;
        return 0;
    }
    // Write beside the target and rename, so a reader never sees half a file.
    std::string out = args.Option("--out");
    std::string tmp = out + ".tmp";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        file << text;
        file.flush();
        if (!file) return Fail(base::MakeError("io_error", "cannot write " + tmp));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) return Fail(base::MakeError("io_error", "cannot rename " + tmp + " to " + out + ": " + ec.message()));
    std::cerr << "exported to " << out << "\n";
    return 0;
}

int CmdDemo(const Args& args) {
    std::string content_path = args.Option("--content", std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json");
    auto db = OpenDb(args, DbMode::Create);
    if (!db.ok()) return Fail(db.error());
    content::ImportOptions options;
    options.lang = args.Option("--lang", "en");
    auto report = content::ImportHsdsPath(*db, content_path, options);
    if (!report.ok()) return Fail(report.error());
    PrintReport(*report, content_path, args.Flag("--json"));
    return 0;
}

int CmdValidate(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    content::ValidateOptions options;
    auto now = NowOption(args);
    if (!now.ok()) return Fail(now.error(), 2);
    options.now_utc = *now;
    auto issues = content::ValidateContent(*db, options);
    if (!issues.ok()) return Fail(issues.error());
    int errors = 0, warnings = 0;
    nlohmann::json out = nlohmann::json::array();
    for (const content::ContentIssue& issue : *issues) {
        (issue.severity == "error" ? errors : warnings)++;
        out.push_back({{"id", issue.record_id}, {"name", issue.message}, {"severity", issue.severity},
                       {"code", issue.code}, {"table", issue.table}, {"field", issue.field}, {"lang", issue.lang}});
    }
    if (args.Flag("--json")) {
        PrintJson(out);
    } else {
        for (const content::ContentIssue& issue : *issues) {
            std::cout << issue.severity << " " << issue.code << ": " << issue.message << "\n";
        }
        std::cout << errors << " error(s), " << warnings << " warning(s)\n";
    }
    return errors > 0 || (args.Flag("--strict") && warnings > 0) ? 1 : 0;
}

int CmdDump(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    auto dump = content::DumpContent(*db);
    if (!dump.ok()) return Fail(dump.error());
    PrintJson(*dump);
    return 0;
}

}  // namespace kioskctl
