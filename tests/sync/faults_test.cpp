// A hub that misbehaves: 500, garbage, truncated JSON, a connection dropped mid-body, too slow.
// Every time the kiosk keeps its content and cursor, records the error, and retries later.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "sync/client.h"
#include "sync/http_client.h"
#include "sync/hub_store.h"
#include "sync_support.h"

namespace {

// Reads one HTTP request (headers and a Content-Length body); empty when the peer went away.
std::string ReadRequest(int fd) {
    std::string request;
    char buffer[4096];
    size_t header_end = std::string::npos;
    while ((header_end = request.find("\r\n\r\n")) == std::string::npos) {
        ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0) return {};
        request.append(buffer, (size_t)n);
    }
    size_t length = 0;
    size_t at = request.find("Content-Length: ");
    if (at != std::string::npos && at < header_end) length = std::stoul(request.substr(at + 16));
    while (request.size() < header_end + 4 + length) {
        ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0) break;
        request.append(buffer, (size_t)n);
    }
    return request;
}

// A raw TCP server, so a response can be cut, slowed or garbled at will.
class FakeHub {
public:
    enum class Mode { Ok, Status500, Garbage, TruncatedJson, DropMidBody, Slow, Silent };

    FakeHub() {
        listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(listen_fd_, (sockaddr*)&addr, sizeof(addr)) == 0);
        REQUIRE(listen(listen_fd_, 16) == 0);
        socklen_t len = sizeof(addr);
        getsockname(listen_fd_, (sockaddr*)&addr, &len);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { Serve(); });
    }
    ~FakeHub() {
        stop_ = true;
        shutdown(listen_fd_, SHUT_RDWR);
        close(listen_fd_);
        thread_.join();
        for (std::thread& t : connections_) t.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void Set(Mode mode, std::string ok_body = {}) {
        std::lock_guard lock(mutex_);
        mode_ = mode;
        if (!ok_body.empty()) ok_body_ = std::move(ok_body);
    }
    // The mode after `failures` more requests switches to Ok.
    void FailTimes(Mode mode, int failures) {
        std::lock_guard lock(mutex_);
        mode_ = mode;
        fail_left_ = failures;
    }
    int requests() const { return requests_.load(); }

private:
    void Serve() {
        while (!stop_) {
            int fd = accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) return;
            // One thread per connection: a slow answer must not hold up the next request.
            connections_.emplace_back([this, fd] {
                Handle(fd);
                close(fd);
            });
        }
    }
    void Handle(int fd) {
        std::string request = ReadRequest(fd);
        if (request.empty()) return;
        ++requests_;
        Mode mode;
        std::string ok_body;
        {
            std::lock_guard lock(mutex_);
            mode = mode_;
            if (fail_left_ > 0 && --fail_left_ == 0) mode_ = Mode::Ok;
            ok_body = ok_body_;
        }
        bool is_push = request.rfind("POST", 0) == 0;
        if (is_push) {
            // Pushes always succeed with no results; this fake is about pulls.
            Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 25\r\nConnection: close\r\n\r\n"
                     "{\"results\":[],\"head\":0}\n\n");
            return;
        }
        auto header = [](size_t length) {
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                   std::to_string(length) + "\r\n\r\n";
        };
        switch (mode) {
            case Mode::Ok: Send(fd, header(ok_body.size()) + ok_body); break;
            case Mode::Status500: {
                std::string body = "{\"error\":{\"code\":\"internal\",\"message\":\"boom\"}}";
                Send(fd, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nConnection: close\r\n"
                         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
                break;
            }
            case Mode::Garbage: {
                std::string body = "\x89PNG\r\n\x1a\n garbage \xff\xfe not json at all";
                Send(fd, header(body.size()) + body);
                break;
            }
            case Mode::TruncatedJson: {
                std::string body = ok_body.substr(0, ok_body.size() / 2);
                Send(fd, header(body.size()) + body);
                break;
            }
            case Mode::DropMidBody:
                Send(fd, header(ok_body.size()) + ok_body.substr(0, ok_body.size() / 3));
                break;
            case Mode::Slow: {
                std::string all = header(ok_body.size()) + ok_body;
                for (size_t i = 0; i < all.size() && !stop_; ++i) {
                    if (!Send(fd, all.substr(i, 1))) break;
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                }
                break;
            }
            case Mode::Silent:
                for (int i = 0; i < 40 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
                break;
        }
    }
    static bool Send(int fd, const std::string& data) {
        size_t sent = 0;
        while (sent < data.size()) {
            ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += (size_t)n;
        }
        return true;
    }

    int listen_fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::vector<std::thread> connections_;  // touched by the accept thread only, joined after it
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    Mode mode_ = Mode::Ok;
    int fail_left_ = 0;
    std::string ok_body_;
    std::atomic<int> requests_{0};
};

}  // namespace

TEST_CASE("a misbehaving hub never changes the kiosk's content", "[faults]") {
    std::string dir = synctest::TempDir("faults");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    std::string token;
    std::string snapshot_body;
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), 5);
        token = hub->Enrol("k1", 1).value();
        auto answer = hub->Pull({0, "", 5000});
        REQUIRE(answer.ok());
        snapshot_body = answer->body;  // what a healthy hub answers to a first pull
    }
    {
        auto kiosk = content::Db::Open(kiosk_db);
        synctest::WriteContent(*kiosk, 2);
    }
    std::string before = synctest::ContentDigest(kiosk_db);
    FakeHub fake;
    fake.Set(FakeHub::Mode::Ok, snapshot_body);
    ksync::ClientConfig config;
    config.db_path = kiosk_db;
    config.hub_url = fake.url();
    config.token = token;
    config.request_timeout_s = 2;
    config.low_speed_time_s = 1;

    struct Case {
        FakeHub::Mode mode;
        const char* code;
    };
    for (Case c : {Case{FakeHub::Mode::Status500, "hub_internal"}, Case{FakeHub::Mode::Garbage, "proto_bad_json"},
                   Case{FakeHub::Mode::TruncatedJson, "proto_bad_json"}, Case{FakeHub::Mode::DropMidBody, "http_truncated"},
                   Case{FakeHub::Mode::Slow, "http_timeout"}, Case{FakeHub::Mode::Silent, "http_timeout"}}) {
        fake.Set(c.mode);
        auto session = ksync::SyncSession::Open(config);
        REQUIRE(session.ok());
        auto pulled = (*session)->Pull();
        REQUIRE_FALSE(pulled.ok());
        CHECK(pulled.error().code == c.code);
        CHECK(synctest::ContentDigest(kiosk_db) == before);
        CHECK(ksync::ReadCursor((*session)->db()).value().seq == 0);
    }

    // Healthy again: the same content arrives.
    fake.Set(FakeHub::Mode::Ok);
    auto session = ksync::SyncSession::Open(config);
    auto pulled = (*session)->Pull();
    if (!pulled.ok()) FAIL(pulled.error().ToString());
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
}

TEST_CASE("the client backs off after failures and retries until the hub answers", "[faults]") {
    std::string dir = synctest::TempDir("faults-retry");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    std::string snapshot_body;
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 3);
        snapshot_body = hub->Pull({0, "", 5000})->body;
    }
    FakeHub fake;
    fake.Set(FakeHub::Mode::Ok, snapshot_body);
    fake.FailTimes(FakeHub::Mode::Status500, 3);
    ksync::ClientConfig config;
    config.db_path = kiosk_db;
    config.hub_url = fake.url();
    config.token = "kt_whatever_the_fake_accepts";
    config.backoff_initial_s = 1;
    config.backoff_max_s = 2;
    config.interval_s = 3600;
    ksync::SyncClient client(config);
    REQUIRE(client.Start().ok());
    bool saw_failure = false;
    for (int i = 0; i < 1000 && client.State().last_result != "ok"; ++i) {
        ksync::ClientState s = client.State();
        if (s.consecutive_failures > 0) {
            saw_failure = true;
            CHECK(s.last_error.find("hub_internal") != std::string::npos);
            CHECK(s.next_attempt_at >= s.last_attempt_at);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ksync::ClientState done = client.State();
    client.Stop();
    CHECK(saw_failure);
    CHECK(done.last_result == "ok");
    CHECK(done.consecutive_failures == 0);
    CHECK(done.last_error.find("hub_internal") != std::string::npos);  // kept for staff mode
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
}

TEST_CASE("after the network returns the client syncs soon, not after the whole backoff", "[faults]") {
    std::string dir = synctest::TempDir("faults-network");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    std::string snapshot_body;
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 3);
        snapshot_body = hub->Pull({0, "", 5000})->body;
    }
    // Reserve a port, then close it: the hub is "unreachable" until a server listens there.
    auto fake = std::make_unique<FakeHub>();
    std::string url = fake->url();
    int port = std::stoi(url.substr(url.rfind(':') + 1));
    fake.reset();
    ksync::ClientConfig config;
    config.db_path = kiosk_db;
    config.hub_url = url;
    config.token = "kt_fake";
    config.backoff_initial_s = 60;  // a long backoff: only the probe can bring the retry early
    config.backoff_max_s = 60;
    config.network_poll_s = 1;
    config.interval_s = 3600;
    ksync::SyncClient client(config);
    REQUIRE(client.Start().ok());
    for (int i = 0; i < 500 && client.State().consecutive_failures == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(client.State().consecutive_failures == 1);
    CHECK(client.State().last_error.find("http_unreachable") != std::string::npos);

    // The "network returns": a hub listens on that port again.
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((uint16_t)port);
    REQUIRE(bind(fd, (sockaddr*)&addr, sizeof(addr)) == 0);
    REQUIRE(listen(fd, 16) == 0);
    std::atomic<bool> stop{false};
    std::thread server([&] {
        while (!stop) {
            int c = accept(fd, nullptr, nullptr);
            if (c < 0) return;
            std::string request = ReadRequest(c);
            bool push = request.rfind("POST", 0) == 0;
            std::string body = push ? std::string("{\"results\":[],\"head\":0}") : snapshot_body;
            std::string response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                                   std::to_string(body.size()) + "\r\n\r\n" + body;
            send(c, response.data(), response.size(), MSG_NOSIGNAL);
            close(c);
        }
    });
    auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000 && client.State().last_result != "ok"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    client.Stop();
    stop = true;
    shutdown(fd, SHUT_RDWR);
    close(fd);
    server.join();
    CHECK(client.State().last_result == "ok");
    CHECK(waited < 10.0);
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
}
