// tests/content/staff_pin_test.cpp: Argon2id PIN hashes, the PIN pad and its lockout, which
// must survive a restart (a reopened database).
#include "content/staff_edit.h"
#include "content/store.h"
#include "content_fixture.h"

using content_test::Check;
using content_test::Value;
using nlohmann::json;
using Outcome = content::PinCheck::Outcome;

namespace {

void AddStaff(content::Db& db, const std::string& id, const std::string& name, const std::string& pin,
              std::optional<int64_t> removed_at = std::nullopt) {
    std::string hash = Value(content::HashStaffPin(pin));
    auto tx = Value(content::Transaction::Begin(db));
    content::ContentWriter writer(db);
    json row = {{"id", id}, {"name", name}, {"pin_hash", hash}, {"created_at", 1}};
    if (removed_at) row["removed_at"] = *removed_at;
    Check(writer.Upsert("staff", row));
    Check(tx.Commit());
}

std::string PinMeta(content::Db& db, const std::string& key) {
    auto value = content::GetMeta(db, key);
    return value.ok() ? *value : "<absent>";
}

}  // namespace

TEST_CASE("A PIN hash is Argon2id, salted, and matches only its PIN", "[staff][staff_pin]") {
    std::string hash = Value(content::HashStaffPin("2468"));
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK(content::StaffPinMatches(hash, "2468"));
    CHECK_FALSE(content::StaffPinMatches(hash, "2469"));
    CHECK_FALSE(content::StaffPinMatches(hash, ""));
    CHECK_FALSE(content::StaffPinMatches("not a hash", "2468"));
    CHECK(Value(content::HashStaffPin("2468")) != hash);  // a fresh salt each time
    CHECK(Value(content::HashStaffPin("12345678")).rfind("$argon2id$", 0) == 0);

    for (const char* bad : {"", "123", "123456789", "12a4", "12 34", "١٢٣٤"}) {
        INFO(bad);
        auto refused = content::HashStaffPin(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == "staff_pin_bad");
    }
}

TEST_CASE("The PIN pad finds the member, counts wrong PINs and locks after five", "[staff][staff_pin]") {
    std::string path = content_test::TempDbPath("staff_pin");
    {
        content::Db db = Value(content::Db::Open(path));
        AddStaff(db, "staff-a", "Anna", "1111");
        AddStaff(db, "staff-b", "Boris", "2222");

        content::PinCheck ok = Value(content::CheckStaffPin(db, "2222", 1000));
        CHECK(ok.outcome == Outcome::Ok);
        REQUIRE(ok.staff);
        CHECK(ok.staff->id == "staff-b");
        CHECK(ok.staff->name == "Boris");

        for (int i = 1; i <= 4; ++i) {
            content::PinCheck wrong = Value(content::CheckStaffPin(db, "9999", 1000 + i));
            CHECK(wrong.outcome == Outcome::Wrong);
            CHECK(wrong.failures == i);
            CHECK(wrong.locked_until == 0);
        }
        CHECK(PinMeta(db, "staff_pin_failures") == "4");
        content::PinCheck fifth = Value(content::CheckStaffPin(db, "12", 1010));  // malformed counts too
        CHECK(fifth.outcome == Outcome::Wrong);
        CHECK(fifth.failures == 5);
        CHECK(fifth.locked_until == 1010 + content::kPinLockSeconds);

        // Locked: even the right PIN is refused.
        content::PinCheck locked = Value(content::CheckStaffPin(db, "1111", 1100));
        CHECK(locked.outcome == Outcome::Locked);
        CHECK(locked.locked_until == 1310);
        CHECK_FALSE(locked.staff);
    }
    {
        // A restart (a new connection) does not lift the lock.
        content::Db db = Value(content::Db::Open(path));
        CHECK(PinMeta(db, "staff_pin_locked_until") == "1310");
        CHECK(Value(content::CheckStaffPin(db, "1111", 1309)).outcome == Outcome::Locked);
        // After five minutes the pad opens, and the right PIN works and resets the count.
        content::PinCheck after = Value(content::CheckStaffPin(db, "1111", 1310));
        CHECK(after.outcome == Outcome::Ok);
        REQUIRE(after.staff);
        CHECK(after.staff->id == "staff-a");
        CHECK(PinMeta(db, "staff_pin_failures") == "0");
        // The count starts over after the lock: one wrong PIN is failure 1, not 6.
        CHECK(Value(content::CheckStaffPin(db, "0000", 1320)).failures == 1);
        CHECK(Value(content::CheckStaffPin(db, "1111", 1321)).outcome == Outcome::Ok);
        CHECK(Value(content::CheckStaffPin(db, "0000", 1322)).failures == 1);
    }
}

TEST_CASE("A removed staff member cannot log in and is listed only on request", "[staff][staff_pin]") {
    content::Db db = content_test::OpenTemp("staff_removed");
    AddStaff(db, "staff-a", "Anna", "1111");
    AddStaff(db, "staff-z", "Zane", "3333", 500);
    content::PinCheck removed = Value(content::CheckStaffPin(db, "3333", 1000));
    CHECK(removed.outcome == Outcome::Wrong);
    CHECK(removed.failures == 1);
    CHECK_FALSE(removed.staff);

    auto active = Value(content::ListStaff(db, false));
    REQUIRE(active.size() == 1);
    CHECK(active[0].id == "staff-a");
    CHECK_FALSE(active[0].removed_at);
    auto all = Value(content::ListStaff(db, true));
    REQUIRE(all.size() == 2);
    CHECK(all[1].id == "staff-z");
    CHECK(all[1].removed_at == std::optional<int64_t>(500));
}

TEST_CASE("A lock end far in the future (clock set back) is cut to five minutes", "[staff][staff_pin]") {
    content::Db db = content_test::OpenTemp("staff_clock");
    AddStaff(db, "staff-a", "Anna", "1111");
    Check(db.Exec("INSERT INTO meta (key, value) VALUES ('staff_pin_locked_until', '999999999')"));
    content::PinCheck locked = Value(content::CheckStaffPin(db, "1111", 1000));
    CHECK(locked.outcome == Outcome::Locked);
    CHECK(locked.locked_until == 1000 + content::kPinLockSeconds);
    CHECK(Value(content::CheckStaffPin(db, "1111", 1000 + content::kPinLockSeconds)).outcome == Outcome::Ok);
}
