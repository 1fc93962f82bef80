// kiosk-hub: the centre's sync server and its command line (docs/sync-protocol.md).
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "base/json.h"
#include "base/log.h"
#include "base/private_file.h"
#include "base/text_safety.h"
#include "content/hsds_import.h"
#include "sync/bundle.h"
#include "sync/cli_table.h"
#include "sync/hub_cli.h"
#include "sync/hub_server.h"
#include "sync/hub_store.h"

namespace {

using ksync::HubConfig;
using ksync::HubStore;

const char* kUsage = R"(usage: kiosk-hub [--config FILE] [--db PATH] COMMAND [ARGS]

commands:
  serve [--listen ADDR] [--port N] [--cert PEM --key PEM] [--allow-plain-http] [--port-file F]
  import-hsds PATH [--lang L]      import HSDS / kiosk content (same formats as kioskctl)
  enrol NAME [--replace]           enrol a kiosk; prints its token ONCE
  revoke NAME                      revoke a kiosk's token
  kiosks [--json]                  health table of the enrolled kiosks
  bookings [--format csv|json] [--all] [--out FILE]
                                   export received bookings (unhandled only unless --all)
  bookings handle KEY...           mark bookings handled (op id, booking id or reference)
  keygen PREFIX                    write an Ed25519 bundle key pair PREFIX.key / PREFIX.pub
  export-bundle --key PREFIX.key --out FILE [--scope S] [--since SEQ] [--valid-days N]
                                   write a signed snapshot (or a delta after SEQ)
  staff add --name NAME            add a staff member; reads the PIN (4-8 digits) from stdin,
                                   prints the new id
  staff remove ID                  remove a staff member (kept for the audit trail)
  staff list [--json]              staff members (never their PIN hashes)
  conflicts [--open] [--json]      staff edit conflicts (all, or only the open ones)
  conflicts resolve ID mine|theirs|edit [--value V] --staff STAFF_ID
                                   resolve a conflict as that staff member (device "hub")
  audit [--staff ID] [--record ID] [--since YYYY-MM-DD] [--json]
                                   who changed what, from which device, with which outcome
  prune                            delete tombstones older than the retention time
  status                           epoch, head sequence, tombstone horizon
)";

int Fail(const base::Error& error) {
    std::fprintf(stderr, "kiosk-hub: %s\n", error.ToString().c_str());
    return 1;
}

int Usage(const std::string& message) {
    if (!message.empty()) std::fprintf(stderr, "kiosk-hub: %s\n", message.c_str());
    std::fputs(kUsage, stderr);
    return 2;
}

int64_t Now() { return (int64_t)std::time(nullptr); }

std::string IsoTime(std::optional<int64_t> t) {
    if (!t || *t <= 0) return "";
    std::time_t value = (std::time_t)*t;
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&value));
    return text;
}

std::string Ago(std::optional<int64_t> t) {
    if (!t) return "never";
    int64_t s = Now() - *t;
    if (s < 120) return std::to_string(s) + "s ago";
    if (s < 7200) return std::to_string(s / 60) + "m ago";
    if (s < 172800) return std::to_string(s / 3600) + "h ago";
    return std::to_string(s / 86400) + "d ago";
}

// One CSV cell. What a visitor typed is made harmless first: no formula a spreadsheet would run,
// no control or bidi-override characters (base/text_safety.h).
std::string Csv(const std::string& raw) {
    std::string field = base::ForSpreadsheet(raw);
    if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string OptNum(std::optional<int64_t> v) { return v ? std::to_string(*v) : "-"; }

using Args = ksync::CliArgs;

int Serve(HubConfig config, const Args& args) {
    if (args.Has("--listen")) config.listen = args.Get("--listen");
    if (args.Has("--port")) config.port = std::atoi(args.Get("--port").c_str());
    if (args.Has("--cert")) config.tls_cert = args.Get("--cert");
    if (args.Has("--key")) config.tls_key = args.Get("--key");
    if (args.Has("--allow-plain-http")) config.allow_plain_http = true;
    if (args.Has("--port-file")) config.port_file = args.Get("--port-file");
    // Signals are taken by a thread of our own: stopping the server is not async-signal-safe.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    ksync::HubServer server(config);
    auto bound = server.Bind();
    if (!bound.ok()) return Fail(bound.error());
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        base::LogInfo("hub_stopping", "signal=" + std::to_string(sig));
        server.Stop();
    });
    waiter.detach();
    auto served = server.Run();
    if (!served.ok()) return Fail(served.error());
    return 0;
}

int Kiosks(HubStore& hub, bool as_json) {
    auto kiosks = hub.ListKiosks();
    if (!kiosks.ok()) return Fail(kiosks.error());
    if (as_json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& k : *kiosks) {
            list.push_back({{"name", k.name}, {"revoked", k.revoked_at.has_value()}, {"last_seen_at", k.last_seen_at.value_or(0)},
                            {"firmware", k.firmware}, {"content_seq", k.content_seq.value_or(-1)},
                            {"outbox_depth", k.outbox_depth.value_or(-1)}, {"uptime_s", k.uptime_s.value_or(-1)},
                            {"free_disk_bytes", k.free_disk_bytes.value_or(-1)}, {"last_result", k.last_result},
                            {"last_success_at", k.last_success_at.value_or(0)}, {"last_error", k.last_error}});
        }
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    std::printf("%-20s %-8s %-10s %-12s %8s %7s %-10s %s\n", "KIOSK", "STATE", "LAST SEEN", "FIRMWARE", "SEQ", "OUTBOX",
                "RESULT", "LAST ERROR");
    for (const auto& k : *kiosks) {
        // Firmware, result and error are what a kiosk reported: no escape sequence reaches the terminal.
        std::string firmware = k.firmware.empty() ? "-" : base::ForTerminal(k.firmware);
        std::string result = k.last_result.empty() ? "-" : base::ForTerminal(k.last_result);
        std::printf("%-20s %-8s %-10s %-12s %8s %7s %-10s %s\n", base::ForTerminal(k.name).c_str(),
                    k.revoked_at ? "revoked" : "active", Ago(k.last_seen_at).c_str(), firmware.c_str(),
                    OptNum(k.content_seq).c_str(), OptNum(k.outbox_depth).c_str(), result.c_str(),
                    ksync::FitCell(base::ForTerminal(k.last_error), 60).c_str());
    }
    return 0;
}

int Bookings(HubStore& hub, const Args& args) {
    if (!args.positional.empty() && args.positional[0] == "handle") {
        std::vector<std::string> keys(args.positional.begin() + 1, args.positional.end());
        if (keys.empty()) return Usage("bookings handle needs at least one reference");
        auto matched = hub.MarkHandled(keys, Now());
        if (!matched.ok()) return Fail(matched.error());
        std::printf("%d booking(s) marked handled\n", *matched);
        return *matched == (int)keys.size() ? 0 : 1;
    }
    auto bookings = hub.ListBookings(args.Has("--all"));
    if (!bookings.ok()) return Fail(bookings.error());
    std::string format = args.Get("--format", "csv");
    std::string out;
    if (format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& b : *bookings) {
            nlohmann::json payload = base::ParseJsonOrDiscarded(b.payload);
            list.push_back({{"op_id", b.op_id}, {"kiosk", b.kiosk}, {"booking_id", b.booking_id}, {"reference", b.reference},
                            {"session_id", b.session_id}, {"service_id", b.service_id}, {"form_id", b.form_id},
                            {"lang", b.lang}, {"result", b.result}, {"reason", b.reason},
                            {"received_at", IsoTime(b.received_at)}, {"handled_at", IsoTime(b.handled_at)},
                            {"payload", payload.is_discarded() ? nlohmann::json(b.payload) : payload}});
        }
        out = list.dump(2) + "\n";
    } else if (format == "csv") {
        // The form's fields become columns (the union over the exported bookings).
        std::vector<std::string> fields;
        std::vector<nlohmann::json> values;
        for (const auto& b : *bookings) {
            nlohmann::json payload = base::ParseJsonOrDiscarded(b.payload);
            nlohmann::json v = payload.is_object() && payload.contains("values") ? payload["values"] : nlohmann::json::object();
            if (v.is_array()) {  // [[key, value], ...] or [{"key":..,"value":..}]
                nlohmann::json object = nlohmann::json::object();
                for (const auto& pair : v) {
                    if (pair.is_array() && pair.size() == 2 && pair[0].is_string()) object[pair[0].get<std::string>()] = pair[1];
                    if (pair.is_object() && pair.contains("key") && pair["key"].is_string()) object[pair["key"].get<std::string>()] = pair.value("value", nlohmann::json());
                }
                v = object;
            }
            if (!v.is_object()) v = nlohmann::json::object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (std::find(fields.begin(), fields.end(), it.key()) == fields.end()) fields.push_back(it.key());
            }
            values.push_back(v);
        }
        out = "received_at,kiosk,reference,result,reason,session_id,service_id,form_id,lang,handled_at,op_id";
        for (const auto& f : fields) out += "," + Csv(f);
        out += "\n";
        for (size_t i = 0; i < bookings->size(); ++i) {
            const auto& b = (*bookings)[i];
            out += IsoTime(b.received_at) + "," + Csv(b.kiosk) + "," + Csv(b.reference) + "," + b.result + "," + Csv(b.reason) +
                   "," + Csv(b.session_id) + "," + Csv(b.service_id) + "," + Csv(b.form_id) + "," + Csv(b.lang) + "," +
                   IsoTime(b.handled_at) + "," + Csv(b.op_id);
            for (const auto& f : fields) {
                const nlohmann::json& value = values[i].contains(f) ? values[i][f] : nlohmann::json();
                out += "," + Csv(value.is_string() ? value.get<std::string>() : (value.is_null() ? "" : value.dump()));
            }
            out += "\n";
        }
    } else {
        return Usage("--format must be csv or json");
    }
    if (args.Has("--out")) {
        // Visitors' names and phone numbers: readable by the administrator only, whatever the umask.
        auto written = base::WritePrivateFile(args.Get("--out"), out);
        if (!written.ok()) return Fail(written.error());
    } else {
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return 0;
}

int ExportBundleCommand(HubStore& hub, const HubConfig& config, const Args& args) {
    if (!args.Has("--key") || !args.Has("--out")) return Usage("export-bundle needs --key and --out");
    auto secret = ksync::ReadKeyHex(args.Get("--key"), 64);
    if (!secret.ok()) return Fail(secret.error());
    ksync::BundleExportOptions options;
    options.secret_key = *secret;
    options.scope = args.Get("--scope", config.scope);
    options.since = std::atoll(args.Get("--since", "0").c_str());
    options.valid_for_s = std::atoll(args.Get("--valid-days", "30").c_str()) * 86400;
    if (args.Has("--chunk")) options.chunk_changes = std::atoi(args.Get("--chunk").c_str());
    options.now = Now();
    auto manifest = ksync::ExportBundle(hub, args.Get("--out"), options);
    if (!manifest.ok()) return Fail(manifest.error());
    std::printf("wrote %s: %s, seq %lld..%lld, counter %lld, %zu chunk(s), expires %s\n", args.Get("--out").c_str(),
                manifest->kind.c_str(), (long long)manifest->from_seq, (long long)manifest->to_seq,
                (long long)manifest->counter, manifest->chunks.size(), IsoTime(manifest->expires).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    HubConfig config;
    int i = 1;
    std::string db_override;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--config" && i + 1 < argc) {
            auto loaded = ksync::LoadHubConfig(argv[++i]);
            if (!loaded.ok()) return Fail(loaded.error());
            config = *loaded;
        } else if (a == "--db" && i + 1 < argc) {
            db_override = argv[++i];
        } else if (a == "-h" || a == "--help") {
            return Usage("");
        } else {
            break;
        }
    }
    if (!db_override.empty()) config.db_path = db_override;
    if (i >= argc) return Usage("no command");
    std::string command = argv[i];
    Args args = ksync::ParseCliArgs(argc, argv, i + 1);

    if (command == "keygen") {
        if (args.positional.size() != 1) return Usage("keygen needs PREFIX");
        auto written = ksync::WriteKeyPair(args.positional[0]);
        if (!written.ok()) return Fail(written.error());
        std::printf("wrote %s.key (secret, keep it on the hub) and %s.pub (pin it in the kiosks' configuration)\n",
                    args.positional[0].c_str(), args.positional[0].c_str());
        return 0;
    }
    if (command == "serve") return Serve(config, args);

    auto hub = HubStore::Setup(config.db_path);
    if (!hub.ok()) return Fail(hub.error());
    if (command == "import-hsds") {
        if (args.positional.size() != 1) return Usage("import-hsds needs PATH");
        content::ImportOptions options;
        options.lang = args.Get("--lang", "en");
        auto report = content::ImportHsdsPath(hub->db(), args.positional[0], options);
        if (!report.ok()) return Fail(report.error());
        int rows = 0;
        for (const auto& [table, count] : report->rows) rows += count;
        auto head = hub->Head();
        std::printf("imported %d rows, %d texts, %d sessions; hub head is now seq %lld\n", rows, report->texts,
                    report->sessions, head.ok() ? (long long)*head : -1LL);
        return 0;
    }
    if (command == "enrol") {
        if (args.positional.size() != 1) return Usage("enrol needs NAME");
        auto token = hub->Enrol(args.positional[0], Now(), args.Has("--replace"));
        if (!token.ok()) return Fail(token.error());
        std::printf("%s\n", token->c_str());
        std::fprintf(stderr, "kiosk '%s' enrolled; the token above is shown only once\n", args.positional[0].c_str());
        return 0;
    }
    if (command == "revoke") {
        if (args.positional.size() != 1) return Usage("revoke needs NAME");
        auto revoked = hub->Revoke(args.positional[0], Now());
        if (!revoked.ok()) return Fail(revoked.error());
        std::printf("kiosk '%s' revoked\n", args.positional[0].c_str());
        return 0;
    }
    if (command == "kiosks") return Kiosks(*hub, args.Has("--json"));
    if (command == "bookings") return Bookings(*hub, args);
    if (command == "export-bundle") return ExportBundleCommand(*hub, config, args);
    if (command == "staff") return ksync::StaffCommand(*hub, args, Now());
    if (command == "conflicts") return ksync::ConflictsCommand(*hub, args, Now());
    if (command == "audit") return ksync::AuditCommand(*hub, args);
    if (command == "prune") {
        auto pruned = hub->PruneTombstones(Now(), config.tombstone_retention_s);
        if (!pruned.ok()) return Fail(pruned.error());
        std::printf("pruned %lld tombstone(s)\n", (long long)*pruned);
        return 0;
    }
    if (command == "status") {
        auto epoch = hub->Epoch();
        auto head = hub->Head();
        if (!epoch.ok()) return Fail(epoch.error());
        if (!head.ok()) return Fail(head.error());
        std::printf("epoch %s\nhead %lld\n", epoch->c_str(), (long long)*head);
        return 0;
    }
    return Usage("unknown command '" + command + "'");
}
