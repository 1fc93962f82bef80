// Tests of ui/booking_flow against the demo content: messages in the visitor's language, the
// summary step, one transaction into the outbox, and a failing store that loses nothing.
#include <catch2/catch_test_macros.hpp>

#include "content/bookings.h"
#include "content/queries.h"
#include "tests/ui/ui_fixture.h"
#include "ui/booking_flow.h"

namespace {

// The first service of the demo with a consultation form (no session to choose).
std::string BookableService(content::Db& db) {
    auto categories = content::ListCategories(db, "en");
    REQUIRE(categories.ok());
    for (const content::Category& c : *categories) {
        auto services = content::ListServicesInCategory(db, c.id, "en");
        REQUIRE(services.ok());
        for (const content::ServiceSummary& s : *services) {
            auto detail = content::GetService(db, s.id, "en");
            if (!detail.ok() || detail->booking_form_id.empty()) continue;
            auto form = content::GetBookingForm(db, detail->booking_form_id, "en");
            if (form.ok() && form->kind == "consultation") return s.id;
        }
    }
    FAIL("the demo content has no bookable service");
    return {};
}

const content::FormField& Field(const content::BookingForm& form, const std::string& key) {
    for (const content::FormField& f : form.fields) {
        if (f.key == key) return f;
    }
    FAIL("form has no field " << key);
    return form.fields.front();
}

}  // namespace

TEST_CASE("booking: problems worded in the visitor's language, then stored with its outbox row", "[ui][booking]") {
    uitest::DemoDb demo;
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    const std::string service_id = BookableService(demo.db);
    auto service = content::GetService(demo.db, service_id, "ru");
    REQUIRE(service.ok());
    auto form = content::GetBookingForm(demo.db, service->booking_form_id, "ru");
    REQUIRE(form.ok());

    ui::BookingFlow flow;
    ui::StartBooking(flow, *form, service_id, "", "ru");
    CHECK(flow.step == ui::BookingFlow::Step::Fill);
    CHECK(flow.values["language"] == "ru");  // preset to the UI language
    CHECK(flow.focused == "name");           // the keyboard starts on the first typed field

    // Nothing filled in: stays on the form, with a problem per required field.
    CHECK_FALSE(ui::ValidateAndContinue(demo.db, flow, *form, "ru"));
    CHECK(flow.step == ui::BookingFlow::Step::Fill);
    CHECK(flow.notice_key == "booking.fix_errors");
    REQUIRE(flow.errors.count("name") == 1);
    REQUIRE(flow.errors.count("phone") == 1);
    REQUIRE(flow.errors.count("consent") == 1);
    CHECK(flow.errors.count("email") == 0);  // optional
    for (const auto& [key, error] : flow.errors) {
        ui::UiText message = ui::FieldErrorMessage(error, &Field(*form, key), *strings, "ru");
        INFO(key << ": " << message.text);
        CHECK_FALSE(message.text.empty());
        CHECK(message.lang == "ru");
        CHECK_FALSE(message.fallback);
    }
    // The same problem worded for a Latvian reader, from the same data.
    ui::UiText lv = ui::FieldErrorMessage(flow.errors["consent"], &Field(*form, "consent"), *strings, "lv");
    CHECK(lv.lang == "lv");

    // A wrong phone number is its own problem.
    flow.values["name"] = "Анна Петрова";
    flow.values["phone"] = "12";
    flow.values["topic"] = Field(*form, "topic").options.front().value;
    flow.values["preferred_time"] = Field(*form, "preferred_time").options.front().value;
    flow.values["consent"] = ui::kConsentYes;
    CHECK_FALSE(ui::ValidateAndContinue(demo.db, flow, *form, "ru"));
    REQUIRE(flow.errors.size() == 1);
    CHECK(flow.errors.begin()->first == "phone");
    CHECK(flow.focused == "phone");  // the keyboard moves to the field to fix

    flow.values["phone"] = "+371 20000000 ";  // a trailing space from the keyboard is trimmed
    REQUIRE(ui::ValidateAndContinue(demo.db, flow, *form, "ru"));
    CHECK(flow.step == ui::BookingFlow::Step::Summary);

    auto depth_before = content::OutboxDepth(demo.db);
    REQUIRE(depth_before.ok());
    REQUIRE(ui::SubmitFlow(demo.db, flow, *form, "ru", uitest::kNowUtc));
    CHECK(flow.step == ui::BookingFlow::Step::Done);
    CHECK_FALSE(flow.receipt.reference.empty());
    auto depth_after = content::OutboxDepth(demo.db);
    REQUIRE(depth_after.ok());
    CHECK(*depth_after == *depth_before + 1);
    auto status = content::GetBookingStatus(demo.db, flow.receipt.booking_id);
    REQUIRE(status.ok());
    CHECK(status->status == "received");
    // The visit forgets the personal data once the outbox holds it.
    CHECK(flow.values.empty());
    std::string qr = ui::BookingQrText(flow, "Centrs", "+371 67000000", *strings, "ru");
    CHECK(qr.find(flow.receipt.reference) != std::string::npos);
    CHECK(qr.find("Анна") == std::string::npos);
    CHECK(qr.find("20000000") == std::string::npos);
}

TEST_CASE("booking: a store that fails keeps every value and says so", "[ui][booking]") {
    uitest::DemoDb demo;
    const std::string service_id = BookableService(demo.db);
    auto service = content::GetService(demo.db, service_id, "en");
    REQUIRE(service.ok());
    auto form = content::GetBookingForm(demo.db, service->booking_form_id, "en");
    REQUIRE(form.ok());
    ui::BookingFlow flow;
    ui::StartBooking(flow, *form, service_id, "", "en");
    flow.values["name"] = "Anna";
    flow.values["phone"] = "+371 20000000";
    flow.values["topic"] = Field(*form, "topic").options.front().value;
    flow.values["preferred_time"] = Field(*form, "preferred_time").options.front().value;
    flow.values["consent"] = ui::kConsentYes;
    REQUIRE(ui::ValidateAndContinue(demo.db, flow, *form, "en"));

    // The same file opened read-only: the write transaction cannot start.
    auto read_only = content::Db::Open(demo.path, content::OpenMode::ReadOnly);
    REQUIRE(read_only.ok());
    CHECK_FALSE(ui::SubmitFlow(*read_only, flow, *form, "en", uitest::kNowUtc));
    CHECK(flow.step == ui::BookingFlow::Step::Summary);
    CHECK(flow.notice_key == "booking.submit_failed");
    CHECK(flow.values["name"] == "Anna");
    CHECK(flow.values["phone"] == "+371 20000000");
    CHECK(flow.receipt.reference.empty());
    auto depth = content::OutboxDepth(demo.db);
    REQUIRE(depth.ok());
    CHECK(*depth == 0);
    // And it goes through once the database can be written.
    CHECK(ui::SubmitFlow(demo.db, flow, *form, "en", uitest::kNowUtc));
}
