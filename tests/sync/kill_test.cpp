// kill -9 of the kiosk at random moments while it pulls and applies a delta, 200 times: the
// database must pass integrity_check and hold exactly the old or the new content every time.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "sync/apply.h"
#include "sync/hub_store.h"
#include "sync_support.h"

namespace fs = std::filesystem;

TEST_CASE("kill -9 during apply leaves exactly the old or the new state", "[kill]") {
    std::string dir = synctest::TempDir("kill");
    std::string hub_db = dir + "/hub.db", base_db = dir + "/base.db", work_db = dir + "/work.db";
    const int kServices = 60;
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), kServices);
    }
    std::string token = synctest::Enrol(hub_db, "victim");
    synctest::HubProcess hub;
    hub.Start(hub_db);

    auto sync_once = [&](const std::string& db) {
        return synctest::KioskSync(db, hub.url(), token, {"once"});
    };
    REQUIRE(sync_once(base_db).exit_code == 0);
    std::string old_digest = synctest::ContentDigest(base_db);
    {
        auto db = content::Db::Open(hub_db);
        synctest::EditContent(*db, kServices, 45, "after");  // ~150 changes: a delta that takes a while to apply
    }
    std::string new_digest = synctest::ContentDigest(hub_db);
    REQUIRE(old_digest != new_digest);

    auto fresh_copy = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(work_db + suffix);
        fs::copy_file(base_db, work_db);
    };
    // How long a whole run takes, so the kills spread over all of it: the fastest of three, since
    // the first run pays for cold caches and the killed runs do not (with the slowest, most kills
    // landed after the run had ended).
    int64_t full_us = INT64_MAX;
    for (int i = 0; i < 3; ++i) {
        fresh_copy();
        auto started = std::chrono::steady_clock::now();
        REQUIRE(sync_once(work_db).exit_code == 0);
        full_us = std::min<int64_t>(
            full_us, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
        REQUIRE(synctest::ContentDigest(work_db) == new_digest);
    }

    std::mt19937_64 rng(20240611);
    std::uniform_int_distribution<int64_t> offset(0, full_us + full_us / 5);
    int old_state = 0, new_state = 0, killed = 0;
    const int kRuns = 200;
    for (int run = 0; run < kRuns; ++run) {
        fresh_copy();
        pid_t pid = synctest::Spawn({KIOSK_SYNC_BIN, "--db", work_db, "--hub", hub.url(), "--token", token, "once"},
                                    dir + "/k.out", dir + "/k.err");
        std::this_thread::sleep_for(std::chrono::microseconds(offset(rng)));
        kill(pid, SIGKILL);
        int code = synctest::WaitFor(pid, 30000);
        killed += code == 128 + SIGKILL;

        auto db = content::Db::OpenRaw(work_db);
        REQUIRE(db.ok());
        auto check = db->Prepare("PRAGMA integrity_check");
        REQUIRE(check.ok());
        REQUIRE(check->Step().value());
        INFO("run " << run);
        REQUIRE(check->Text(0) == "ok");
        std::string digest = synctest::ContentDigest(*db);
        bool is_old = digest == old_digest, is_new = digest == new_digest;
        REQUIRE((is_old || is_new));
        // The cursor always matches the content it describes.
        int64_t cursor = ksync::ReadCursor(*db).value().seq;
        auto base = content::Db::OpenRaw(base_db);
        int64_t base_cursor = ksync::ReadCursor(*base).value().seq;
        CHECK((is_old ? cursor == base_cursor : cursor > base_cursor));
        old_state += is_old;
        new_state += is_new;
    }
    INFO("killed " << killed << " old " << old_state << " new " << new_state << " full run " << full_us << " us");
    CHECK(killed > kRuns / 2);
    CHECK(old_state > 0);
    CHECK(new_state > 0);
}
