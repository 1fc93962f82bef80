// sync/apply.h: staging pulled changes and applying them to the kiosk's content atomically.
//
// Design note
// - A pull may need several pages (a first sync of a big directory, a long offline spell). The
//   pages are first written to a TEMP table on the sync thread's connection (the stage); only
//   when the last page arrived does Apply() write every staged change, the new cursor and the
//   UI's meta values in ONE transaction, and run ContentWriter::Finish (search index) in it.
//   So the UI never sees a half-applied update, and a crash (kill -9 anywhere) leaves either
//   the old content and cursor or the new ones. The stage is TEMP: a crash discards it and the
//   next pull starts again from the committed cursor.
// - Writing the stage locks only the temp database, so a visitor's booking (a write to the
//   main database) is never blocked by a download; only Apply takes the write lock.
// - Apply writes only each record's latest staged change, in seq order. Foreign keys are
//   deferred to commit, because the hub's log holds the latest change per record and a child
//   may come before its parent; an inconsistent set fails at commit and changes nothing.
// - A snapshot stage also deletes every local content row the snapshot does not contain.
// - Rows go through ContentWriter (column validation, NFC, translations, search index).
// - After the staged rows, the pending staff edits and resolutions still in the outbox are
//   re-applied (content::ReapplyPendingStaffEdits) in the same transaction, so an edit the hub
//   has not answered yet stays visible however the pull rewrote its record.
//
// State: Empty --Begin(snapshot)--> Staging --AddPage*--> Staging --Apply--> Empty
//                                   any state --Reset--> Empty
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "content/db.h"
#include "sync/protocol.h"

namespace ksync {

// What the kiosk has applied: the hub epoch and sequence (meta sync_cursor/hub_epoch).
struct SyncCursor {
    std::string epoch;
    int64_t seq = 0;
    int64_t bundle_counter = 0;  // last bundle applied (meta bundle_counter)
};
Result<SyncCursor> ReadCursor(content::Db& db);

struct ApplyTarget {
    std::string epoch;
    int64_t cursor = 0;           // new sync_cursor / content_seq
    int64_t head_at = 0;          // new content_updated_at
    std::optional<int64_t> bundle_counter;
    int64_t now_utc = 0;          // clock for re-applied staff edits (0: the system clock)
};

struct ApplyReport {
    int64_t upserts = 0;
    int64_t deletes = 0;
    int64_t removed_by_snapshot = 0;
    int64_t cursor = 0;
    double seconds = 0;
    bool changed() const { return upserts + deletes + removed_by_snapshot > 0; }
};

class Stage {
public:
    explicit Stage(content::Db& db) : db_(db) {}

    // Empties the stage; `snapshot` says whether Apply must delete what the stage lacks.
    Status Begin(bool snapshot);
    Status AddPage(const PullPage& page);
    Result<ApplyReport> Apply(const ApplyTarget& target);
    Status Reset() { return Begin(false); }

    int64_t staged() const { return staged_; }
    bool snapshot() const { return snapshot_; }

private:
    Status EnsureTable();

    content::Db& db_;
    bool table_ready_ = false;
    bool snapshot_ = false;
    int64_t staged_ = 0;
};

}  // namespace ksync
