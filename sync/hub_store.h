// sync/hub_store.h: the hub's database: canonical content, change log, inbox, kiosk registry.
//
// Design note
// - The hub database is a content database (content/schema.cpp) plus the hub's own tables
//   (hub_meta, change_log, op_inbox, kiosk). Content is written by anyone with ContentWriter
//   or plain SQL: triggers on every content table record each change, so nothing can bypass
//   the log.
// - change_log keeps ONE row per record (tbl, pk): its latest change, with a fresh seq from an
//   AUTOINCREMENT key. seq is assigned inside the writer's transaction and SQLite serialises
//   writers, so commit order equals seq order and a reader that asks "seq > cursor" in a read
//   transaction can never skip a change: a change committed later always has a larger seq.
//   Upserts carry the row as JSON (json_object), so a pull is one indexed range scan.
// - Deletes are tombstones (op 1) kept for the retention time. Pruning raises
//   hub_meta.tombstone_horizon; a kiosk whose cursor is below it, from another epoch (another
//   hub database), or ahead of head gets a full snapshot instead of a delta.
// - op_inbox holds every pushed operation keyed by its idempotency key, with the result the
//   first delivery got; a replay answers "duplicate" plus that result. A course booking takes
//   its seat (course_session.seats_taken) in the same transaction, so capacity is decided here.
// - Staff operations (sync/hub_staff.cpp): a staff_edit or conflict_resolution op is decoded,
//   its staff member checked (exists, not removed), merged by content::MergeStaffEdit /
//   ApplyConflictResolution and audited (sync/audit_log.h), all inside a SAVEPOINT of the push's
//   transaction together with its op_inbox row. The device recorded anywhere is the
//   authenticated kiosk's name, never the payload's. A failure that is not the database's
//   (disk, memory) rolls the savepoint back and rejects the op, so one bad edit cannot block a
//   kiosk's bookings behind it.
// - One HubStore is one connection: the server gives each worker thread its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/staff_edit.h"
#include "sync/protocol.h"

namespace ksync {

struct PullRequestArgs {
    int64_t since = 0;
    std::string epoch;        // empty for a kiosk that never synced
    int limit = 1000;         // changes per page, clamped to [1, kMaxPageLimit]
};

inline constexpr int kMaxPageLimit = 5000;
// The device name of operations made with kiosk-hub's own command line.
inline constexpr const char* kHubDevice = "hub";
inline constexpr size_t kPageByteCap = 4u << 20;  // a page stops growing past this many bytes

struct PullAnswer {
    bool not_modified = false;  // 304: the kiosk is at head
    std::string body;           // JSON page (empty when not_modified)
    bool snapshot = false;
    bool has_more = false;
    int64_t to = 0;
    int64_t head = 0;
    int changes = 0;
};

struct KioskInfo {
    std::string name;
    int64_t created_at = 0;
    std::optional<int64_t> revoked_at;
    std::optional<int64_t> last_seen_at;
    std::string firmware;
    std::optional<int64_t> content_seq;
    std::optional<int64_t> outbox_depth;
    std::optional<int64_t> uptime_s;
    std::optional<int64_t> free_disk_bytes;
    std::optional<int64_t> last_success_at;
    std::string last_result;
    std::string last_error;
};

struct InboxBooking {
    std::string op_id, kiosk, booking_id, reference, session_id, service_id, form_id, lang;
    std::string result, reason;
    std::string payload;  // JSON as pushed
    int64_t received_at = 0;
    std::optional<int64_t> handled_at;
};

// Gives a record (and its texts), or one text, a fresh change-log entry as the hub has it now
// (a tombstone when absent), so every device's next pull rewrites its copy. For a device whose
// local staff edit did not land as it made it (a conflict kept the hub's value, or the edit was
// rejected): without this its copy would keep the edit, since the hub's rows did not change.
Status RelogRecord(content::Db& db, const std::string& table, const std::string& record_id);
Status RelogTranslation(content::Db& db, const std::string& table, const std::string& record_id,
                        const std::string& field, const std::string& lang);

class HubStore {
public:
    // Opens (creating) the hub database, migrates the content schema, creates the hub tables and
    // (re)creates the change-log triggers. Call once per process before serving.
    static Result<HubStore> Setup(const std::string& path);
    // Opens another connection to a database Setup() prepared (for worker threads).
    static Result<HubStore> Connect(const std::string& path);

    content::Db& db() { return db_; }

    Result<std::string> Epoch();
    Result<int64_t> Head();

    // ---- pull: one read transaction per call ----
    Result<PullAnswer> Pull(const PullRequestArgs& args);
    // A page of changes with seq > since, inside a read transaction the caller holds (bundles
    // read several pages from one consistent state).
    Result<PullAnswer> ReadPage(int64_t since, bool snapshot, int limit, size_t byte_cap);

    // ---- push ----
    Result<PushResponse> ApplyPush(const std::string& kiosk, const PushRequest& request, int64_t now);

    // ---- kiosk registry ----
    // Returns the new token (shown once); only its SHA-256 is stored. Error "kiosk_exists" for a
    // name already enrolled and not revoked unless `replace`.
    Result<std::string> Enrol(const std::string& name, int64_t now, bool replace = false);
    Status Revoke(const std::string& name, int64_t now);
    // The kiosk a token belongs to, or nullopt for an unknown or revoked token.
    Result<std::optional<std::string>> Authenticate(const std::string& token);
    Status RecordSeen(const std::string& kiosk, std::optional<int64_t> content_seq, int64_t now);
    Result<std::vector<KioskInfo>> ListKiosks();

    // ---- bookings inbox ----
    Result<std::vector<InboxBooking>> ListBookings(bool include_handled);
    // Marks bookings handled by op id, booking id or reference; returns how many matched.
    Result<int> MarkHandled(const std::vector<std::string>& keys, int64_t now);

    // What the registry holds of a kiosk's health (the push answer's `seen`).
    Result<std::optional<SeenHealth>> ReadSeen(const std::string& kiosk);

    // ---- staff (sync/hub_staff.cpp); every change is audited ----
    // Validates the name and PIN (4-8 digits, "staff_pin_bad"), refuses a PIN another active
    // member has ("staff_pin_taken"), stores only the Argon2id hash. Returns the new id.
    Result<std::string> AddStaff(const std::string& name, const std::string& pin, int64_t now);
    // Sets removed_at; the row stays for the audit trail. Errors staff_unknown, staff_removed.
    Status RemoveStaff(const std::string& id, int64_t now);
    // Resolves a conflict from the hub's command line, exactly like a resolution op pushed by a
    // device named "hub" (op_inbox row, audit, change log). The answer's reason says the outcome.
    Result<OpResult> ResolveConflictOnHub(const content::ConflictResolution& resolution, int64_t now);

    // ---- maintenance ----
    // Deletes tombstones older than now - retention_s; returns how many went.
    Result<int64_t> PruneTombstones(int64_t now, int64_t retention_s);
    // The counter of the next bundle: strictly greater than the last one this database issued
    // and than the export time in milliseconds, so a hub rebuilt or restored from a backup
    // (same key, counter back at 0) still issues bundles kiosks accept, while an older bundle
    // stays older. It relies on the hub's clock not going back past the last bundle.
    Result<int64_t> NextBundleCounter(int64_t now_utc);
    Result<int64_t> HeadAt();

private:
    explicit HubStore(content::Db db) : db_(std::move(db)) {}
    Result<std::string> GetHubMeta(const std::string& key, const std::string& fallback);
    Status SetHubMeta(const std::string& key, const std::string& value);
    Result<OpResult> ApplyOp(const std::string& kiosk, const PushOp& op, int64_t now);
    Status RecordHealth(const std::string& kiosk, const HealthReport& health, int64_t now);
    // A staff_edit or conflict_resolution op (sync/hub_staff.cpp).
    Result<OpResult> ApplyStaffOp(const std::string& kiosk, const PushOp& op, int64_t now);
    Result<OpResult> ApplyStaffEditOp(const std::string& kiosk, const PushOp& op, int64_t now);
    Result<OpResult> ApplyResolutionOp(const std::string& kiosk, const PushOp& op, int64_t now);

    content::Db db_;
};

}  // namespace ksync
