// The systemd notifications and slot-health markers of kiosk/service_notify.h, against a real
// notify socket (a unix datagram socket this test binds, as systemd would).
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "kiosk/service_notify.h"

namespace {

struct NotifySocket {
    int fd = -1;
    std::string path;
    NotifySocket() {
        path = (std::filesystem::temp_directory_path() / ("kiosk-notify-" + std::to_string(getpid()))).string();
        unlink(path.c_str());
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        path.copy(addr.sun_path, sizeof addr.sun_path - 1);
        REQUIRE(bind(fd, (sockaddr*)&addr, sizeof addr) == 0);
    }
    ~NotifySocket() {
        close(fd);
        unlink(path.c_str());
    }
    std::string Receive() {
        char buffer[512];
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, (size_t)n) : std::string();
    }
};

}  // namespace

TEST_CASE("the kiosk tells systemd it is ready after its first frame and pings the watchdog", "[kiosk][systemd]") {
    NotifySocket notify;
    auto runtime = std::filesystem::temp_directory_path() / ("kiosk-run-" + std::to_string(getpid()));
    std::filesystem::create_directories(runtime);
    setenv("NOTIFY_SOCKET", notify.path.c_str(), 1);
    setenv("WATCHDOG_USEC", "2000000", 1);
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    setenv("RUNTIME_DIRECTORY", runtime.c_str(), 1);

    kiosk::ServiceNotifier notifier;
    REQUIRE(notifier.watchdog_enabled());
    CHECK(notifier.WatchdogWaitCap() == Catch::Approx(1.0));
    CHECK_FALSE(std::filesystem::exists(runtime / "first-frame"));

    notifier.FirstFrameShown();
    CHECK(notify.Receive().find("READY=1") != std::string::npos);
    CHECK(std::filesystem::exists(runtime / "first-frame"));
    notifier.FirstFrameShown();  // only once
    CHECK(notify.Receive().empty());

    notifier.LoopAlive(10.0);
    CHECK(notify.Receive() == "WATCHDOG=1");
    notifier.LoopAlive(10.1);  // too soon: no second ping
    CHECK(notify.Receive().empty());
    notifier.LoopAlive(10.6);
    CHECK(notify.Receive() == "WATCHDOG=1");

    CHECK_FALSE(std::filesystem::exists(runtime / "first-sync"));
    notifier.FirstSyncDone();
    CHECK(std::filesystem::exists(runtime / "first-sync"));

    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    unsetenv("RUNTIME_DIRECTORY");
    std::filesystem::remove_all(runtime);
}

TEST_CASE("without systemd the notifier does nothing and never caps the loop's sleep", "[kiosk][systemd]") {
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("RUNTIME_DIRECTORY");
    kiosk::ServiceNotifier notifier;
    CHECK_FALSE(notifier.watchdog_enabled());
    CHECK(std::isinf(notifier.WatchdogWaitCap()));
    notifier.FirstFrameShown();
    notifier.LoopAlive(1.0);
}
