// kiosk-sync: drives the kiosk's sync client from a shell (tests, field diagnosis). The kiosk
// program itself runs the same SyncClient on a thread (sync/client.h).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "base/log.h"
#include "content/bookings.h"
#include "sync/bundle.h"
#include "sync/client.h"

namespace {

const char* kUsage = R"(usage: kiosk-sync --db PATH [--hub URL] [--token T | --token-file F] [--ca PEM]
                  [--firmware V] [--page-limit N] COMMAND [ARGS]

commands:
  once                         one sync: pull and apply, push the outbox, report health (JSON out)
  run [--seconds N] [--interval S] [--backoff S]
                               run the client thread for N seconds, printing its state as it changes
  status                       cursor, epoch and outbox depth of the local database (JSON)
  import-bundle PATH --pubkey HEX|FILE --scope S
                               verify a signed bundle and apply it atomically
  book --form F [--session S] [--service X] [--lang L] --value KEY=VALUE ... [--sync] [--delay-ms N]
                               save a booking (as the kiosk UI does); --sync pushes it after N ms
  booking-status ID            the booking's state: received, confirmed or rejected
)";

int Fail(const base::Error& error) {
    std::fprintf(stderr, "kiosk-sync: %s\n", error.ToString().c_str());
    return 1;
}

int Usage(const std::string& message) {
    if (!message.empty()) std::fprintf(stderr, "kiosk-sync: %s\n", message.c_str());
    std::fputs(kUsage, stderr);
    return 2;
}

std::string Slurp(const std::string& path) {
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

nlohmann::json StateJson(const ksync::ClientState& s) {
    return {{"running", s.running},         {"syncing", s.syncing},
            {"last_attempt_at", s.last_attempt_at}, {"last_success_at", s.last_success_at},
            {"next_attempt_at", s.next_attempt_at}, {"last_result", s.last_result},
            {"last_error", s.last_error},   {"consecutive_failures", s.consecutive_failures},
            {"content_seq", s.content_seq}, {"outbox_depth", s.outbox_depth},
            {"content_generation", s.content_generation}};
}

int Once(const ksync::ClientConfig& config) {
    auto session = ksync::SyncSession::Open(config);
    if (!session.ok()) return Fail(session.error());
    auto pulled = (*session)->Pull();
    std::string result = pulled.ok() ? (pulled->not_modified ? "unchanged" : "ok") : "error";
    auto health = (*session)->MakeHealth(result, pulled.ok() ? "" : pulled.error().ToString(), pulled.ok() ? (int64_t)std::time(nullptr) : 0);
    auto pushed = (*session)->Push(health.ok() ? std::optional<ksync::HealthReport>(*health) : std::nullopt);
    nlohmann::json out = {{"pull", result}};
    if (pulled.ok()) {
        out["pages"] = pulled->pages;
        out["changes"] = pulled->changes;
        out["pull_bytes"] = pulled->wire_bytes;
        out["apply_seconds"] = pulled->apply_seconds;
        out["cursor"] = pulled->cursor;
        out["content_changed"] = pulled->content_changed;
    } else {
        out["pull_error"] = pulled.error().ToString();
        out["pull_error_code"] = pulled.error().code;
    }
    if (pushed.ok()) {
        out["push"] = {{"sent", pushed->sent}, {"accepted", pushed->accepted}, {"duplicate", pushed->duplicate},
                       {"rejected", pushed->rejected}, {"kept", pushed->kept}, {"bytes", pushed->wire_bytes}, {"remaining", pushed->remaining}};
    } else {
        out["push_error"] = pushed.error().ToString();
        out["push_error_code"] = pushed.error().code;
    }
    std::cout << out.dump() << std::endl;
    return pulled.ok() && pushed.ok() ? 0 : 1;
}

int Run(ksync::ClientConfig config, const std::map<std::string, std::string>& opts) {
    double seconds = opts.count("--seconds") ? std::atof(opts.at("--seconds").c_str()) : 10;
    if (opts.count("--interval")) config.interval_s = std::atoi(opts.at("--interval").c_str());
    if (opts.count("--backoff")) {
        config.backoff_initial_s = std::atoi(opts.at("--backoff").c_str());
        config.backoff_max_s = config.backoff_initial_s * 4;
        config.network_poll_s = std::max(1, config.backoff_initial_s / 2);
    }
    ksync::SyncClient client(config);
    client.SetContentChangedCallback([](int64_t seq) { std::cout << "{\"content_changed\":" << seq << "}" << std::endl; });
    auto started = client.Start();
    if (!started.ok()) return Fail(started.error());
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds((int64_t)(seconds * 1000));
    std::string last;
    while (std::chrono::steady_clock::now() < end) {
        nlohmann::json state = StateJson(client.State());
        state.erase("next_attempt_at");
        state.erase("syncing");
        std::string text = state.dump();
        if (text != last) std::cout << text << std::endl;
        last = text;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    client.Stop();
    std::cout << StateJson(client.State()).dump() << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    ksync::ClientConfig config;
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> opts;
    std::vector<std::string> values;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        bool has_value = i + 1 < argc;
        if (a == "--sync") {
            opts[a] = "1";
        } else if (a == "--value" && has_value) {
            values.push_back(argv[++i]);
        } else if (a.rfind("--", 0) == 0 && has_value) {
            opts[a] = argv[++i];
        } else if (a.rfind("--", 0) == 0) {
            return Usage("option " + a + " needs a value");
        } else if (command.empty()) {
            command = a;
        } else {
            positional.push_back(a);
        }
    }
    if (!opts.count("--db")) return Usage("--db is required");
    config.db_path = opts["--db"];
    config.hub_url = opts.count("--hub") ? opts["--hub"] : "";
    config.token = opts.count("--token") ? opts["--token"] : (opts.count("--token-file") ? Slurp(opts["--token-file"]) : "");
    config.ca_file = opts.count("--ca") ? opts["--ca"] : "";
    if (opts.count("--firmware")) config.firmware_version = opts["--firmware"];
    if (opts.count("--page-limit")) config.page_limit = std::atoi(opts["--page-limit"].c_str());
    if (opts.count("--timeout")) config.request_timeout_s = std::atoi(opts["--timeout"].c_str());
    if (opts.count("--low-speed-time")) config.low_speed_time_s = std::atoi(opts["--low-speed-time"].c_str());

    if (command == "once") return Once(config);
    if (command == "run") return Run(config, opts);
    if (command == "status") {
        auto db = content::Db::Open(config.db_path);
        if (!db.ok()) return Fail(db.error());
        auto cursor = ksync::ReadCursor(*db);
        if (!cursor.ok()) return Fail(cursor.error());
        auto depth = content::OutboxDepth(*db);
        if (!depth.ok()) return Fail(depth.error());
        std::cout << nlohmann::json{{"epoch", cursor->epoch}, {"cursor", cursor->seq}, {"bundle_counter", cursor->bundle_counter},
                                    {"outbox_depth", *depth}}.dump()
                  << std::endl;
        return 0;
    }
    if (command == "import-bundle") {
        if (positional.size() != 1 || !opts.count("--pubkey") || !opts.count("--scope")) {
            return Usage("import-bundle needs PATH, --pubkey and --scope");
        }
        auto key = ksync::ReadKeyHex(opts["--pubkey"], 32);
        if (!key.ok()) return Fail(key.error());
        auto db = content::Db::Open(config.db_path);
        if (!db.ok()) return Fail(db.error());
        ksync::BundleImportOptions options{*key, opts["--scope"], (int64_t)std::time(nullptr)};
        auto report = ksync::ImportBundle(*db, positional[0], options);
        if (!report.ok()) return Fail(report.error());
        std::cout << nlohmann::json{{"kind", report->manifest.kind}, {"counter", report->manifest.counter},
                                    {"cursor", report->apply.cursor}, {"upserts", report->apply.upserts},
                                    {"deletes", report->apply.deletes}}.dump()
                  << std::endl;
        return 0;
    }
    if (command == "book") {
        content::BookingRequest request;
        request.form_id = opts["--form"];
        request.session_id = opts["--session"];
        request.service_id = opts["--service"];
        request.visitor_lang = opts.count("--lang") ? opts["--lang"] : "en";
        for (const std::string& v : values) {
            size_t eq = v.find('=');
            if (eq == std::string::npos) return Usage("--value takes KEY=VALUE");
            request.values.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        }
        {
            auto db = content::Db::Open(config.db_path);
            if (!db.ok()) return Fail(db.error());
            auto receipt = content::SubmitBooking(*db, request, (int64_t)std::time(nullptr));
            if (!receipt.ok()) return Fail(receipt.error());
            // Printed only after the commit: from here on the booking must never be lost.
            std::cout << "booking_saved " << receipt->booking_id << " " << receipt->reference << std::endl;
        }
        if (!opts.count("--sync")) return 0;
        int delay_ms = opts.count("--delay-ms") ? std::atoi(opts["--delay-ms"].c_str()) : 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        return Once(config);
    }
    if (command == "booking-status") {
        if (positional.size() != 1) return Usage("booking-status needs ID");
        auto db = content::Db::Open(config.db_path);
        if (!db.ok()) return Fail(db.error());
        auto status = content::GetBookingStatus(*db, positional[0]);
        if (!status.ok()) return Fail(status.error());
        std::cout << nlohmann::json{{"booking_id", status->booking_id}, {"reference", status->reference},
                                    {"status", status->status}, {"reason", status->reason}}.dump()
                  << std::endl;
        return 0;
    }
    return Usage(command.empty() ? "no command" : "unknown command '" + command + "'");
}
