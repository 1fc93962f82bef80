// The kiosk side against an in-process hub: first sync, deltas, deletes, snapshots, and that a
// failed apply changes nothing.
#include <catch2/catch_test_macros.hpp>

#include <ctime>
#include <thread>

#include "content/bookings.h"
#include "content/queries.h"
#include "content/search.h"
#include "content/store.h"
#include "sync/client.h"
#include "sync/hub_server.h"
#include "sync/hub_store.h"
#include "sync_support.h"

using nlohmann::json;

namespace {

// A HubServer on a free loopback port, served from a thread of this process.
struct InProcessHub {
    std::string dir;
    std::string db_path;
    std::unique_ptr<ksync::HubServer> server;
    std::thread thread;
    std::string token;

    explicit InProcessHub(const std::string& name, int services) {
        dir = synctest::TempDir(name);
        db_path = dir + "/hub.db";
        auto hub = ksync::HubStore::Setup(db_path);
        REQUIRE(hub.ok());
        synctest::WriteContent(hub->db(), services);
        token = hub->Enrol("kiosk-a", 1).value();
        ksync::HubConfig config;
        config.db_path = db_path;
        config.port = 0;
        config.threads = 4;
        server = std::make_unique<ksync::HubServer>(config);
        REQUIRE(server->Bind().ok());
        thread = std::thread([this] { (void)server->Run(); });
    }
    ~InProcessHub() {
        server->Stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(server->port()); }
    ksync::ClientConfig Client(const std::string& kiosk_db) const {
        ksync::ClientConfig config;
        config.db_path = kiosk_db;
        config.hub_url = url();
        config.token = token;
        config.page_limit = 25;  // several pages even for small content
        return config;
    }
};

ksync::PullReport SyncOnce(const ksync::ClientConfig& config) {
    auto session = ksync::SyncSession::Open(config);
    REQUIRE(session.ok());
    auto pulled = (*session)->Pull();
    if (!pulled.ok()) FAIL(pulled.error().ToString());
    return *pulled;
}

}  // namespace

TEST_CASE("first sync, delta with deletes, unchanged pull", "[apply]") {
    InProcessHub hub("apply-basic", 12);
    std::string kiosk = hub.dir + "/kiosk.db";
    auto config = hub.Client(kiosk);

    ksync::PullReport first = SyncOnce(config);
    CHECK(first.pages > 3);
    CHECK(first.content_changed);
    CHECK(synctest::ContentDigest(kiosk) == synctest::ContentDigest(hub.db_path));
    {
        auto db = content::Db::Open(kiosk);
        auto info = content::GetContentInfo(*db);
        REQUIRE(info.ok());
        CHECK(info->content_seq == first.cursor);
        CHECK(info->updated_at > 0);
        // The search index was rebuilt in the same transaction.
        auto hits = content::Search(*db, "Service 3", "en");
        REQUIRE(hits.ok());
        CHECK_FALSE(hits->empty());
    }

    ksync::PullReport unchanged = SyncOnce(config);
    CHECK(unchanged.not_modified);
    CHECK(unchanged.wire_bytes < 1024);

    {
        auto db = content::Db::Open(hub.db_path);
        synctest::EditContent(*db, 12, 4, "one");
    }
    ksync::PullReport delta = SyncOnce(config);
    CHECK_FALSE(delta.not_modified);
    CHECK(delta.content_changed);
    CHECK(synctest::ContentDigest(kiosk) == synctest::ContentDigest(hub.db_path));
    auto db = content::Db::Open(kiosk);
    CHECK(db->QueryInt("SELECT count(*) FROM service WHERE id = 'svc-11'").value() == 0);
    CHECK(db->QueryInt("SELECT count(*) FROM translation WHERE record_id = 'svc-11'").value() == 0);
    CHECK(db->QueryInt("SELECT count(*) FROM service WHERE id = 'svc-new-one'").value() == 1);
}

TEST_CASE("a snapshot removes what the hub does not have", "[apply]") {
    InProcessHub hub("apply-snapshot", 3);
    std::string kiosk = hub.dir + "/kiosk.db";
    {
        // The kiosk holds content from elsewhere (another hub, a local import).
        auto db = content::Db::Open(kiosk);
        synctest::WriteContent(*db, 6);
        auto tx = content::Transaction::Begin(*db);
        content::ContentWriter w(*db);
        REQUIRE(w.SetMeta("hub_epoch", "some-other-hub").ok());
        REQUIRE(w.SetMeta("sync_cursor", "99999").ok());
        REQUIRE(tx->Commit().ok());
    }
    SyncOnce(hub.Client(kiosk));
    CHECK(synctest::ContentDigest(kiosk) == synctest::ContentDigest(hub.db_path));
    auto db = content::Db::Open(kiosk);
    CHECK(synctest::CountRows(*db, "service") == 3);
}

TEST_CASE("a page that cannot be applied changes nothing", "[apply]") {
    std::string dir = synctest::TempDir("apply-fail");
    auto db = content::Db::Open(dir + "/kiosk.db");
    REQUIRE(db.ok());
    synctest::WriteContent(*db, 2);
    std::string before = synctest::ContentDigest(*db);

    ksync::Stage stage(*db);
    REQUIRE(stage.Begin(false).ok());
    ksync::PullPage page;
    page.epoch = "e";
    page.since = 0;
    page.to = page.head = 3;
    ksync::Change good;
    good.seq = 1;
    good.table = "service";
    good.id = "svc-0";
    good.row = {{"id", "svc-0"}, {"url", "https://changed.lv"}};
    ksync::Change bad = good;
    bad.seq = 2;
    bad.id = "svc-1";
    bad.row = {{"id", "svc-1"}, {"no_such_column", 1}};
    page.changes = {good, bad};
    REQUIRE(stage.AddPage(page).ok());
    auto applied = stage.Apply({"e", 3, 1, std::nullopt});
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().code == "store_unknown_column");
    CHECK(synctest::ContentDigest(*db) == before);
    CHECK(ksync::ReadCursor(*db).value().seq == 0);

    // A child whose parent is missing fails at commit (deferred foreign keys), also unchanged.
    REQUIRE(stage.Begin(false).ok());
    ksync::Change orphan;
    orphan.seq = 1;
    orphan.table = "phone";
    orphan.id = "ph-1";
    orphan.row = {{"id", "ph-1"}, {"service_id", "no-such-service"}, {"number", "+371 1"}};
    page.changes = {orphan};
    REQUIRE(stage.AddPage(page).ok());
    auto orphaned = stage.Apply({"e", 3, 1, std::nullopt});
    REQUIRE_FALSE(orphaned.ok());
    CHECK(orphaned.error().code == "sync_apply_failed");
    CHECK(synctest::ContentDigest(*db) == before);

    // A child staged before its parent applies fine: keys are checked at commit.
    REQUIRE(stage.Begin(false).ok());
    ksync::Change parent;
    parent.seq = 2;
    parent.table = "service";
    parent.id = "svc-late";
    parent.row = {{"id", "svc-late"}, {"organization_id", "org-1"}};
    orphan.row["service_id"] = "svc-late";
    page.changes = {orphan, parent};
    REQUIRE(stage.AddPage(page).ok());
    auto ordered = stage.Apply({"e", 3, 1, std::nullopt});
    REQUIRE(ordered.ok());
    CHECK(ordered->upserts == 2);
    CHECK(ksync::ReadCursor(*db).value().seq == 3);
}

TEST_CASE("the client thread syncs, reports its state and signals new content", "[apply]") {
    InProcessHub hub("apply-thread", 4);
    std::string kiosk = hub.dir + "/kiosk.db";
    auto config = hub.Client(kiosk);
    config.interval_s = 3600;
    ksync::SyncClient client(config);
    std::atomic<int64_t> signalled{0};
    client.SetContentChangedCallback([&](int64_t seq) { signalled = seq; });
    REQUIRE(client.Start().ok());
    auto wait_for = [&](auto&& predicate) {
        for (int i = 0; i < 500 && !predicate(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return predicate();
    };
    CHECK(wait_for([&] { return client.State().last_result == "ok"; }));
    ksync::ClientState state = client.State();
    CHECK(state.running);
    CHECK(state.content_seq > 0);
    CHECK(state.content_generation == 1);
    CHECK(signalled.load() == state.content_seq);
    CHECK(state.next_attempt_at > state.last_success_at);
    {
        auto db = content::Db::Open(hub.db_path);
        synctest::EditContent(*db, 4, 1, "t");
    }
    client.SyncNow();
    CHECK(wait_for([&] { return client.State().content_generation == 2; }));
    client.SyncNow();
    CHECK(wait_for([&] { return client.State().last_result == "unchanged"; }));
    client.Stop();
    CHECK_FALSE(client.State().running);
    CHECK(synctest::ContentDigest(kiosk) == synctest::ContentDigest(hub.db_path));
}

TEST_CASE("acknowledged personal data leaves every file of the kiosk although a reader held the WAL", "[apply]") {
    InProcessHub hub("apply-wipe", 2);
    std::string kiosk = hub.dir + "/kiosk.db";
    auto config = hub.Client(kiosk);
    config.interval_s = 3600;
    SyncOnce(config);
    const std::string name = "Zyxwvutsrq Ponmlkjih", phone = "+371 29876543";
    {
        auto db = content::Db::Open(kiosk);
        REQUIRE(db.ok());
        content::BookingRequest request;
        request.form_id = "form-1";
        request.session_id = "sess-1";
        request.visitor_lang = "lv";
        request.values = {{"name", name}, {"phone", phone}};
        REQUIRE(content::SubmitBooking(*db, request, (int64_t)std::time(nullptr)).ok());
    }
    // The UI's connection is in the middle of a read when the hub's acknowledgement arrives.
    auto reader = content::Db::Open(kiosk);
    REQUIRE(reader.ok());
    REQUIRE(reader->Exec("BEGIN").ok());
    REQUIRE(reader->QueryInt("SELECT count(*) FROM service").ok());
    ksync::SyncClient client(config);
    REQUIRE(client.Start().ok());
    auto wait_for = [&](auto&& predicate, int ms) {
        for (int i = 0; i < ms / 10 && !predicate(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return predicate();
    };
    auto depth = [&] {
        auto db = content::Db::Open(kiosk, content::OpenMode::ReadOnly);
        return db.ok() ? db->QueryInt("SELECT count(*) FROM outbox").value_or(-1) : -1;
    };
    CHECK(wait_for([&] { return depth() == 0; }, 10000));
    // Held for a while: the acknowledgement's own wipe gives up (the reader has not moved on).
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    REQUIRE(reader->Exec("COMMIT").ok());
    // Well within one sync interval (an hour here), no byte of the name or the phone is left.
    auto anywhere = [&](const std::string& needle) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            if (synctest::ReadFile(kiosk + suffix).find(needle) != std::string::npos) return true;
        }
        return false;
    };
    CHECK(wait_for([&] { return !anywhere("Zyxwvutsrq") && !anywhere("29876543"); }, 3000));
    client.Stop();
}
