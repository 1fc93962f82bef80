// sync/client.h: the kiosk's sync client: pull content, push the outbox, report health.
//
// Design note
// - SyncSession is one synchronous sync over its own Db connection and HttpClient:
//     Pull: GET /v1/changes from the committed cursor, page by page into the Stage, then one
//           transaction applies every change with the new cursor (sync/apply.h). 304: nothing.
//     Push: the outbox in batches (PeekOutbox); each operation leaves the kiosk only when the hub
//           answered for it (AcknowledgeOutbox: accepted, duplicate or rejected with a reason;
//           it checkpoints the WAL, so the personal data does not stay there either).
//           Anything the hub did not answer for stays, with the error recorded, for next time.
//           Staff ops (staff_edit, conflict_resolution) leave only with a real answer: accepted
//           (applied, merged, conflict, resolved) or rejected for good, in which case a copy goes
//           to meta staff_rejected_edits first. "unsupported" (a hub before staff mode) keeps them.
//           The hub's `seen` (its record of this kiosk's health) goes to meta hub_seen_health.
//     Pull and bundle apply re-run the pending staff ops in the apply transaction
//           (content::ReapplyPendingStaffEdits), so a staff edit never vanishes meanwhile.
//   The push runs after every pull, also after a failed one: bookings never wait for content.
// - SyncClient runs sessions on its own thread. Its state machine:
//
//      Waiting --(next_attempt reached | SyncNow() | network back)--> Syncing
//      Syncing --ok--> Waiting (next = now + interval +- jitter, failures = 0)
//      Syncing --error--> Waiting (next = now + random(backoff_initial .. min(max, initial*2^n)))
//      any --Stop()--> Stopped
//
//   While backing off after a transport failure (hub unreachable), the thread probes a TCP
//   connect to the hub every network_poll_s and syncs as soon as it succeeds, so a kiosk whose
//   network returns catches up within seconds, not after the whole backoff.
// - The UI reads State() (a copy under a mutex) for the status line and staff mode, and learns
//   of new content from content_generation() or the callback (called on the sync thread, after
//   commit: keep it short, e.g. post an SDL event).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "content/bookings.h"
#include "content/db.h"
#include "sync/apply.h"
#include "sync/http_client.h"
#include "sync/protocol.h"

namespace ksync {

struct ClientConfig {
    std::string db_path;
    std::string hub_url;                 // "https://hub.example:8443"
    std::string token;
    std::string ca_file;                 // PEM to trust for the hub (a private CA or the hub's cert)
    std::string firmware_version = "dev";
    int interval_s = 300;                // between successful syncs
    double jitter = 0.2;                 // +-20 % on the interval
    int backoff_initial_s = 5;
    int backoff_max_s = 900;
    int network_poll_s = 5;              // connect probe while the hub is unreachable
    int page_limit = 1000;
    int push_batch = 50;
    int connect_timeout_s = 10;
    int request_timeout_s = 120;
    int low_speed_time_s = 20;
};

struct PullReport {
    bool not_modified = false;
    int pages = 0;
    int64_t changes = 0;
    int64_t wire_bytes = 0;
    double apply_seconds = 0;
    bool content_changed = false;
    int64_t cursor = 0;
};

struct PushReport {
    int sent = 0, accepted = 0, duplicate = 0, rejected = 0;
    int kept = 0;                        // staff ops the hub could not apply yet (still queued)
    int64_t wire_bytes = 0;
    int64_t remaining = 0;               // outbox depth afterwards
};

// Meta keys the sync client writes for the staff screens and diagnostics.
// staff_rejected_edits: JSON array, oldest first, at most kMaxRejectedStaffEdits entries of
//   {"op_id", "kind", "reason", "message", "rejected_at", "payload": the op's payload}.
// hub_seen_health: {"last_seen_at", "content_seq", "outbox_depth", "firmware", "received_at"}.
inline constexpr const char* kMetaStaffRejectedEdits = "staff_rejected_edits";
inline constexpr const char* kMetaHubSeenHealth = "hub_seen_health";
inline constexpr size_t kMaxRejectedStaffEdits = 50;

// Appends a rejected staff op to staff_rejected_edits (once per op id; the oldest beyond the cap
// go). Its own transaction.
Status RecordRejectedStaffOp(content::Db& db, const content::OutboxItem& item, const std::string& reason,
                             const std::string& message, int64_t now_utc);
Status StoreSeenHealth(content::Db& db, const SeenHealth& seen, int64_t now_utc);

struct HealthInfo {
    int64_t uptime_s = 0;
    int64_t free_disk_bytes = -1;
};
HealthInfo CollectHealth(const std::string& db_path);

class SyncSession {
public:
    static Result<std::unique_ptr<SyncSession>> Open(const ClientConfig& config);

    Result<PullReport> Pull();
    // `health` rides along with the first batch.
    Result<PushReport> Push(const std::optional<HealthReport>& health);
    // Health as of now, with the caller's view of the last result.
    Result<HealthReport> MakeHealth(const std::string& last_result, const std::string& last_error, int64_t last_success_at);

    content::Db& db() { return db_; }

    // True while personal data that an acknowledgement deleted may still be in the WAL (a reader
    // held the checkpoint back). RetryWipe tries again and clears it once the WAL is truncated.
    bool wipe_pending() const { return wipe_pending_; }
    void RetryWipe();

private:
    SyncSession(const ClientConfig& config, content::Db db);

    ClientConfig config_;
    content::Db db_;
    HttpClient http_;
    Stage stage_;
    bool wipe_pending_ = false;
    bool wipe_failed_ = false;  // the last try was an error (already logged)
};

struct ClientState {
    bool running = false;
    bool syncing = false;
    int64_t last_attempt_at = 0;         // UTC seconds
    int64_t last_success_at = 0;
    int64_t next_attempt_at = 0;
    std::string last_result;             // "ok", "unchanged", "error" (empty before the first)
    std::string last_error;              // "code: message" of the last failure (kept after a success)
    std::string last_error_code;
    int consecutive_failures = 0;
    int64_t content_seq = 0;
    int64_t outbox_depth = 0;
    uint64_t content_generation = 0;     // +1 every time applied content changed
};

class SyncClient {
public:
    explicit SyncClient(ClientConfig config);
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // Opens the thread's connection and starts the thread (first sync right away).
    Status Start();
    void Stop();
    void SyncNow();
    // A hint from the platform (link up, DHCP lease): try now unless a sync is running.
    void NetworkChanged() { SyncNow(); }

    ClientState State() const;
    uint64_t content_generation() const { return generation_.load(); }
    // Called on the sync thread after new content committed, with the new content_seq.
    void SetContentChangedCallback(std::function<void(int64_t)> callback);

private:
    void Loop(std::unique_ptr<SyncSession> session);
    // One sync; returns the delay until the next one (ms).
    int64_t RunOnce(SyncSession& session);
    int64_t NextDelayMs(bool failed, int failures) const;
    bool HubReachable();

    ClientConfig config_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool sync_now_ = false;
    ClientState state_;
    std::function<void(int64_t)> on_content_changed_;
    std::atomic<uint64_t> generation_{0};
    std::thread thread_;
    int64_t last_health_at_ = 0;
};

}  // namespace ksync
