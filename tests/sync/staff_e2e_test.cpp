// Staff mode end to end: a real kiosk-hub on 127.0.0.1, real kiosk databases synced by the
// kiosk-sync program, staff edits made on the kiosks as the staff screens make them
// (content::ApplyStaffEditLocally / ResolveConflictLocally). docs/staff-mode.md.
#include <catch2/catch_test_macros.hpp>

#include <ctime>
#include <map>
#include <sstream>

#include "content/bookings.h"
#include "content/staff_edit.h"
#include "content/store.h"
#include "sync/cli_table.h"
#include "sync/client.h"
#include "sync/crypto.h"
#include "sync/http_client.h"
#include "sync/hub_store.h"
#include "sync/protocol.h"
#include "sync_support.h"

using nlohmann::json;
using synctest::HubProcess;

namespace {

int64_t Now() { return (int64_t)std::time(nullptr); }

json StaffOnceJson(const synctest::RunResult& run) {
    INFO("kiosk-sync: " << run.out << run.err);
    json out = json::parse(run.out, nullptr, false);
    REQUIRE(out.is_object());
    return out;
}

// The first column of the first row as text ("<null>" for NULL, "<none>" without a row).
std::string Query(const std::string& db_path, const std::string& sql) {
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto stmt = db->Prepare(sql);
    INFO(sql);
    REQUIRE(stmt.ok());
    auto row = stmt->Step();
    REQUIRE(row.ok());
    if (!*row) return "<none>";
    return stmt->IsNull(0) ? "<null>" : stmt->Text(0);
}

int64_t QueryInt(const std::string& db_path, const std::string& sql) { return std::stoll(Query(db_path, sql)); }

std::string ServiceText(const std::string& db_path, const std::string& id, const std::string& field, const std::string& lang) {
    return Query(db_path, "SELECT text FROM translation WHERE tbl = 'service' AND record_id = '" + id + "' AND field = '" +
                              field + "' AND lang = '" + lang + "'");
}

content::StaffEdit MakeEdit(const std::string& staff_id, const std::string& device, const std::string& record_id,
                            int64_t base_version, std::vector<content::FieldChange> changes) {
    content::StaffEdit edit;
    edit.edit_id = ksync::NewUuid();
    edit.staff_id = staff_id;
    edit.device = device;
    edit.table = "service";
    edit.record_id = record_id;
    edit.action = content::EditAction::Update;
    edit.base_version = base_version;
    edit.changes = std::move(changes);
    edit.made_at = Now();
    return edit;
}

void EditOn(const std::string& db_path, const content::StaffEdit& edit) {
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    auto applied = content::ApplyStaffEditLocally(*db, edit, Now());
    INFO((applied.ok() ? std::string() : applied.error().ToString()));
    REQUIRE(applied.ok());
}

int64_t OutboxDepth(const std::string& db_path) {
    return QueryInt(db_path, "SELECT count(*) FROM outbox");
}

std::string AddStaff(const std::string& hub_db, const std::string& name, const std::string& pin) {
    synctest::RunResult added = synctest::HubWithInput(hub_db, {"staff", "add", "--name", name}, pin + "\n");
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    std::string id = added.out;
    while (!id.empty() && id.back() == '\n') id.pop_back();
    REQUIRE(id.size() == 36);
    return id;
}

// A hub with two services, staff member Anna, kiosks lobby-a and lobby-b synced once.
struct StaffWorld {
    std::string dir, hub_db, a_db, b_db, token_a, token_b, anna;
    HubProcess hub;

    explicit StaffWorld(const std::string& name) {
        dir = synctest::TempDir(name);
        hub_db = dir + "/hub.db";
        a_db = dir + "/a.db";
        b_db = dir + "/b.db";
        {
            auto store = ksync::HubStore::Setup(hub_db);
            REQUIRE(store.ok());
            synctest::WriteContent(store->db(), 2);
        }
        anna = AddStaff(hub_db, "Anna Bērziņa", "1234");
        token_a = synctest::Enrol(hub_db, "lobby-a");
        token_b = synctest::Enrol(hub_db, "lobby-b");
        hub.Start(hub_db);
        CHECK(SyncA()["pull"] == "ok");
        CHECK(SyncB()["pull"] == "ok");
        REQUIRE(Query(a_db, "SELECT name FROM staff WHERE id = '" + anna + "'") == "Anna Bērziņa");
    }
    json SyncA() { return StaffOnceJson(synctest::KioskSync(a_db, hub.url(), token_a, {"--firmware", "2.0.1", "once"})); }
    json SyncB() { return StaffOnceJson(synctest::KioskSync(b_db, hub.url(), token_b, {"once"})); }
    std::string InboxReason(const std::string& op_id) {
        return Query(hub_db, "SELECT result || ':' || coalesce(reason, '') FROM op_inbox WHERE op_id = '" + op_id + "'");
    }
};

json AuditJson(const std::string& hub_db, const std::vector<std::string>& filter) {
    std::vector<std::string> args = {"audit", "--json"};
    args.insert(args.end(), filter.begin(), filter.end());
    json rows = json::parse(synctest::Hub(hub_db, args).out, nullptr, false);
    REQUIRE(rows.is_array());
    return rows;
}

}  // namespace

TEST_CASE("staff edit made offline: visible at once, reaches the hub when it returns, then the other kiosk", "[e2e][staff]") {
    StaffWorld w("staff-offline");
    std::string old_url = w.hub.url();
    w.hub.Stop();

    content::StaffEdit edit = MakeEdit(w.anna, "lobby-a", "svc-1", 1, {{"url", nullptr, "https://help.example/a"}});
    EditOn(w.a_db, edit);
    CHECK(Query(w.a_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://help.example/a");
    CHECK(OutboxDepth(w.a_db) == 1);

    // The hub is down: the sync fails, the edit stays queued and visible.
    json down = StaffOnceJson(synctest::KioskSync(w.a_db, old_url, w.token_a, {"once"}));
    CHECK(down["pull"] == "error");
    CHECK(down.contains("push_error"));
    CHECK(OutboxDepth(w.a_db) == 1);
    CHECK(Query(w.a_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://help.example/a");
    CHECK(Query(w.hub_db, "SELECT url FROM service WHERE id = 'svc-1'") == "<null>");

    w.hub.Start(w.hub_db);
    json up = w.SyncA();
    CHECK(up["push"]["accepted"] == 1);
    CHECK(up["push"]["remaining"] == 0);
    CHECK(Query(w.hub_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://help.example/a");
    CHECK(w.InboxReason(edit.edit_id) == "accepted:applied");
    CHECK(QueryInt(w.hub_db, "SELECT version FROM service WHERE id = 'svc-1'") == 2);

    // The push answer carried what the hub recorded of lobby-a's health.
    json seen = json::parse(Query(w.a_db, "SELECT value FROM meta WHERE key = 'hub_seen_health'"), nullptr, false);
    REQUIRE(seen.is_object());
    CHECK(seen["firmware"] == "2.0.1");
    CHECK(seen["last_seen_at"].get<int64_t>() >= Now() - 60);
    CHECK(seen["outbox_depth"].is_number_integer());

    CHECK(w.SyncB()["pull"] == "ok");
    CHECK(Query(w.b_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://help.example/a");
    w.SyncA();
    CHECK(synctest::ContentDigest(w.a_db) == synctest::ContentDigest(w.hub_db));
    CHECK(synctest::ContentDigest(w.b_db) == synctest::ContentDigest(w.hub_db));
}

TEST_CASE("same field on two kiosks is a conflict with both values; different fields merge; resolving syncs", "[e2e][staff]") {
    StaffWorld w("staff-conflict");
    const std::string base_text = "What service 0 does (en)";
    content::StaffEdit a_text = MakeEdit(w.anna, "lobby-a", "svc-0", 1, {{"text:description:en", base_text, "Wording of A"}});
    content::StaffEdit b_text = MakeEdit(w.anna, "lobby-b", "svc-0", 1, {{"text:description:en", base_text, "Wording of B"}});
    content::StaffEdit a_url = MakeEdit(w.anna, "lobby-a", "svc-1", 1, {{"url", nullptr, "https://a.example"}});
    content::StaffEdit b_email = MakeEdit(w.anna, "lobby-b", "svc-1", 1, {{"email", nullptr, "help@b.example"}});
    EditOn(w.a_db, a_text);
    EditOn(w.a_db, a_url);
    EditOn(w.b_db, b_text);
    EditOn(w.b_db, b_email);

    CHECK(w.SyncA()["push"]["accepted"] == 2);
    json b_sync = w.SyncB();
    CHECK(b_sync["push"]["accepted"] == 2);
    CHECK(w.InboxReason(a_text.edit_id) == "accepted:applied");
    CHECK(w.InboxReason(b_text.edit_id) == "accepted:conflict");
    CHECK(w.InboxReason(b_email.edit_id) == "accepted:merged");

    // The hub keeps the first value; the conflict keeps both.
    CHECK(ServiceText(w.hub_db, "svc-0", "description", "en") == "Wording of A");
    CHECK(Query(w.hub_db, "SELECT url || ' ' || email FROM service WHERE id = 'svc-1'") == "https://a.example help@b.example");
    std::string conflict_id;
    {
        auto hub = content::Db::Open(w.hub_db);
        auto conflicts = content::ListConflicts(*hub, /*open_only=*/true);
        REQUIRE(conflicts.ok());
        REQUIRE(conflicts->size() == 1);
        const content::StaffConflict& c = conflicts->front();
        CHECK(c.record_id == "svc-0");
        CHECK(c.field == "text:description:en");
        CHECK(c.mine == "Wording of B");
        CHECK(c.theirs == "Wording of A");
        CHECK(c.base == base_text);
        CHECK(c.device == "lobby-b");
        conflict_id = c.id;
    }

    // The conflict and B's merged field reach A; B's copy comes back to the hub's value.
    w.SyncA();
    {
        auto a = content::Db::Open(w.a_db);
        auto conflicts = content::ListConflicts(*a, /*open_only=*/true);
        REQUIRE(conflicts.ok());
        REQUIRE(conflicts->size() == 1);
        CHECK(conflicts->front().id == conflict_id);
    }
    CHECK(Query(w.a_db, "SELECT email FROM service WHERE id = 'svc-1'") == "help@b.example");
    w.SyncB();
    CHECK(ServiceText(w.b_db, "svc-0", "description", "en") == "Wording of A");
    CHECK(synctest::ContentDigest(w.b_db) == synctest::ContentDigest(w.hub_db));

    // Resolved on A in favour of B's wording: visible on A at once, then on the hub and on B.
    content::ConflictResolution resolution;
    resolution.resolution_id = ksync::NewUuid();
    resolution.conflict_id = conflict_id;
    resolution.staff_id = w.anna;
    resolution.device = "lobby-a";
    resolution.choice = content::ResolutionChoice::Mine;
    resolution.value = "Wording of B";
    resolution.made_at = Now();
    {
        auto a = content::Db::Open(w.a_db);
        auto resolved = content::ResolveConflictLocally(*a, resolution, Now());
        INFO((resolved.ok() ? std::string() : resolved.error().ToString()));
        REQUIRE(resolved.ok());
    }
    CHECK(ServiceText(w.a_db, "svc-0", "description", "en") == "Wording of B");
    CHECK(w.SyncA()["push"]["accepted"] == 1);
    CHECK(w.InboxReason(resolution.resolution_id) == "accepted:resolved");
    CHECK(ServiceText(w.hub_db, "svc-0", "description", "en") == "Wording of B");
    CHECK(Query(w.hub_db, "SELECT status FROM staff_conflict WHERE id = '" + conflict_id + "'") == "resolved");
    w.SyncB();
    CHECK(ServiceText(w.b_db, "svc-0", "description", "en") == "Wording of B");
    CHECK(Query(w.b_db, "SELECT status FROM staff_conflict WHERE id = '" + conflict_id + "'") == "resolved");

    // A second resolution of the same conflict is refused; the first stands.
    content::ConflictResolution second = resolution;
    second.resolution_id = ksync::NewUuid();
    second.choice = content::ResolutionChoice::Theirs;
    second.value = "Wording of A";
    ksync::HttpClient b_http(ksync::HttpOptions::For(w.hub.url(), w.token_b));
    auto answer = b_http.Post("/v1/push", ksync::EncodePushRequest({{{second.resolution_id, "conflict_resolution", conflict_id,
                                                                      content::EncodeConflictResolution(second), Now()}},
                                                                    std::nullopt}));
    REQUIRE(answer.ok());
    REQUIRE(answer->status == 200);
    auto decoded = ksync::DecodePushResponse(answer->body);
    REQUIRE(decoded.ok());
    CHECK(decoded->results.at(0).outcome == ksync::OpOutcome::Rejected);
    CHECK(decoded->results.at(0).reason == "conflict_resolved");
    CHECK(ServiceText(w.hub_db, "svc-0", "description", "en") == "Wording of B");

    // The audit trail says who, what, from where, with which outcome.
    json audit = AuditJson(w.hub_db, {"--record", "svc-0"});
    std::map<std::string, int> outcomes;
    for (const json& row : audit) {
        CHECK(row["record_id"] == "svc-0");
        outcomes[row["outcome"].get<std::string>()]++;
        if (row["op_id"] == b_text.edit_id) {
            CHECK(row["device"] == "lobby-b");
            CHECK(row["staff_name"] == "Anna Bērziņa");
            CHECK(row["field"] == "text:description:en");
            CHECK(row["old"] == "Wording of A");
            CHECK(row["new"] == "Wording of B");
            CHECK(row["outcome"] == "conflict");
        }
        if (row["op_id"] == resolution.resolution_id) {
            CHECK(row["device"] == "lobby-a");
            CHECK(row["action"] == "resolve");
            CHECK(row["old"] == "Wording of A");
            CHECK(row["new"] == "Wording of B");
        }
    }
    CHECK(outcomes["applied"] == 1);
    CHECK(outcomes["conflict"] == 1);
    CHECK(outcomes["resolved"] == 1);
    CHECK(outcomes["rejected"] == 1);
    json merged = AuditJson(w.hub_db, {"--record", "svc-1"});
    REQUIRE(merged.size() == 2);
    CHECK(merged[1]["outcome"] == "merged");
    CHECK(merged[1]["device"] == "lobby-b");
    CHECK(AuditJson(w.hub_db, {"--staff", w.anna, "--since", "2000-01-01"}).size() == audit.size() + merged.size() + 1);
    CHECK(AuditJson(w.hub_db, {"--since", "2999-01-01"}).empty());

    // The table for people: "Anna Bērziņa" (two 2-byte letters) keeps every column in place, so
    // each row's outcome starts at the terminal column of the OUTCOME header.
    std::istringstream table(synctest::Hub(w.hub_db, {"audit", "--record", "svc-0"}).out);
    std::string header;
    REQUIRE(std::getline(table, header));
    const size_t outcome_column = ksync::TerminalWidth(header.substr(0, header.find("OUTCOME")));
    int rows = 0, rows_with_anna = 0;
    for (std::string line; std::getline(table, line); ++rows) {
        INFO(line);
        if (line.find("Anna Bērziņa") != std::string::npos) ++rows_with_anna;
        // The text that starts at the OUTCOME header's terminal column is an outcome.
        std::string from_outcome;
        for (size_t i = 0; i <= line.size(); ++i) {
            if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
            if (ksync::TerminalWidth(line.substr(0, i)) == outcome_column) {
                from_outcome = line.substr(i);
                break;
            }
        }
        bool starts_with_outcome = false;
        for (const char* outcome : {"applied", "conflict", "resolved", "rejected", "merged", "duplicate"}) {
            if (from_outcome.rfind(outcome, 0) == 0) starts_with_outcome = true;
        }
        CHECK(starts_with_outcome);
    }
    CHECK(rows == int(audit.size()));
    CHECK(rows_with_anna > 0);

    json open = json::parse(synctest::Hub(w.hub_db, {"conflicts", "--open", "--json"}).out);
    CHECK(open.empty());
    json all = json::parse(synctest::Hub(w.hub_db, {"conflicts", "--json"}).out);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["resolution"] == "mine");
}

TEST_CASE("a replayed staff op is a duplicate with the first answer; the device name is the token's", "[e2e][staff]") {
    StaffWorld w("staff-replay");
    ksync::HttpClient http(ksync::HttpOptions::For(w.hub.url(), w.token_a));
    auto push = [&](const std::string& op_id, const json& payload) {
        auto response = http.Post("/v1/push", ksync::EncodePushRequest({{{op_id, "staff_edit", "svc-1", payload, Now()}},
                                                                        std::nullopt}));
        REQUIRE(response.ok());
        REQUIRE(response->status == 200);
        auto decoded = ksync::DecodePushResponse(response->body);
        REQUIRE(decoded.ok());
        REQUIRE(decoded->results.size() == 1);
        return *decoded;
    };
    content::StaffEdit edit = MakeEdit(w.anna, "somebody-else", "svc-1", 1, {{"url", nullptr, "https://replay.example"}});
    json payload = content::EncodeStaffEdit(edit);
    ksync::PushResponse first = push(edit.edit_id, payload);
    CHECK(first.results[0].outcome == ksync::OpOutcome::Accepted);
    CHECK(first.results[0].reason == "applied");
    REQUIRE(first.seen.has_value());
    CHECK(first.seen->last_seen_at.value_or(0) > 0);
    int64_t head = first.head;
    for (int i = 0; i < 3; ++i) {
        ksync::PushResponse again = push(edit.edit_id, payload);
        CHECK(again.results[0].outcome == ksync::OpOutcome::Duplicate);
        CHECK(again.results[0].original == ksync::OpOutcome::Accepted);
        CHECK(again.results[0].reason == "applied");
        CHECK(again.head == head);
    }
    CHECK(QueryInt(w.hub_db, "SELECT count(*) FROM audit_log WHERE op_id = '" + edit.edit_id + "'") == 1);
    CHECK(Query(w.hub_db, "SELECT device FROM audit_log WHERE op_id = '" + edit.edit_id + "'") == "lobby-a");
    CHECK(QueryInt(w.hub_db, "SELECT version FROM service WHERE id = 'svc-1'") == 2);

    // Ops that can never apply are rejected with stable reasons and change no content.
    content::StaffEdit stranger = MakeEdit("no-such-staff", "lobby-a", "svc-1", 2, {{"url", "https://replay.example", "x"}});
    CHECK(push(stranger.edit_id, content::EncodeStaffEdit(stranger)).results[0].reason == "staff_unknown");
    content::StaffEdit other_id = MakeEdit(w.anna, "lobby-a", "svc-1", 2, {{"url", "https://replay.example", "https://y"}});
    CHECK(push(ksync::NewUuid(), content::EncodeStaffEdit(other_id)).results[0].reason == "staff_edit_invalid");
    json bad = content::EncodeStaffEdit(other_id);
    bad["table"] = "booking";
    ksync::PushResponse refused = push(other_id.edit_id, bad);
    CHECK(refused.results[0].outcome == ksync::OpOutcome::Rejected);
    CHECK(refused.results[0].reason == "staff_edit_invalid");
    CHECK(Query(w.hub_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://replay.example");
    CHECK(QueryInt(w.hub_db, "SELECT count(*) FROM audit_log WHERE outcome = 'rejected'") == 3);
}

TEST_CASE("a removed staff member's edit is rejected, kept for staff to see, and undone on the kiosk", "[e2e][staff]") {
    StaffWorld w("staff-removed");
    std::string bob = AddStaff(w.hub_db, "Bob", "5678");
    w.SyncA();
    REQUIRE(Query(w.a_db, "SELECT name FROM staff WHERE id = '" + bob + "'") == "Bob");
    synctest::Hub(w.hub_db, {"staff", "remove", bob});

    content::StaffEdit edit = MakeEdit(bob, "lobby-a", "svc-0", 1, {{"url", nullptr, "https://bob.example"}});
    EditOn(w.a_db, edit);
    json sync = w.SyncA();
    CHECK(sync["push"]["rejected"] == 1);
    CHECK(OutboxDepth(w.a_db) == 0);
    CHECK(Query(w.hub_db, "SELECT url FROM service WHERE id = 'svc-0'") == "<null>");
    json rejected = json::parse(Query(w.a_db, "SELECT value FROM meta WHERE key = 'staff_rejected_edits'"), nullptr, false);
    REQUIRE(rejected.is_array());
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["reason"] == "staff_removed");
    CHECK(rejected[0]["kind"] == "staff_edit");
    CHECK(rejected[0]["payload"]["edit_id"] == edit.edit_id);
    CHECK(rejected[0]["payload"]["changes"][0]["after"] == "https://bob.example");

    // The next pull puts the hub's version back on the kiosk.
    w.SyncA();
    CHECK(Query(w.a_db, "SELECT url FROM service WHERE id = 'svc-0'") == "<null>");
    CHECK(synctest::ContentDigest(w.a_db) == synctest::ContentDigest(w.hub_db));
    json audit = AuditJson(w.hub_db, {"--staff", bob});
    REQUIRE(audit.size() == 3);  // staff_add, staff_remove, the rejected edit
    CHECK(audit[2]["outcome"] == "rejected");
    CHECK(audit[2]["device"] == "lobby-a");
    CHECK(audit[2]["staff_name"] == "Bob");
    CHECK(audit[2]["detail"].get<std::string>().find("staff_removed") == 0);
}

TEST_CASE("an edit pending on a kiosk survives a pull that rewrote its record", "[e2e][staff]") {
    StaffWorld w("staff-pending");
    content::StaffEdit edit = MakeEdit(w.anna, "lobby-a", "svc-1", 1, {{"text:name:lv", "Service 1 (lv)", "Pakalpojums A"}});
    EditOn(w.a_db, edit);
    {
        // Meanwhile the centre rewrites the record on the hub, the same text included.
        auto hub = content::Db::Open(w.hub_db);
        auto tx = content::Transaction::Begin(*hub);
        content::ContentWriter writer(*hub);
        REQUIRE(writer.Upsert("service", {{"id", "svc-1"}, {"url", "https://hub.example"}, {"version", 5}, {"updated_at", Now()}}).ok());
        REQUIRE(writer.SetText("service", "svc-1", "name", "lv", "Centra nosaukums", true, Now()).ok());
        REQUIRE(writer.Finish().ok());
        REQUIRE(tx->Commit().ok());
    }
    ksync::ClientConfig config;
    config.db_path = w.a_db;
    config.hub_url = w.hub.url();
    config.token = w.token_a;
    auto session = ksync::SyncSession::Open(config);
    REQUIRE(session.ok());
    auto pulled = (*session)->Pull();
    REQUIRE(pulled.ok());
    CHECK(pulled->content_changed);
    CHECK(Query(w.a_db, "SELECT url FROM service WHERE id = 'svc-1'") == "https://hub.example");
    CHECK(ServiceText(w.a_db, "svc-1", "name", "lv") == "Pakalpojums A");
    CHECK(OutboxDepth(w.a_db) == 1);

    // Pushed, it is a conflict on the hub (which kept its text); the kiosk then follows the hub.
    auto pushed = (*session)->Push(std::nullopt);
    REQUIRE(pushed.ok());
    CHECK(pushed->accepted == 1);
    CHECK(w.InboxReason(edit.edit_id) == "accepted:conflict");
    CHECK(ServiceText(w.hub_db, "svc-1", "name", "lv") == "Centra nosaukums");
    REQUIRE((*session)->Pull().ok());
    CHECK(ServiceText(w.a_db, "svc-1", "name", "lv") == "Centra nosaukums");
    CHECK(QueryInt(w.a_db, "SELECT count(*) FROM staff_conflict WHERE status = 'open'") == 1);
}

TEST_CASE("kiosk-hub staff add/remove/list: PIN from stdin, no hashes printed, duplicate PIN refused, audited", "[e2e][staff]") {
    std::string dir = synctest::TempDir("staff-cli");
    std::string hub_db = dir + "/hub.db";
    std::string anna = AddStaff(hub_db, "Anna Bērziņa", "1234");
    auto fails = [&](const std::vector<std::string>& args, const std::string& input, const std::string& code) {
        synctest::RunResult run = synctest::HubWithInput(hub_db, args, input);
        INFO(run.out << run.err);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(code) != std::string::npos);
        CHECK(run.out.empty());
    };
    fails({"staff", "add", "--name", "Bob"}, "1234\n", "staff_pin_taken");
    fails({"staff", "add", "--name", "Bob"}, "12a4\n", "staff_pin_bad");
    fails({"staff", "add", "--name", "Bob"}, "123\n", "staff_pin_bad");
    fails({"staff", "add", "--name", "Bob"}, "123456789\n", "staff_pin_bad");
    fails({"staff", "add", "--name", "Bob"}, "", "staff_pin_bad");
    fails({"staff", "add", "--name", "  "}, "4321\n", "staff_bad_name");
    std::string bob = AddStaff(hub_db, "Bob", "87654321");

    synctest::RunResult list = synctest::Hub(hub_db, {"staff", "list", "--json"});
    CHECK(list.out.find("argon2") == std::string::npos);
    CHECK(list.out.find("pin") == std::string::npos);
    json members = json::parse(list.out);
    REQUIRE(members.size() == 2);
    synctest::RunResult table = synctest::Hub(hub_db, {"staff", "list"});
    CHECK(table.out.find("Anna Bērziņa") != std::string::npos);
    CHECK(table.out.find("argon2") == std::string::npos);
    CHECK(Query(hub_db, "SELECT substr(pin_hash, 1, 10) FROM staff WHERE id = '" + anna + "'") == "$argon2id$");

    synctest::Hub(hub_db, {"staff", "remove", anna});
    fails({"staff", "remove", anna}, "", "staff_removed");
    fails({"staff", "remove", "no-such-id"}, "", "staff_unknown");
    members = json::parse(synctest::Hub(hub_db, {"staff", "list", "--json"}).out);
    for (const json& m : members) {
        if (m["id"] == anna) {
            CHECK(m["active"] == false);
            CHECK(m["removed_at"].get<int64_t>() > 0);
        } else {
            CHECK(m["active"] == true);
            CHECK(m["removed_at"].is_null());
        }
    }
    // Anna's PIN is free again once she is removed.
    AddStaff(hub_db, "Carl", "1234");
    // Staff rows travel to the kiosks like content; the removal row is kept.
    CHECK(QueryInt(hub_db, "SELECT count(*) FROM change_log WHERE tbl = 'staff' AND op = 0") == 3);
    CHECK(QueryInt(hub_db, "SELECT count(*) FROM staff") == 3);

    json audit = AuditJson(hub_db, {});
    REQUIRE(audit.size() == 4);
    CHECK(audit[0]["action"] == "staff_add");
    CHECK(audit[0]["device"] == "hub");
    CHECK(audit[0]["staff_name"] == "Anna Bērziņa");
    CHECK(audit[2]["action"] == "staff_remove");
    CHECK(audit[2]["staff_id"] == anna);
    CHECK(AuditJson(hub_db, {"--staff", bob}).size() == 1);
    fails({"audit", "--since", "2024-02-31"}, "", "audit_bad_date");
    fails({"audit", "--since", "yesterday"}, "", "audit_bad_date");
}
