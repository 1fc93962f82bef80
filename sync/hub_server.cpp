#include "sync/hub_server.h"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "base/log.h"
#include "sync/hub_store.h"

namespace ksync {
namespace {

int64_t HubNowUtc() { return (int64_t)std::time(nullptr); }

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
    res.status = status;
    res.set_content(EncodeError(code, message), "application/json");
}

// The worker thread's own connection (SQLite connections stay on one thread).
Result<HubStore*> WorkerStore(const std::string& path) {
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

// The kiosk the pre-routing handler authenticated; the route handler runs next on this thread.
thread_local std::string t_kiosk;

std::optional<int64_t> ParseInt(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string BearerToken(const httplib::Request& req) {
    std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
    return header.substr(prefix.size());
}

}  // namespace

bool IsLoopbackAddress(const std::string& address) {
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

Result<HubConfig> LoadHubConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) return base::MakeError("config_unreadable", "cannot read hub configuration '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (!doc.is_object()) return base::MakeError("config_invalid", "'" + path + "' is not a JSON object");
    HubConfig config;
    try {
        auto get = [&](const char* name, auto& field) {
            auto it = doc.find(name);
            if (it != doc.end() && !it->is_null()) field = it->get<std::decay_t<decltype(field)>>();
        };
        get("db", config.db_path);
        get("listen", config.listen);
        get("port", config.port);
        get("tls_cert", config.tls_cert);
        get("tls_key", config.tls_key);
        get("allow_plain_http", config.allow_plain_http);
        int64_t tombstone_days = config.tombstone_retention_s / 86400;
        get("tombstone_days", tombstone_days);
        config.tombstone_retention_s = tombstone_days * 86400;
        get("tombstone_retention_s", config.tombstone_retention_s);
        get("max_body_bytes", config.max_body_bytes);
        get("request_timeout_s", config.request_timeout_s);
        get("threads", config.threads);
        get("page_limit", config.page_limit);
        get("scope", config.scope);
        get("port_file", config.port_file);
    } catch (const std::exception& e) {
        return base::MakeError("config_invalid", "'" + path + "': " + e.what());
    }
    return config;
}

struct HubServer::Impl {
    std::unique_ptr<httplib::Server> server;
    bool bound = false;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
};

HubServer::HubServer(HubConfig config) : config_(std::move(config)), impl_(std::make_unique<Impl>()) {}

HubServer::~HubServer() { Stop(); }

base::Status HubServer::Bind() {
    if (impl_->bound) return base::Ok();
    const HubConfig& config = config_;
    bool tls = !config.tls_cert.empty() || !config.tls_key.empty();
    if (tls && (config.tls_cert.empty() || config.tls_key.empty())) {
        return base::MakeError("hub_tls_config", "TLS needs both tls_cert and tls_key");
    }
    if (!tls && !IsLoopbackAddress(config.listen) && !config.allow_plain_http) {
        return base::MakeError("hub_plain_http_refused", "refusing plain HTTP on '" + config.listen +
                                                             "': configure tls_cert and tls_key, or set allow_plain_http");
    }
    // Creates the hub tables and triggers once, before any worker connects.
    {
        auto store = HubStore::Setup(config.db_path);
        if (!store.ok()) return store.error();
        auto pruned = store->PruneTombstones(HubNowUtc(), config.tombstone_retention_s);
        if (!pruned.ok()) return pruned.error();
    }
    if (tls) {
        auto server = std::make_unique<httplib::SSLServer>(config.tls_cert.c_str(), config.tls_key.c_str());
        if (!server->is_valid()) {
            return base::MakeError("hub_tls_config", "cannot load certificate '" + config.tls_cert + "' and key '" +
                                                         config.tls_key + "'");
        }
        impl_->server = std::move(server);
    } else {
        impl_->server = std::make_unique<httplib::Server>();
    }
    httplib::Server& server = *impl_->server;
    int threads = std::max(2, config.threads);
    server.new_task_queue = [threads] { return new httplib::ThreadPool((size_t)threads); };
    server.set_payload_max_length(config.max_body_bytes);
    server.set_read_timeout(config.request_timeout_s, 0);
    server.set_write_timeout(config.request_timeout_s, 0);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(1000);
    server.set_tcp_nodelay(true);

    const std::string db_path = config.db_path;
    server.set_pre_routing_handler([db_path](const httplib::Request& req, httplib::Response& res) {
        t_kiosk.clear();
        std::string token = BearerToken(req);
        if (token.empty()) {
            SendError(res, 401, "unauthorized", "a kiosk token is required");
            return httplib::Server::HandlerResponse::Handled;
        }
        auto store = WorkerStore(db_path);
        if (!store.ok()) {
            base::LogError("hub_db_unavailable", store.error().ToString());
            SendError(res, 503, "unavailable", "the hub database is unavailable");
            return httplib::Server::HandlerResponse::Handled;
        }
        auto kiosk = (*store)->Authenticate(token);
        if (!kiosk.ok()) {
            SendError(res, 503, "unavailable", "the hub database is busy");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!kiosk->has_value()) {
            base::LogWarn("hub_unauthorized", "remote=" + req.remote_addr + " path=" + req.path);
            SendError(res, 401, "unauthorized", "unknown or revoked kiosk token");
            return httplib::Server::HandlerResponse::Handled;
        }
        t_kiosk = **kiosk;
        return httplib::Server::HandlerResponse::Unhandled;
    });

    const int default_limit = config.page_limit;
    server.Get("/v1/changes", [db_path, default_limit](const httplib::Request& req, httplib::Response& res) {
        PullRequestArgs args;
        args.limit = default_limit;
        if (req.has_param("since")) {
            auto since = ParseInt(req.get_param_value("since"));
            if (!since) return SendError(res, 400, "bad_request", "'since' must be a non-negative integer");
            args.since = *since;
        }
        if (req.has_param("limit")) {
            auto limit = ParseInt(req.get_param_value("limit"));
            if (!limit || *limit == 0) return SendError(res, 400, "bad_request", "'limit' must be a positive integer");
            args.limit = (int)std::min<int64_t>(*limit, kMaxPageLimit);
        }
        args.epoch = req.get_param_value("epoch");
        HubStore* store = WorkerStore(db_path).value();
        auto answer = store->Pull(args);
        if (!answer.ok()) {
            base::LogError("hub_pull_failed", answer.error().ToString());
            return SendError(res, 503, "unavailable", "cannot read changes: " + answer.error().code);
        }
        auto seen = store->RecordSeen(t_kiosk, args.since, HubNowUtc());
        if (!seen.ok()) base::LogWarn("hub_record_seen_failed", seen.error().ToString());
        if (answer->not_modified) {
            res.status = 304;
            return;
        }
        res.set_content(std::move(answer->body), "application/json");
    });

    server.Post("/v1/push", [db_path](const httplib::Request& req, httplib::Response& res) {
        auto request = DecodePushRequest(req.body);
        if (!request.ok()) return SendError(res, 400, request.error().code, request.error().message);
        HubStore* store = WorkerStore(db_path).value();
        auto response = store->ApplyPush(t_kiosk, *request, HubNowUtc());
        if (!response.ok()) {
            base::LogError("hub_push_failed", response.error().ToString());
            return SendError(res, 503, "unavailable", "cannot store the operations: " + response.error().code);
        }
        res.set_content(EncodePushResponse(*response), "application/json");
    });

    server.Get("/v1/health", [db_path](const httplib::Request&, httplib::Response& res) {
        HubStore* store = WorkerStore(db_path).value();
        auto head = store->Head();
        auto epoch = store->Epoch();
        if (!head.ok() || !epoch.ok()) return SendError(res, 503, "unavailable", "the hub database is unavailable");
        nlohmann::json body = {{"status", "ok"}, {"kiosk", t_kiosk}, {"head", *head}, {"epoch", *epoch}, {"time", HubNowUtc()}};
        res.set_content(body.dump(), "application/json");
    });

    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
            case 404: SendError(res, 404, "not_found", "no such endpoint"); break;
            case 405: SendError(res, 405, "method_not_allowed", "method not allowed"); break;
            case 413: SendError(res, 413, "payload_too_large", "request body too large"); break;
            case 400: SendError(res, 400, "bad_request", "malformed request"); break;
            default: SendError(res, res.status, "error", "request failed"); break;
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal", "internal error");
    });

    int port = config.port == 0 ? server.bind_to_any_port(config.listen) : (server.bind_to_port(config.listen, config.port) ? config.port : -1);
    if (port <= 0) {
        return base::MakeError("hub_bind_failed", "cannot listen on " + config.listen + ":" + std::to_string(config.port));
    }
    port_ = port;
    impl_->bound = true;
    if (!config.port_file.empty()) {
        std::string temp = config.port_file + ".tmp";
        std::ofstream(temp) << port << "\n";
        std::rename(temp.c_str(), config.port_file.c_str());
    }
    base::LogInfo("hub_listening", "address=" + config.listen + " port=" + std::to_string(port) + (tls ? " tls=1" : " tls=0"));
    return base::Ok();
}

base::Status HubServer::Run() {
    TRY(Bind());
    // Tombstones age out while the hub runs, not only at start.
    std::thread pruner([this] {
        std::unique_lock lock(impl_->mutex);
        while (!impl_->wake.wait_for(lock, std::chrono::hours(1), [this] { return impl_->stopping; })) {
            lock.unlock();
            auto store = HubStore::Connect(config_.db_path);
            if (store.ok()) {
                auto pruned = store->PruneTombstones(HubNowUtc(), config_.tombstone_retention_s);
                if (!pruned.ok()) base::LogWarn("hub_prune_failed", pruned.error().ToString());
            }
            lock.lock();
        }
    });
    bool ok = impl_->server->listen_after_bind();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    pruner.join();
    if (!ok && impl_->bound) return base::MakeError("hub_serve_failed", "the HTTP server stopped with an error");
    return base::Ok();
}

void HubServer::Stop() {
    if (impl_ && impl_->server) impl_->server->stop();
}

}  // namespace ksync
