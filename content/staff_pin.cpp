// content/staff_pin.cpp: staff members' PINs (Argon2id) and the PIN pad's lockout.
//
// Design note
// - Only hashes exist anywhere: the hub hashes a new PIN (HashStaffPin) and the `staff` row
//   syncs to devices like content. A hash is libsodium's crypto_pwhash_str_alg string with
//   ALG_ARGON2ID13; it carries its own salt and cost, so devices verify hashes made with other
//   costs too. The cost here (opslimit 2, 19 MiB) keeps one verification at 32-46 ms CPU on the
//   kiosk's 2 cores, because the pad tries the PIN against every active member in turn; a
//   4-8 digit PIN is guessable offline whatever the cost, so the real defence is the lockout
//   and that the hashes never leave the hub and devices.
// - Lockout state machine, kept in `meta` so a restart does not reset it:
//     open(failures=n<5) --wrong PIN--> open(n+1)            (Wrong, failures=n+1)
//     open(failures=4)   --wrong PIN--> locked(until=now+300) (Wrong, locked_until set; count back to 0)
//     open               --right PIN--> open(0)               (Ok)
//     locked             --any PIN----> locked                (Locked; the PIN is not even checked)
//     locked             --now >= until--> open(0)
//   A lock end further away than kPinLockSeconds (the clock was set back) is cut to
//   now + kPinLockSeconds, so a wrong clock cannot lock staff out for hours.
// - The verification runs outside any transaction (it is slow by design); only reading and
//   writing the counters takes the write lock.
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "base/log.h"
#include "content/staff_internal.h"
#include "content/store.h"

namespace content {
namespace {

constexpr unsigned long long kPinOpsLimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;  // 2 passes
constexpr size_t kPinMemLimit = 19u * 1024u * 1024u;                                        // 19 MiB

constexpr const char* kFailuresKey = "staff_pin_failures";
constexpr const char* kLockedUntilKey = "staff_pin_locked_until";

bool SodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

bool IsPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int64_t MetaInt(Db& db, const char* key) {
    auto value = GetMeta(db, key);
    if (!value.ok()) return 0;
    try {
        return std::stoll(*value);
    } catch (...) {
        // A damaged counter must not unlock the pad forever nor lock it forever: start over.
        return 0;
    }
}

Status PutMeta(Db& db, const char* key, int64_t value) {
    Stmt stmt = TRY_VALUE(db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    stmt.Bind(1, key).Bind(2, std::to_string(value));
    return stmt.Run();
}

struct PinCandidate {
    StaffMember member;
    std::string pin_hash;
};

}  // namespace

Result<std::string> HashStaffPin(const std::string& pin) {
    if (!IsPin(pin)) return base::MakeError("staff_pin_bad", "a PIN is 4 to 8 digits");
    if (!SodiumReady()) return base::MakeError("staff_crypto_failed", "libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return base::MakeError("staff_crypto_failed", "Argon2id hashing ran out of memory");
    }
    return std::string(out);
}

bool StaffPinMatches(const std::string& pin_hash, const std::string& pin) {
    if (!SodiumReady() || pin_hash.rfind("$argon2id$", 0) != 0 || pin_hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(pin_hash.c_str(), pin.data(), pin.size()) == 0;
}

Result<std::vector<StaffMember>> ListStaff(Db& db, bool include_removed) {
    Stmt stmt = TRY_VALUE(db.Prepare(std::string("SELECT id, name, created_at, removed_at FROM staff") +
                                     (include_removed ? "" : " WHERE removed_at IS NULL") + " ORDER BY name, id"));
    std::vector<StaffMember> members;
    while (TRY_VALUE(stmt.Step())) {
        StaffMember member;
        member.id = stmt.Text(0);
        member.name = stmt.Text(1);
        member.created_at = stmt.Int(2);
        member.removed_at = stmt.OptInt(3);
        members.push_back(std::move(member));
    }
    return members;
}

Result<PinCheck> CheckStaffPin(Db& db, const std::string& pin, int64_t now_utc) {
    PinCheck check;
    int64_t locked_until = MetaInt(db, kLockedUntilKey);
    if (locked_until > now_utc) {
        if (locked_until > now_utc + kPinLockSeconds) {
            locked_until = now_utc + kPinLockSeconds;
            auto tx = TRY_VALUE(Transaction::Begin(db));
            TRY(PutMeta(db, kLockedUntilKey, locked_until));
            TRY(tx.Commit());
        }
        check.outcome = PinCheck::Outcome::Locked;
        check.locked_until = locked_until;
        return check;
    }

    std::vector<PinCandidate> candidates;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, name, created_at, pin_hash FROM staff WHERE removed_at IS NULL ORDER BY id"));
        while (TRY_VALUE(stmt.Step())) {
            PinCandidate candidate;
            candidate.member.id = stmt.Text(0);
            candidate.member.name = stmt.Text(1);
            candidate.member.created_at = stmt.Int(2);
            candidate.pin_hash = stmt.Text(3);
            candidates.push_back(std::move(candidate));
        }
    }
    std::optional<StaffMember> matched;
    if (IsPin(pin)) {
        for (const PinCandidate& candidate : candidates) {
            if (StaffPinMatches(candidate.pin_hash, pin)) {
                matched = candidate.member;
                break;
            }
        }
    }

    auto tx = TRY_VALUE(Transaction::Begin(db));
    // Another connection may have locked the pad while this one verified.
    locked_until = MetaInt(db, kLockedUntilKey);
    if (locked_until > now_utc) {
        check.outcome = PinCheck::Outcome::Locked;
        check.locked_until = std::min(locked_until, now_utc + kPinLockSeconds);
        return check;
    }
    if (matched) {
        TRY(PutMeta(db, kFailuresKey, 0));
        TRY(PutMeta(db, kLockedUntilKey, 0));
        TRY(tx.Commit());
        check.outcome = PinCheck::Outcome::Ok;
        check.staff = std::move(matched);
        base::LogInfo("staff_pin_ok", "staff=" + check.staff->id);
        return check;
    }
    int failures = (int)std::clamp<int64_t>(MetaInt(db, kFailuresKey), 0, kPinFailuresBeforeLock) + 1;
    check.outcome = PinCheck::Outcome::Wrong;
    check.failures = failures;
    if (failures >= kPinFailuresBeforeLock) {
        check.locked_until = now_utc + kPinLockSeconds;
        TRY(PutMeta(db, kFailuresKey, 0));
        TRY(PutMeta(db, kLockedUntilKey, check.locked_until));
        base::LogWarn("staff_pin_locked", "pad locked until " + std::to_string(check.locked_until));
    } else {
        TRY(PutMeta(db, kFailuresKey, failures));
        base::LogInfo("staff_pin_wrong", "failures=" + std::to_string(failures));
    }
    TRY(tx.Commit());
    return check;
}

}  // namespace content
