// bench_sync: the sync figures the issue asks for, measured on this machine over 127.0.0.1.
//   bench_sync [services=10000] [kiosks=50] [seconds=10] [paced_kiosks=200] [paced_seconds=60]
// Two loads on the hub: saturation (`kiosks` kiosks asking as fast as they can: throughput, p99,
// the longest stall, the WAL's size) and the centre's real rhythm (`paced_kiosks` kiosks each
// pulling and pushing once a minute, at random moments: p99 against the 50 ms target).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "base/log.h"
#include "content/store.h"
#include "sync/client.h"
#include "sync/hub_server.h"
#include "sync/hub_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void Die(const base::Error& error) {
    std::fprintf(stderr, "bench_sync: %s\n", error.ToString().c_str());
    std::exit(1);
}

template <typename T>
T Must(base::Result<T> result) {
    if (!result.ok()) Die(result.error());
    return std::move(result).value();
}
void Must(const base::Status& status) {
    if (!status.ok()) Die(status.error());
}

// A directory shaped like the real one: organizations with services, each service with a
// location link, a phone, a schedule and its texts in lv, en and ru.
void Generate(content::Db& db, int services) {
    auto tx = Must(content::Transaction::Begin(db));
    content::ContentWriter w(db);
    Must(w.Upsert("taxonomy", {{"id", "tax"}}));
    for (int t = 0; t < 12; ++t) {
        std::string id = "term-" + std::to_string(t);
        Must(w.Upsert("taxonomy_term", {{"id", id}, {"taxonomy_id", "tax"}, {"is_category", 1}, {"sort_order", t}}));
        for (const char* lang : {"lv", "en", "ru"}) Must(w.SetText("taxonomy_term", id, "name", lang, "Category " + std::to_string(t)));
    }
    int orgs = std::max(1, services / 10);
    for (int o = 0; o < orgs; ++o) {
        std::string id = "org-" + std::to_string(o);
        Must(w.Upsert("organization", {{"id", id}, {"website", "https://org" + std::to_string(o) + ".example.lv"}}));
        Must(w.SetText("organization", id, "name", "lv", "Organizācija " + std::to_string(o), true));
        Must(w.SetText("organization", id, "name", "en", "Organisation " + std::to_string(o)));
        Must(w.SetText("organization", id, "name", "ru", "Организация " + std::to_string(o)));
        std::string loc = "loc-" + std::to_string(o);
        Must(w.Upsert("location", {{"id", loc}, {"organization_id", id}, {"latitude", 56.9 + o * 1e-4}, {"longitude", 24.1}}));
        Must(w.Upsert("address", {{"id", "addr-" + std::to_string(o)}, {"location_id", loc}, {"address_1", "Brīvības iela " + std::to_string(o + 1)}, {"city", "Rīga"}, {"postal_code", "LV-1010"}}));
    }
    for (int i = 0; i < services; ++i) {
        std::string id = "svc-" + std::to_string(i);
        std::string org = "org-" + std::to_string(i % orgs);
        Must(w.Upsert("service", {{"id", id}, {"organization_id", org}, {"email", "info" + std::to_string(i) + "@example.lv"}, {"is_free", i % 2}, {"version", 1}, {"updated_at", 1767225600}}));
        Must(w.SetText("service", id, "name", "lv", "Pakalpojums numur " + std::to_string(i), true));
        Must(w.SetText("service", id, "name", "en", "Service number " + std::to_string(i)));
        Must(w.SetText("service", id, "name", "ru", "Услуга номер " + std::to_string(i)));
        Must(w.SetText("service", id, "description", "lv", "Konsultācijas un palīdzība trešo valstu pilsoņiem, pakalpojums " + std::to_string(i) + ". Pieteikšanās klātienē vai pa tālruni.", true));
        Must(w.SetText("service", id, "description", "en", "Consultations and help for third-country nationals, service " + std::to_string(i) + ". Apply in person or by phone."));
        Must(w.SetText("service", id, "description", "ru", "Консультации и помощь гражданам третьих стран, услуга " + std::to_string(i) + ". Запись лично или по телефону."));
        Must(w.Upsert("service_at_location", {{"id", "sal-" + std::to_string(i)}, {"service_id", id}, {"location_id", "loc-" + std::to_string(i % orgs)}}));
        Must(w.Upsert("phone", {{"id", "ph-" + std::to_string(i)}, {"service_id", id}, {"number", "+371 67" + std::to_string(100000 + i)}, {"type", "voice"}}));
        Must(w.Upsert("schedule", {{"id", "sch-" + std::to_string(i)}, {"service_id", id}, {"freq", "WEEKLY"}, {"byday", "MO,TU,WE,TH"}, {"opens_at", "09:00"}, {"closes_at", "17:00"}}));
        Must(w.Upsert("attribute", {{"id", "attr-" + std::to_string(i)}, {"link_id", id}, {"link_entity", "service"}, {"taxonomy_term_id", "term-" + std::to_string(i % 12)}}));
    }
    Must(w.Finish());
    Must(tx.Commit());
}

struct Hub {
    std::unique_ptr<ksync::HubServer> server;
    std::thread thread;
    ~Hub() {
        if (server) server->Stop();
        if (thread.joinable()) thread.join();
    }
};

double Percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    size_t index = std::min(values.size() - 1, (size_t)(p * (double)values.size()));
    return values[index];
}

// One kiosk's cycle: a pull from its cursor, then a push with a booking and its health.
// Appends both latencies; returns the number of failed requests.
int KioskCycle(ksync::HttpClient& http, const std::string& epoch, int64_t& cursor, const std::string& op_id,
               std::vector<double>& latencies_ms) {
    int errors = 0;
    auto t = Clock::now();
    auto response = http.Get("/v1/changes?since=" + std::to_string(cursor) + "&epoch=" + epoch);
    latencies_ms.push_back(Seconds(t) * 1000);
    if (!response.ok() || (response->status != 200 && response->status != 304)) {
        ++errors;
    } else if (response->status == 200) {
        auto page = ksync::DecodePullPage(response->body);
        if (page.ok()) cursor = page->to; else ++errors;
    }
    ksync::PushRequest push;
    push.ops.push_back({op_id, "booking", op_id,
                        json{{"booking_id", op_id}, {"reference", "NIC-" + op_id},
                             {"values", {{"name", "Bench Visitor"}, {"phone", "+371 20000000"}}}},
                        (int64_t)std::time(nullptr)});
    push.health = ksync::HealthReport{"bench", cursor, 1, 100, 1000000, 1, "ok", ""};
    t = Clock::now();
    auto pushed = http.Post("/v1/push", ksync::EncodePushRequest(push));
    latencies_ms.push_back(Seconds(t) * 1000);
    if (!pushed.ok() || pushed->status != 200) ++errors;
    return errors;
}

// `kiosks` kiosks, each one cycle a minute at its own random second, for `seconds`; 16 threads
// run the cycles when they are due. Prints the latencies and the TARGET line.
void PacedLoad(const std::string& url, const std::vector<std::string>& tokens, const std::string& epoch, int64_t head,
               int kiosks, double seconds) {
    struct Due {
        double at;
        int kiosk;
    };
    std::vector<Due> schedule;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> second(0, 60);
    for (int k = 0; k < kiosks; ++k) {
        for (double at = second(rng); at < seconds; at += 60) schedule.push_back({at, k});
    }
    std::sort(schedule.begin(), schedule.end(), [](const Due& a, const Due& b) { return a.at < b.at; });
    std::vector<std::unique_ptr<ksync::HttpClient>> clients;
    std::vector<int64_t> cursors(kiosks, head);
    for (int k = 0; k < kiosks; ++k) {
        clients.push_back(std::make_unique<ksync::HttpClient>(ksync::HttpOptions::For(url, tokens[1 + k % (tokens.size() - 1)])));
    }
    std::atomic<size_t> next{0};
    std::atomic<int64_t> errors{0};
    std::mutex mutex;
    std::vector<double> latencies_ms;
    auto started = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&] {
            std::vector<double> mine;
            for (size_t i = next++; i < schedule.size(); i = next++) {
                std::this_thread::sleep_until(started + std::chrono::duration_cast<Clock::duration>(
                                                            std::chrono::duration<double>(schedule[i].at)));
                int k = schedule[i].kiosk;
                errors += KioskCycle(*clients[k], epoch, cursors[k], "paced-" + std::to_string(i), mine);
            }
            std::lock_guard lock(mutex);
            latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
        });
    }
    for (auto& t : threads) t.join();
    double p99 = Percentile(latencies_ms, 0.99);
    std::printf("hub paced:      %d kiosks, one pull + push each a minute, %.0f s: %zu requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %lld errors\n",
                kiosks, seconds, latencies_ms.size(), Percentile(latencies_ms, 0.50), p99, Percentile(latencies_ms, 1.0),
                (long long)errors.load());
    std::printf("TARGET hub p99 at %d kiosks a minute < 50 ms: %s\n", kiosks, p99 < 50 ? "ok" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    int services = argc > 1 ? std::atoi(argv[1]) : 10000;
    int kiosks = argc > 2 ? std::atoi(argv[2]) : 50;
    double load_seconds = argc > 3 ? std::atof(argv[3]) : 10;
    int paced_kiosks = argc > 4 ? std::atoi(argv[4]) : 200;
    double paced_seconds = argc > 5 ? std::atof(argv[5]) : 60;
    base::SetLogLevel(base::LogLevel::Warn);
    std::string dir = std::filesystem::temp_directory_path() / ("bench_sync_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";

    auto t0 = Clock::now();
    std::vector<std::string> tokens;
    {
        auto hub = Must(ksync::HubStore::Setup(hub_db));
        Generate(hub.db(), services);
        for (int k = 0; k < std::max(kiosks, paced_kiosks) + 1; ++k) tokens.push_back(Must(hub.Enrol("kiosk-" + std::to_string(k), 1)));
    }
    std::printf("generated %d services on the hub in %.1f s\n", services, Seconds(t0));

    ksync::HubConfig config;
    config.db_path = hub_db;
    config.port = 0;
    config.threads = kiosks + 8;
    // Throughput of the hub itself: every simulated kiosk comes from 127.0.0.1 and asks as fast as
    // it can, so the per-kiosk and per-address limits (which would answer 429) are off here.
    config.rate_requests_per_minute = 0;
    config.rate_bookings_per_hour = 0;
    config.max_connections_per_address = config.max_connections;
    Hub hub;
    hub.server = std::make_unique<ksync::HubServer>(config);
    Must(hub.server->Bind());
    hub.thread = std::thread([&] { (void)hub.server->Run(); });
    std::string url = "http://127.0.0.1:" + std::to_string(hub.server->port());

    ksync::ClientConfig client;
    client.db_path = kiosk_db;
    client.hub_url = url;
    client.token = tokens[0];
    auto session = Must(ksync::SyncSession::Open(client));

    auto started = Clock::now();
    ksync::PullReport first = Must(session->Pull());
    double first_s = Seconds(started);
    int64_t changes_total = first.changes;
    std::printf("first sync:     %d services, %lld changes in %d pages, %.2f MB on the wire, %.2f s total (apply %.2f s)\n",
                services, (long long)changes_total, first.pages, first.wire_bytes / 1e6, first_s, first.apply_seconds);

    {
        auto db = Must(content::Db::Open(hub_db));
        auto tx = Must(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        for (int i = 0; i < 50; ++i) {
            std::string id = "svc-" + std::to_string(i * 97 % services);
            Must(w.Upsert("service", {{"id", id}, {"email", "new" + std::to_string(i) + "@example.lv"}, {"version", 2}}));
            Must(w.SetText("service", id, "description", "en", "Updated description " + std::to_string(i)));
        }
        Must(w.Finish());
        Must(tx.Commit());
    }
    started = Clock::now();
    ksync::PullReport delta = Must(session->Pull());
    std::printf("100-row delta:  %lld changes, %lld bytes on the wire, apply %.1f ms, total %.1f ms\n",
                (long long)delta.changes, (long long)delta.wire_bytes, delta.apply_seconds * 1000, Seconds(started) * 1000);

    ksync::PullReport unchanged = Must(session->Pull());
    std::printf("unchanged pull: %s, %lld bytes on the wire (request + response, headers included)\n",
                unchanged.not_modified ? "304" : "NOT 304", (long long)unchanged.wire_bytes);

    // 50 simulated kiosks: each pulls from its cursor and pushes a booking and its health,
    // while the hub's content changes a little every 200 ms.
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<double> latencies_ms;
    std::atomic<int64_t> errors{0};
    std::string epoch;
    int64_t head = 0;
    {
        auto store = Must(ksync::HubStore::Connect(hub_db));
        epoch = Must(store.Epoch());
        head = Must(store.Head());
    }
    std::thread editor([&] {
        auto db = Must(content::Db::Open(hub_db));
        int n = 0;
        while (!stop) {
            auto tx = Must(content::Transaction::Begin(db));
            content::ContentWriter w(db);
            Must(w.SetText("service", "svc-" + std::to_string(n % services), "alert", "en", "Notice " + std::to_string(n)));
            Must(w.Finish());
            Must(tx.Commit());
            ++n;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    std::vector<std::thread> threads;
    auto load_started = Clock::now();
    for (int k = 0; k < kiosks; ++k) {
        threads.emplace_back([&, k] {
            ksync::HttpClient http(ksync::HttpOptions::For(url, tokens[k + 1]));
            int64_t cursor = head;
            std::vector<double> mine;
            int op = 0;
            while (!stop) errors += KioskCycle(http, epoch, cursor, "bench-" + std::to_string(k) + "-" + std::to_string(op++), mine);
            std::lock_guard lock(mutex);
            latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds((int64_t)(load_seconds * 1000)));
    stop = true;
    for (auto& t : threads) t.join();
    editor.join();
    double elapsed = Seconds(load_started);
    std::error_code size_error;
    auto wal_bytes = std::filesystem::file_size(hub_db + "-wal", size_error);
    double slowest = Percentile(latencies_ms, 1.0);
    std::printf("hub saturated:  %d kiosks pulling + pushing for %.1f s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, "
                "p99.9 %.1f ms, longest %.0f ms, %lld errors, WAL %.1f MB\n",
                kiosks, elapsed, latencies_ms.size() / elapsed, Percentile(latencies_ms, 0.50), Percentile(latencies_ms, 0.99),
                Percentile(latencies_ms, 0.999), slowest, (long long)errors.load(), size_error ? 0.0 : wal_bytes / 1e6);
    std::printf("TARGET hub saturated, no stall over 1 s: %s\n", slowest < 1000 ? "ok" : "MISSED");
    if (paced_kiosks > 0) PacedLoad(url, tokens, epoch, head, paced_kiosks, paced_seconds);
    hub.server->Stop();
    hub.thread.join();
    hub.server.reset();
    std::filesystem::remove_all(dir);
    return errors.load() == 0 ? 0 : 1;
}
