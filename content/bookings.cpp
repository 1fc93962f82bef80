// content/bookings.cpp: validation, submission, and the outbox (see bookings.h for the design).
//
// Booking state machine (booking.status):
//   (none) --SubmitBooking--> received --AcknowledgeOutbox(Accepted|Duplicate)--> confirmed
//                                      \--AcknowledgeOutbox(Rejected)----------> rejected
// Outbox row life: EnqueueOutbox/SubmitBooking insert it; RecordOutboxFailure counts attempts;
// AcknowledgeOutbox deletes it. Invariants: a booking in 'received' has exactly one outbox row
// (ref_id = booking id) holding the visitor's personal data; a confirmed or rejected booking
// has none, and its personal data exists nowhere in the database file or the WAL once the
// acknowledgement's checkpoint has run (secure_delete zeroes freed cells and pages; the
// checkpoint truncates the WAL, whose old frames would otherwise still hold the payload).
#include "content/bookings.h"

#include <nlohmann/json.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <random>

#include "base/log.h"
#include "base/text_safety.h"
#include "content/queries.h"
#include "content/queries_internal.h"
#include "content/store.h"
#include "content/text.h"

namespace content {

namespace {

using nlohmann::json;

// No 0/O, 1/I/L, 5/S, 2/Z or B: a visitor reads the code aloud or types it from a phone photo.
constexpr char kReferenceAlphabet[] = "346789ACDEFGHJKMNPQRTUVWXY";
constexpr int kReferenceLength = 4;

std::string Trim(const std::string& text) {
    size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    size_t end = text.find_last_not_of(" \t\r\n");
    return text.substr(start, end - start + 1);
}

int32_t CodePoints(const std::string& utf8) {
    return icu::UnicodeString::fromUTF8(utf8).countChar32();
}

bool IsEmail(const std::string& value) {
    // Deliberately permissive: one '@', a non-empty local part, a dotted domain, no spaces.
    size_t at = value.find('@');
    if (at == std::string::npos || at == 0 || value.find('@', at + 1) != std::string::npos) return false;
    if (value.find_first_of(" \t\r\n,;<>") != std::string::npos) return false;
    std::string domain = value.substr(at + 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
    if (domain.find("..") != std::string::npos || domain.front() == '-' || domain.front() == '.') return false;
    return value.size() <= 254;
}

bool IsPhone(const std::string& value) {
    // An optional leading '+', then digits with spaces, dashes, dots or parentheses between;
    // 6 to 15 digits (E.164 allows 15; Latvian numbers have 8).
    int digits = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '+') {
            if (i != 0) return false;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
            return false;
        }
    }
    return digits >= 6 && digits <= 15;
}

bool IsDate(const std::string& value) {
    int y, m, d, n = 0;
    if (std::sscanf(value.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || value.size() != 10) return false;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool IsTruthy(const std::string& value) {
    return value == "true" || value == "1" || value == "yes" || value == "on";
}

// Whole-value match with an ICU regular expression. A pattern the content got wrong must not
// lock visitors out of booking: it is logged and the check is skipped.
bool MatchesPattern(const std::string& pattern, const std::string& value) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
    if (U_FAILURE(status) || !compiled) {
        base::LogWarn("booking_bad_pattern", "pattern=" + pattern + " error=" + u_errorName(status));
        return true;
    }
    icu::UnicodeString input = icu::UnicodeString::fromUTF8(value);
    std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
    if (U_FAILURE(status) || !matcher) return true;
    bool matched = matcher->matches(status);
    return U_SUCCESS(status) && matched;
}

const char* ProblemName(FieldProblem problem) {
    switch (problem) {
        case FieldProblem::Missing: return "missing";
        case FieldProblem::TooShort: return "too_short";
        case FieldProblem::TooLong: return "too_long";
        case FieldProblem::PatternMismatch: return "pattern_mismatch";
        case FieldProblem::InvalidEmail: return "invalid_email";
        case FieldProblem::InvalidPhone: return "invalid_phone";
        case FieldProblem::InvalidChoice: return "invalid_choice";
        case FieldProblem::SessionFull: return "session_full";
        case FieldProblem::Unknown: return "unknown_field";
    }
    return "unknown";
}

Result<std::vector<FieldError>> Validate(Db& db, const BookingRequest& request, const std::string& lang,
                                         std::map<std::string, std::string>* clean) {
    BookingForm form = TRY_VALUE(GetBookingForm(db, request.form_id, lang));
    std::map<std::string, std::string> values;
    std::vector<FieldError> problems;
    for (const auto& [key, raw] : request.values) {
        auto normalized = NormalizeNfc(raw);
        // Control and bidi-override characters (a hardware keyboard can type some) would reach the
        // centre's terminals and spreadsheets; the hub refuses them too.
        if (!normalized.ok() || base::HasUnsafeText(*normalized, /*allow_newlines=*/true)) {
            problems.push_back({key, FieldProblem::PatternMismatch, {}});
            continue;
        }
        values[key] = Trim(*normalized);
    }
    for (const auto& entry : values) {
        // clang 14 (the fuzz preset) cannot capture a structured binding in a lambda.
        const std::string& key = entry.first;
        bool known = std::any_of(form.fields.begin(), form.fields.end(), [&](const FormField& f) { return f.key == key; });
        if (!known) problems.push_back({key, FieldProblem::Unknown, {}});
    }
    std::string session_id = request.session_id;
    for (const FormField& field : form.fields) {
        auto it = values.find(field.key);
        std::string value = it == values.end() ? std::string() : it->second;
        auto add = [&](FieldProblem problem) { problems.push_back({field.key, problem, field.error}); };
        if (field.type == "consent") {
            if (field.required && !IsTruthy(value)) add(FieldProblem::Missing);
            continue;
        }
        if (value.empty()) {
            if (field.required) add(FieldProblem::Missing);
            continue;
        }
        int32_t length = CodePoints(value);
        if (field.min_length && length < *field.min_length) {
            add(FieldProblem::TooShort);
            continue;
        }
        if (field.max_length && length > *field.max_length) {
            add(FieldProblem::TooLong);
            continue;
        }
        if (field.type == "email" && !IsEmail(value)) {
            add(FieldProblem::InvalidEmail);
            continue;
        }
        if (field.type == "phone" && !IsPhone(value)) {
            add(FieldProblem::InvalidPhone);
            continue;
        }
        if (field.type == "date" && !IsDate(value)) {
            add(FieldProblem::PatternMismatch);
            continue;
        }
        if (field.type == "choice") {
            bool valid = std::any_of(field.options.begin(), field.options.end(),
                                     [&](const FormOption& option) { return option.value == value; });
            if (!valid) {
                add(FieldProblem::InvalidChoice);
                continue;
            }
        }
        if (!field.pattern.empty() && !MatchesPattern(field.pattern, value)) {
            add(FieldProblem::PatternMismatch);
            continue;
        }
        if (field.type == "session") {
            if (!session_id.empty() && session_id != value) {
                add(FieldProblem::InvalidChoice);
                continue;
            }
            session_id = value;
        }
    }
    if (!session_id.empty()) {
        std::string key = "session";
        for (const FormField& field : form.fields) {
            if (field.type == "session") key = field.key;
        }
        auto session = GetSession(db, session_id, lang);
        if (!session.ok()) {
            if (session.error().code != "not_found") return session.error();
            problems.push_back({key, FieldProblem::Unknown, {}});
        } else if (session->cancelled || session->seats_left <= 0) {
            problems.push_back({key, FieldProblem::SessionFull, {}});
        }
    }
    if (clean) *clean = std::move(values);
    return problems;
}

std::string NewReference(const std::string& prefix) {
    static thread_local std::random_device device;
    std::string code = prefix + "-";
    const int alphabet = (int)sizeof(kReferenceAlphabet) - 1;
    for (int i = 0; i < kReferenceLength; ++i) code.push_back(kReferenceAlphabet[device() % (unsigned)alphabet]);
    return code;
}

}  // namespace

Result<bool> WipeFreedPersonalData(Db& db) {
    // A short wait: a reader that holds the WAL is waited for by retrying (the sync thread does,
    // every 250 ms), not by blocking for the connection's full busy timeout per acknowledgement.
    sqlite3_busy_timeout(db.raw(), 100);
    Stmt stmt = TRY_VALUE(db.Prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
    auto row = stmt.Step();
    sqlite3_busy_timeout(db.raw(), kBusyTimeoutMs);
    if (!row.ok()) return row.error();
    if (*row && stmt.Int(0) != 0) {
        base::LogInfo("booking_checkpoint_busy", "a reader holds the WAL; the wipe is tried again");
        return false;
    }
    return true;
}

Result<std::vector<FieldError>> ValidateBooking(Db& db, const BookingRequest& request, const std::string& lang) {
    detail::ReadScope scope(db);
    return Validate(db, request, lang, nullptr);
}

Result<BookingReceipt> SubmitBooking(Db& db, const BookingRequest& request, int64_t now_utc) {
    // Validation runs inside the write transaction, so the seat count it checks cannot change
    // before the booking is stored.
    auto tx = TRY_VALUE(Transaction::Begin(db));
    std::map<std::string, std::string> values;
    std::string lang = request.visitor_lang.empty() ? "en" : request.visitor_lang;
    std::vector<FieldError> problems = TRY_VALUE(Validate(db, request, lang, &values));
    if (!problems.empty()) {
        std::string message = "form " + request.form_id + ":";
        for (const FieldError& problem : problems) message += " " + problem.key + "=" + ProblemName(problem.problem);
        return base::MakeError("booking_invalid", message);
    }
    std::string session_id = request.session_id;
    if (session_id.empty()) {
        // A form's session field carries the session when the request does not.
        BookingForm form = TRY_VALUE(GetBookingForm(db, request.form_id, lang));
        for (const FormField& field : form.fields) {
            if (field.type == "session" && values.count(field.key)) session_id = values[field.key];
        }
    }
    std::string service_id = request.service_id;
    if (service_id.empty() && !session_id.empty()) {
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT coalesce(ser.service_id, '') FROM course_session cs JOIN course_series ser ON ser.id = cs.series_id "
            "WHERE cs.id = ?1"));
        stmt.Bind(1, session_id);
        if (TRY_VALUE(stmt.Step())) service_id = stmt.Text(0);
    }

    std::string prefix = "NIC";
    if (auto configured = GetMeta(db, "booking_reference_prefix"); configured.ok() && !configured->empty()) prefix = *configured;
    BookingReceipt receipt;
    receipt.booking_id = NewUuid();
    receipt.created_at = now_utc;
    // 26^4 = 456 976 codes: collisions are rare but possible over a kiosk's life; retry.
    for (int attempt = 0; attempt < 50 && receipt.reference.empty(); ++attempt) {
        std::string candidate = NewReference(prefix);
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT 1 FROM booking WHERE reference = ?1"));
        stmt.Bind(1, candidate);
        if (!TRY_VALUE(stmt.Step())) receipt.reference = candidate;
    }
    if (receipt.reference.empty()) return base::MakeError("booking_no_reference", "no free reference code after 50 tries");

    Stmt booking = TRY_VALUE(db.Prepare(
        "INSERT INTO booking (id, reference, form_id, service_id, session_id, created_at, status, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'received', ?6)"));
    booking.Bind(1, receipt.booking_id).Bind(2, receipt.reference).Bind(3, request.form_id);
    booking.Bind(4, service_id.empty() ? std::optional<std::string>() : std::optional<std::string>(service_id));
    booking.Bind(5, session_id.empty() ? std::optional<std::string>() : std::optional<std::string>(session_id));
    booking.Bind(6, now_utc);
    TRY(booking.Run());

    json payload = {{"booking_id", receipt.booking_id},
                    {"reference", receipt.reference},
                    {"form_id", request.form_id},
                    {"service_id", service_id},
                    {"session_id", session_id},
                    {"visitor_lang", request.visitor_lang},
                    {"created_at", now_utc},
                    {"values", values}};
    Stmt outbox = TRY_VALUE(db.Prepare(
        "INSERT INTO outbox (op_id, kind, ref_id, payload, created_at) VALUES (?1, 'booking', ?2, ?3, ?4)"));
    outbox.Bind(1, NewUuid()).Bind(2, receipt.booking_id).Bind(3, payload.dump()).Bind(4, now_utc);
    TRY(outbox.Run());
    TRY(tx.Commit());
    base::LogInfo("booking_received", "reference=" + receipt.reference);
    return receipt;
}

Result<BookingStatus> GetBookingStatus(Db& db, const std::string& booking_id) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, reference, status, coalesce(status_reason, '') FROM booking WHERE id = ?1"));
    stmt.Bind(1, booking_id);
    if (!TRY_VALUE(stmt.Step())) return detail::NotFound("booking", booking_id);
    return BookingStatus{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3)};
}

Result<std::vector<OutboxItem>> PeekOutbox(Db& db, int limit) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT seq, op_id, kind, coalesce(ref_id, ''), payload, created_at, attempts FROM outbox ORDER BY seq LIMIT ?1"));
    stmt.Bind(1, (int64_t)std::max(limit, 0));
    std::vector<OutboxItem> items;
    while (TRY_VALUE(stmt.Step())) {
        OutboxItem item;
        item.seq = stmt.Int(0);
        item.op_id = stmt.Text(1);
        item.kind = stmt.Text(2);
        item.ref_id = stmt.Text(3);
        item.payload = stmt.Text(4);
        item.created_at = stmt.Int(5);
        item.attempts = (int)stmt.Int(6);
        items.push_back(std::move(item));
    }
    return items;
}

Result<int64_t> OutboxDepth(Db& db) { return db.QueryInt("SELECT count(*) FROM outbox"); }

Result<std::string> EnqueueOutbox(Db& db, const std::string& kind, const std::string& ref_id,
                                  const std::string& payload_json, int64_t now_utc) {
    if (kind != "staff_edit" && kind != "health" && kind != "conflict_resolution") {
        return base::MakeError("outbox_bad_kind", "'" + kind + "' cannot be queued here (bookings go through SubmitBooking)");
    }
    if (!json::accept(payload_json)) {
        return base::MakeError("outbox_bad_payload", kind + " payload is not valid JSON (" +
                                                         std::to_string(payload_json.size()) + " bytes)");
    }
    std::string op_id = NewUuid();
    Stmt stmt = TRY_VALUE(db.Prepare("INSERT INTO outbox (op_id, kind, ref_id, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    stmt.Bind(1, op_id).Bind(2, kind).Bind(3, ref_id).Bind(4, payload_json).Bind(5, now_utc);
    TRY(stmt.Run());
    return op_id;
}

Status AcknowledgeOutbox(Db& db, const std::string& op_id, AckResult result, const std::string& reason) {
    {
        auto tx = TRY_VALUE(Transaction::Begin(db));
        Stmt find = TRY_VALUE(db.Prepare("SELECT kind, coalesce(ref_id, '') FROM outbox WHERE op_id = ?1"));
        find.Bind(1, op_id);
        if (!TRY_VALUE(find.Step())) {
            // Acknowledging twice (a retried response) is harmless: the first one did the work.
            base::LogDebug("outbox_ack_unknown", "op_id=" + op_id);
            return base::Ok();
        }
        std::string kind = find.Text(0);
        std::string ref_id = find.Text(1);
        find.Reset();
        Stmt remove = TRY_VALUE(db.Prepare("DELETE FROM outbox WHERE op_id = ?1"));
        remove.Bind(1, op_id);
        TRY(remove.Run());
        if (kind == "booking") {
            Stmt status = TRY_VALUE(db.Prepare(
                "UPDATE booking SET status = ?2, status_reason = ?3, updated_at = max(updated_at, created_at) WHERE id = ?1"));
            status.Bind(1, ref_id).Bind(2, result == AckResult::Rejected ? "rejected" : "confirmed");
            status.Bind(3, reason.empty() ? std::optional<std::string>() : std::optional<std::string>(reason));
            TRY(status.Run());
        }
        TRY(tx.Commit());
    }
    auto wiped = WipeFreedPersonalData(db);
    if (!wiped.ok()) base::LogWarn("booking_checkpoint_failed", wiped.error().message);
    return base::Ok();
}

Status RecordOutboxFailure(Db& db, const std::string& op_id, const std::string& error, int64_t now_utc) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?2, last_error = ?3 WHERE op_id = ?1"));
    stmt.Bind(1, op_id).Bind(2, now_utc).Bind(3, error.substr(0, 500));
    TRY(stmt.Run());
    if (db.Changes() == 0) return base::MakeError("not_found", "no outbox operation '" + op_id + "'");
    return base::Ok();
}

}  // namespace content
