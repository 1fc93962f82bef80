// Bundle files that are not what they claim (security issue, item 10): a huge file of junk behind
// the right magic, a FIFO, a folder. Each is refused with a clear code, quickly, without reading
// the file into memory, and the content stays as it was.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <thread>

#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync_support.h"

namespace {

int64_t PeakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

base::Result<ksync::BundleImportReport> Import(const std::string& kiosk_db, const std::string& path) {
    auto db = content::Db::Open(kiosk_db);
    REQUIRE(db.ok());
    ksync::SigningKeys keys = ksync::GenerateSigningKeys();
    return ksync::ImportBundle(*db, path, {keys.public_key, "default", (int64_t)std::time(nullptr)});
}

}  // namespace

TEST_CASE("a 1.9 GB file of junk behind the bundle magic is refused without reading it", "[bundle]") {
    std::string dir = synctest::TempDir("bundle-junk");
    std::string path = dir + "/junk.bundle";
    {
        // Sparse: 1.9 GB long, a few bytes on disk. The header claims a 4 KiB manifest.
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        std::string head = std::string(ksync::kBundleMagic) + std::string("\x00\x10\x00\x00", 4);
        REQUIRE(::write(fd, head.data(), head.size()) == (ssize_t)head.size());
        REQUIRE(::ftruncate(fd, 1900ll << 20) == 0);
        ::close(fd);
    }
    int64_t before = PeakRssKiB();
    auto started = std::chrono::steady_clock::now();
    auto result = Import(dir + "/kiosk.db", path);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "bundle_bad_signature");
    CHECK(PeakRssKiB() - before < 64 * 1024);
    CHECK(seconds < 5.0);
}

TEST_CASE("a FIFO or a folder given as the bundle is refused at once, not waited on", "[bundle]") {
    std::string dir = synctest::TempDir("bundle-fifo");
    std::string fifo = dir + "/stick.bundle";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto pending = std::async(std::launch::async, [&] { return Import(dir + "/kiosk.db", fifo); });
    if (pending.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
        // Unblock the import so the test ends, then fail.
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
        FAIL("the import waited on the FIFO");
    }
    auto result = pending.get();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "bundle_not_a_file");
    CHECK(result.error().message.find("not a regular file") != std::string::npos);

    auto folder = Import(dir + "/kiosk.db", dir);
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().code == "bundle_not_a_file");
    auto missing = Import(dir + "/kiosk.db", dir + "/nowhere.bundle");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "bundle_unreadable");
}
