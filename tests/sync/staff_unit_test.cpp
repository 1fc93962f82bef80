// Staff mode in the sync layer without processes: the push answer's `seen`, the kiosk's list of
// rejected staff ops, the hub's triggers after an upgrade, dates for the audit filter.
#include <catch2/catch_test_macros.hpp>

#include "content/bookings.h"
#include "content/schema.h"
#include "content/store.h"
#include "sync/audit_log.h"
#include "sync/client.h"
#include "sync/hub_store.h"
#include "sync/protocol.h"
#include "sync_support.h"

using nlohmann::json;

TEST_CASE("push answer: `seen` is optional, strict when present, and round-trips", "[staff]") {
    // An answer from a hub before staff mode has no `seen`.
    auto old = ksync::DecodePushResponse(R"({"results": [{"op_id": "a", "result": "accepted"}], "head": 7})");
    REQUIRE(old.ok());
    CHECK_FALSE(old->seen.has_value());
    auto null_seen = ksync::DecodePushResponse(R"({"results": [], "head": 7, "seen": null})");
    REQUIRE(null_seen.ok());
    CHECK_FALSE(null_seen->seen.has_value());

    auto full = ksync::DecodePushResponse(
        R"({"results": [], "head": 7, "seen": {"last_seen_at": 1767225600, "content_seq": 42, "outbox_depth": null, "firmware": "1.2"}})");
    REQUIRE(full.ok());
    REQUIRE(full->seen.has_value());
    CHECK(full->seen->last_seen_at == 1767225600);
    CHECK(full->seen->content_seq == 42);
    CHECK_FALSE(full->seen->outbox_depth.has_value());
    CHECK(full->seen->firmware == "1.2");

    for (const char* bad : {R"({"results": [], "head": 7, "seen": 5})",
                            R"({"results": [], "head": 7, "seen": {"content_seq": "42"}})",
                            R"({"results": [], "head": 7, "seen": {"last_seen_at": 1.5}})",
                            R"({"results": [], "head": 7, "seen": {"firmware": 7}})"}) {
        INFO(bad);
        auto decoded = ksync::DecodePushResponse(bad);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == "proto_bad_push");
    }

    ksync::PushResponse response;
    response.head = 9;
    response.results.push_back({"op", ksync::OpOutcome::Accepted, ksync::OpOutcome::Accepted, "conflict", "1 field"});
    response.seen = ksync::SeenHealth{100, std::nullopt, 3, "fw"};
    auto again = ksync::DecodePushResponse(ksync::EncodePushResponse(response));
    REQUIRE(again.ok());
    CHECK(again->results[0].reason == "conflict");
    REQUIRE(again->seen.has_value());
    CHECK(again->seen->last_seen_at == 100);
    CHECK_FALSE(again->seen->content_seq.has_value());
    CHECK(again->seen->outbox_depth == 3);
    CHECK(again->seen->firmware == "fw");
}

TEST_CASE("rejected staff ops are kept in meta once each, the last 50", "[staff]") {
    std::string dir = synctest::TempDir("staff-rejected");
    auto db = content::Db::Open(dir + "/kiosk.db");
    REQUIRE(db.ok());
    auto record = [&](int i) {
        content::OutboxItem item;
        item.op_id = "op-" + std::to_string(i);
        item.kind = "staff_edit";
        item.payload = R"({"edit_id": "op-)" + std::to_string(i) + R"(", "table": "service"})";
        REQUIRE(ksync::RecordRejectedStaffOp(*db, item, "staff_removed", "removed", 1000 + i).ok());
    };
    auto list = [&]() {
        auto text = content::GetMeta(*db, ksync::kMetaStaffRejectedEdits);
        REQUIRE(text.ok());
        json value = json::parse(*text, nullptr, false);
        REQUIRE(value.is_array());
        return value;
    };
    record(0);
    record(0);  // a re-sent op answered "duplicate, rejected" is recorded once
    CHECK(list().size() == 1);
    CHECK(list()[0]["payload"]["table"] == "service");
    CHECK(list()[0]["reason"] == "staff_removed");
    for (int i = 1; i < 60; ++i) record(i);
    json all = list();
    REQUIRE(all.size() == ksync::kMaxRejectedStaffEdits);
    CHECK(all.front()["op_id"] == "op-10");
    CHECK(all.back()["op_id"] == "op-59");
    CHECK(all.back()["rejected_at"] == 1059);
}

TEST_CASE("hub upgrade: staff tables are logged after Setup, rows written without the triggers are backfilled", "[staff]") {
    std::string dir = synctest::TempDir("staff-upgrade");
    std::string path = dir + "/hub.db";
    {
        // A database of the previous schema, as an older hub left it.
        auto raw = content::Db::OpenRaw(path);
        REQUIRE(raw.ok());
        REQUIRE(content::MigrateTo(*raw, 2).ok());
        REQUIRE(raw->Exec("INSERT INTO organization(id) VALUES ('org-old')").ok());
    }
    {
        auto hub = ksync::HubStore::Setup(path);
        REQUIRE(hub.ok());
        CHECK(hub->db().UserVersion() == content::kSchemaVersion);
        CHECK(hub->db().QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hub_log_staff%'").value() == 6);
        CHECK(hub->db().QueryInt("SELECT count(*) FROM change_log WHERE tbl = 'organization' AND pk = 'org-old'").value() == 1);
        // Written by plain SQL: the trigger logs it.
        REQUIRE(hub->db().Exec("INSERT INTO staff(id, name, pin_hash) VALUES ('s-1', 'Anna', 'h')").ok());
        CHECK(hub->db().QueryInt("SELECT count(*) FROM change_log WHERE tbl = 'staff' AND pk = 's-1' AND op = 0").value() == 1);
        // A hub whose triggers predate the staff tables: rows land unlogged...
        REQUIRE(hub->db().Exec("DROP TRIGGER hub_log_staff_conflict_i; DROP TRIGGER hub_log_staff_i").ok());
        REQUIRE(hub->db().Exec("INSERT INTO staff(id, name, pin_hash) VALUES ('s-2', 'Bob', 'h')").ok());
        CHECK(hub->db().QueryInt("SELECT count(*) FROM change_log WHERE tbl = 'staff' AND pk = 's-2'").value() == 0);
    }
    // ...until the next Setup re-creates the triggers and logs what they missed, once.
    int64_t head_before = 0;
    {
        auto hub = ksync::HubStore::Setup(path);
        REQUIRE(hub.ok());
        CHECK(hub->db().QueryInt("SELECT count(*) FROM change_log WHERE tbl = 'staff' AND pk = 's-2' AND op = 0").value() == 1);
        CHECK(hub->db().QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hub_log_staff%'").value() == 6);
        head_before = hub->Head().value();
    }
    auto hub = ksync::HubStore::Setup(path);
    REQUIRE(hub.ok());
    CHECK(hub->Head().value() == head_before);
    CHECK(hub->db().QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").value() == 1);
}

TEST_CASE("audit --since dates", "[staff]") {
    CHECK(ksync::ParseUtcDate("1970-01-02").value() == 86400);
    CHECK(ksync::ParseUtcDate("2026-03-01").value() == 1772323200);
    for (const char* bad : {"2026-02-30", "2026-13-01", "26-03-01", "2026-3-1", "2026-03-01x", "", "yesterday"}) {
        INFO(bad);
        auto parsed = ksync::ParseUtcDate(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "audit_bad_date");
    }
}
