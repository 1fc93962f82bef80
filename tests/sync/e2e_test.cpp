// End to end with real processes on 127.0.0.1: kiosk-hub serve + kiosk-sync.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <thread>

#include "content/bookings.h"
#include "content/store.h"
#include "sync/http_client.h"
#include "sync/hub_store.h"
#include "sync/protocol.h"
#include "sync_support.h"

using nlohmann::json;
using synctest::HubProcess;

namespace {

json OnceJson(const synctest::RunResult& run) {
    INFO("kiosk-sync: " << run.out << run.err);
    json out = json::parse(run.out, nullptr, false);
    REQUIRE(out.is_object());
    return out;
}

int64_t HubInt(const std::string& hub_db, const std::string& sql) {
    auto db = content::Db::Open(hub_db);
    REQUIRE(db.ok());
    return db->QueryInt(sql).value();
}

bool FileContains(const std::string& path, const std::string& needle) {
    return synctest::ReadFile(path).find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("demo content: first sync, a delta after an edit, deletes, the kiosks table", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-demo");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    synctest::Hub(hub_db, {"import-hsds", std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json"});
    std::string token = synctest::Enrol(hub_db, "lobby-1");
    HubProcess hub;
    hub.Start(hub_db);

    json first = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"--firmware", "1.0.7", "once"}));
    CHECK(first["pull"] == "ok");
    CHECK(first["content_changed"] == true);
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));

    json again = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"--firmware", "1.0.7", "once"}));
    CHECK(again["pull"] == "unchanged");
    CHECK(again["pull_bytes"].get<int64_t>() < 1024);

    // Edit and delete on the hub while it serves.
    std::string service_id, organization_id;
    {
        auto db = content::Db::Open(hub_db);
        auto stmt = db->Prepare("SELECT id, organization_id FROM service ORDER BY id LIMIT 1");
        REQUIRE(stmt->Step().value());
        service_id = stmt->Text(0);
        organization_id = stmt->Text(1);
        auto phone = db->Prepare("SELECT id FROM phone ORDER BY id LIMIT 1");
        REQUIRE(phone->Step().value());
        std::string phone_id = phone->Text(0);
        phone = content::Stmt();
        // Hub writers go through ContentWriter, as import-hsds does (deletes take the texts along).
        auto tx = content::Transaction::Begin(*db);
        content::ContentWriter w(*db);
        REQUIRE(w.Upsert("service", {{"id", service_id}, {"url", "https://edited.example"}}).ok());
        REQUIRE(w.Delete("phone", phone_id).ok());
        REQUIRE(w.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    json delta = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"--firmware", "1.0.7", "once"}));
    CHECK(delta["pull"] == "ok");
    CHECK(delta["changes"].get<int64_t>() >= 2);
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
    {
        auto db = content::Db::Open(kiosk_db);
        CHECK(db->QueryInt("SELECT count(*) FROM service WHERE url = 'https://edited.example'").value() == 1);
    }

    // Deleting a whole organization cascades on the hub; the kiosk follows.
    {
        auto db = content::Db::Open(hub_db);
        auto tx = content::Transaction::Begin(*db);
        content::ContentWriter w(*db);
        REQUIRE(w.Delete("organization", organization_id).ok());
        REQUIRE(w.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"--firmware", "1.0.7", "once"}));
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
    {
        auto db = content::Db::Open(kiosk_db);
        CHECK(db->QueryInt("SELECT count(*) FROM service WHERE id = '" + service_id + "'").value() == 0);
    }

    // The hub's health table knows the kiosk.
    synctest::RunResult kiosks = synctest::Hub(hub_db, {"kiosks", "--json"});
    json table = json::parse(kiosks.out);
    REQUIRE(table.size() == 1);
    CHECK(table[0]["name"] == "lobby-1");
    CHECK(table[0]["firmware"] == "1.0.7");
    CHECK(table[0]["content_seq"].get<int64_t>() > 0);
    CHECK(table[0]["outbox_depth"] == 0);
    CHECK(table[0]["last_seen_at"].get<int64_t>() > 0);
    synctest::RunResult text = synctest::Hub(hub_db, {"kiosks"});
    CHECK(text.out.find("lobby-1") != std::string::npos);
}

TEST_CASE("no token or a revoked token: 401 and nothing else", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-auth");
    std::string hub_db = dir + "/hub.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 2);
    }
    std::string token = synctest::Enrol(hub_db, "k1");
    HubProcess hub;
    hub.Start(hub_db);
    std::string push = ksync::EncodePushRequest(
        {{{"op-1", "booking", "b1", json{{"session_id", "sess-1"}, {"values", {{"name", "Secret Person"}}}}, 1}}, std::nullopt});

    for (const std::string& bad : {std::string(), std::string("kt_wrong"), token + "0"}) {
        ksync::HttpClient http(ksync::HttpOptions::For(hub.url(), bad));
        for (std::string path : {"/v1/changes?since=0", "/v1/health", "/no/such/path"}) {
            auto response = http.Get(path);
            REQUIRE(response.ok());
            CHECK(response->status == 401);
            CHECK(response->body.find("changes") == std::string::npos);
            CHECK(ksync::DecodeError(401, response->body).code == "hub_unauthorized");
        }
        auto pushed = http.Post("/v1/push", push);
        REQUIRE(pushed.ok());
        CHECK(pushed->status == 401);
    }
    CHECK(HubInt(hub_db, "SELECT count(*) FROM op_inbox") == 0);

    ksync::HttpClient good(ksync::HttpOptions::For(hub.url(), token));
    CHECK(good.Get("/v1/changes?since=0")->status == 200);
    synctest::Hub(hub_db, {"revoke", "k1"});
    CHECK(good.Get("/v1/changes?since=0")->status == 401);
    CHECK(good.Post("/v1/push", push)->status == 401);
    CHECK(HubInt(hub_db, "SELECT count(*) FROM op_inbox") == 0);
    CHECK(HubInt(hub_db, "SELECT seats_taken FROM course_session WHERE id = 'sess-1'") == 0);

    // Oversized and malformed bodies get clear JSON errors.
    std::string fresh = synctest::Enrol(hub_db, "k2");
    ksync::HttpClient k2(ksync::HttpOptions::For(hub.url(), fresh));
    auto huge = k2.Post("/v1/push", std::string(2 << 20, ' '));
    REQUIRE(huge.ok());
    CHECK(huge->status == 413);
    CHECK(ksync::DecodeError(413, huge->body).code == "hub_payload_too_large");
    auto garbage = k2.Post("/v1/push", "{\"ops\": 7}");
    CHECK(garbage->status == 400);
    CHECK(ksync::DecodeError(400, garbage->body).code == "hub_proto_bad_push");
    CHECK(k2.Get("/v1/changes?since=abc")->status == 400);
}

TEST_CASE("a push replayed 10 times makes one booking; the kiosk keeps no personal data", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-replay");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 2, /*capacity=*/5);
    }
    std::string token = synctest::Enrol(hub_db, "k1");
    HubProcess hub;
    hub.Start(hub_db);
    ksync::HttpClient http(ksync::HttpOptions::For(hub.url(), token));
    std::string body = ksync::EncodePushRequest(
        {{{"op-replayed", "booking", "b-1", json{{"booking_id", "b-1"}, {"reference", "NIC-ABCD"}, {"session_id", "sess-1"}}, 1}},
         std::nullopt});
    int accepted = 0, duplicates = 0;
    for (int i = 0; i < 10; ++i) {
        auto response = http.Post("/v1/push", body);
        REQUIRE(response.ok());
        REQUIRE(response->status == 200);
        auto decoded = ksync::DecodePushResponse(response->body);
        REQUIRE(decoded.ok());
        accepted += decoded->results[0].outcome == ksync::OpOutcome::Accepted;
        duplicates += decoded->results[0].outcome == ksync::OpOutcome::Duplicate;
    }
    CHECK(accepted == 1);
    CHECK(duplicates == 9);
    CHECK(HubInt(hub_db, "SELECT count(*) FROM op_inbox WHERE kind = 'booking'") == 1);
    CHECK(HubInt(hub_db, "SELECT seats_taken FROM course_session WHERE id = 'sess-1'") == 1);

    // The real kiosk flow: book, sync, confirmed, and the personal data is gone from the files.
    OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}));
    synctest::RunResult booked = synctest::KioskSync(
        kiosk_db, hub.url(), token,
        {"book", "--form", "form-1", "--session", "sess-1", "--value", "name=Zanete Uniquename", "--value", "phone=+371 29999999"});
    REQUIRE(booked.exit_code == 0);
    std::string booking_id = booked.out.substr(std::string("booking_saved ").size(), 36);
    json pushed = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}));
    CHECK(pushed["push"]["accepted"] == 1);
    CHECK(pushed["push"]["remaining"] == 0);
    json status = json::parse(synctest::KioskSync(kiosk_db, hub.url(), token, {"booking-status", booking_id}).out);
    CHECK(status["status"] == "confirmed");
    CHECK(HubInt(hub_db, "SELECT seats_taken FROM course_session WHERE id = 'sess-1'") == 2);
    CHECK_FALSE(FileContains(kiosk_db, "Uniquename"));
    CHECK_FALSE(FileContains(kiosk_db + "-wal", "Uniquename"));
    synctest::RunResult csv = synctest::Hub(hub_db, {"bookings", "--format", "csv"});
    CHECK(csv.out.find("Zanete Uniquename") != std::string::npos);
    CHECK(csv.out.find("name") != std::string::npos);
}

TEST_CASE("a kiosk killed after saving a booking, before pushing it: the booking arrives after restart", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-crash-booking");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 2);
    }
    std::string token = synctest::Enrol(hub_db, "k1");
    HubProcess hub;
    hub.Start(hub_db);
    OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}));

    std::vector<std::string> argv = {KIOSK_SYNC_BIN, "--db", kiosk_db, "--hub", hub.url(), "--token", token, "book",
                                     "--form", "form-1", "--session", "sess-2", "--value", "name=Ivan Crashtest",
                                     "--value", "phone=+371 21111111", "--sync", "--delay-ms", "20000"};
    pid_t pid = synctest::Spawn(argv, dir + "/book.out", dir + "/book.err");
    for (int i = 0; i < 2000 && !FileContains(dir + "/book.out", "booking_saved"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(FileContains(dir + "/book.out", "booking_saved"));
    kill(pid, SIGKILL);
    CHECK(synctest::WaitFor(pid, 5000) == 128 + SIGKILL);
    CHECK(HubInt(hub_db, "SELECT count(*) FROM op_inbox") == 0);

    json after = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}));
    CHECK(after["push"]["accepted"] == 1);
    CHECK(HubInt(hub_db, "SELECT count(*) FROM op_inbox WHERE kind = 'booking'") == 1);
    CHECK(HubInt(hub_db, "SELECT seats_taken FROM course_session WHERE id = 'sess-2'") == 1);
}

TEST_CASE("capacity is decided on the hub; the next pull brings the new seat counts", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-capacity");
    std::string hub_db = dir + "/hub.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 2, /*capacity=*/1);
    }
    std::string token_a = synctest::Enrol(hub_db, "a"), token_b = synctest::Enrol(hub_db, "b");
    HubProcess hub;
    hub.Start(hub_db);
    std::string kiosk_a = dir + "/a.db", kiosk_b = dir + "/b.db";
    OnceJson(synctest::KioskSync(kiosk_a, hub.url(), token_a, {"once"}));
    OnceJson(synctest::KioskSync(kiosk_b, hub.url(), token_b, {"once"}));
    // Both kiosks saw one free seat and both took a booking before either pushed.
    for (const auto& [db, token] : {std::pair{kiosk_a, token_a}, std::pair{kiosk_b, token_b}}) {
        auto booked = synctest::KioskSync(db, hub.url(), token, {"book", "--form", "form-1", "--session", "sess-1",
                                                                 "--value", "name=Visitor", "--value", "phone=+371 22222222"});
        REQUIRE(booked.exit_code == 0);
    }
    json a = OnceJson(synctest::KioskSync(kiosk_a, hub.url(), token_a, {"once"}));
    json b = OnceJson(synctest::KioskSync(kiosk_b, hub.url(), token_b, {"once"}));
    CHECK(a["push"]["accepted"] == 1);
    CHECK(b["push"]["rejected"] == 1);
    auto db_b = content::Db::Open(kiosk_b);
    CHECK(db_b->QueryInt("SELECT count(*) FROM booking WHERE status = 'rejected' AND status_reason = 'course_full'").value() == 1);
    // b's pull after the push (next cycle) brings seats_taken = 1.
    OnceJson(synctest::KioskSync(kiosk_b, hub.url(), token_b, {"once"}));
    CHECK(db_b->QueryInt("SELECT seats_taken FROM course_session WHERE id = 'sess-1'").value() == 1);
}

TEST_CASE("the hub killed mid-response: the kiosk keeps its content and gets it all later", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-hubkill");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 1500);
    }
    std::string token = synctest::Enrol(hub_db, "k1");
    {
        auto db = content::Db::Open(kiosk_db);  // the kiosk starts with content of its own
        synctest::WriteContent(*db, 3);
    }
    std::string before = synctest::ContentDigest(kiosk_db);
    int failures = 0;
    for (int delay_ms : {15, 40, 80}) {
        HubProcess hub;
        hub.Start(hub_db);
        pid_t kiosk = synctest::Spawn({KIOSK_SYNC_BIN, "--db", kiosk_db, "--hub", hub.url(), "--token", token, "--page-limit",
                                       "200", "once"},
                                      dir + "/k.out", dir + "/k.err");
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        hub.Kill();
        int code = synctest::WaitFor(kiosk, 60000);
        if (code != 0) {
            ++failures;
            CHECK(synctest::ContentDigest(kiosk_db) == before);
        }
    }
    CHECK(failures > 0);
    HubProcess hub;
    hub.Start(hub_db);
    json done = OnceJson(synctest::KioskSync(kiosk_db, hub.url(), token, {"once"}));
    CHECK(done["pull"] == "ok");
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
}

TEST_CASE("TLS from the configuration; plain HTTP refused off loopback", "[e2e]") {
    std::string dir = synctest::TempDir("e2e-tls");
    std::string hub_db = dir + "/hub.db", kiosk_db = dir + "/kiosk.db";
    {
        auto hub = ksync::HubStore::Setup(hub_db);
        synctest::WriteContent(hub->db(), 2);
    }
    std::string token = synctest::Enrol(hub_db, "k1");
    synctest::RunResult refused = synctest::Run({KIOSK_HUB_BIN, "--db", hub_db, "serve", "--listen", "0.0.0.0", "--port", "0"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("hub_plain_http_refused") != std::string::npos);

    std::string cert = dir + "/hub.crt", key = dir + "/hub.key";
    synctest::RunResult made = synctest::Run({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                              "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                                              "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    REQUIRE(made.exit_code == 0);
    HubProcess hub;
    hub.Start(hub_db, {"--cert", cert, "--key", key});
    std::string url = "https://127.0.0.1:" + std::to_string(hub.port());
    json ok = OnceJson(synctest::KioskSync(kiosk_db, url, token, {"--ca", cert, "once"}));
    CHECK(ok["pull"] == "ok");
    CHECK(synctest::ContentDigest(kiosk_db) == synctest::ContentDigest(hub_db));
    // Without trusting the certificate the kiosk refuses to talk.
    json untrusted = OnceJson(synctest::KioskSync(dir + "/other.db", url, token, {"once"}));
    CHECK(untrusted["pull"] == "error");
    CHECK(untrusted["pull_error_code"] == "http_tls");
}
