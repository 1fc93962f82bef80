// tests/content/schedule_test.cpp: RFC 5545 series expansion (libical) across the Riga DST
// changes, EXDATE/RDATE, bounds, stable session ids, and regeneration that keeps seats.
#include <regex>

#include "content/schedule.h"
#include "content_fixture.h"

using namespace content_test;

namespace {

// UTC seconds of a UTC wall time, computed independently of libical (days from civil).
int64_t Utc(int y, int m, int d, int hh, int mm) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400 + hh * 3600 + mm * 60;
}

content::ExpandOptions Around(int64_t now) {
    content::ExpandOptions options;
    options.now_utc = now;
    return options;
}

}  // namespace

TEST_CASE("Weekly sessions keep 18:00 local across the March DST change, EXDATE removes one", "[content][schedule]") {
    content::Recurrence rule;
    rule.dtstart = "2026-03-17T18:00:00";  // a Tuesday; Riga moves to UTC+3 on Sunday 29 March
    rule.duration_minutes = 90;
    rule.rrule = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8";
    rule.exdates = {"2026-03-26T18:00:00"};
    auto sessions = Value(content::ExpandRecurrence(rule, Around(Utc(2026, 3, 1, 0, 0))));
    REQUIRE(sessions.size() == 7);
    const std::vector<std::string> local = {"2026-03-17T18:00", "2026-03-19T18:00", "2026-03-24T18:00", "2026-03-31T18:00",
                                            "2026-04-02T18:00", "2026-04-07T18:00", "2026-04-09T18:00"};
    for (size_t i = 0; i < local.size(); ++i) CHECK(sessions[i].local_start == local[i]);
    CHECK(sessions[0].starts_at == Utc(2026, 3, 17, 16, 0));  // UTC+2
    CHECK(sessions[2].starts_at == Utc(2026, 3, 24, 16, 0));
    CHECK(sessions[3].starts_at == Utc(2026, 3, 31, 15, 0));  // UTC+3
    CHECK(sessions[6].starts_at == Utc(2026, 4, 9, 15, 0));
    for (const auto& session : sessions) CHECK(session.ends_at - session.starts_at == 90 * 60);
}

TEST_CASE("Daily sessions keep 18:00 local across the October DST change", "[content][schedule]") {
    content::Recurrence rule;
    rule.dtstart = "2026-10-23T18:00";  // Riga returns to UTC+2 at 04:00 on Sunday 25 October
    rule.duration_minutes = 60;
    rule.rrule = "FREQ=DAILY;UNTIL=20261028T235959";
    rule.exdates = {"2026-10-27T18:00"};
    rule.rdates = {"2026-10-31T10:30"};
    auto sessions = Value(content::ExpandRecurrence(rule, Around(Utc(2026, 10, 1, 0, 0))));
    std::vector<std::string> local;
    for (const auto& s : sessions) local.push_back(s.local_start);
    CHECK(local == std::vector<std::string>{"2026-10-23T18:00", "2026-10-24T18:00", "2026-10-25T18:00", "2026-10-26T18:00",
                                            "2026-10-28T18:00", "2026-10-31T10:30"});
    CHECK(sessions[0].starts_at == Utc(2026, 10, 23, 15, 0));  // UTC+3
    CHECK(sessions[1].starts_at == Utc(2026, 10, 24, 15, 0));
    CHECK(sessions[2].starts_at == Utc(2026, 10, 25, 16, 0));  // UTC+2 from that morning
    CHECK(sessions[5].starts_at == Utc(2026, 10, 31, 8, 30));
}

TEST_CASE("A date-only EXDATE removes that day; no RRULE gives DTSTART and RDATEs", "[content][schedule]") {
    content::Recurrence rule;
    rule.dtstart = "2026-12-21T10:00:00";
    rule.duration_minutes = 45;
    rule.rrule = "FREQ=DAILY;COUNT=5";
    rule.exdates = {"2026-12-24"};
    auto sessions = Value(content::ExpandRecurrence(rule, Around(Utc(2026, 12, 1, 0, 0))));
    REQUIRE(sessions.size() == 4);
    CHECK(sessions[3].local_start == "2026-12-25T10:00");

    content::Recurrence single;
    single.dtstart = "2026-12-21T10:00:00";
    single.duration_minutes = 45;
    single.rdates = {"2026-12-28", "2026-12-21T10:00:00"};  // a duplicate of DTSTART counts once
    auto once = Value(content::ExpandRecurrence(single, Around(Utc(2026, 12, 1, 0, 0))));
    REQUIRE(once.size() == 2);
    CHECK(once[1].local_start == "2026-12-28T10:00");  // a date-only RDATE takes DTSTART's time
}

TEST_CASE("Unbounded rules stop at the horizon; runaway rules are refused", "[content][schedule]") {
    content::Recurrence weekly;
    weekly.dtstart = "2026-01-05T18:00:00";
    weekly.duration_minutes = 60;
    weekly.rrule = "FREQ=WEEKLY";
    const int64_t now = Utc(2026, 6, 1, 0, 0);
    auto sessions = Value(content::ExpandRecurrence(weekly, Around(now)));
    // From a month back (lookback) to a year ahead: about 57 weeks.
    REQUIRE(sessions.size() >= 56);
    REQUIRE(sessions.size() <= 58);
    CHECK(sessions.front().starts_at >= now - 31 * 86400);
    CHECK(sessions.back().starts_at < now + 366 * 86400);

    content::Recurrence runaway = weekly;
    runaway.rrule = "FREQ=MINUTELY";
    auto refused = content::ExpandRecurrence(runaway, Around(now));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "schedule_too_many");

    content::Recurrence leap = weekly;  // 29 February: the next one (2028) is beyond the window
    leap.rrule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29";
    CHECK(Value(content::ExpandRecurrence(leap, Around(now))).empty());
    CHECK(Value(content::ExpandRecurrence(leap, Around(Utc(2027, 12, 1, 0, 0))))[0].local_start == "2028-02-29T18:00");
}

TEST_CASE("Bad recurrences give clear errors", "[content][schedule]") {
    content::Recurrence rule;
    rule.dtstart = "2026-12-01T18:00:00";
    rule.duration_minutes = 60;
    rule.rrule = "FREQ=WEEKLY";
    const auto options = Around(Utc(2026, 12, 1, 0, 0));

    auto bad_rule = rule;
    bad_rule.rrule = "EVERY TUESDAY";
    auto result = content::ExpandRecurrence(bad_rule, options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "schedule_bad_rrule");
    CHECK(result.error().message.find("EVERY TUESDAY") != std::string::npos);

    auto bad_start = rule;
    bad_start.dtstart = "2026-13-01T18:00:00";
    CHECK(content::ExpandRecurrence(bad_start, options).error().code == "schedule_bad_dtstart");
    auto bad_tz = rule;
    bad_tz.tzid = "Europe/Atlantis";
    CHECK(content::ExpandRecurrence(bad_tz, options).error().code == "schedule_unknown_tz");
    auto bad_exdate = rule;
    bad_exdate.exdates = {"next Tuesday"};
    CHECK(content::ExpandRecurrence(bad_exdate, options).error().code == "schedule_bad_date");
    auto bad_duration = rule;
    bad_duration.duration_minutes = 0;
    CHECK(content::ExpandRecurrence(bad_duration, options).error().code == "schedule_bad_duration");
}

TEST_CASE("Session ids are stable, distinct UUIDs", "[content][schedule]") {
    const std::string a = content::SessionIdFor("series-1", "2026-12-01T18:00");
    CHECK(a == content::SessionIdFor("series-1", "2026-12-01T18:00"));
    CHECK(a != content::SessionIdFor("series-1", "2026-12-01T18:01"));
    CHECK(a != content::SessionIdFor("series-2", "2026-12-01T18:00"));
    CHECK(std::regex_match(a, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    std::set<std::string> ids;
    for (int day = 1; day <= 28; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            char local[32];
            std::snprintf(local, sizeof(local), "2026-02-%02dT%02d:00", day, hour);
            ids.insert(content::SessionIdFor("series-1", local));
        }
    }
    CHECK(ids.size() == 28 * 24);
}

TEST_CASE("Regenerating a series keeps seats and status, and retires sessions the rule dropped", "[content][schedule]") {
    content::Db db = OpenTemp("schedule_regenerate");
    const auto options = Around(Utc(2026, 11, 20, 0, 0));
    {
        Builder build(db);
        build.Organization("o", {{"en", "Centre"}});
        build.Service("svc", "o", {{"en", "Courses"}});
        build.Row("course_series", {{"id", "s"}, {"service_id", "svc"}, {"kind", "language_course"}, {"capacity", 12},
                                    {"dtstart", "2026-12-01T18:00:00"}, {"duration_minutes", 90},
                                    {"rrule", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6"}});
        CHECK(Value(content::ExpandSeriesSessions(db, build.writer(), "s", options)) == 6);
        build.Done();
    }
    CHECK(Value(db.QueryInt("SELECT count(*) FROM course_session WHERE series_id = 's' AND capacity = 12")) == 6);
    const std::string first = content::SessionIdFor("s", "2026-12-01T18:00");
    const std::string second = content::SessionIdFor("s", "2026-12-03T18:00");
    const std::string third = content::SessionIdFor("s", "2026-12-08T18:00");
    CHECK(Value(db.QueryInt("SELECT starts_at FROM course_session WHERE id = '" + first + "'")) == Utc(2026, 12, 1, 16, 0));
    // The hub counted bookings and cancelled one session.
    Check(db.Exec("UPDATE course_session SET seats_taken = 5 WHERE id = '" + first + "';"
                  "UPDATE course_session SET status = 'cancelled' WHERE id = '" + third + "';"
                  "UPDATE course_session SET seats_taken = 2 WHERE id = '" + second + "';"));
    {
        // The series changes: 3 December is dropped, capacity grows.
        Builder build(db);
        build.Row("course_series", {{"id", "s"}, {"capacity", 15}, {"exdates", "2026-12-03T18:00:00,2026-12-10T18:00:00"}});
        CHECK(Value(content::ExpandSeriesSessions(db, build.writer(), "s", options)) == 4);
        build.Done();
    }
    CHECK(Value(db.QueryInt("SELECT seats_taken FROM course_session WHERE id = '" + first + "'")) == 5);
    CHECK(Value(db.QueryInt("SELECT capacity FROM course_session WHERE id = '" + first + "'")) == 15);
    CHECK(Value(db.QueryInt("SELECT count(*) FROM course_session WHERE id = '" + third + "' AND status = 'cancelled'")) == 1);
    // 3 December had seats taken: kept, but cancelled. 10 December had none: deleted.
    CHECK(Value(db.QueryInt("SELECT count(*) FROM course_session WHERE id = '" + second + "' AND status = 'cancelled'")) == 1);
    CHECK(Value(db.QueryInt("SELECT count(*) FROM course_session WHERE local_start = '2026-12-10T18:00'")) == 0);
    CHECK(Value(db.QueryInt("SELECT count(*) FROM course_session WHERE series_id = 's'")) == 5);

    Builder build(db);
    auto missing = content::ExpandSeriesSessions(db, build.writer(), "nope", options);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
}
