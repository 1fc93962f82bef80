// kiosk/service_notify.h: telling systemd (and the image's slot health check) how the kiosk is.
//
// Design note
// - READY=1 goes out after the first frame is on screen, so `Type=notify` units order after a
//   visible kiosk, and $RUNTIME_DIRECTORY/first-frame is written for kiosk-mark-good.service,
//   which blesses a newly booted slot only then.
// - WATCHDOG=1 goes out from the frame loop at least every half watchdog interval, idle or not:
//   the loop never sleeps longer than WatchdogWaitCap(), so a hung UI (a loop that stops
//   turning) is killed and restarted by systemd, while an idle one is not.
// - $RUNTIME_DIRECTORY/first-sync is written after the first successful sync.
// - $RUNTIME_DIRECTORY/start-refused (with the reason) is written when the kiosk refuses to
//   start on purpose (a schema migration held on a trial boot): kiosk-mark-good then fails the
//   trial at once instead of waiting out its 9 minutes with a black screen.
// Without systemd (no NOTIFY_SOCKET, no RUNTIME_DIRECTORY) every call is a cheap no-op.
#pragma once

#include <string>

namespace kiosk {

class ServiceNotifier {
public:
    ServiceNotifier();  // reads NOTIFY_SOCKET, WATCHDOG_USEC, RUNTIME_DIRECTORY from the environment

    void FirstFrameShown();
    void FirstSyncDone();
    void StartRefused(const std::string& reason);
    // Called every loop turn; pings the watchdog when half its interval has passed.
    void LoopAlive(double now_seconds);
    // The longest the loop may sleep (seconds): half the watchdog interval, or infinity.
    double WatchdogWaitCap() const;

    bool watchdog_enabled() const { return watchdog_seconds_ > 0; }

private:
    void Touch(const char* name, const std::string& content = "");

    double watchdog_seconds_ = 0;
    double last_ping_ = -1e18;
    bool ready_sent_ = false;
    bool synced_written_ = false;
    std::string runtime_dir_;
};

}  // namespace kiosk
