// sync/hub_server.h: kiosk-hub's HTTP(S) front end over a HubStore.
//
// Design note
// - Routes (docs/sync-protocol.md): GET /v1/changes, POST /v1/push, GET /v1/health. Every
//   request, on every path, must carry "Authorization: Bearer <token>" of an enrolled, unrevoked
//   kiosk; otherwise the answer is 401 with a JSON error and nothing else is read or written.
// - HTTP comes from Boost.Beast with asynchronous I/O: waiting for a client's bytes holds no
//   thread, so slow clients cannot take the hub from the kiosks (docs/decisions.md). `threads`
//   threads run the event loop and answer requests; each opens its own HubStore connection on
//   first use (sync/hub_routes.h); WAL lets pulls read while a push writes.
// - Deadlines: the request line and headers within header_timeout_s (also the TLS handshake and
//   the idle time between keep-alive requests), the body within body_timeout_s, the answer
//   within request_timeout_s; past them the connection is closed.
// - Connections: at most max_connections open, and max_connections_per_address from one peer
//   address; more are closed as soon as they are accepted.
// - The head is judged before the body is read (sync/hub_routes.h): no token, a compressed
//   body or a declared body over max_body_bytes is answered and the connection closed.
// - TLS comes from the configuration (certificate + key). Plain HTTP is refused unless the
//   listen address is loopback or allow_plain_http is set explicitly.
// - Every error body is {"error": {"code", "message"}}.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"

namespace ksync {

struct HubConfig {
    std::string db_path = "hub.db";
    std::string listen = "127.0.0.1";
    int port = 8443;                     // 0 picks a free port (tests; see port_file)
    std::string tls_cert;                // PEM paths; both or neither
    std::string tls_key;
    bool allow_plain_http = false;       // plain HTTP on a non-loopback address
    int64_t tombstone_retention_s = 90 * 86400;
    size_t max_body_bytes = 1u << 20;
    int request_timeout_s = 15;          // writing an answer
    int header_timeout_s = 10;           // TLS handshake + request line and headers (and keep-alive idle)
    int body_timeout_s = 30;             // the request body
    int max_connections = 1024;
    int max_connections_per_address = 64;
    int threads = 8;                     // threads answering requests (none waits for a slow client)
    int rate_requests_per_minute = 300;  // per kiosk; 0: no limit (sync/hub_rate_limit.h)
    int rate_bookings_per_hour = 60;     // per kiosk; 0: no limit
    int page_limit = 1000;               // default changes per page
    std::string scope = "default";       // bundle scope (which kiosks a bundle is for)
    std::string port_file;               // when set, the bound port is written here once listening
};

// Reads a JSON configuration file; members missing from the file keep their defaults.
// Errors: config_unreadable, config_invalid.
base::Result<HubConfig> LoadHubConfig(const std::string& path);

bool IsLoopbackAddress(const std::string& address);

class HubServer {
public:
    explicit HubServer(HubConfig config);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Sets up the database, binds and serves until Stop(). Returns the error that ended it.
    base::Status Run();
    // Binds (setting port()) without serving yet; Run() then serves. For in-process tests.
    base::Status Bind();
    void Stop();
    int port() const { return port_; }

private:
    struct Impl;
    HubConfig config_;
    std::unique_ptr<Impl> impl_;
    std::atomic<int> port_{0};
};

}  // namespace ksync
