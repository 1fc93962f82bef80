// The hub's database: the change log, pulls, pushes, tokens, tombstones.
#include <catch2/catch_test_macros.hpp>

#include "content/store.h"
#include "sync/hub_store.h"
#include "sync_support.h"

using nlohmann::json;
using ksync::HubStore;

namespace {

HubStore NewHub(const std::string& name, int services = 3) {
    std::string dir = synctest::TempDir(name);
    auto hub = HubStore::Setup(dir + "/hub.db");
    REQUIRE(hub.ok());
    synctest::WriteContent(hub->db(), services);
    return std::move(*hub);
}

ksync::PullPage PullAll(HubStore& hub, int64_t since, const std::string& epoch, int limit = 1000) {
    auto answer = hub.Pull({since, epoch, limit});
    REQUIRE(answer.ok());
    REQUIRE_FALSE(answer->not_modified);
    auto page = ksync::DecodePullPage(answer->body);
    REQUIRE(page.ok());
    return *page;
}

ksync::PushOp Booking(const std::string& op_id, const std::string& session) {
    return {op_id, "booking", "b-" + op_id,
            json{{"booking_id", "b-" + op_id}, {"reference", "NIC-" + op_id}, {"session_id", session},
                 {"values", {{"name", "Anna"}, {"phone", "+371 20000000"}}}},
            100};
}

}  // namespace

TEST_CASE("every committed change is logged once per record, in commit order", "[hub]") {
    HubStore hub = NewHub("hub-log");
    int64_t head = hub.Head().value();
    CHECK(head > 0);
    std::string epoch = hub.Epoch().value();

    // A second hub store on the same file sees the same epoch (it is created once).
    auto again = HubStore::Setup(hub.db().path());
    REQUIRE(again.ok());
    CHECK(again->Epoch().value() == epoch);

    // Only the latest change of each record is kept, with a new seq.
    {
        auto tx = content::Transaction::Begin(hub.db());
        content::ContentWriter w(hub.db());
        REQUIRE(w.Upsert("service", {{"id", "svc-1"}, {"url", "https://a.lv"}}).ok());
        REQUIRE(w.Upsert("service", {{"id", "svc-1"}, {"url", "https://b.lv"}}).ok());
        REQUIRE(w.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    CHECK(hub.db().QueryInt("SELECT count(*) FROM change_log WHERE tbl='service' AND pk='svc-1'").value() == 1);
    ksync::PullPage delta = PullAll(hub, head, epoch);
    REQUIRE(delta.changes.size() == 1);
    CHECK(delta.changes[0].id == "svc-1");
    CHECK(delta.changes[0].row["url"] == "https://b.lv");
    CHECK(delta.to == hub.Head().value());
    CHECK_FALSE(delta.snapshot);

    // An UPDATE that changes nothing is not a change.
    int64_t before = hub.Head().value();
    REQUIRE(hub.db().Exec("UPDATE service SET url = url WHERE id = 'svc-1'").ok());
    CHECK(hub.Head().value() == before);
    auto unchanged = hub.Pull({before, epoch, 100});
    REQUIRE(unchanged.ok());
    CHECK(unchanged->not_modified);
}

TEST_CASE("pages split a pull and the last one ends at head", "[hub]") {
    HubStore hub = NewHub("hub-pages", 10);
    std::string epoch = hub.Epoch().value();
    int64_t head = hub.Head().value();
    int64_t since = 0;
    int pages = 0;
    size_t changes = 0;
    bool snapshot_seen = false;
    while (true) {
        auto answer = since == 0 ? hub.Pull({0, "", 7}) : hub.Pull({since, epoch, 7});
        REQUIRE(answer.ok());
        auto page = ksync::DecodePullPage(answer->body);
        REQUIRE(page.ok());
        if (pages == 0) snapshot_seen = page->snapshot;
        CHECK(page->since == since);
        CHECK(page->changes.size() <= 7);
        changes += page->changes.size();
        since = page->to;
        ++pages;
        if (!page->has_more) break;
    }
    CHECK(snapshot_seen);
    CHECK(since == head);
    CHECK(pages > 5);
    CHECK((int64_t)changes == hub.db().QueryInt("SELECT count(*) FROM change_log").value());
}

TEST_CASE("deletes are tombstones; after pruning an old cursor gets a snapshot", "[hub]") {
    HubStore hub = NewHub("hub-tomb");
    std::string epoch = hub.Epoch().value();
    int64_t cursor = hub.Head().value();
    {
        auto tx = content::Transaction::Begin(hub.db());
        content::ContentWriter w(hub.db());
        REQUIRE(w.Delete("service", "svc-2").ok());
        REQUIRE(w.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    ksync::PullPage delta = PullAll(hub, cursor, epoch);
    bool service_deleted = false, texts_deleted = false;
    for (const auto& c : delta.changes) {
        if (c.table == "service" && c.id == "svc-2" && c.op == ksync::ChangeOp::Delete) service_deleted = true;
        if (c.table == "translation" && c.tkey.record_id == "svc-2" && c.op == ksync::ChangeOp::Delete) texts_deleted = true;
    }
    CHECK(service_deleted);
    CHECK(texts_deleted);  // cascades and translation removals are logged too

    // Nothing is old enough yet.
    CHECK(hub.PruneTombstones(std::time(nullptr), 3600).value() == 0);
    CHECK_FALSE(PullAll(hub, cursor, epoch).snapshot);
    // Age the tombstones past the retention, prune: the old cursor now gets a snapshot.
    REQUIRE(hub.db().Exec("UPDATE change_log SET changed_at = changed_at - 7200 WHERE op = 1").ok());
    CHECK(hub.PruneTombstones(std::time(nullptr), 3600).value() > 0);
    ksync::PullPage after = PullAll(hub, cursor, epoch);
    CHECK(after.snapshot);
    CHECK(after.since == 0);
    // A cursor from another hub database, or ahead of this one, also gets a snapshot.
    CHECK(PullAll(hub, hub.Head().value(), "another-epoch").snapshot);
    CHECK(PullAll(hub, hub.Head().value() + 50, epoch).snapshot);
}

TEST_CASE("pushes are idempotent and capacity is decided on the hub", "[hub]") {
    HubStore hub = NewHub("hub-push");  // sessions have 2 seats
    REQUIRE(hub.Enrol("k1", 1).ok());
    int64_t head = hub.Head().value();
    ksync::PushRequest request;
    request.ops = {Booking("a", "sess-1"), Booking("b", "sess-1"), Booking("c", "sess-1"), Booking("d", "nope")};
    auto response = hub.ApplyPush("k1", request, 1000);
    REQUIRE(response.ok());
    REQUIRE(response->results.size() == 4);
    CHECK(response->results[0].outcome == ksync::OpOutcome::Accepted);
    CHECK(response->results[1].outcome == ksync::OpOutcome::Accepted);
    CHECK(response->results[2].outcome == ksync::OpOutcome::Rejected);
    CHECK(response->results[2].reason == "course_full");
    CHECK(response->results[3].reason == "unknown_session");
    CHECK(hub.db().QueryInt("SELECT seats_taken FROM course_session WHERE id='sess-1'").value() == 2);

    // The seat change is in the log, so kiosks pull the new count.
    ksync::PullPage delta = PullAll(hub, head, hub.Epoch().value());
    bool seats = false;
    for (const auto& c : delta.changes) seats |= c.table == "course_session" && c.id == "sess-1" && c.row["seats_taken"] == 2;
    CHECK(seats);

    // Replaying answers "duplicate" with the first outcome and changes nothing.
    for (int i = 0; i < 10; ++i) {
        auto replay = hub.ApplyPush("k1", request, 2000 + i);
        REQUIRE(replay.ok());
        CHECK(replay->results[0].outcome == ksync::OpOutcome::Duplicate);
        CHECK(replay->results[0].original == ksync::OpOutcome::Accepted);
        CHECK(replay->results[2].original == ksync::OpOutcome::Rejected);
        CHECK(replay->results[2].reason == "course_full");
    }
    CHECK(hub.db().QueryInt("SELECT seats_taken FROM course_session WHERE id='sess-1'").value() == 2);
    CHECK(hub.db().QueryInt("SELECT count(*) FROM op_inbox WHERE kind='booking'").value() == 4);

    // Cancelled sessions, malformed staff edits and unknown kinds are rejected with a reason.
    REQUIRE(hub.db().Exec("UPDATE course_session SET status='cancelled' WHERE id='sess-2'").ok());
    ksync::PushRequest more;
    more.ops = {Booking("e", "sess-2"), {"f", "staff_edit", "svc-1", json{{"field", "url"}}, 5},
                {"g", "teleport", "svc-1", json::object(), 5}};
    auto answer = hub.ApplyPush("k1", more, 3000);
    REQUIRE(answer.ok());
    CHECK(answer->results[0].reason == "session_cancelled");
    CHECK(answer->results[1].reason == "staff_edit_invalid");
    CHECK(answer->results[2].reason == "unsupported");
    CHECK(hub.db().QueryInt("SELECT count(*) FROM audit_log WHERE op_id = 'f' AND outcome = 'rejected'").value() == 1);

    // Health rides along and lands in the registry.
    ksync::PushRequest health;
    health.health = ksync::HealthReport{"fw-9", 77, 3, 60, 123, 2900, "ok", ""};
    REQUIRE(hub.ApplyPush("k1", health, 3000).ok());
    auto kiosks = hub.ListKiosks().value();
    REQUIRE(kiosks.size() == 1);
    CHECK(kiosks[0].firmware == "fw-9");
    CHECK(kiosks[0].content_seq.value() == 77);
    CHECK(kiosks[0].outbox_depth.value() == 3);

    // Bookings export and handling.
    auto open = hub.ListBookings(false).value();
    CHECK(open.size() == 5);
    CHECK(open[0].reference == "NIC-a");
    CHECK(hub.MarkHandled({"NIC-a", "b-b"}, 4000).value() == 2);
    CHECK(hub.ListBookings(false).value().size() == 3);
    CHECK(hub.ListBookings(true).value().size() == 5);
}

TEST_CASE("tokens: stored hashed, shown once, revocable", "[hub]") {
    HubStore hub = NewHub("hub-tokens", 1);
    std::string token = hub.Enrol("lobby-1", 1).value();
    CHECK(hub.db().QueryInt("SELECT count(*) FROM kiosk WHERE token_hash LIKE '%" + token.substr(3, 20) + "%'").value() == 0);
    CHECK(hub.Authenticate(token).value().value() == "lobby-1");
    CHECK_FALSE(hub.Authenticate(token + "x").value().has_value());
    CHECK_FALSE(hub.Authenticate("").value().has_value());
    CHECK(hub.Enrol("lobby-1", 2).error().code == "kiosk_exists");
    CHECK(hub.Enrol("bad name", 2).error().code == "kiosk_bad_name");
    REQUIRE(hub.Revoke("lobby-1", 3).ok());
    CHECK_FALSE(hub.Authenticate(token).value().has_value());
    CHECK(hub.Revoke("lobby-1", 4).error().code == "kiosk_not_found");
    // Re-enrolling after a revocation issues a new token; the old one stays dead.
    std::string fresh = hub.Enrol("lobby-1", 5).value();
    CHECK(hub.Authenticate(fresh).value().value() == "lobby-1");
    CHECK_FALSE(hub.Authenticate(token).value().has_value());
}
