// Signed bundles: what a good one does and every way a bad one is refused with content untouched.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/hub_store.h"
#include "sync_support.h"

namespace {

struct BundleFixture {
    std::string dir = synctest::TempDir("bundle");
    ksync::SigningKeys keys = ksync::GenerateSigningKeys();
    std::string hub_path = dir + "/hub.db";
    std::string kiosk_path = dir + "/kiosk.db";

    BundleFixture() {
        auto hub = ksync::HubStore::Setup(hub_path);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), 6);
    }
    ksync::BundleManifest Export(const std::string& out, int64_t since = 0, const std::string& scope = "riga",
                                 const std::string* secret = nullptr, int64_t valid_for = 86400) {
        auto hub = ksync::HubStore::Connect(hub_path);
        REQUIRE(hub.ok());
        ksync::BundleExportOptions options;
        options.scope = scope;
        options.since = since;
        options.secret_key = secret ? *secret : keys.secret_key;
        options.chunk_changes = 20;
        options.valid_for_s = valid_for;
        options.now = std::time(nullptr);
        auto manifest = ksync::ExportBundle(*hub, out, options);
        if (!manifest.ok()) FAIL(manifest.error().ToString());
        return *manifest;
    }
    base::Result<ksync::BundleImportReport> Import(const std::string& path, const std::string& scope = "riga",
                                                   int64_t clock_offset = 0) {
        auto db = content::Db::Open(kiosk_path);
        REQUIRE(db.ok());
        return ksync::ImportBundle(*db, path, {keys.public_key, scope, (int64_t)std::time(nullptr) + clock_offset});
    }
    void EditHub(const std::string& tag) {
        auto db = content::Db::Open(hub_path);
        synctest::EditContent(*db, 6, 2, tag);
    }
};

void WriteBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("a snapshot bundle, then a delta bundle, bring the kiosk to the hub's content", "[bundle]") {
    BundleFixture f;
    ksync::BundleManifest snap = f.Export(f.dir + "/snap.bundle");
    CHECK(snap.kind == "snapshot");
    CHECK(snap.chunks.size() > 3);
    auto imported = f.Import(f.dir + "/snap.bundle");
    if (!imported.ok()) FAIL(imported.error().ToString());
    CHECK(synctest::ContentDigest(f.kiosk_path) == synctest::ContentDigest(f.hub_path));

    f.EditHub("b");
    ksync::BundleManifest delta = f.Export(f.dir + "/delta.bundle", snap.to_seq);
    CHECK(delta.kind == "delta");
    CHECK(delta.counter > snap.counter);
    REQUIRE(f.Import(f.dir + "/delta.bundle").ok());
    CHECK(synctest::ContentDigest(f.kiosk_path) == synctest::ContentDigest(f.hub_path));
    auto db = content::Db::Open(f.kiosk_path);
    auto cursor = ksync::ReadCursor(*db).value();
    CHECK(cursor.seq == delta.to_seq);
    CHECK(cursor.bundle_counter == delta.counter);

    // The same bundle again, or the older snapshot, is refused: counters only go up.
    auto again = f.Import(f.dir + "/delta.bundle");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "bundle_stale");
    CHECK(f.Import(f.dir + "/snap.bundle").error().code == "bundle_stale");
}

TEST_CASE("bad bundles are rejected and the content is left as it was", "[bundle]") {
    BundleFixture f;
    ksync::BundleManifest first = f.Export(f.dir + "/first.bundle");
    REQUIRE(f.Import(f.dir + "/first.bundle").ok());
    f.EditHub("c");
    std::string good_path = f.dir + "/good.bundle";
    ksync::BundleManifest good = f.Export(good_path, first.to_seq);
    std::string good_bytes = synctest::ReadFile(good_path);
    std::string before = synctest::ContentDigest(f.kiosk_path);
    bool good_still_applies = true;
    auto expect_rejected = [&](const std::string& bytes, const std::string& code, const std::string& scope = "riga",
                               int64_t clock_offset = 0) {
        std::string path = f.dir + "/bad.bundle";
        WriteBytes(path, bytes);
        auto result = f.Import(path, scope, clock_offset);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == code);
        CHECK(synctest::ContentDigest(f.kiosk_path) == before);
    };

    SECTION("one byte changed in a chunk") {
        std::string bytes = good_bytes;
        bytes[bytes.size() - 10] ^= 0x01;
        expect_rejected(bytes, "bundle_bad_chunk");
    }
    SECTION("one byte changed in the manifest") {
        std::string bytes = good_bytes;
        size_t at = bytes.find("\"scope\"");
        REQUIRE(at != std::string::npos);
        bytes[at + 10] ^= 0x01;
        expect_rejected(bytes, "bundle_bad_signature");
    }
    SECTION("one byte changed in the signature") {
        std::string bytes = good_bytes;
        uint32_t len = (uint8_t)bytes[15] | (uint8_t)bytes[16] << 8 | (uint8_t)bytes[17] << 16 | (uint8_t)bytes[18] << 24;
        bytes[19 + len + 5] ^= 0x40;
        expect_rejected(bytes, "bundle_bad_signature");
    }
    SECTION("signed by another key") {
        ksync::SigningKeys other = ksync::GenerateSigningKeys();
        f.Export(f.dir + "/other.bundle", first.to_seq, "riga", &other.secret_key);
        expect_rejected(synctest::ReadFile(f.dir + "/other.bundle"), "bundle_bad_signature");
    }
    SECTION("for another scope") {
        expect_rejected(good_bytes, "bundle_wrong_scope", "daugavpils");
    }
    SECTION("with an older counter") {
        std::string newer = f.dir + "/newer.bundle";
        f.Export(newer, first.to_seq);
        REQUIRE(f.Import(newer).ok());
        before = synctest::ContentDigest(f.kiosk_path);
        good_still_applies = false;
        expect_rejected(good_bytes, "bundle_stale");
    }
    SECTION("truncated") {
        expect_rejected(good_bytes.substr(0, good_bytes.size() - 100), "bundle_truncated");
        expect_rejected(good_bytes.substr(0, 40), "bundle_truncated");
        expect_rejected(good_bytes.substr(0, 10), "bundle_bad_format");
    }
    SECTION("with bytes appended") {
        expect_rejected(good_bytes + "x", "bundle_bad_format");
    }
    SECTION("expired") {
        // Valid for a day; the kiosk's clock says two days later.
        expect_rejected(good_bytes, "bundle_expired", "riga", 2 * 86400);
    }
    SECTION("a delta that starts after the kiosk's cursor") {
        f.EditHub("d");
        f.Export(f.dir + "/gap.bundle", good.to_seq);
        expect_rejected(synctest::ReadFile(f.dir + "/gap.bundle"), "bundle_gap");
    }
    SECTION("not a bundle at all") {
        expect_rejected("hello", "bundle_bad_format");
    }
    // The untouched good bundle still applies afterwards (nothing was left half-staged).
    if (good_still_applies) {
        auto applied = f.Import(good_path);
        if (!applied.ok()) FAIL(applied.error().ToString());
        CHECK(synctest::ContentDigest(f.kiosk_path) != before);
    }
}

TEST_CASE("keygen writes a key pair and never overwrites one", "[bundle]") {
    std::string dir = synctest::TempDir("keygen");
    REQUIRE(ksync::WriteKeyPair(dir + "/hub").ok());
    CHECK(ksync::ReadKeyHex(dir + "/hub.key", 64).value().size() == 64);
    std::string pub = ksync::ReadKeyHex(dir + "/hub.pub", 32).value();
    CHECK(pub.size() == 32);
    CHECK(ksync::ReadKeyHex(ksync::ToHex(pub), 32).value() == pub);
    CHECK(ksync::WriteKeyPair(dir + "/hub").error().code == "key_exists");
    CHECK(ksync::ReadKeyHex(dir + "/missing.pub", 32).error().code == "key_unreadable");
}

TEST_CASE("a hub rebuilt from nothing (same key) issues bundles the kiosks still accept", "[bundle]") {
    BundleFixture f;
    ksync::BundleManifest before = f.Export(f.dir + "/before.bundle");
    REQUIRE(f.Import(f.dir + "/before.bundle").ok());
    // The database is lost and set up again with the same content and key: its own counter
    // starts over, the export time does not.
    std::filesystem::remove(f.hub_path);
    std::filesystem::remove(f.hub_path + "-wal");
    std::filesystem::remove(f.hub_path + "-shm");
    {
        auto hub = ksync::HubStore::Setup(f.hub_path);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), 6);
        synctest::EditContent(hub->db(), 6, 1, "rebuilt");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    ksync::BundleManifest after = f.Export(f.dir + "/after.bundle");
    CHECK(after.counter > before.counter);
    auto imported = f.Import(f.dir + "/after.bundle");
    if (!imported.ok()) FAIL(imported.error().ToString());
    CHECK(synctest::ContentDigest(f.kiosk_path) == synctest::ContentDigest(f.hub_path));
    // Rollback protection holds: the bundle from before the rebuild is still refused.
    auto old = f.Import(f.dir + "/before.bundle");
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == "bundle_stale");
}
