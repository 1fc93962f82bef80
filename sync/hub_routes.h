// sync/hub_routes.h: what the hub answers, apart from how bytes reach it (sync/hub_server.cpp).
//
// Design note
// - A request is judged in two steps. CheckHubRequestHead runs as soon as the request line and
//   headers are in, before one byte of the body is read: a missing or unknown token (401), a
//   content encoding the protocol does not use (415), a declared body over the limit (413) are
//   answered there and the connection is then closed, so an unread body is never taken for the
//   next request and a compressed body is never inflated. A kiosk over its request rate gets
//   429 there too (sync/hub_rate_limit.h).
// - HandleHubRequest then serves the route with the whole body in memory.
// - Each thread keeps its own HubStore connection (SQLite connections stay on one thread).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "sync/hub_rate_limit.h"

namespace ksync {

struct HubRequestHead {
    std::string method;            // "GET", "POST", ...
    std::string target;            // path and query, e.g. "/v1/changes?since=4"
    std::string authorization;     // the Authorization header ("" when absent)
    std::string content_encoding;  // the Content-Encoding header ("" when absent)
    std::optional<uint64_t> content_length;
    std::string remote;            // peer address, for the log
};

struct HubReply {
    int status = 200;
    std::string body;      // JSON (an error is {"error": {"code", "message"}}), empty for 304
    int retry_after_s = 0;  // for 429: sent as Retry-After
};

struct HubRouteContext {
    std::string db_path;
    int page_limit = 1000;
    uint64_t max_body_bytes = 1u << 20;
    HubRateLimiter* limiter = nullptr;  // none: no limits
};

// The kiosk the token names, or the reply that refuses the request.
struct HeadVerdict {
    std::string kiosk;
    std::optional<HubReply> refusal;
};
HeadVerdict CheckHubRequestHead(const HubRouteContext& context, const HubRequestHead& head);

// The answer to an accepted request from `kiosk`.
HubReply HandleHubRequest(const HubRouteContext& context, const std::string& kiosk, const HubRequestHead& head,
                          const std::string& body);

HubReply HubErrorReply(int status, std::string_view code, std::string_view message);

// Every write to the hub database from the server takes this first. SQLite allows one writer at
// a time anyway; queueing writers here instead of in SQLite's busy handler (which sleeps up to
// 100 ms between tries) took the longest stall at saturation from seconds to milliseconds, and
// lets the WAL upkeep restart the WAL between two writes.
std::mutex& HubWriteLock();

}  // namespace ksync
