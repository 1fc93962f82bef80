#include "kiosk/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>

#include "base/log.h"

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) watchdog_seconds_ = (double)usec / 1e6;
    if (const char* dir = std::getenv("RUNTIME_DIRECTORY")) {
        // systemd may list several directories separated by ':'; the first is ours.
        runtime_dir_ = dir;
        auto colon = runtime_dir_.find(':');
        if (colon != std::string::npos) runtime_dir_.resize(colon);
    }
}

void ServiceNotifier::Touch(const char* name, const std::string& content) {
    if (runtime_dir_.empty()) return;
    std::string path = runtime_dir_ + "/" + name;
    std::ofstream file(path, std::ios::trunc);
    file << content;
    if (!file) base::LogWarn("service_marker_failed", "path=" + path);
}

void ServiceNotifier::StartRefused(const std::string& reason) {
    Touch("start-refused", reason + "\n");
    sd_notify(0, ("STATUS=refused to start: " + reason).c_str());
}

void ServiceNotifier::FirstFrameShown() {
    if (ready_sent_) return;
    ready_sent_ = true;
    Touch("first-frame");
    sd_notify(0, "READY=1\nSTATUS=showing the visitor screens");
}

void ServiceNotifier::FirstSyncDone() {
    if (synced_written_) return;
    synced_written_ = true;
    Touch("first-sync");
}

void ServiceNotifier::LoopAlive(double now_seconds) {
    if (watchdog_seconds_ <= 0) return;
    if (now_seconds - last_ping_ < watchdog_seconds_ / 4) return;
    last_ping_ = now_seconds;
    sd_notify(0, "WATCHDOG=1");
}

double ServiceNotifier::WatchdogWaitCap() const {
    if (watchdog_seconds_ <= 0) return std::numeric_limits<double>::infinity();
    return watchdog_seconds_ / 2;
}

}  // namespace kiosk
