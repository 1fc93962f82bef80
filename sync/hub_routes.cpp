#include "sync/hub_routes.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>

#include "base/log.h"
#include "sync/hub_store.h"
#include "sync/protocol.h"

namespace ksync {
namespace {

int64_t HubNowUtc() { return (int64_t)std::time(nullptr); }

// The thread's own connection (SQLite connections stay on one thread).
Result<HubStore*> ThreadStore(const std::string& path) {
    thread_local std::string t_path;
    thread_local std::unique_ptr<HubStore> t_store;
    if (!t_store || t_path != path) {
        auto store = HubStore::Connect(path);
        if (!store.ok()) return store.error();
        t_store = std::make_unique<HubStore>(std::move(*store));
        t_path = path;
    }
    return t_store.get();
}

std::optional<int64_t> ParseCount(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string BearerToken(const std::string& header) {
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
    return header.substr(prefix.size());
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string PercentDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
            out.push_back((char)(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i] == '+' ? ' ' : text[i]);
        }
    }
    return out;
}

struct Target {
    std::string path;
    std::map<std::string, std::string> params;  // the first value of each name
};

Target SplitTarget(const std::string& target) {
    Target out;
    size_t q = target.find('?');
    out.path = target.substr(0, q);
    if (q == std::string::npos) return out;
    std::string_view query(target);
    query.remove_prefix(q + 1);
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        size_t eq = pair.find('=');
        std::string name = PercentDecode(pair.substr(0, eq));
        std::string value = eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1));
        out.params.emplace(std::move(name), std::move(value));
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

HubReply Changes(const HubRouteContext& context, const std::string& kiosk, const Target& target) {
    PullRequestArgs args;
    args.limit = context.page_limit;
    if (auto it = target.params.find("since"); it != target.params.end()) {
        auto since = ParseCount(it->second);
        if (!since) return HubErrorReply(400, "bad_request", "'since' must be a non-negative integer");
        args.since = *since;
    }
    if (auto it = target.params.find("limit"); it != target.params.end()) {
        auto limit = ParseCount(it->second);
        if (!limit || *limit == 0) return HubErrorReply(400, "bad_request", "'limit' must be a positive integer");
        args.limit = (int)std::min<int64_t>(*limit, kMaxPageLimit);
    }
    if (auto it = target.params.find("epoch"); it != target.params.end()) args.epoch = it->second;
    HubStore* store = ThreadStore(context.db_path).value();
    auto answer = store->Pull(args);
    if (!answer.ok()) {
        base::LogError("hub_pull_failed", answer.error().ToString());
        return HubErrorReply(503, "unavailable", "cannot read changes: " + answer.error().code);
    }
    Status seen = [&] {
        std::lock_guard write(HubWriteLock());
        return store->RecordSeen(kiosk, args.since, HubNowUtc());
    }();
    if (!seen.ok()) base::LogWarn("hub_record_seen_failed", seen.error().ToString());
    if (answer->not_modified) return HubReply{304, ""};
    return HubReply{200, std::move(answer->body)};
}

HubReply TooMany(int retry_after_s, const std::string& what) {
    HubReply reply = HubErrorReply(429, "rate_limited", what + "; try again in " + std::to_string(retry_after_s) + " s");
    reply.retry_after_s = retry_after_s;
    return reply;
}

HubReply Push(const HubRouteContext& context, const std::string& kiosk, const std::string& body) {
    auto request = DecodePushRequest(body);
    if (!request.ok()) return HubErrorReply(400, request.error().code, request.error().message);
    if (context.limiter) {
        int bookings = (int)std::count_if(request->ops.begin(), request->ops.end(),
                                          [](const PushOp& op) { return op.kind == "booking"; });
        if (int wait = context.limiter->TakeBookings(kiosk, bookings)) {
            base::LogWarn("hub_rate_limited", "kiosk=" + kiosk + " bookings=" + std::to_string(bookings));
            return TooMany(wait, "this kiosk sent more bookings than the hub takes in an hour");
        }
    }
    HubStore* store = ThreadStore(context.db_path).value();
    auto response = [&] {
        std::lock_guard write(HubWriteLock());
        return store->ApplyPush(kiosk, *request, HubNowUtc());
    }();
    if (!response.ok()) {
        base::LogError("hub_push_failed", response.error().ToString());
        return HubErrorReply(503, "unavailable", "cannot store the operations: " + response.error().code);
    }
    return HubReply{200, EncodePushResponse(*response)};
}

HubReply Health(const HubRouteContext& context, const std::string& kiosk) {
    HubStore* store = ThreadStore(context.db_path).value();
    auto head = store->Head();
    auto epoch = store->Epoch();
    if (!head.ok() || !epoch.ok()) return HubErrorReply(503, "unavailable", "the hub database is unavailable");
    nlohmann::json body = {{"status", "ok"}, {"kiosk", kiosk}, {"head", *head}, {"epoch", *epoch}, {"time", HubNowUtc()}};
    return HubReply{200, body.dump()};
}

}  // namespace

std::mutex& HubWriteLock() {
    static std::mutex lock;
    return lock;
}

HubReply HubErrorReply(int status, std::string_view code, std::string_view message) {
    return HubReply{status, EncodeError(code, message)};
}

HeadVerdict CheckHubRequestHead(const HubRouteContext& context, const HubRequestHead& head) {
    HeadVerdict verdict;
    // Kiosks never compress what they send; a compressed body would be inflated past every limit.
    if (!head.content_encoding.empty() && head.content_encoding != "identity") {
        verdict.refusal = HubErrorReply(415, "unsupported_encoding",
                                        "request bodies must not be compressed (Content-Encoding: " +
                                            head.content_encoding.substr(0, 40) + ")");
        return verdict;
    }
    if (head.content_length && *head.content_length > context.max_body_bytes) {
        verdict.refusal = HubErrorReply(413, "payload_too_large", "request body too large");
        return verdict;
    }
    std::string token = BearerToken(head.authorization);
    if (token.empty()) {
        verdict.refusal = HubErrorReply(401, "unauthorized", "a kiosk token is required");
        return verdict;
    }
    auto store = ThreadStore(context.db_path);
    if (!store.ok()) {
        base::LogError("hub_db_unavailable", store.error().ToString());
        verdict.refusal = HubErrorReply(503, "unavailable", "the hub database is unavailable");
        return verdict;
    }
    auto kiosk = (*store)->Authenticate(token);
    if (!kiosk.ok()) {
        verdict.refusal = HubErrorReply(503, "unavailable", "the hub database is busy");
        return verdict;
    }
    if (!kiosk->has_value()) {
        base::LogWarn("hub_unauthorized", "remote=" + head.remote + " path=" + SplitTarget(head.target).path);
        verdict.refusal = HubErrorReply(401, "unauthorized", "unknown or revoked kiosk token");
        return verdict;
    }
    verdict.kiosk = **kiosk;
    if (context.limiter) {
        if (int wait = context.limiter->TakeRequest(verdict.kiosk)) {
            base::LogWarn("hub_rate_limited", "kiosk=" + verdict.kiosk + " requests");
            verdict.refusal = TooMany(wait, "this kiosk sent more requests than the hub takes in a minute");
        }
    }
    return verdict;
}

HubReply HandleHubRequest(const HubRouteContext& context, const std::string& kiosk, const HubRequestHead& head,
                          const std::string& body) {
    Target target = SplitTarget(head.target);
    struct Route {
        const char* path;
        const char* method;
    };
    static constexpr Route kRoutes[] = {{"/v1/changes", "GET"}, {"/v1/push", "POST"}, {"/v1/health", "GET"}};
    bool known_path = false;
    for (const Route& route : kRoutes) {
        if (target.path != route.path) continue;
        known_path = true;
        if (head.method != route.method) continue;
        if (target.path == "/v1/changes") return Changes(context, kiosk, target);
        if (target.path == "/v1/push") return Push(context, kiosk, body);
        return Health(context, kiosk);
    }
    if (known_path) return HubErrorReply(405, "method_not_allowed", "method not allowed");
    return HubErrorReply(404, "not_found", "no such endpoint");
}

}  // namespace ksync
