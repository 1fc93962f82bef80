#include "sync/client.h"

#include <curl/curl.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

#include "base/json.h"
#include "base/log.h"
#include "content/bookings.h"
#include "content/schema.h"
#include "content/store.h"

namespace ksync {
namespace {

int64_t NowUtc() { return (int64_t)std::time(nullptr); }

std::mt19937_64& Rng() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return rng;
}

bool IsStaffKind(const std::string& kind) { return kind == "staff_edit" || kind == "conflict_resolution"; }

Status SetMetaValue(content::Db& db, const std::string& key, const std::string& value) {
    auto tx = TRY_VALUE(content::Transaction::Begin(db));
    content::ContentWriter writer(db);
    TRY(writer.SetMeta(key, value));
    return tx.Commit();
}

bool IsUnreachable(const std::string& code) {
    return code == "http_unreachable" || code == "http_timeout" || code == "http_transport";
}

}  // namespace

Status StoreSeenHealth(content::Db& db, const SeenHealth& seen, int64_t now_utc) {
    auto optional = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    nlohmann::json value = {{"last_seen_at", optional(seen.last_seen_at)},
                            {"content_seq", optional(seen.content_seq)},
                            {"outbox_depth", optional(seen.outbox_depth)},
                            {"firmware", seen.firmware},
                            {"received_at", now_utc}};
    return SetMetaValue(db, kMetaHubSeenHealth, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Status RecordRejectedStaffOp(content::Db& db, const content::OutboxItem& item, const std::string& reason,
                             const std::string& message, int64_t now_utc) {
    auto tx = TRY_VALUE(content::Transaction::Begin(db));
    nlohmann::json list = nlohmann::json::array();
    auto existing = content::GetMeta(db, kMetaStaffRejectedEdits);
    if (existing.ok()) {
        list = base::ParseJsonOrDiscarded(*existing);
        if (!list.is_array()) list = nlohmann::json::array();
    } else if (existing.error().code != "not_found") {
        return existing.error();
    }
    for (const nlohmann::json& entry : list) {
        if (entry.is_object() && entry.value("op_id", "") == item.op_id) return base::Ok();  // recorded already
    }
    nlohmann::json payload = base::ParseJsonOrDiscarded(item.payload);
    if (payload.is_discarded()) payload = item.payload;
    list.push_back({{"op_id", item.op_id},
                    {"kind", item.kind},
                    {"reason", reason},
                    {"message", message},
                    {"rejected_at", now_utc},
                    {"payload", payload}});
    while (list.size() > kMaxRejectedStaffEdits) list.erase(list.begin());
    content::ContentWriter writer(db);
    TRY(writer.SetMeta(kMetaStaffRejectedEdits, list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    TRY(tx.Commit());
    base::LogWarn("sync_staff_op_rejected", "op=" + item.op_id + " kind=" + item.kind + " reason=" + reason);
    return base::Ok();
}

HealthInfo CollectHealth(const std::string& db_path) {
    HealthInfo info;
    if (FILE* f = std::fopen("/proc/uptime", "r")) {
        double seconds = 0;
        if (std::fscanf(f, "%lf", &seconds) == 1) info.uptime_s = (int64_t)seconds;
        std::fclose(f);
    }
    std::string dir = db_path;
    size_t slash = dir.find_last_of('/');
    dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : dir.substr(0, slash));
    struct statvfs fs;
    if (statvfs(dir.c_str(), &fs) == 0) info.free_disk_bytes = (int64_t)fs.f_bavail * (int64_t)fs.f_frsize;
    return info;
}

// ---- SyncSession --------------------------------------------------------------------------

SyncSession::SyncSession(const ClientConfig& config, content::Db db)
    : config_(config),
      db_(std::move(db)),
      http_(HttpOptions{config.hub_url, config.token, config.ca_file, config.connect_timeout_s, config.request_timeout_s,
                        64, config.low_speed_time_s, 80u << 20}),
      stage_(db_) {}

Result<std::unique_ptr<SyncSession>> SyncSession::Open(const ClientConfig& config) {
    if (config.hub_url.empty()) return base::MakeError("sync_config", "no hub URL configured");
    content::Db db = TRY_VALUE(content::Db::Open(config.db_path));
    return std::unique_ptr<SyncSession>(new SyncSession(config, std::move(db)));
}

Result<PullReport> SyncSession::Pull() {
    PullReport report;
    SyncCursor cursor = TRY_VALUE(ReadCursor(db_));
    TRY(stage_.Begin(false));
    int64_t since = cursor.seq;
    std::string epoch = cursor.epoch;
    const int kMaxPages = 100000;
    for (int page_no = 0; page_no < kMaxPages; ++page_no) {
        std::string query = "/v1/changes?since=" + std::to_string(since) + "&limit=" + std::to_string(config_.page_limit);
        if (!epoch.empty()) query += "&epoch=" + UrlEncode(epoch);
        HttpResponse response = TRY_VALUE(http_.Get(query));
        report.wire_bytes += response.wire_bytes;
        if (response.status == 304) {
            if (page_no == 0) {
                report.not_modified = true;
                report.cursor = cursor.seq;
                return report;
            }
            // The hub's head is where the previous page ended: apply what is staged.
            return base::MakeError("sync_protocol", "hub answered 304 in the middle of a multi-page pull");
        }
        if (response.status != 200) return DecodeError((int)response.status, response.body);
        PullPage page = TRY_VALUE(DecodePullPage(response.body));
        if (page.schema_version > content::kSchemaVersion) {
            return base::MakeError("sync_schema_too_new", "hub content schema " + std::to_string(page.schema_version) +
                                                              " is newer than this kiosk's " +
                                                              std::to_string(content::kSchemaVersion));
        }
        if (page.snapshot) {
            TRY(stage_.Begin(true));
            epoch = page.epoch;
        } else if (page.epoch != epoch || page.since != since) {
            return base::MakeError("sync_protocol", "hub answered a page for since=" + std::to_string(page.since) +
                                                        " epoch=" + page.epoch + ", asked since=" + std::to_string(since));
        }
        TRY(stage_.AddPage(page));
        ++report.pages;
        report.changes += (int64_t)page.changes.size();
        since = page.to;
        if (!page.has_more) {
            ApplyTarget target;
            target.epoch = page.epoch;
            target.cursor = page.to;
            target.head_at = page.head_at;
            ApplyReport applied = TRY_VALUE(stage_.Apply(target));
            report.apply_seconds = applied.seconds;
            report.content_changed = applied.changed();
            report.cursor = page.to;
            return report;
        }
    }
    return base::MakeError("sync_protocol", "pull did not end after " + std::to_string(kMaxPages) + " pages");
}

Result<HealthReport> SyncSession::MakeHealth(const std::string& last_result, const std::string& last_error,
                                             int64_t last_success_at) {
    HealthReport health;
    health.firmware = config_.firmware_version;
    health.content_seq = TRY_VALUE(ReadCursor(db_)).seq;
    health.outbox_depth = TRY_VALUE(content::OutboxDepth(db_));
    HealthInfo info = CollectHealth(config_.db_path);
    health.uptime_s = info.uptime_s;
    health.free_disk_bytes = info.free_disk_bytes;
    health.last_result = last_result;
    health.last_error = last_error.substr(0, 900);
    health.last_success_at = last_success_at;
    return health;
}

Result<PushReport> SyncSession::Push(const std::optional<HealthReport>& health) {
    PushReport report;
    bool health_pending = health.has_value();
    const int kMaxRounds = 20;  // a huge backlog goes out over several cycles
    // One read of the queue, sent in batches: every operation goes at most once per push, so
    // operations a hub keeps answering "unsupported" (staff edits before a hub upgrade) cannot
    // hold back the bookings queued behind them.
    std::vector<content::OutboxItem> queue =
        TRY_VALUE(content::PeekOutbox(db_, std::max(1, config_.push_batch) * kMaxRounds));
    size_t next = 0;
    for (int round = 0; round < kMaxRounds; ++round) {
        size_t batch_end = std::min(queue.size(), next + (size_t)std::max(1, config_.push_batch));
        std::vector<content::OutboxItem> items(queue.begin() + (std::ptrdiff_t)next, queue.begin() + (std::ptrdiff_t)batch_end);
        next = batch_end;
        if (items.empty() && !health_pending) break;
        PushRequest request;
        for (const content::OutboxItem& item : items) {
            PushOp op;
            op.op_id = item.op_id;
            op.kind = item.kind;
            op.ref_id = item.ref_id;
            op.created_at = item.created_at;
            op.payload = base::ParseJsonOrDiscarded(item.payload);
            if (!op.payload.is_object()) op.payload = nlohmann::json{{"unparsed_payload", item.payload}};
            request.ops.push_back(std::move(op));
        }
        if (health_pending) request.health = health;
        auto response = http_.Post("/v1/push", EncodePushRequest(request));
        auto record_failure = [&](const base::Error& error) {
            for (const content::OutboxItem& item : items) {
                auto recorded = content::RecordOutboxFailure(db_, item.op_id, error.ToString(), NowUtc());
                if (!recorded.ok()) base::LogWarn("sync_outbox_record_failed", recorded.error().ToString());
            }
        };
        if (!response.ok()) {
            record_failure(response.error());
            return response.error();
        }
        report.wire_bytes += response->wire_bytes;
        if (response->status != 200) {
            base::Error error = DecodeError((int)response->status, response->body);
            record_failure(error);
            return error;
        }
        auto decoded = DecodePushResponse(response->body);
        if (!decoded.ok()) {
            record_failure(decoded.error());
            return decoded.error();
        }
        health_pending = false;
        if (decoded->seen) {
            auto stored = StoreSeenHealth(db_, *decoded->seen, NowUtc());
            if (!stored.ok()) base::LogWarn("sync_seen_health_failed", stored.error().ToString());
        }
        report.sent += (int)items.size();
        for (const content::OutboxItem& item : items) {
            const OpResult* result = nullptr;
            for (const OpResult& r : decoded->results) {
                if (r.op_id == item.op_id) result = &r;
            }
            if (!result) {
                TRY(content::RecordOutboxFailure(db_, item.op_id, "hub gave no result for this operation", NowUtc()));
                continue;
            }
            content::AckResult ack = content::AckResult::Accepted;
            std::string reason = result->reason;
            bool rejected = result->outcome == OpOutcome::Rejected ||
                            (result->outcome == OpOutcome::Duplicate && result->original == OpOutcome::Rejected);
            if (IsStaffKind(item.kind) && rejected && reason == "unsupported") {
                // A hub that does not apply staff operations yet has not answered for this edit:
                // it stays queued (and keeps being re-applied locally) until one does.
                ++report.kept;
                TRY(content::RecordOutboxFailure(db_, item.op_id, "hub: unsupported: " + result->message, NowUtc()));
                continue;
            }
            if (result->outcome == OpOutcome::Accepted) {
                ++report.accepted;
            } else if (result->outcome == OpOutcome::Duplicate) {
                ++report.duplicate;
                ack = rejected ? content::AckResult::Rejected : content::AckResult::Duplicate;
            } else {
                ++report.rejected;
                ack = content::AckResult::Rejected;
            }
            if (IsStaffKind(item.kind) && rejected) {
                // Kept for the staff member to see before the op leaves the outbox; a crash in
                // between re-sends it, gets "duplicate, rejected" and records it once (by op id).
                TRY(RecordRejectedStaffOp(db_, item, reason, result->message, NowUtc()));
            }
            // Deletes the outbox row and checkpoints the WAL (content/bookings.cpp), so the
            // personal data leaves the kiosk with the hub's answer.
            TRY(content::AcknowledgeOutbox(db_, item.op_id, ack, reason));
        }
        if (next >= queue.size()) break;
    }
    report.remaining = TRY_VALUE(content::OutboxDepth(db_));
    if (report.accepted + report.duplicate + report.rejected > 0) {
        wipe_pending_ = true;
        RetryWipe();
    }
    return report;
}

void SyncSession::RetryWipe() {
    auto wiped = content::WipeFreedPersonalData(db_);
    // Retried every 250 ms until it works: a failing checkpoint is logged once, not four times a second.
    if (!wiped.ok() && !wipe_failed_) base::LogWarn("booking_checkpoint_failed", wiped.error().message);
    wipe_failed_ = !wiped.ok();
    wipe_pending_ = !wiped.ok() || !*wiped;
}

// ---- SyncClient ---------------------------------------------------------------------------

SyncClient::SyncClient(ClientConfig config) : config_(std::move(config)) {}

SyncClient::~SyncClient() { Stop(); }

Status SyncClient::Start() {
    if (thread_.joinable()) return base::Ok();
    auto session = SyncSession::Open(config_);
    if (!session.ok()) return session.error();
    {
        std::lock_guard lock(mutex_);
        stop_ = false;
        sync_now_ = true;
        state_.running = true;
        auto cursor = ReadCursor((*session)->db());
        if (cursor.ok()) state_.content_seq = cursor->seq;
    }
    thread_ = std::thread([this, s = std::move(*session)]() mutable { Loop(std::move(s)); });
    return base::Ok();
}

void SyncClient::Stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    state_.running = false;
}

void SyncClient::SyncNow() {
    {
        std::lock_guard lock(mutex_);
        sync_now_ = true;
    }
    wake_.notify_all();
}

ClientState SyncClient::State() const {
    std::lock_guard lock(mutex_);
    ClientState copy = state_;
    copy.content_generation = generation_.load();
    return copy;
}

void SyncClient::SetContentChangedCallback(std::function<void(int64_t)> callback) {
    std::lock_guard lock(mutex_);
    on_content_changed_ = std::move(callback);
}

int64_t SyncClient::NextDelayMs(bool failed, int failures) const {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (!failed) {
        double factor = 1.0 + config_.jitter * (2.0 * unit(Rng()) - 1.0);
        return (int64_t)(config_.interval_s * 1000.0 * factor);
    }
    // Exponential backoff with jitter: spread between the initial delay and the current cap, so
    // a hub that comes back is not hit by every kiosk in the same second.
    double cap = std::min<double>(config_.backoff_max_s, config_.backoff_initial_s * std::pow(2.0, std::min(failures - 1, 20)));
    double low = std::min<double>(config_.backoff_initial_s, cap);
    return (int64_t)((low + (cap - low) * unit(Rng())) * 1000.0);
}

bool SyncClient::HubReachable() {
    CURL* curl = curl_easy_init();
    if (!curl) return false;
    curl_easy_setopt(curl, CURLOPT_URL, config_.hub_url.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 3L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);  // a reachability probe; no data is sent
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    bool ok = curl_easy_perform(curl) == CURLE_OK;
    curl_easy_cleanup(curl);
    return ok;
}

int64_t SyncClient::RunOnce(SyncSession& session) {
    int64_t now = NowUtc();
    {
        std::lock_guard lock(mutex_);
        state_.syncing = true;
        state_.last_attempt_at = now;
    }
    auto pulled = session.Pull();
    ClientState before = State();
    std::string result = pulled.ok() ? (pulled->not_modified ? "unchanged" : "ok") : "error";
    std::string error = pulled.ok() ? "" : pulled.error().ToString();
    std::optional<HealthReport> health;
    // Health goes with the push: every time something changed, else every 15 minutes.
    if (!pulled.ok() || result != before.last_result || now - last_health_at_ >= 900) {
        auto made = session.MakeHealth(result, error.empty() ? before.last_error : error,
                                       pulled.ok() ? now : before.last_success_at);
        if (made.ok()) health = *made;
    }
    auto pushed = session.Push(health);
    if (pushed.ok() && health) last_health_at_ = now;

    bool failed = !pulled.ok() || !pushed.ok();
    base::Error first_error = !pulled.ok() ? pulled.error() : (!pushed.ok() ? pushed.error() : base::Error{});
    std::function<void(int64_t)> callback;
    int64_t delay_ms = 0;
    {
        std::lock_guard lock(mutex_);
        state_.syncing = false;
        if (failed) {
            state_.consecutive_failures++;
            state_.last_result = "error";
            state_.last_error = first_error.ToString();
            state_.last_error_code = first_error.code;
        } else {
            state_.consecutive_failures = 0;
            state_.last_result = result;
            state_.last_success_at = now;
            state_.last_error_code.clear();
        }
        if (pulled.ok()) state_.content_seq = pulled->cursor;
        auto depth = content::OutboxDepth(session.db());
        if (depth.ok()) state_.outbox_depth = *depth;
        if (pulled.ok() && pulled->content_changed) callback = on_content_changed_;
        // Set together with the result, so a reader never sees a new result with an old plan.
        delay_ms = NextDelayMs(failed, state_.consecutive_failures);
        state_.next_attempt_at = NowUtc() + (delay_ms + 999) / 1000;
    }
    if (failed) base::LogWarn("sync_failed", first_error.ToString());
    if (pulled.ok() && pulled->content_changed) {
        generation_.fetch_add(1);
        if (callback) callback(pulled->cursor);
    }
    return delay_ms;
}

void SyncClient::Loop(std::unique_ptr<SyncSession> session) {
    using Clock = std::chrono::steady_clock;
    auto next = Clock::now();
    auto next_probe = Clock::time_point::max();
    // While acknowledged personal data may still be in the WAL, the wipe is retried this often
    // (a reader on the UI's connection holds it back for a frame or two, not for minutes).
    constexpr auto kWipeRetry = std::chrono::milliseconds(250);
    while (true) {
        {
            std::unique_lock lock(mutex_);
            while (!stop_ && !sync_now_ && Clock::now() < next) {
                auto until = std::min(next, next_probe);
                if (session->wipe_pending()) until = std::min(until, Clock::now() + kWipeRetry);
                wake_.wait_until(lock, until);
                if (!stop_ && session->wipe_pending()) {
                    lock.unlock();
                    session->RetryWipe();
                    lock.lock();
                }
                if (!stop_ && !sync_now_ && Clock::now() >= next_probe && Clock::now() < next) {
                    lock.unlock();
                    bool reachable = HubReachable();
                    lock.lock();
                    if (reachable) {
                        base::LogInfo("sync_network_back");
                        break;
                    }
                    next_probe = Clock::now() + std::chrono::seconds(config_.network_poll_s);
                }
            }
            if (stop_) {
                if (session->wipe_pending()) session->RetryWipe();
                return;
            }
            sync_now_ = false;
        }
        int64_t delay_ms = RunOnce(*session);
        ClientState state = State();
        bool failed = state.last_result == "error";
        next = Clock::now() + std::chrono::milliseconds(delay_ms);
        next_probe = failed && IsUnreachable(state.last_error_code)
                         ? Clock::now() + std::chrono::seconds(config_.network_poll_s)
                         : Clock::time_point::max();
    }
}

}  // namespace ksync
