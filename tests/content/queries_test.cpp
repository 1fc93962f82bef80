// tests/content/queries_test.cpp: the read API (content/queries.h) on fixtures written with
// ContentWriter: translation fallback, collation per language, service detail, sessions with
// seats left, booking forms, opening hours in words, content info.
#include <catch2/catch_approx.hpp>

#include <functional>

#include "content/bookings.h"
#include "content/queries.h"
#include "content_fixture.h"

using namespace content_test;

namespace {

std::vector<std::string> Names(const std::vector<content::ServiceSummary>& services) {
    std::vector<std::string> names;
    for (const auto& service : services) names.push_back(service.name.text);
    return names;
}

// A small directory: the centre, a provider, two categories, services with texts in some
// languages only, a location with an address, hours and phones, a hotline.
void BuildDirectory(content::Db& db) {
    Builder build(db);
    build.Organization("centre", {{"lv", "Integrācijas centrs"}, {"en", "Integration Centre"}, {"ru", "Центр интеграции"}}, "centre");
    build.Text("organization", "centre", "description", {{"en", "Help for newcomers"}});
    build.Row("phone", {{"id", "centre-phone"}, {"organization_id", "centre"}, {"number", "+371 67 111 111"}, {"type", "voice"}});
    build.Organization("prov", {{"lv", "Pakalpojumu sniedzējs"}, {"en", "Provider"}});
    build.Category("legal", {{"lv", "Juridiskā palīdzība"}, {"en", "Legal help"}, {"ru", "Юридическая помощь"}}, 1, "scales");
    build.Category("work", {{"lv", "Darbs"}, {"en", "Work"}}, 2, "briefcase");
    build.Category("empty", {{"en", "Empty"}}, 2);

    build.Service("legal-1", "prov", {{"lv", "Juridiskā konsultācija"}, {"en", "Legal consultation"}, {"ru", "Юридическая консультация"}},
                  {"legal"}, {{"is_free", true}, {"booking_form_id", nullptr}, {"email", "law@example.lv"}, {"minimum_age", 18}});
    build.Text("service", "legal-1", "description", {{"lv", "Bezmaksas konsultācija"}, {"en", "Free consultation"}});
    build.Text("service", "legal-1", "application_process", {{"en", "Book at the kiosk"}});
    build.Text("service", "legal-1", "fees_description", {{"lv", "Bez maksas"}});
    build.Text("service", "legal-1", "eligibility_description", {{"en", "Residents of Latvia"}});
    build.Service("legal-2", "prov", {{"lv", "Dokumentu tulkošana"}}, {"legal", "work"});
    build.Service("legal-old", "prov", {{"en", "Closed service"}}, {"legal"}, {{"status", "inactive"}});
    build.Service("work-1", "centre", {{"en", "Job search"}}, {"work"});
    build.Service("hotline", "centre", {{"en", "Crisis hotline"}, {"lv", "Krīzes tālrunis"}}, {}, {{"kiosk_role", "hotline"}});

    build.Row("location", {{"id", "loc-1"}, {"organization_id", "prov"}, {"latitude", 56.95}, {"longitude", 24.11}});
    build.Text("location", "loc-1", "name", {{"lv", "Galvenais birojs"}, {"en", "Main office"}});
    build.Text("location", "loc-1", "transportation", {{"en", "Tram 5"}});
    build.Row("address", {{"id", "addr-1"}, {"location_id", "loc-1"}, {"address_1", "Elizabetes iela 65"}, {"city", "Rīga"}, {"postal_code", "LV-1050"}});
    build.Row("service_at_location", {{"id", "sal-1"}, {"service_id", "legal-1"}, {"location_id", "loc-1"}});
    build.Row("schedule", {{"id", "sch-loc"}, {"location_id", "loc-1"}, {"freq", "WEEKLY"}, {"byday", "MO,TU,WE,TH"}, {"opens_at", "09:00"}, {"closes_at", "17:00"}});
    build.Row("schedule", {{"id", "sch-sal"}, {"service_at_location_id", "sal-1"}, {"freq", "WEEKLY"}, {"byday", "FR"}, {"opens_at", "10:00"}, {"closes_at", "12:00"}});
    build.Row("schedule", {{"id", "sch-svc"}, {"service_id", "legal-1"}, {"freq", "WEEKLY"}, {"byday", "SA"}, {"opens_at", "10:00"}, {"closes_at", "14:00"}});
    build.Row("phone", {{"id", "svc-phone"}, {"service_id", "legal-1"}, {"number", "+371 20 000 001"}});
    build.Text("phone", "svc-phone", "description", {{"en", "Weekdays"}, {"lv", "Darbdienās"}});
    build.Row("phone", {{"id", "loc-phone"}, {"location_id", "loc-1"}, {"number", "+371 20 000 002"}});
    build.Row("language", {{"id", "lang-1"}, {"service_id", "legal-1"}, {"code", "lv"}});
    build.Row("language", {{"id", "lang-2"}, {"service_id", "legal-1"}, {"code", "ru"}});
    build.Row("language", {{"id", "lang-3"}, {"service_id", "legal-1"}, {"code", "uk"}});
    build.Row("cost_option", {{"id", "cost-1"}, {"service_id", "legal-1"}, {"amount", 0}, {"currency", "EUR"}});
    build.Text("cost_option", "cost-1", "option", {{"en", "Consultation"}});
    Check(build.writer().SetMeta("content_seq", "1234"));
    Check(build.writer().SetMeta("content_updated_at", "1790000000"));
    build.Done();
}

}  // namespace

TEST_CASE("Texts fall back requested -> en -> lv -> any, and say so", "[content][queries]") {
    content::Db db = OpenTemp("queries_fallback");
    Builder build(db);
    build.Organization("o", {{"en", "Provider"}});
    build.Category("c", {{"en", "Cat"}});
    build.Service("all", "o", {{"lv", "Visi"}, {"en", "All"}, {"ru", "Все"}}, {"c"});
    build.Service("en-lv", "o", {{"lv", "Latviski"}, {"en", "English"}}, {"c"});
    build.Service("lv-only", "o", {{"lv", "Tikai latviski"}}, {"c"});
    build.Service("de-only", "o", {{"de", "Nur Deutsch"}}, {"c"});
    build.Service("en-gb", "o", {{"en-GB", "Colour"}, {"lv", "Krāsa"}}, {"c"});
    build.Done();

    auto name_of = [&](const std::string& id, const std::string& lang) {
        return Value(content::GetService(db, id, lang)).name;
    };
    auto all_ru = name_of("all", "ru");
    CHECK(all_ru.text == "Все");
    CHECK(all_ru.lang == "ru");
    CHECK_FALSE(all_ru.fallback);
    auto en_for_ru = name_of("en-lv", "ru");
    CHECK(en_for_ru.text == "English");
    CHECK(en_for_ru.fallback);
    auto lv_for_ru = name_of("lv-only", "ru");
    CHECK(lv_for_ru.text == "Tikai latviski");
    CHECK(lv_for_ru.lang == "lv");
    CHECK(lv_for_ru.fallback);
    auto any_for_uk = name_of("de-only", "uk");
    CHECK(any_for_uk.text == "Nur Deutsch");
    CHECK(any_for_uk.fallback);
    // A regional tag serves a reader of the same language without a fallback mark.
    auto british = name_of("en-gb", "en");
    CHECK(british.text == "Colour");
    CHECK_FALSE(british.fallback);
    // A field with no text in any language is empty, not an error.
    CHECK(Value(content::GetService(db, "all", "lv")).description.empty());

    // The list query uses the SQL form of the same rule: the results must agree.
    for (const std::string lang : {"ru", "en", "lv", "uk"}) {
        for (const auto& summary : Value(content::ListServicesInCategory(db, "c", lang))) {
            auto detail = name_of(summary.id, lang);
            INFO(summary.id << " " << lang);
            CHECK(summary.name.text == detail.text);
            CHECK(summary.name.lang == detail.lang);
            CHECK(summary.name.fallback == detail.fallback);
        }
    }
}

TEST_CASE("Categories are ordered by sort order then name, with active service counts", "[content][queries]") {
    content::Db db = OpenTemp("queries_categories");
    BuildDirectory(db);
    auto categories = Value(content::ListCategories(db, "en"));
    REQUIRE(categories.size() == 3);
    CHECK(categories[0].id == "legal");
    CHECK(categories[0].name.text == "Legal help");
    CHECK(categories[0].icon == "scales");
    CHECK(categories[0].service_count == 2);  // the inactive one is not counted
    CHECK(categories[1].id == "empty");      // sort_order 2: "Empty" < "Work"
    CHECK(categories[1].service_count == 0);
    CHECK(categories[2].id == "work");
    CHECK(categories[2].service_count == 2);
    auto ru = Value(content::ListCategories(db, "ru"));
    CHECK(ru[0].name.text == "Юридическая помощь");
    CHECK_FALSE(ru[0].name.fallback);
    CHECK(ru[2].name.text == "Work");
    CHECK(ru[2].name.fallback);
}

TEST_CASE("Services list: active only, sorted with Latvian collation", "[content][queries][collation]") {
    content::Db db = OpenTemp("queries_latvian");
    Builder build(db);
    build.Organization("o", {{"lv", "Sniedzējs"}});
    build.Category("c", {{"lv", "Kategorija"}});
    const std::vector<std::string> names = {"Žurnāls", "Zīmes", "Tulkošana", "Šūšana", "Sociālā palīdzība",
                                            "Dokumenti", "Čeku konsultācija", "Cenu padoms"};
    for (size_t i = 0; i < names.size(); ++i) build.Service("s" + std::to_string(i), "o", {{"lv", names[i]}}, {"c"});
    build.Service("inactive", "o", {{"lv", "Aizvērts"}}, {"c"}, {{"status", "inactive"}});
    build.Done();

    auto lv = Value(content::ListServicesInCategory(db, "c", "lv"));
    // Latvian: c < č < d, s < š < t, z < ž.
    CHECK(Names(lv) == std::vector<std::string>{"Cenu padoms", "Čeku konsultācija", "Dokumenti", "Sociālā palīdzība",
                                                "Šūšana", "Tulkošana", "Zīmes", "Žurnāls"});
    CHECK(lv[0].organization_name.text == "Sniedzējs");
    // English collation treats č as a variant of c: "Čeku" sorts before "Cenu" (k < n).
    auto en = Value(content::ListServicesInCategory(db, "c", "en"));
    CHECK(Names(en)[0] == "Čeku konsultācija");
    CHECK(Names(en)[1] == "Cenu padoms");
    CHECK(en[0].name.fallback);
}

TEST_CASE("Services list: Russian collation, Cyrillic before Latin", "[content][queries][collation]") {
    content::Db db = OpenTemp("queries_russian");
    Builder build(db);
    build.Organization("o", {{"ru", "Организация"}});
    build.Category("c", {{"ru", "Категория"}});
    const std::vector<std::string> names = {"Юрист", "Жильё", "Ель", "Ёлка", "Адвокат", "Щит", "Шаг"};
    for (size_t i = 0; i < names.size(); ++i) build.Service("s" + std::to_string(i), "o", {{"ru", names[i]}}, {"c"});
    build.Service("latin", "o", {{"en", "Advice"}}, {"c"});
    build.Done();
    auto ru = Value(content::ListServicesInCategory(db, "c", "ru"));
    // ё sorts with е (Ёлка before Ель: к < ь); ш < щ; Russian puts Cyrillic before Latin.
    CHECK(Names(ru) == std::vector<std::string>{"Адвокат", "Ёлка", "Ель", "Жильё", "Шаг", "Щит", "Юрист", "Advice"});
    // In English order Latin comes first.
    CHECK(Names(Value(content::ListServicesInCategory(db, "c", "en")))[0] == "Advice");
}

TEST_CASE("GetService returns the provider, locations, hours, phones, languages, cost, categories", "[content][queries]") {
    content::Db db = OpenTemp("queries_service");
    BuildDirectory(db);
    auto service = Value(content::GetService(db, "legal-1", "en"));
    CHECK(service.name.text == "Legal consultation");
    CHECK(service.description.text == "Free consultation");
    CHECK(service.application_process.text == "Book at the kiosk");
    CHECK(service.fees_description.text == "Bez maksas");
    CHECK(service.fees_description.fallback);
    CHECK(service.eligibility.text == "Residents of Latvia");
    REQUIRE(service.is_free.has_value());
    CHECK(*service.is_free);
    CHECK(service.email == "law@example.lv");
    CHECK(service.minimum_age == 18);
    CHECK(service.status == "active");
    CHECK(service.provider.id == "prov");
    CHECK(service.provider.name.text == "Provider");
    REQUIRE(service.locations.size() == 1);
    const content::Location& location = service.locations[0];
    CHECK(location.name.text == "Main office");
    CHECK(location.transportation.text == "Tram 5");
    REQUIRE(location.addresses.size() == 1);
    CHECK(location.addresses[0].OneLine() == "Elizabetes iela 65, Rīga, LV-1050");
    REQUIRE(location.latitude.has_value());
    CHECK(*location.latitude == Catch::Approx(56.95));
    REQUIRE(location.opening_hours.size() == 2);  // the location's hours + this service's hours there
    CHECK(location.opening_hours[0].weekdays == std::vector<int>{1, 2, 3, 4});
    CHECK(location.opening_hours[1].weekdays == std::vector<int>{5});
    REQUIRE(location.phones.size() == 1);
    CHECK(location.phones[0].number == "+371 20 000 002");
    REQUIRE(service.opening_hours.size() == 1);
    CHECK(service.opening_hours[0].weekdays == std::vector<int>{6});
    REQUIRE(service.phones.size() == 1);
    CHECK(service.phones[0].description.text == "Weekdays");
    CHECK(service.languages == std::vector<std::string>{"lv", "ru", "uk"});
    CHECK(service.category_ids == std::vector<std::string>{"legal"});
    REQUIRE(service.cost_options.size() == 1);
    CHECK(service.cost_options[0].currency == "EUR");
    CHECK(service.cost_options[0].option.text == "Consultation");

    auto lv = Value(content::GetService(db, "legal-1", "lv"));
    CHECK(lv.phones[0].description.text == "Darbdienās");
    CHECK(lv.locations[0].name.text == "Galvenais birojs");

    auto missing = content::GetService(db, "nope", "en");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
    CHECK(missing.error().message.find("nope") != std::string::npos);
}

TEST_CASE("The centre, the hotline and the content info", "[content][queries]") {
    content::Db empty = OpenTemp("queries_empty");
    auto no_centre = content::GetCentre(empty, "en");
    REQUIRE_FALSE(no_centre.ok());
    CHECK(no_centre.error().code == "not_found");
    auto no_hotline = content::GetHotline(empty, "en");
    REQUIRE_FALSE(no_hotline.ok());
    CHECK(no_hotline.error().code == "not_found");
    auto empty_info = Value(content::GetContentInfo(empty));
    CHECK(empty_info.content_seq == 0);
    CHECK(empty_info.languages.empty());

    content::Db db = OpenTemp("queries_centre");
    BuildDirectory(db);
    auto centre = Value(content::GetCentre(db, "ru"));
    CHECK(centre.id == "centre");
    CHECK(centre.kiosk_role == "centre");
    CHECK(centre.name.text == "Центр интеграции");
    CHECK(centre.description.text == "Help for newcomers");
    CHECK(centre.description.fallback);
    REQUIRE(centre.phones.size() == 1);
    CHECK(centre.phones[0].number == "+371 67 111 111");
    CHECK(centre.locations.empty());   // the centre of this directory has no location of its own

    // An organisation's own locations (the About screen's address and hours): the location's
    // general hours only, not those of one service at that location.
    auto provider = Value(content::GetOrganization(db, "prov", "en"));
    REQUIRE(provider.locations.size() == 1);
    const content::Location& office = provider.locations[0];
    CHECK(office.id == "loc-1");
    CHECK(office.name.text == "Main office");
    CHECK(office.transportation.text == "Tram 5");
    REQUIRE(office.addresses.size() == 1);
    CHECK(office.addresses[0].address_1 == "Elizabetes iela 65");
    REQUIRE(office.opening_hours.size() == 1);
    CHECK(office.opening_hours[0].weekdays == std::vector<int>{1, 2, 3, 4});
    CHECK(office.opening_hours[0].opens_at == "09:00");
    REQUIRE(office.phones.size() == 1);
    CHECK(office.phones[0].number == "+371 20 000 002");
    auto hotline = Value(content::GetHotline(db, "lv"));
    CHECK(hotline.id == "hotline");
    CHECK(hotline.name.text == "Krīzes tālrunis");
    CHECK(hotline.kiosk_role == "hotline");

    auto info = Value(content::GetContentInfo(db));
    CHECK(info.content_seq == 1234);
    CHECK(info.updated_at == 1790000000);
    CHECK(info.languages == std::vector<std::string>{"en", "lv", "ru"});
}

TEST_CASE("Opening hours in words group consecutive days per language", "[content][queries][hours]") {
    std::vector<content::OpeningRule> rules(3);
    rules[0].weekdays = {1, 2, 3, 4};
    rules[0].opens_at = "09:00";
    rules[0].closes_at = "17:00";
    rules[1].weekdays = {5};
    rules[1].opens_at = "09:00";
    rules[1].closes_at = "14:00";
    rules[2].weekdays = {6};
    rules[2].opens_at = "09:00:00";
    rules[2].closes_at = "17:00:00";
    CHECK(content::DescribeOpeningHours(rules, "en") ==
          std::vector<std::string>{"Mon\u2013Thu, Sat 9:00\u201317:00", "Fri 9:00\u201314:00"});
    CHECK(content::DescribeOpeningHours(rules, "ru") ==
          std::vector<std::string>{"Пн\u2013Чт, Сб 9:00\u201317:00", "Пт 9:00\u201314:00"});
    CHECK(content::DescribeOpeningHours(rules, "lv") ==
          std::vector<std::string>{"Pr\u2013Ce, Se 9:00\u201317:00", "Pk 9:00\u201314:00"});

    // Two ranges on the same days (a lunch break) stay on one line, in time order.
    std::vector<content::OpeningRule> lunch(2);
    lunch[0].weekdays = {1, 2, 3, 4, 5};
    lunch[0].opens_at = "13:00";
    lunch[0].closes_at = "17:00";
    lunch[1].weekdays = {1, 2, 3, 4, 5};
    lunch[1].opens_at = "08:30";
    lunch[1].closes_at = "12:00";
    lunch.push_back({});
    lunch[2].description = {"By appointment on weekends", "en", false};
    CHECK(content::DescribeOpeningHours(lunch, "en") ==
          std::vector<std::string>{"Mon\u2013Fri 8:30\u201312:00, 13:00\u201317:00", "By appointment on weekends"});
    CHECK(content::DescribeOpeningHours({}, "en").empty());
}

TEST_CASE("Sessions between two dates, filtered, with seats left", "[content][queries][sessions]") {
    content::Db db = OpenTemp("queries_sessions");
    Builder build(db);
    build.Organization("o", {{"en", "Provider"}});
    build.Service("svc", "o", {{"en", "Courses"}});
    build.Row("location", {{"id", "loc"}, {"organization_id", "o"}});
    build.Text("location", "loc", "name", {{"en", "Room 1"}});
    build.Row("booking_form", {{"id", "form"}, {"kind", "course"}});
    build.Row("course_series", {{"id", "lv-a1"}, {"service_id", "svc"}, {"location_id", "loc"}, {"kind", "language_course"},
                                {"instruction_langs", "lv,ru"}, {"level", "A1"}, {"capacity", 3}, {"booking_form_id", "form"},
                                {"dtstart", "2026-12-01T18:00:00"}, {"duration_minutes", 90}});
    build.Text("course_series", "lv-a1", "name", {{"en", "Latvian A1"}, {"lv", "Latviešu valoda A1"}});
    build.Row("course_series", {{"id", "sem"}, {"service_id", "svc"}, {"kind", "seminar"}, {"instruction_langs", "en"},
                                {"capacity", 10}, {"dtstart", "2026-12-02T10:00:00"}, {"duration_minutes", 60}});
    const int64_t day = 86400, t0 = 1796140800;  // 2026-12-01T18:00 Riga is 16:00 UTC on this day
    build.Row("course_session", {{"id", "a"}, {"series_id", "lv-a1"}, {"starts_at", t0}, {"ends_at", t0 + 5400}, {"local_start", "2026-12-01T18:00"}, {"capacity", 3}, {"seats_taken", 1}});
    build.Row("course_session", {{"id", "b"}, {"series_id", "lv-a1"}, {"starts_at", t0 + 2 * day}, {"ends_at", t0 + 2 * day + 5400}, {"local_start", "2026-12-03T18:00"}, {"capacity", 3}, {"seats_taken", 5}});
    build.Row("course_session", {{"id", "c"}, {"series_id", "lv-a1"}, {"starts_at", t0 + 4 * day}, {"ends_at", t0 + 4 * day + 5400}, {"local_start", "2026-12-05T18:00"}, {"capacity", 3}, {"status", "cancelled"}});
    build.Row("course_session", {{"id", "s"}, {"series_id", "sem"}, {"starts_at", t0 + day}, {"ends_at", t0 + day + 3600}, {"local_start", "2026-12-02T10:00"}, {"capacity", 10}});
    build.Row("course_session", {{"id", "late"}, {"series_id", "sem"}, {"starts_at", t0 + 30 * day}, {"ends_at", t0 + 30 * day + 3600}, {"local_start", "2026-12-31T10:00"}, {"capacity", 10}});
    build.Row("booking_form_field", {{"id", "f-name"}, {"form_id", "form"}, {"position", 1}, {"key", "name"}, {"type", "text"}, {"required", 1}});
    build.Done();

    content::SessionFilter all;
    auto sessions = Value(content::ListSessions(db, t0, t0 + 10 * day, all, "en"));
    REQUIRE(sessions.size() == 3);  // the cancelled one and the one after the range are left out
    CHECK(sessions[0].session_id == "a");
    CHECK(sessions[1].session_id == "s");
    CHECK(sessions[2].session_id == "b");
    CHECK(sessions[0].name.text == "Latvian A1");
    CHECK(sessions[0].location_name.text == "Room 1");
    CHECK(sessions[0].instruction_langs == std::vector<std::string>{"lv", "ru"});
    CHECK(sessions[0].level == "A1");
    CHECK(sessions[0].booking_form_id == "form");
    CHECK(sessions[0].local_start == "2026-12-01T18:00");
    CHECK(sessions[0].seats_left == 2);
    CHECK(sessions[2].seats_left == 0);  // over-booked by the hub's count: never below zero

    content::SessionFilter cancelled;
    cancelled.include_cancelled = true;
    auto with_cancelled = Value(content::ListSessions(db, t0, t0 + 10 * day, cancelled, "en"));
    REQUIRE(with_cancelled.size() == 4);
    CHECK(with_cancelled[3].cancelled);

    content::SessionFilter seminars;
    seminars.kinds = {"seminar"};
    auto only_seminars = Value(content::ListSessions(db, t0, t0 + 40 * day, seminars, "en"));
    REQUIRE(only_seminars.size() == 2);
    CHECK(only_seminars[0].session_id == "s");

    content::SessionFilter in_russian;
    in_russian.instruction_lang = "ru";
    auto russian = Value(content::ListSessions(db, t0, t0 + 40 * day, in_russian, "en"));
    REQUIRE(russian.size() == 2);
    CHECK(russian[0].series_id == "lv-a1");
    content::SessionFilter in_r;  // "r" must not match "ru" as a substring
    in_r.instruction_lang = "r";
    CHECK(Value(content::ListSessions(db, t0, t0 + 40 * day, in_r, "en")).empty());

    // A booking of this kiosk still in the outbox takes a seat until the hub counts it.
    content::BookingRequest request;
    request.form_id = "form";
    request.session_id = "a";
    request.visitor_lang = "en";
    request.values = {{"name", "Anna"}};
    Value(content::SubmitBooking(db, request, t0 - day));
    CHECK(Value(content::GetSession(db, "a", "en")).seats_left == 1);
    auto missing = content::GetSession(db, "zzz", "en");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
}

TEST_CASE("GetBookingForm returns fields in order with translated labels and options", "[content][queries][forms]") {
    content::Db db = OpenTemp("queries_form");
    Builder build(db);
    build.Row("booking_form", {{"id", "form"}, {"kind", "consultation"}});
    build.Text("booking_form", "form", "title", {{"en", "Book a consultation"}, {"lv", "Pieteikties konsultācijai"}});
    build.Text("booking_form", "form", "consent", {{"en", "I agree"}});
    build.Row("booking_form_field", {{"id", "f2"}, {"form_id", "form"}, {"position", 2}, {"key", "language"}, {"type", "choice"},
                                     {"required", 1}, {"options", json::array({"lv", "ru", "en"})}});
    build.Text("booking_form_field", "f2", "option:lv", {{"en", "Latvian"}, {"lv", "Latviešu"}});
    build.Text("booking_form_field", "f2", "option:ru", {{"en", "Russian"}});
    build.Row("booking_form_field", {{"id", "f1"}, {"form_id", "form"}, {"position", 1}, {"key", "name"}, {"type", "text"},
                                     {"required", 1}, {"min_length", 2}, {"max_length", 80}, {"pattern", "[^0-9]+"}});
    build.Text("booking_form_field", "f1", "label", {{"en", "Name"}, {"lv", "Vārds"}});
    build.Text("booking_form_field", "f1", "error", {{"en", "Please write your name"}});
    build.Done();

    auto form = Value(content::GetBookingForm(db, "form", "lv"));
    CHECK(form.kind == "consultation");
    CHECK(form.title.text == "Pieteikties konsultācijai");
    CHECK(form.consent.text == "I agree");
    CHECK(form.consent.fallback);
    REQUIRE(form.fields.size() == 2);
    CHECK(form.fields[0].key == "name");
    CHECK(form.fields[0].label.text == "Vārds");
    CHECK(form.fields[0].error.text == "Please write your name");
    CHECK(form.fields[0].min_length == 2);
    CHECK(form.fields[0].max_length == 80);
    CHECK(form.fields[0].pattern == "[^0-9]+");
    CHECK(form.fields[0].required);
    REQUIRE(form.fields[1].options.size() == 3);
    CHECK(form.fields[1].options[0].value == "lv");
    CHECK(form.fields[1].options[0].label.text == "Latviešu");
    CHECK(form.fields[1].options[1].label.text == "Russian");
    CHECK(form.fields[1].options[2].label.text == "en");  // no label at all: the value itself

    auto missing = content::GetBookingForm(db, "nope", "en");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
}

TEST_CASE("Cached lists follow changes from this connection and from another one", "[content][queries]") {
    content::Db db = OpenTemp("queries_cache");
    {
        Builder build(db);
        build.Organization("o", {{"en", "Provider"}});
        build.Category("c", {{"en", "Cat"}});
        build.Service("b", "o", {{"en", "Bravo"}}, {"c"});
        build.Done();
    }
    REQUIRE(Names(Value(content::ListServicesInCategory(db, "c", "en"))) == std::vector<std::string>{"Bravo"});
    REQUIRE(Value(content::ListCategories(db, "en"))[0].service_count == 1);
    {
        Builder build(db);  // same connection
        build.Service("a", "o", {{"en", "Alpha"}}, {"c"});
        build.Done();
    }
    CHECK(Names(Value(content::ListServicesInCategory(db, "c", "en"))) == std::vector<std::string>{"Alpha", "Bravo"});
    CHECK(Value(content::ListCategories(db, "en"))[0].service_count == 2);
    {
        content::Db other = Value(content::Db::Open(db.path()));  // as the sync thread would
        Builder build(other);
        build.Text("service", "b", "name", {{"en", "Aardvark"}});
        build.Row("service", {{"id", "a"}, {"status", "inactive"}});
        build.Done();
    }
    CHECK(Names(Value(content::ListServicesInCategory(db, "c", "en"))) == std::vector<std::string>{"Aardvark"});
    CHECK(Value(content::ListCategories(db, "en"))[0].service_count == 1);
}

namespace {

// The list as the read API builds it without the list index (the path for other languages and
// for a database whose index is not valid): the marker is removed inside a transaction that is
// rolled back, so the database keeps its index.
// The connection's list cache is dropped around it, so neither answer can come from the other.
std::vector<content::ServiceSummary> ListFromTables(content::Db& db, const std::string& category, const std::string& lang) {
    db.query_cache().reset();
    Check(db.Exec("BEGIN; DELETE FROM meta WHERE key = 'list_index';"));
    auto list = content::ListServicesInCategory(db, category, lang);
    Check(db.Exec("ROLLBACK"));
    db.query_cache().reset();
    return Value(std::move(list));
}

std::map<std::string, int> CountsFromTables(content::Db& db, const std::string& lang) {
    db.query_cache().reset();
    Check(db.Exec("BEGIN; DELETE FROM meta WHERE key = 'list_index';"));
    auto categories = content::ListCategories(db, lang);
    Check(db.Exec("ROLLBACK"));
    db.query_cache().reset();
    std::map<std::string, int> counts;
    for (const content::Category& category : Value(std::move(categories))) counts[category.id] = category.service_count;
    return counts;
}

std::string Describe(const std::vector<content::ServiceSummary>& list) {
    std::string out;
    for (const auto& s : list) {
        out += s.id + "|" + s.name.text + "|" + s.name.lang + (s.name.fallback ? "*" : "") + "|" + s.description.text + "|" +
               s.description.lang + "|" + s.organization_name.text + "|" + s.organization_name.lang + "|" +
               (s.is_free ? (*s.is_free ? "free" : "paid") : "?") + "|" + s.kiosk_role + "\n";
    }
    return out;
}

int64_t IndexRows(content::Db& db) { return Value(db.QueryInt("SELECT count(*) FROM list_entry")); }

// Every category in every listed language, and the counts: the index must give what the
// tables give.
void CheckIndexAgrees(content::Db& db, const std::string& step) {
    INFO("after: " << step);
    REQUIRE(Value(content::GetMeta(db, "list_index")).size() > 0);
    std::vector<std::string> categories;
    {
        content::Stmt stmt = Value(db.Prepare("SELECT id FROM taxonomy_term ORDER BY id"));
        while (Value(stmt.Step())) categories.push_back(stmt.Text(0));
    }
    for (const std::string lang : {"lv", "en", "ru"}) {
        for (const std::string& category : categories) {
            INFO(category << " " << lang);
            CHECK(Describe(Value(content::ListServicesInCategory(db, category, lang))) == Describe(ListFromTables(db, category, lang)));
        }
        std::map<std::string, int> counts;
        for (const auto& category : Value(content::ListCategories(db, lang))) counts[category.id] = category.service_count;
        CHECK(counts == CountsFromTables(db, lang));
    }
}

}  // namespace

TEST_CASE("The list index gives the lists the tables give, through every kind of change", "[content][queries][list_index]") {
    content::Db db = OpenTemp("queries_list_index");
    BuildDirectory(db);
    {
        Builder build(db);
        build.Text("service", "work-1", "description", {{"ru", "Поиск работы вместе"}, {"lv", "Darba meklēšana kopā"}});
        build.Row("service", {{"id", "legal-2"}, {"is_free", false}});
        build.Done();
    }
    REQUIRE(IndexRows(db) > 0);
    CheckIndexAgrees(db, "building");

    auto change = [&](const std::string& step, const std::function<void(content::ContentWriter&)>& write) {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        write(writer);
        Check(writer.Finish());
        Check(tx.Commit());
        CheckIndexAgrees(db, step);
    };
    change("a service renamed (moves in the order)", [](content::ContentWriter& w) {
        Check(w.SetText("service", "legal-1", "name", "lv", "Ārsts un jurists"));
    });
    change("a translation added where there was a fallback", [](content::ContentWriter& w) {
        Check(w.SetText("service", "legal-2", "name", "ru", "Перевод документов"));
        Check(w.SetText("service", "legal-2", "name", "en", "Translating documents"));
    });
    change("a translation removed", [](content::ContentWriter& w) { Check(w.RemoveText("service", "legal-1", "name", "ru")); });
    change("the provider renamed", [](content::ContentWriter& w) {
        Check(w.SetText("organization", "prov", "name", "ru", "Поставщик услуг"));
    });
    change("a category link moved to another service", [](content::ContentWriter& w) {
        Check(w.Upsert("attribute", {{"id", "attr-work-1-work"}, {"link_id", "hotline"}}));
    });
    change("a service closed, another reopened", [](content::ContentWriter& w) {
        Check(w.Upsert("service", {{"id", "legal-1"}, {"status", "inactive"}}));
        Check(w.Upsert("service", {{"id", "legal-old"}, {"status", "active"}}));
    });
    change("free/paid and role changed", [](content::ContentWriter& w) {
        Check(w.Upsert("service", {{"id", "legal-old"}, {"is_free", true}, {"kiosk_role", "hotline"}}));
    });
    change("a service deleted", [](content::ContentWriter& w) { Check(w.Delete("service", "legal-2")); });
    change("a category deleted (its links cascade)", [](content::ContentWriter& w) { Check(w.Delete("taxonomy_term", "work")); });
    CHECK(Value(db.QueryInt("SELECT count(*) FROM list_entry WHERE category_id = 'work'")) == 0);
    CHECK(Value(db.QueryInt("SELECT count(*) FROM list_count WHERE category_id = 'work'")) == 0);
    change("a provider deleted (its services cascade)", [](content::ContentWriter& w) { Check(w.Delete("organization", "prov")); });
    CHECK(Value(db.QueryInt("SELECT count(*) FROM list_entry WHERE service_id IN ('legal-1', 'legal-old')")) == 0);
    CHECK(Value(content::ListCategories(db, "en"))[0].service_count == 0);
}

TEST_CASE("A list index that is missing or made by another ICU is not used, and the next write rebuilds it",
          "[content][queries][list_index]") {
    content::Db db = OpenTemp("queries_list_marker");
    BuildDirectory(db);
    const std::string expected = Describe(Value(content::ListServicesInCategory(db, "legal", "lv")));
    REQUIRE(expected.find("legal-1") != std::string::npos);
    {
        // The lists really come from the index while it is valid.
        Check(db.Exec("BEGIN; UPDATE list_entry SET name = 'From the index' WHERE service_id = 'legal-1' AND lang = 'lv';"));
        db.query_cache().reset();
        auto names = Names(Value(content::ListServicesInCategory(db, "legal", "lv")));
        Check(db.Exec("ROLLBACK"));
        db.query_cache().reset();
        CHECK(std::find(names.begin(), names.end(), "From the index") != names.end());
    }

    // As a database filled under schema 3 looks after migrating: empty index, no marker. Or
    // the keys came from another ICU version: the rows are there but must not be trusted.
    for (const std::string marker : {"", "1 icu 99.1 lv 1.2.3.4"}) {
        INFO("marker '" << marker << "'");
        if (marker.empty()) {
            Check(db.Exec("DELETE FROM list_entry; DELETE FROM list_count; DELETE FROM meta WHERE key = 'list_index';"));
        } else {
            Check(db.Exec("UPDATE list_entry SET sort_key = x'00', name = 'stale'; UPDATE meta SET value = '" + marker +
                          "' WHERE key = 'list_index';"));
        }
        CHECK(Describe(Value(content::ListServicesInCategory(db, "legal", "lv"))) == expected);
        CHECK(Value(content::ListCategories(db, "lv"))[0].service_count == 2);

        // Any write (here: nothing but a meta value) brings it back whole.
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        Check(writer.SetMeta("content_seq", "1235"));
        Check(writer.Finish());
        Check(tx.Commit());
        CHECK(Value(db.QueryInt("SELECT count(*) FROM list_entry WHERE name = 'stale'")) == 0);
        CHECK(IndexRows(db) > 0);
        CheckIndexAgrees(db, "rebuild");
    }
    // And on demand.
    Check(db.Exec("DELETE FROM meta WHERE key = 'list_index'"));
    Check(content::RebuildListIndex(db));
    CheckIndexAgrees(db, "RebuildListIndex");
}
