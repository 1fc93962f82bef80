// sync/protocol.h: the wire format between a kiosk and kiosk-hub (docs/sync-protocol.md).
//
// Design note
// - Everything on the wire is JSON. Decoders are the trust boundary: they take untrusted bytes
//   (from the network, a USB stick, a fuzzer) and either return a fully checked value or an error
//   with a stable code ("proto_*"). They never throw and never return half-checked data: a page
//   whose 500th change names an unknown table is rejected whole.
// - A change names a content table (content::ContentTables()), an op (upsert/delete) and a key:
//   the record id, or for `translation` the four key columns. Upserts carry the whole row.
// - The namespace is `ksync`, not `sync`: POSIX declares a global function sync().
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ksync {

using base::Result;
using base::Status;

inline constexpr int kProtocolVersion = 1;
// Decoder limits: larger inputs are refused before they can cost memory or time.
inline constexpr size_t kMaxPageBytes = 64u << 20;
inline constexpr size_t kMaxPushBytes = 1u << 20;
inline constexpr size_t kMaxOpsPerPush = 200;
inline constexpr size_t kMaxIdLength = 200;
inline constexpr int64_t kMaxUnixTime = 253402300799;  // 9999-12-31T23:59:59Z

enum class ChangeOp { Upsert, Delete };

// The key of a translation row: (tbl, record_id, field, lang).
struct TranslationKey {
    std::string tbl, record_id, field, lang;
};

struct Change {
    int64_t seq = 0;
    std::string table;
    ChangeOp op = ChangeOp::Upsert;
    std::string id;                   // record id (not used for translation)
    TranslationKey tkey;              // translation only
    nlohmann::json row;               // upsert only: column -> value (object)

    // A key that is unique within the table and equal on hub and kiosk: the id, or the four
    // translation key columns joined by U+001F (which cannot occur in a BCP 47 tag or an id).
    std::string StageKey() const;
};

std::string JoinTranslationKey(const TranslationKey& key);

struct PullPage {
    int protocol = kProtocolVersion;
    std::string epoch;                // the hub database's identity; a new epoch forces a snapshot
    int schema_version = 0;           // content schema version of the hub
    int64_t since = 0;                // the page holds changes with seq in (since, to]
    int64_t to = 0;
    int64_t head = 0;                 // hub's latest seq when the page was read
    int64_t head_at = 0;              // UTC seconds of the hub's latest change ("information as of")
    bool has_more = false;
    bool snapshot = false;            // this page starts a full snapshot (since is 0)
    std::vector<Change> changes;
};

// Strict decoder for a page body. Codes: proto_bad_json, proto_bad_page, proto_bad_change,
// proto_too_large, proto_version.
Result<PullPage> DecodePullPage(std::string_view body);
// Encoder (used by bundles and tests; the hub streams rows it already holds as JSON text).
std::string EncodePullPage(const PullPage& page);

// ---- push ---------------------------------------------------------------------------------

struct PushOp {
    std::string op_id;                // idempotency key
    std::string kind;                 // booking, staff_edit, health, conflict_resolution
    std::string ref_id;
    nlohmann::json payload;           // object
    int64_t created_at = 0;
};

struct HealthReport {
    std::string firmware;
    int64_t content_seq = 0;
    int64_t outbox_depth = 0;
    int64_t uptime_s = 0;
    int64_t free_disk_bytes = -1;
    int64_t last_success_at = 0;
    std::string last_result;          // ok, unchanged, error
    std::string last_error;
};

struct PushRequest {
    std::vector<PushOp> ops;
    std::optional<HealthReport> health;
};

enum class OpOutcome { Accepted, Duplicate, Rejected };
const char* OutcomeName(OpOutcome outcome);

struct OpResult {
    std::string op_id;
    OpOutcome outcome = OpOutcome::Rejected;
    // For Duplicate: what the first delivery got (Accepted or Rejected), so a replay after a lost
    // answer still tells the kiosk the final state of its booking.
    OpOutcome original = OpOutcome::Accepted;
    // Stable code. Rejections: course_full, session_cancelled, unknown_session, staff_edit_invalid,
    // staff_unknown, staff_removed, conflict_resolved, unsupported (an older hub). Accepted staff
    // edits: applied, merged, conflict; accepted resolutions: resolved.
    std::string reason;
    std::string message;              // for people
};

// What the hub last recorded of the pushing kiosk's health (kiosk registry), so the kiosk's
// diagnostics can show what the centre sees. Optional on the wire: older hubs do not send it.
struct SeenHealth {
    std::optional<int64_t> last_seen_at;
    std::optional<int64_t> content_seq;
    std::optional<int64_t> outbox_depth;
    std::string firmware;             // empty when the kiosk never reported one
};

struct PushResponse {
    std::vector<OpResult> results;
    int64_t head = 0;
    std::optional<SeenHealth> seen;
};

// Codes: proto_bad_json, proto_bad_push, proto_too_large.
Result<PushRequest> DecodePushRequest(std::string_view body);
std::string EncodePushRequest(const PushRequest& request);
Result<PushResponse> DecodePushResponse(std::string_view body);
std::string EncodePushResponse(const PushResponse& response);

// {"error": {"code": ..., "message": ...}}
std::string EncodeError(std::string_view code, std::string_view message);
// Reads an error body; falls back to the raw text when it is not one.
base::Error DecodeError(int http_status, std::string_view body);

bool IsKnownContentTable(std::string_view table);

}  // namespace ksync
