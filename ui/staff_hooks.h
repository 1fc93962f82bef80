// ui/staff_hooks.h: what staff mode needs from the program, handed over in UiConfig::staff.
//
// ui/ may not use sync/ (docs: /work/shared/ARCHITECTURE.md, layers), yet the diagnostics
// screen shows the sync client's state, has a "sync now" button and imports bundles. kiosk/
// owns the sync client and fills these callbacks; every member may stay empty, and the screen
// then says "sync off" or leaves the action out. Callbacks run on the UI thread and must be
// quick (State() is a copy under a mutex; SyncNow() only wakes the sync thread). The bundle
// import runs on the UI thread too: it is rare, staff start it on purpose, and the screen shows
// its outcome at once.
#pragma once

#include <functional>
#include <string>

namespace ui {

// The sync client's state as the diagnostics screen shows it (a copy of ksync::ClientState).
struct StaffSyncState {
    bool running = false;
    bool syncing = false;
    long long last_attempt_utc = 0;    // 0: never
    long long last_success_utc = 0;    // 0: never
    long long next_attempt_utc = 0;    // 0: not planned
    std::string last_result;           // "ok", "unchanged", "error", "" before the first
    std::string last_error;            // "code: message" of the last failure
    long long content_seq = 0;
    long long outbox_depth = 0;
};

struct StaffImportResult {
    bool ok = false;
    std::string error;                 // !ok: why (technical, shown as it is)
    long long from_seq = 0, to_seq = 0;  // ok: the content sequence range the bundle brought
    long long changes = 0;             // ok: rows written or deleted
};

struct StaffHooks {
    // Who made an edit, in the outbox payload: the kiosk's name, or "laptop:<host>".
    std::string device_name;
    std::string firmware_version;
    std::function<StaffSyncState()> sync_state;                           // empty: sync is off
    std::function<void()> sync_now;                                       // empty: no button
    std::function<StaffImportResult(const std::string& path)> import_bundle;  // empty: no import
};

}  // namespace ui
