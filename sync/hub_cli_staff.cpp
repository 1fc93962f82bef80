// sync/hub_cli_staff.cpp: kiosk-hub's staff, conflicts and audit commands (docs/staff-mode.md).
// Output is for people (aligned columns) or, with --json, for scripts. Nothing here ever prints
// a PIN hash: staff are read through content::ListStaff, which does not return them.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>

#include "base/json.h"
#include "sync/audit_log.h"
#include "sync/cli_table.h"
#include "sync/hub_cli.h"

namespace ksync {
namespace {

using nlohmann::json;

int Fail(const base::Error& error) {
    std::fprintf(stderr, "kiosk-hub: %s\n", error.ToString().c_str());
    return 1;
}

int Usage(const std::string& message) {
    std::fprintf(stderr, "kiosk-hub: %s\n", message.c_str());
    return 2;
}

std::string IsoTime(int64_t t) {
    if (t <= 0) return "";
    std::time_t value = (std::time_t)t;
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&value));
    return text;
}

// A value as one line: strings without quotes, absent as "-". Tables cut it to their column.
std::string Show(const json& value) {
    std::string text = value.is_null() ? "-" : value.is_string() ? value.get<std::string>() : value.dump();
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return text;
}

json ConflictJson(const content::StaffConflict& c) {
    return {{"id", c.id},
            {"table", c.table},
            {"record_id", c.record_id},
            {"field", c.field},
            {"base", c.base},
            {"mine", c.mine},
            {"theirs", c.theirs},
            {"edit_id", c.edit_id},
            {"staff_id", c.staff_id},
            {"device", c.device},
            {"created_at", c.created_at},
            {"status", c.status},
            {"resolution", c.resolution.empty() ? json(nullptr) : json(c.resolution)},
            {"resolved_value", c.resolved_value},
            {"resolved_by", c.resolved_by.empty() ? json(nullptr) : json(c.resolved_by)},
            {"resolved_at", c.resolved_at ? json(c.resolved_at) : json(nullptr)}};
}

// --value for an edit: a number when the conflict's values are numbers, "null" for absent,
// else the text as given (so a phone number or a name is never read as a number).
json ParseResolutionValue(const content::StaffConflict& conflict, const std::string& text) {
    if (text == "null") return nullptr;
    if (conflict.mine.is_number() || conflict.theirs.is_number()) {
        json number = base::ParseJsonOrDiscarded(text);
        if (number.is_number()) return number;
    }
    return text;
}

int StaffList(HubStore& hub, bool as_json) {
    auto staff = content::ListStaff(hub.db(), /*include_removed=*/true);
    if (!staff.ok()) return Fail(staff.error());
    if (as_json) {
        json list = json::array();
        for (const content::StaffMember& m : *staff) {
            list.push_back({{"id", m.id},
                            {"name", m.name},
                            {"created_at", m.created_at},
                            {"removed_at", m.removed_at ? json(*m.removed_at) : json(nullptr)},
                            {"active", !m.removed_at.has_value()}});
        }
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    CliTable table({{"ID", 36}, {"STATE", 8}, {"ADDED", 20}, {"NAME", 0}});
    std::fputs(table.Header().c_str(), stdout);
    for (const content::StaffMember& m : *staff) {
        std::fputs(table.Row({m.id, m.removed_at ? "removed" : "active", IsoTime(m.created_at), m.name}).c_str(), stdout);
    }
    return 0;
}

}  // namespace

int StaffCommand(HubStore& hub, const CliArgs& args, int64_t now) {
    std::string sub = args.positional.empty() ? "list" : args.positional[0];
    if (sub == "list") return StaffList(hub, args.Has("--json"));
    if (sub == "add") {
        if (!args.Has("--name") || args.Get("--name").empty()) return Usage("staff add needs --name NAME");
        if (isatty(STDIN_FILENO)) std::fprintf(stderr, "PIN (4-8 digits): ");
        std::string pin;
        if (!std::getline(std::cin, pin)) {
            return Fail(base::MakeError("staff_pin_bad", "no PIN on stdin (give it as the first line)"));
        }
        while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
        auto id = hub.AddStaff(args.Get("--name"), pin, now);
        if (!id.ok()) return Fail(id.error());
        std::printf("%s\n", id->c_str());
        std::fprintf(stderr, "staff member '%s' added; the PIN works on every kiosk after its next sync\n",
                     args.Get("--name").c_str());
        return 0;
    }
    if (sub == "remove") {
        if (args.positional.size() != 2) return Usage("staff remove needs ID");
        auto removed = hub.RemoveStaff(args.positional[1], now);
        if (!removed.ok()) return Fail(removed.error());
        std::printf("staff member %s removed\n", args.positional[1].c_str());
        return 0;
    }
    return Usage("staff: unknown subcommand '" + sub + "' (add, remove, list)");
}

int ConflictsCommand(HubStore& hub, const CliArgs& args, int64_t now) {
    if (!args.positional.empty() && args.positional[0] == "resolve") {
        if (args.positional.size() != 3) return Usage("conflicts resolve needs ID and mine|theirs|edit");
        if (!args.Has("--staff") || args.Get("--staff").empty()) return Usage("conflicts resolve needs --staff STAFF_ID");
        content::ConflictResolution resolution;
        resolution.conflict_id = args.positional[1];
        resolution.staff_id = args.Get("--staff");
        resolution.made_at = now;
        const std::string& choice = args.positional[2];
        if (choice == "mine") {
            resolution.choice = content::ResolutionChoice::Mine;
        } else if (choice == "theirs") {
            resolution.choice = content::ResolutionChoice::Theirs;
        } else if (choice == "edit") {
            resolution.choice = content::ResolutionChoice::Edit;
            if (!args.Has("--value")) return Usage("conflicts resolve ... edit needs --value V");
        } else {
            return Usage("the choice is mine, theirs or edit, not '" + choice + "'");
        }
        auto conflicts = content::ListConflicts(hub.db(), /*open_only=*/false);
        if (!conflicts.ok()) return Fail(conflicts.error());
        const content::StaffConflict* conflict = nullptr;
        for (const content::StaffConflict& c : *conflicts) {
            if (c.id == resolution.conflict_id) conflict = &c;
        }
        if (!conflict) return Fail(base::MakeError("conflict_unknown", "no conflict '" + resolution.conflict_id + "'"));
        if (resolution.choice == content::ResolutionChoice::Mine) resolution.value = conflict->mine;
        if (resolution.choice == content::ResolutionChoice::Theirs) resolution.value = conflict->theirs;
        if (resolution.choice == content::ResolutionChoice::Edit) {
            resolution.value = ParseResolutionValue(*conflict, args.Get("--value"));
        }
        auto result = hub.ResolveConflictOnHub(resolution, now);
        if (!result.ok()) return Fail(result.error());
        if (result->outcome != OpOutcome::Accepted) {
            return Fail(base::MakeError(result->reason.empty() ? "rejected" : result->reason, result->message));
        }
        std::printf("conflict %s resolved (%s): %s.%s of %s is now %s\n", conflict->id.c_str(), choice.c_str(),
                    conflict->table.c_str(), conflict->field.c_str(), conflict->record_id.c_str(),
                    FitCell(Show(resolution.value), 60).c_str());
        return 0;
    }
    if (!args.positional.empty()) return Usage("conflicts: unknown subcommand '" + args.positional[0] + "' (resolve)");
    auto conflicts = content::ListConflicts(hub.db(), args.Has("--open"));
    if (!conflicts.ok()) return Fail(conflicts.error());
    if (args.Has("--json")) {
        json list = json::array();
        for (const content::StaffConflict& c : *conflicts) list.push_back(ConflictJson(c));
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    CliTable table({{"ID", 36}, {"STATUS", 8}, {"CREATED", 20}, {"TABLE", 14}, {"FIELD", 20}, {"MINE", 24},
                    {"THEIRS (KEPT)", 24}, {"DEVICE", 0}});
    std::fputs(table.Header().c_str(), stdout);
    for (const content::StaffConflict& c : *conflicts) {
        std::fputs(table.Row({c.id, c.status, IsoTime(c.created_at), c.table, c.field, Show(c.mine), Show(c.theirs), c.device})
                       .c_str(),
                   stdout);
        std::printf("    record %s, edit %s by %s\n", c.record_id.c_str(), c.edit_id.c_str(), c.staff_id.c_str());
    }
    return 0;
}

int AuditCommand(HubStore& hub, const CliArgs& args) {
    AuditFilter filter;
    filter.staff_id = args.Get("--staff");
    filter.record_id = args.Get("--record");
    if (args.Has("--since")) {
        auto since = ParseUtcDate(args.Get("--since"));
        if (!since.ok()) return Fail(since.error());
        filter.since = *since;
    }
    auto entries = ListAudit(hub.db(), filter);
    if (!entries.ok()) return Fail(entries.error());
    if (args.Has("--json")) {
        json list = json::array();
        for (const AuditEntry& e : *entries) list.push_back(AuditEntryJson(e));
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    CliTable table({{"TIME", 20}, {"STAFF", 20}, {"DEVICE", 12}, {"ACTION", 12}, {"TABLE", 14}, {"RECORD", 36},
                    {"FIELD", 18}, {"OLD", 20}, {"NEW", 20}, {"OUTCOME", 0}});
    std::fputs(table.Header().c_str(), stdout);
    for (const AuditEntry& e : *entries) {
        std::string who = e.staff_name.empty() ? e.staff_id : e.staff_name;
        std::string outcome = e.outcome + (e.detail.empty() ? "" : "  (" + e.detail + ")");
        std::fputs(table.Row({IsoTime(e.at), who, e.device, e.action, e.table, e.record_id, e.field, Show(e.old_value),
                              Show(e.new_value), outcome})
                       .c_str(),
                   stdout);
    }
    return 0;
}

}  // namespace ksync
