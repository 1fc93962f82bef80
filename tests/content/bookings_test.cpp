// tests/content/bookings_test.cpp: validation, atomic submission, reference codes, the outbox,
// and that a visitor's personal data is gone from the files once the hub acknowledged it.
#include <regex>
#include <set>

#include "content/bookings.h"
#include "content/queries.h"
#include "content_fixture.h"

using namespace content_test;
using content::FieldProblem;

namespace {

constexpr int64_t kNow = 1796000000;

void BuildForms(content::Db& db) {
    Builder build(db);
    build.Organization("o", {{"en", "Centre"}});
    build.Service("svc", "o", {{"en", "Consultation"}});
    build.Row("booking_form", {{"id", "consult"}, {"kind", "consultation"}});
    build.Row("booking_form_field", {{"id", "f-name"}, {"form_id", "consult"}, {"position", 1}, {"key", "name"}, {"type", "text"},
                                     {"required", 1}, {"min_length", 2}, {"max_length", 40}, {"pattern", "[\\p{L} .'-]+"}});
    build.Text("booking_form_field", "f-name", "error", {{"en", "Write your name with letters"}, {"lv", "Ierakstiet vārdu"}});
    build.Row("booking_form_field", {{"id", "f-phone"}, {"form_id", "consult"}, {"position", 2}, {"key", "phone"}, {"type", "phone"}, {"required", 1}});
    build.Row("booking_form_field", {{"id", "f-email"}, {"form_id", "consult"}, {"position", 3}, {"key", "email"}, {"type", "email"}});
    build.Row("booking_form_field", {{"id", "f-lang"}, {"form_id", "consult"}, {"position", 4}, {"key", "language"}, {"type", "choice"},
                                     {"required", 1}, {"options", json::array({"lv", "ru", "en"})}});
    build.Row("booking_form_field", {{"id", "f-topic"}, {"form_id", "consult"}, {"position", 5}, {"key", "topic"}, {"type", "multiline"}, {"max_length", 500}});
    build.Row("booking_form_field", {{"id", "f-consent"}, {"form_id", "consult"}, {"position", 6}, {"key", "consent"}, {"type", "consent"}, {"required", 1}});

    build.Row("booking_form", {{"id", "course"}, {"kind", "course"}});
    build.Row("booking_form_field", {{"id", "c-name"}, {"form_id", "course"}, {"position", 1}, {"key", "name"}, {"type", "text"}, {"required", 1}});
    build.Row("booking_form_field", {{"id", "c-session"}, {"form_id", "course"}, {"position", 2}, {"key", "session"}, {"type", "session"}, {"required", 1}});
    build.Row("course_series", {{"id", "series"}, {"service_id", "svc"}, {"kind", "language_course"}, {"capacity", 2},
                                {"dtstart", "2026-12-01T18:00:00"}, {"duration_minutes", 90}, {"booking_form_id", "course"}});
    build.Row("course_session", {{"id", "open"}, {"series_id", "series"}, {"starts_at", kNow + 86400}, {"ends_at", kNow + 90000},
                                 {"local_start", "2026-12-01T18:00"}, {"capacity", 2}, {"seats_taken", 1}});
    build.Row("course_session", {{"id", "full"}, {"series_id", "series"}, {"starts_at", kNow + 2 * 86400}, {"ends_at", kNow + 2 * 86400 + 5400},
                                 {"local_start", "2026-12-02T18:00"}, {"capacity", 2}, {"seats_taken", 2}});
    build.Row("course_session", {{"id", "off"}, {"series_id", "series"}, {"starts_at", kNow + 3 * 86400}, {"ends_at", kNow + 3 * 86400 + 5400},
                                 {"local_start", "2026-12-03T18:00"}, {"capacity", 2}, {"status", "cancelled"}});
    build.Done();
}

content::BookingRequest GoodConsultation() {
    content::BookingRequest request;
    request.form_id = "consult";
    request.service_id = "svc";
    request.visitor_lang = "en";
    request.values = {{"name", "Anna Bērziņa"}, {"phone", "+371 20 123 456"}, {"email", "anna@example.lv"},
                      {"language", "ru"}, {"topic", "Residence permit"}, {"consent", "true"}};
    return request;
}

std::vector<content::FieldError> Problems(content::Db& db, const content::BookingRequest& request, const std::string& lang = "en") {
    return Value(content::ValidateBooking(db, request, lang));
}

content::BookingRequest With(content::BookingRequest request, const std::string& key, const std::string& value) {
    bool found = false;
    for (auto& [k, v] : request.values) {
        if (k == key) {
            v = value;
            found = true;
        }
    }
    if (!found) request.values.push_back({key, value});
    return request;
}

void ExpectOneProblem(content::Db& db, const content::BookingRequest& request, const std::string& key, FieldProblem problem) {
    auto problems = Problems(db, request);
    INFO("key " << key);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key == key);
    CHECK(problems[0].problem == problem);
}

int64_t Count(content::Db& db, const std::string& sql) { return Value(db.QueryInt(sql)); }

}  // namespace

TEST_CASE("A complete booking validates without problems", "[content][bookings]") {
    content::Db db = OpenTemp("bookings_valid");
    BuildForms(db);
    CHECK(Problems(db, GoodConsultation()).empty());
    // Optional fields may be left out; surrounding spaces do not count.
    auto request = GoodConsultation();
    request.values = {{"name", "  Li  "}, {"phone", "20123456"}, {"language", "lv"}, {"consent", "1"}};
    CHECK(Problems(db, request).empty());
}

TEST_CASE("Each validation problem is reported for its field", "[content][bookings]") {
    content::Db db = OpenTemp("bookings_problems");
    BuildForms(db);
    const auto good = GoodConsultation();
    ExpectOneProblem(db, With(good, "name", ""), "name", FieldProblem::Missing);
    ExpectOneProblem(db, With(good, "name", "   "), "name", FieldProblem::Missing);
    ExpectOneProblem(db, With(good, "name", "A"), "name", FieldProblem::TooShort);
    // Length is counted in characters, not bytes: 40 "Ā" (80 bytes) fit, 41 do not.
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "Ā";
    CHECK(Problems(db, With(good, "name", forty)).empty());
    ExpectOneProblem(db, With(good, "name", forty + "Ā"), "name", FieldProblem::TooLong);
    ExpectOneProblem(db, With(good, "name", "Anna 3"), "name", FieldProblem::PatternMismatch);
    ExpectOneProblem(db, With(good, "email", "anna@"), "email", FieldProblem::InvalidEmail);
    ExpectOneProblem(db, With(good, "email", "anna example.lv"), "email", FieldProblem::InvalidEmail);
    ExpectOneProblem(db, With(good, "phone", "20 12 ab"), "phone", FieldProblem::InvalidPhone);
    ExpectOneProblem(db, With(good, "phone", "123"), "phone", FieldProblem::InvalidPhone);
    ExpectOneProblem(db, With(good, "language", "de"), "language", FieldProblem::InvalidChoice);
    ExpectOneProblem(db, With(good, "consent", "false"), "consent", FieldProblem::Missing);
    ExpectOneProblem(db, With(good, "favourite_colour", "blue"), "favourite_colour", FieldProblem::Unknown);

    // The form's own message for the field comes with the problem, in the reader's language.
    auto problems = Problems(db, With(good, "name", "A"), "lv");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].form_message.text == "Ierakstiet vārdu");

    // Several problems at once, one per field.
    auto request = good;
    request.values = {{"name", "1"}};
    std::set<std::string> keys;
    for (const auto& problem : Problems(db, request)) keys.insert(problem.key);
    CHECK(keys == std::set<std::string>{"name", "phone", "language", "consent"});

    auto unknown_form = good;
    unknown_form.form_id = "nope";
    auto result = content::ValidateBooking(db, unknown_form, "en");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "not_found");
}

TEST_CASE("A full or cancelled session is refused", "[content][bookings]") {
    content::Db db = OpenTemp("bookings_full");
    BuildForms(db);
    content::BookingRequest request;
    request.form_id = "course";
    request.visitor_lang = "en";
    request.values = {{"name", "Olga"}, {"session", "open"}};
    CHECK(Problems(db, request).empty());
    ExpectOneProblem(db, With(request, "session", "full"), "session", FieldProblem::SessionFull);
    ExpectOneProblem(db, With(request, "session", "off"), "session", FieldProblem::SessionFull);
    ExpectOneProblem(db, With(request, "session", "no-such-session"), "session", FieldProblem::Unknown);

    // The last seat: one booking takes it (pending in the outbox), the next is refused.
    auto receipt = Value(content::SubmitBooking(db, request, kNow));
    CHECK(Value(content::GetBookingStatus(db, receipt.booking_id)).status == "received");
    auto second = content::SubmitBooking(db, With(request, "name", "Pēteris"), kNow);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == "booking_invalid");
    CHECK(second.error().message.find("session=session_full") != std::string::npos);
    CHECK(Count(db, "SELECT count(*) FROM booking") == 1);
    // The booking knows its service through the session's series.
    CHECK(Count(db, "SELECT count(*) FROM booking WHERE service_id = 'svc' AND session_id = 'open'") == 1);
}

TEST_CASE("SubmitBooking writes the booking and its outbox row together", "[content][bookings]") {
    content::Db db = OpenTemp("bookings_submit");
    BuildForms(db);
    auto receipt = Value(content::SubmitBooking(db, GoodConsultation(), kNow));
    CHECK(std::regex_match(receipt.reference, std::regex("NIC-[346789ACDEFGHJKMNPQRTUVWXY]{4}")));
    CHECK(receipt.created_at == kNow);
    CHECK(Count(db, "SELECT count(*) FROM booking") == 1);
    auto outbox = Value(content::PeekOutbox(db, 10));
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].kind == "booking");
    CHECK(outbox[0].ref_id == receipt.booking_id);
    json payload = json::parse(outbox[0].payload);
    CHECK(payload["values"]["name"] == "Anna Bērziņa");
    CHECK(payload["reference"] == receipt.reference);
    CHECK(payload["service_id"] == "svc");
    CHECK(Value(content::OutboxDepth(db)) == 1);
    // The booking row itself holds no personal data.
    auto row = Value(db.Prepare("SELECT * FROM booking"));
    REQUIRE(Value(row.Step()));
    for (int col = 0; col < row.ColumnCount(); ++col) {
        CHECK(row.Text(col).find("Anna") == std::string::npos);
        CHECK(row.Text(col).find("20 123 456") == std::string::npos);
    }

    // When the outbox row cannot be written, the booking is not written either.
    Check(db.Exec("CREATE TEMP TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));
    auto failed = content::SubmitBooking(db, GoodConsultation(), kNow);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.find("disk full") != std::string::npos);
    CHECK(Count(db, "SELECT count(*) FROM booking") == 1);
    CHECK(Value(content::OutboxDepth(db)) == 1);

    auto invalid = content::SubmitBooking(db, With(GoodConsultation(), "phone", "x"), kNow);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().code == "booking_invalid");
    CHECK(invalid.error().message.find("phone=invalid_phone") != std::string::npos);
}

TEST_CASE("Reference codes are unique and use the configured prefix", "[content][bookings]") {
    content::Db db = OpenTemp("bookings_refs");
    BuildForms(db);
    std::set<std::string> references;
    for (int i = 0; i < 200; ++i) references.insert(Value(content::SubmitBooking(db, GoodConsultation(), kNow + i)).reference);
    CHECK(references.size() == 200);
    Builder build(db);
    Check(build.writer().SetMeta("booking_reference_prefix", "DGP"));
    build.Done();
    CHECK(Value(content::SubmitBooking(db, GoodConsultation(), kNow)).reference.rfind("DGP-", 0) == 0);
}

TEST_CASE("Acknowledgements settle bookings and empty the outbox", "[content][bookings][outbox]") {
    content::Db db = OpenTemp("bookings_ack");
    BuildForms(db);
    auto first = Value(content::SubmitBooking(db, GoodConsultation(), kNow));
    auto second = Value(content::SubmitBooking(db, GoodConsultation(), kNow + 1));
    auto health = Value(content::EnqueueOutbox(db, "health", "kiosk-1", R"({"disk_free": 123})", kNow + 2));
    auto items = Value(content::PeekOutbox(db, 10));
    REQUIRE(items.size() == 3);
    CHECK(items[0].ref_id == first.booking_id);  // oldest first
    CHECK(items[2].op_id == health);
    CHECK(Value(content::PeekOutbox(db, 1)).size() == 1);

    Check(content::RecordOutboxFailure(db, items[0].op_id, "hub unreachable", kNow + 10));
    Check(content::RecordOutboxFailure(db, items[0].op_id, "hub unreachable", kNow + 20));
    CHECK(Value(content::PeekOutbox(db, 1))[0].attempts == 2);
    auto unknown = content::RecordOutboxFailure(db, "no-such-op", "x", kNow);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "not_found");

    Check(content::AcknowledgeOutbox(db, items[0].op_id, content::AckResult::Accepted, ""));
    Check(content::AcknowledgeOutbox(db, items[1].op_id, content::AckResult::Rejected, "no free slots"));
    Check(content::AcknowledgeOutbox(db, items[2].op_id, content::AckResult::Accepted, ""));
    Check(content::AcknowledgeOutbox(db, items[2].op_id, content::AckResult::Accepted, ""));  // a retried ack is harmless
    CHECK(Value(content::OutboxDepth(db)) == 0);
    auto confirmed = Value(content::GetBookingStatus(db, first.booking_id));
    CHECK(confirmed.status == "confirmed");
    CHECK(confirmed.reference == first.reference);
    auto rejected = Value(content::GetBookingStatus(db, second.booking_id));
    CHECK(rejected.status == "rejected");
    CHECK(rejected.reason == "no free slots");
    auto missing = content::GetBookingStatus(db, "nope");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
}

TEST_CASE("EnqueueOutbox refuses bad kinds and bad JSON", "[content][bookings][outbox]") {
    content::Db db = OpenTemp("bookings_enqueue");
    auto kind = content::EnqueueOutbox(db, "booking", "x", "{}", kNow);
    REQUIRE_FALSE(kind.ok());
    CHECK(kind.error().code == "outbox_bad_kind");
    auto payload = content::EnqueueOutbox(db, "staff_edit", "x", "{not json", kNow);
    REQUIRE_FALSE(payload.ok());
    CHECK(payload.error().code == "outbox_bad_payload");
    CHECK(Value(content::OutboxDepth(db)) == 0);
}

TEST_CASE("After the acknowledgement the visitor's data is in neither the database nor the WAL", "[content][bookings][privacy]") {
    const std::string path = TempDbPath("bookings_privacy");
    const std::string name = "Zygmunta Kwiatkowskiego";
    const std::string phone = "+371 29 876 543";
    content::Db db = Value(content::Db::Open(path));
    BuildForms(db);
    auto request = GoodConsultation();
    request.values = {{"name", name}, {"phone", phone}, {"language", "lv"}, {"consent", "true"}};
    auto receipt = Value(content::SubmitBooking(db, request, kNow));
    auto files = [&]() { return ReadFileBytes(path) + ReadFileBytes(path + "-wal"); };
    // Before the acknowledgement the data is there (so the check below could fail).
    REQUIRE(files().find(name) != std::string::npos);
    // Also after a checkpoint moved it into the main file.
    Check(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    REQUIRE(ReadFileBytes(path).find(name) != std::string::npos);

    auto op = Value(content::PeekOutbox(db, 1))[0].op_id;
    Check(content::AcknowledgeOutbox(db, op, content::AckResult::Accepted, ""));
    const std::string after = files();
    CHECK(after.find(name) == std::string::npos);
    CHECK(after.find(phone) == std::string::npos);
    CHECK(after.find(receipt.reference) != std::string::npos);  // the receipt itself stays
    db = content::Db();
    CHECK(ReadFileBytes(path).find(name) == std::string::npos);
}
