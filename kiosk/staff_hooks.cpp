// kiosk/staff_hooks.cpp: see staff_hooks.h.
#include "kiosk/staff_hooks.h"

#include <unistd.h>

#include <ctime>
#include <fstream>

#include "base/log.h"
#include "content/db.h"
#include "kiosk/app.h"
#if KIOSK_HAVE_SYNC
#include "sync/bundle.h"
#include "sync/client.h"
#endif

namespace kiosk {

std::string FirmwareVersion() {
    // Written by image/build (and compared by install-update); a build tree has none.
    std::ifstream file("/usr/share/kiosk/firmware-version");
    std::string line;
    if (file && std::getline(file, line) && !line.empty()) return line;
    return "dev";
}

ui::StaffHooks MakeStaffHooks(const KioskConfig& config, bool staff_laptop, ksync::SyncClient* sync) {
    ui::StaffHooks hooks;
    char host[256] = {0};
    std::string host_name = gethostname(host, sizeof host - 1) == 0 && host[0] != '\0' ? host : "kiosk";
    hooks.device_name = !config.kiosk_name.empty() ? config.kiosk_name : host_name;
    if (staff_laptop) hooks.device_name = "laptop:" + host_name;
    hooks.firmware_version = FirmwareVersion();
#if KIOSK_HAVE_SYNC
    if (sync != nullptr) {
        hooks.sync_state = [sync]() {
            ksync::ClientState s = sync->State();
            ui::StaffSyncState out;
            out.running = s.running;
            out.syncing = s.syncing;
            out.last_attempt_utc = s.last_attempt_at;
            out.last_success_utc = s.last_success_at;
            out.next_attempt_utc = s.next_attempt_at;
            out.last_result = s.last_result;
            out.last_error = s.last_error;
            out.content_seq = s.content_seq;
            out.outbox_depth = s.outbox_depth;
            return out;
        };
        hooks.sync_now = [sync]() { sync->SyncNow(); };
    }
    const std::string db_path = config.database_path, key = config.bundle_public_key, scope = config.bundle_scope;
    hooks.import_bundle = [db_path, key, scope](const std::string& path) -> ui::StaffImportResult {
        auto failed = [](std::string why) {
            ui::StaffImportResult result;
            result.error = std::move(why);
            return result;
        };
        // Every error keeps its stable code ("code: message"): the screen words the known
        // bundle_* codes for staff and shows the rest as it is.
        if (key.empty()) return failed("bundle_no_key: no bundle_public_key is configured (kiosk.conf)");
        auto public_key = ksync::ReadKeyHex(key, 32);
        if (!public_key.ok()) return failed("bundle_no_key: " + public_key.error().ToString());
        // Its own connection: the bundle applies in one transaction, beside the UI's reads.
        auto db = content::Db::Open(db_path);
        if (!db.ok()) return failed(db.error().ToString());
        ksync::BundleImportOptions options;
        options.public_key = *public_key;
        options.scope = scope;
        options.now = (int64_t)std::time(nullptr);
        auto report = ksync::ImportBundle(*db, path, options);
        if (!report.ok()) {
            base::LogWarn("bundle_import_failed", "path=" + path + " error=\"" + report.error().ToString() + "\"");
            return failed(report.error().ToString());
        }
        base::LogInfo("bundle_imported", "path=" + path + " to_seq=" + std::to_string(report->manifest.to_seq));
        NotifyContentChanged();
        ui::StaffImportResult result;
        result.ok = true;
        result.from_seq = report->manifest.from_seq;
        result.to_seq = report->manifest.to_seq;
        result.changes = report->apply.upserts + report->apply.deletes + report->apply.removed_by_snapshot;
        return result;
    };
#else
    (void)sync;
#endif
    return hooks;
}

}  // namespace kiosk
