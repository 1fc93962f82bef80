#include "sync/hub_server.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "base/json.h"
#include "base/log.h"
#include "sync/hub_routes.h"
#include "sync/hub_store.h"

namespace ksync {

bool IsLoopbackAddress(const std::string& address) {
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

Result<HubConfig> LoadHubConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) return base::MakeError("config_unreadable", "cannot read hub configuration '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json doc = base::ParseJsonOrDiscarded(text.str());
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
        get("header_timeout_s", config.header_timeout_s);
        get("body_timeout_s", config.body_timeout_s);
        get("max_connections", config.max_connections);
        get("max_connections_per_address", config.max_connections_per_address);
        get("rate_requests_per_minute", config.rate_requests_per_minute);
        get("rate_bookings_per_hour", config.rate_bookings_per_hour);
        get("threads", config.threads);
        get("page_limit", config.page_limit);
        get("scope", config.scope);
        get("port_file", config.port_file);
    } catch (const std::exception& e) {
        return base::MakeError("config_invalid", "'" + path + "': " + e.what());
    }
    return config;
}

// Not in an anonymous namespace: HubServer::Impl holds these.
namespace hub_http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Seconds = std::chrono::seconds;

constexpr uint32_t kMaxHeaderBytes = 16 * 1024;

int64_t ServerNowUtc() { return (int64_t)std::time(nullptr); }

// Open connections per peer address and in all; a connection over either limit is closed at once.
class ConnectionCounter {
public:
    ConnectionCounter(int total, int per_address) : max_total_(total), max_per_address_(per_address) {}

    bool Admit(const std::string& address) {
        std::lock_guard lock(mutex_);
        int& mine = by_address_[address];
        if (total_ >= max_total_ || mine >= max_per_address_) {
            if (mine == 0) by_address_.erase(address);
            return false;
        }
        ++mine;
        ++total_;
        return true;
    }
    void Release(const std::string& address) {
        std::lock_guard lock(mutex_);
        auto it = by_address_.find(address);
        if (it != by_address_.end() && --it->second <= 0) by_address_.erase(it);
        --total_;
    }

private:
    std::mutex mutex_;
    std::unordered_map<std::string, int> by_address_;
    int total_ = 0;
    int max_total_;
    int max_per_address_;
};

// Refusals are logged at most once per 10 s: a flood must not become a flood of log lines.
void LogRefusedConnection(const std::string& address) {
    static std::atomic<int64_t> last{0};
    int64_t now = ServerNowUtc();
    int64_t before = last.load();
    if (now - before >= 10 && last.compare_exchange_strong(before, now)) {
        base::LogWarn("hub_connection_refused", "remote=" + address + " (connection limit reached; further refusals for 10 s not logged)");
    }
}

struct Shared {
    Shared(const HubConfig& config)
        : limiter(RateLimits{config.rate_requests_per_minute, config.rate_bookings_per_hour}),
          routes{config.db_path, config.page_limit, config.max_body_bytes, &limiter},
          header_timeout(config.header_timeout_s),
          body_timeout(config.body_timeout_s),
          write_timeout(config.request_timeout_s),
          counter(config.max_connections, config.max_connections_per_address) {}

    HubRateLimiter limiter;
    HubRouteContext routes;
    Seconds header_timeout;
    Seconds body_timeout;
    Seconds write_timeout;
    ConnectionCounter counter;
};

// One connection: read a head within header_timeout, judge it, read the body within
// body_timeout, answer within write_timeout, and again while the client keeps it alive. A slow
// client only holds memory and a socket until its deadline; no thread waits for it.
template <class Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
public:
    Connection(Stream stream, std::shared_ptr<Shared> shared, std::string remote)
        : stream_(std::move(stream)), shared_(std::move(shared)), remote_(std::move(remote)) {}
    ~Connection() { shared_->counter.Release(remote_); }

    void Start() {
        if constexpr (kTls) {
            beast::get_lowest_layer(stream_).expires_after(shared_->header_timeout);
            stream_.async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                if (ec) return self->Close();
                self->ReadHead();
            });
        } else {
            ReadHead();
        }
    }

private:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

    void ReadHead() {
        parser_.emplace();
        parser_->header_limit(kMaxHeaderBytes);
        parser_->body_limit(shared_->routes.max_body_bytes);
        beast::get_lowest_layer(stream_).expires_after(shared_->header_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnHead(ec); });
    }

    void OnHead(beast::error_code ec) {
        if (ec == http::error::header_limit) return Send(HubErrorReply(431, "headers_too_large", "request headers too large"), true);
        // A declared Content-Length over the limit stops the parser right after the headers.
        if (ec == http::error::body_limit) return Send(HubErrorReply(413, "payload_too_large", "request body too large"), true);
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof) return Close();
        if (ec) return Send(HubErrorReply(400, "bad_request", "malformed request"), true);
        const auto& request = parser_->get();
        head_ = HubRequestHead{};
        head_.method = std::string(request.method_string());
        head_.target = std::string(request.target());
        head_.authorization = std::string(request[http::field::authorization]);
        head_.content_encoding = std::string(request[http::field::content_encoding]);
        if (auto length = parser_->content_length()) head_.content_length = *length;
        head_.remote = remote_;
        HeadVerdict verdict = CheckHubRequestHead(shared_->routes, head_);
        // Refused before the body is read: the connection is closed after the answer, so the
        // unread body is never parsed as a next request.
        if (verdict.refusal) return Send(std::move(*verdict.refusal), true);
        kiosk_ = std::move(verdict.kiosk);
        if (beast::iequals(request[http::field::expect], "100-continue")) {
            auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, request.version());
            beast::get_lowest_layer(stream_).expires_after(shared_->write_timeout);
            http::async_write(stream_, *go_on, [self = this->shared_from_this(), go_on](beast::error_code ec, size_t) {
                if (ec) return self->Close();
                self->ReadBody();
            });
            return;
        }
        ReadBody();
    }

    void ReadBody() {
        beast::get_lowest_layer(stream_).expires_after(shared_->body_timeout);
        http::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, size_t) {
            self->OnBody(ec);
        });
    }

    void OnBody(beast::error_code ec) {
        if (ec == http::error::body_limit) return Send(HubErrorReply(413, "payload_too_large", "request body too large"), true);
        if (ec) return Close();
        HubReply reply = HandleHubRequest(shared_->routes, kiosk_, head_, parser_->get().body());
        Send(std::move(reply), !parser_->get().keep_alive());
    }

    void Send(HubReply reply, bool close) {
        response_ = {};
        response_.version(11);
        response_.result((unsigned)reply.status);
        if (reply.retry_after_s > 0) response_.set(http::field::retry_after, std::to_string(reply.retry_after_s));
        if (reply.status != 304) {
            response_.set(http::field::content_type, "application/json");
            response_.body() = std::move(reply.body);
        }
        response_.keep_alive(!close);
        response_.prepare_payload();
        beast::get_lowest_layer(stream_).expires_after(shared_->write_timeout);
        http::async_write(stream_, response_, [self = this->shared_from_this(), close](beast::error_code ec, size_t) {
            if (ec || close) return self->Close();
            self->ReadHead();
        });
    }

    void Close() {
        if constexpr (kTls) {
            beast::get_lowest_layer(stream_).expires_after(Seconds(2));
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
                beast::error_code ignored;
                beast::get_lowest_layer(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
            });
        } else {
            beast::error_code ignored;
            stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        }
    }

    Stream stream_;
    std::shared_ptr<Shared> shared_;
    std::string remote_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> response_;
    HubRequestHead head_;
    std::string kiosk_;
};

// Between two writes (the write lock held), a checkpoint that restarts the WAL from its start,
// waiting at most 200 ms for readers (a pull reads for milliseconds); when the file has grown
// past 16 MiB it is truncated too. Without a restart the WAL of a busy hub only ever grows:
// some reader always overlaps the end of it.
void CheckpointHubWal(content::Db& db, const std::string& db_path) {
    std::error_code ec;
    auto size = std::filesystem::file_size(db_path + "-wal", ec);
    if (ec || size == 0) return;
    int mode = size > (16u << 20) ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_RESTART;
    std::lock_guard write(HubWriteLock());
    sqlite3_busy_timeout(db.raw(), 200);
    int rc = sqlite3_wal_checkpoint_v2(db.raw(), nullptr, mode, nullptr, nullptr);
    sqlite3_busy_timeout(db.raw(), content::kBusyTimeoutMs);
    if (rc == SQLITE_OK && mode == SQLITE_CHECKPOINT_TRUNCATE) base::LogInfo("hub_wal_truncated", "was=" + std::to_string(size));
}

}  // namespace hub_http

using namespace hub_http;

struct HubServer::Impl {
    asio::io_context io;
    std::optional<asio::ssl::context> tls;
    std::optional<tcp::acceptor> acceptor;
    std::shared_ptr<Shared> shared;
    bool bound = false;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;

    void Accept() {
        acceptor->async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted) return;
            if (!ec) Admit(std::move(socket));
            Accept();
        });
    }

    void Admit(tcp::socket socket) {
        beast::error_code ec;
        auto peer = socket.remote_endpoint(ec);
        if (ec) return;
        std::string remote = peer.address().to_string();
        if (!shared->counter.Admit(remote)) {
            LogRefusedConnection(remote);
            socket.close(ec);
            return;
        }
        socket.set_option(tcp::no_delay(true), ec);
        if (tls) {
            using TlsStream = beast::ssl_stream<beast::tcp_stream>;
            std::make_shared<Connection<TlsStream>>(TlsStream(beast::tcp_stream(std::move(socket)), *tls), shared, remote)->Start();
        } else {
            std::make_shared<Connection<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared, remote)->Start();
        }
    }
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
        auto pruned = store->PruneTombstones(ServerNowUtc(), config.tombstone_retention_s);
        if (!pruned.ok()) return pruned.error();
    }
    if (tls) {
        impl_->tls.emplace(asio::ssl::context::tls_server);
        try {
            impl_->tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                                    asio::ssl::context::no_tlsv1_1);
            impl_->tls->use_certificate_chain_file(config.tls_cert);
            impl_->tls->use_private_key_file(config.tls_key, asio::ssl::context::pem);
        } catch (const std::exception& e) {
            return base::MakeError("hub_tls_config", "cannot load certificate '" + config.tls_cert + "' and key '" +
                                                         config.tls_key + "': " + e.what());
        }
    }
    impl_->shared = std::make_shared<Shared>(config);

    beast::error_code ec;
    tcp::resolver resolver(impl_->io);
    auto endpoints = resolver.resolve(config.listen, std::to_string(config.port), tcp::resolver::passive, ec);
    auto bind_failed = [&](const std::string& why) {
        return base::MakeError("hub_bind_failed", "cannot listen on " + config.listen + ":" + std::to_string(config.port) + ": " + why);
    };
    if (ec || endpoints.empty()) return bind_failed(ec ? ec.message() : "no such address");
    tcp::endpoint endpoint = endpoints.begin()->endpoint();
    tcp::acceptor& acceptor = impl_->acceptor.emplace(impl_->io);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return bind_failed(ec.message());
    int port = acceptor.local_endpoint().port();
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
    // Upkeep beside the requests: the WAL is restarted every 10 s, or as soon as it passes
    // 16 MiB (checked every second; without it a hub under continuous pushes grew its WAL to
    // hundreds of MB), and tombstones age out every hour.
    std::thread upkeep([this] {
        auto store = HubStore::Connect(config_.db_path);
        if (!store.ok()) {
            base::LogWarn("hub_upkeep_failed", store.error().ToString());
            return;
        }
        auto last_prune = std::chrono::steady_clock::now();
        auto last_checkpoint = last_prune;
        std::unique_lock lock(impl_->mutex);
        while (!impl_->wake.wait_for(lock, std::chrono::seconds(1), [this] { return impl_->stopping; })) {
            lock.unlock();
            std::error_code ec;
            bool large = std::filesystem::file_size(config_.db_path + "-wal", ec) > (16u << 20) && !ec;
            if (large || std::chrono::steady_clock::now() - last_checkpoint >= std::chrono::seconds(10)) {
                last_checkpoint = std::chrono::steady_clock::now();
                CheckpointHubWal(store->db(), config_.db_path);
            }
            if (std::chrono::steady_clock::now() - last_prune >= std::chrono::hours(1)) {
                last_prune = std::chrono::steady_clock::now();
                auto pruned = store->PruneTombstones(ServerNowUtc(), config_.tombstone_retention_s);
                if (!pruned.ok()) base::LogWarn("hub_prune_failed", pruned.error().ToString());
            }
            lock.lock();
        }
    });
    impl_->Accept();
    // Requests are answered on these threads (SQLite work included); waiting for slow clients
    // happens in the event loop and takes none of them.
    std::vector<std::thread> workers;
    for (int i = 1; i < std::max(1, config_.threads); ++i) workers.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& worker : workers) worker.join();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    upkeep.join();
    return base::Ok();
}

void HubServer::Stop() {
    if (impl_) impl_->io.stop();
}

}  // namespace ksync
