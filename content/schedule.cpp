// content/schedule.cpp: RFC 5545 expansion with libical (see schedule.h for the design note).
#include "content/schedule.h"

#include <libical/ical.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "base/json.h"

namespace content {
namespace {

// libical keeps global state (the time zone cache, icalerrno); one expansion at a time.
std::mutex& IcalMutex() {
    static std::mutex mutex;
    return mutex;
}

struct LocalTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    bool date_only = false;
};

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" and the RFC 5545 basic forms
// "YYYYMMDD", "YYYYMMDDTHHMMSS".
bool ParseLocal(std::string text, LocalTime* out) {
    while (!text.empty() && (text.back() == ' ')) text.pop_back();
    while (!text.empty() && (text.front() == ' ')) text.erase(0, 1);
    LocalTime t;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second,
                    &consumed) == 6 && consumed == (int)text.size()) {
    } else if (t = LocalTime{}, consumed = 0,
               std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &t.year, &t.month, &t.day, &t.hour, &t.minute, &consumed) == 5 &&
                   consumed == (int)text.size()) {
    } else if (t = LocalTime{}, consumed = 0,
               std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &t.year, &t.month, &t.day, &consumed) == 3 &&
                   consumed == (int)text.size()) {
        t.date_only = true;
    } else if (t = LocalTime{}, consumed = 0,
               std::sscanf(text.c_str(), "%4d%2d%2dT%2d%2d%2d%n", &t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second,
                           &consumed) == 6 && consumed == (int)text.size()) {
    } else if (t = LocalTime{}, consumed = 0,
               std::sscanf(text.c_str(), "%4d%2d%2d%n", &t.year, &t.month, &t.day, &consumed) == 3 && consumed == 8 &&
                   text.size() == 8) {
        t.date_only = true;
    } else {
        return false;
    }
    if (t.year < 1970 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > DaysInMonth(t.year, t.month) ||
        t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 || t.second > 59) {
        return false;
    }
    *out = t;
    return true;
}

std::string FormatLocal(int year, int month, int day, int hour, int minute) {
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
    return buffer;
}

std::string FormatDate(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
    return buffer;
}

icaltimetype ToIcal(const LocalTime& t, icaltimezone* zone) {
    icaltimetype out = icaltime_null_time();
    out.year = t.year;
    out.month = t.month;
    out.day = t.day;
    out.hour = t.hour;
    out.minute = t.minute;
    out.second = t.second;
    out.is_date = 0;
    out.zone = zone;
    return out;
}

std::vector<std::string> SplitList(const std::string& stored) {
    std::vector<std::string> items;
    if (stored.empty()) return items;
    // The column holds comma-separated times; a JSON array is accepted too (hand-written rows).
    if (stored.front() == '[') {
        nlohmann::json parsed = base::ParseJsonOrDiscarded(stored);
        if (parsed.is_array()) {
            for (const auto& item : parsed) {
                if (item.is_string()) items.push_back(item.get<std::string>());
            }
            return items;
        }
    }
    size_t start = 0;
    while (start <= stored.size()) {
        size_t end = stored.find(',', start);
        if (end == std::string::npos) end = stored.size();
        std::string item = stored.substr(start, end - start);
        if (item.find_first_not_of(' ') != std::string::npos) items.push_back(item);
        start = end + 1;
    }
    return items;
}

struct Window {
    int64_t start = 0, end = 0;
};

Window WindowFor(const ExpandOptions& options) {
    int64_t now = options.now_utc ? options.now_utc : (int64_t)std::time(nullptr);
    return {now - (int64_t)options.lookback_days * 86400, now + (int64_t)options.horizon_days * 86400};
}

uint64_t Mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t Fnv1a(const std::string& text, uint64_t basis) {
    uint64_t hash = basis;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return Mix(hash);
}

}  // namespace

std::string SessionIdFor(const std::string& series_id, const std::string& local_start) {
    const std::string name = series_id + "|" + local_start;
    uint64_t high = Fnv1a(name, 0xcbf29ce484222325ULL);
    uint64_t low = Fnv1a(name, 0x6c62272e07bb0142ULL);
    uint8_t bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = (uint8_t)(high >> (56 - 8 * i));
        bytes[8 + i] = (uint8_t)(low >> (56 - 8 * i));
    }
    bytes[6] = (uint8_t)((bytes[6] & 0x0F) | 0x80);  // version 8: custom (RFC 9562)
    bytes[8] = (uint8_t)((bytes[8] & 0x3F) | 0x80);  // RFC variant
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 0x0F]);
    }
    return out;
}

Result<std::vector<Occurrence>> ExpandRecurrence(const Recurrence& recurrence, const ExpandOptions& options) {
    LocalTime start;
    if (!ParseLocal(recurrence.dtstart, &start) || start.date_only) {
        return base::MakeError("schedule_bad_dtstart", "'" + recurrence.dtstart + "' is not a local time YYYY-MM-DDTHH:MM[:SS]");
    }
    if (recurrence.duration_minutes <= 0 || recurrence.duration_minutes > 7 * 24 * 60) {
        return base::MakeError("schedule_bad_duration",
                               "duration " + std::to_string(recurrence.duration_minutes) + " minutes is not between 1 minute and a week");
    }
    std::set<std::string> excluded_times, excluded_days;
    for (const std::string& text : recurrence.exdates) {
        LocalTime t;
        if (!ParseLocal(text, &t)) return base::MakeError("schedule_bad_date", "EXDATE '" + text + "' is not a local time or date");
        if (t.date_only) {
            excluded_days.insert(FormatDate(t.year, t.month, t.day));
        } else {
            excluded_times.insert(FormatLocal(t.year, t.month, t.day, t.hour, t.minute));
        }
    }
    std::vector<LocalTime> extra;
    for (const std::string& text : recurrence.rdates) {
        LocalTime t;
        if (!ParseLocal(text, &t)) return base::MakeError("schedule_bad_date", "RDATE '" + text + "' is not a local time or date");
        if (t.date_only) {
            t.hour = start.hour;
            t.minute = start.minute;
            t.second = start.second;
            t.date_only = false;
        }
        extra.push_back(t);
    }

    const Window window = WindowFor(options);
    std::lock_guard<std::mutex> lock(IcalMutex());
    icalerror_set_errors_are_fatal(0);
    const std::string tzid = recurrence.tzid.empty() ? "Europe/Riga" : recurrence.tzid;
    icaltimezone* zone = icaltimezone_get_builtin_timezone(tzid.c_str());
    if (!zone) return base::MakeError("schedule_unknown_tz", "time zone '" + tzid + "' is unknown (is tzdata installed?)");

    std::map<std::string, Occurrence> found;  // by local start: chronological and without duplicates
    auto consider = [&](const icaltimetype& local) -> Status {
        icaltimetype zoned = local;
        zoned.zone = zone;
        zoned.is_date = 0;
        int64_t starts_at = (int64_t)icaltime_as_timet_with_zone(zoned, zone);
        std::string local_start = FormatLocal(local.year, local.month, local.day, local.hour, local.minute);
        if (starts_at < window.start || starts_at >= window.end) return base::Ok();
        if (excluded_times.count(local_start) || excluded_days.count(FormatDate(local.year, local.month, local.day))) {
            return base::Ok();
        }
        if (found.count(local_start)) return base::Ok();
        if ((int)found.size() >= options.max_sessions) {
            return base::MakeError("schedule_too_many", "the rule gives more than " + std::to_string(options.max_sessions) +
                                                            " sessions within the window");
        }
        found[local_start] = Occurrence{local_start, starts_at, starts_at + (int64_t)recurrence.duration_minutes * 60};
        return base::Ok();
    };

    const icaltimetype dtstart = ToIcal(start, zone);
    if (recurrence.rrule.empty()) {
        TRY(consider(dtstart));
    } else {
        icalerror_clear_errno();
        icalrecurrencetype rule = icalrecurrencetype_from_string(recurrence.rrule.c_str());
        if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
            icalerror_clear_errno();
            return base::MakeError("schedule_bad_rrule", "'" + recurrence.rrule + "' is not an RFC 5545 RRULE");
        }
        icalrecur_iterator* it = icalrecur_iterator_new(rule, dtstart);
        if (!it) {
            icalerror_clear_errno();
            return base::MakeError("schedule_bad_rrule", "libical cannot iterate '" + recurrence.rrule + "'");
        }
        // A rule can produce nothing for a long time (BYMONTHDAY=31;BYMONTH=2 never does), so the
        // walk is bounded by steps as well as by the window.
        Status status = base::Ok();
        for (int steps = 0; steps < 200000; ++steps) {
            icaltimetype next = icalrecur_iterator_next(it);
            if (icaltime_is_null_time(next)) break;
            icaltimetype zoned = next;
            zoned.zone = zone;
            if ((int64_t)icaltime_as_timet_with_zone(zoned, zone) >= window.end) break;
            status = consider(next);
            if (!status.ok()) break;
        }
        icalrecur_iterator_free(it);
        icalerror_clear_errno();
        TRY(status);
    }
    for (const LocalTime& t : extra) TRY(consider(ToIcal(t, zone)));

    std::vector<Occurrence> out;
    out.reserve(found.size());
    for (auto& [key, occurrence] : found) out.push_back(std::move(occurrence));
    return out;
}

Result<Recurrence> LoadRecurrence(Db& db, const std::string& series_id) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT dtstart, tzid, duration_minutes, rrule, exdates, rdates FROM course_series WHERE id = ?1"));
    stmt.Bind(1, series_id);
    if (!TRY_VALUE(stmt.Step())) return base::MakeError("not_found", "no course series with id '" + series_id + "'");
    Recurrence recurrence;
    recurrence.dtstart = stmt.Text(0);
    recurrence.tzid = stmt.Text(1);
    recurrence.duration_minutes = (int)stmt.Int(2);
    recurrence.rrule = stmt.Text(3);
    recurrence.exdates = SplitList(stmt.Text(4));
    recurrence.rdates = SplitList(stmt.Text(5));
    return recurrence;
}

Result<int> ExpandSeriesSessions(Db& db, ContentWriter& writer, const std::string& series_id, const ExpandOptions& options) {
    Recurrence recurrence = TRY_VALUE(LoadRecurrence(db, series_id));
    auto expanded = ExpandRecurrence(recurrence, options);
    if (!expanded.ok()) {
        return base::MakeError(expanded.error().code, "course series " + series_id + ": " + expanded.error().message);
    }
    int64_t capacity = 0;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT capacity FROM course_series WHERE id = ?1"));
        stmt.Bind(1, series_id);
        if (TRY_VALUE(stmt.Step())) capacity = stmt.Int(0);
    }
    std::set<std::string> produced;
    for (const Occurrence& occurrence : *expanded) {
        std::string id = SessionIdFor(series_id, occurrence.local_start);
        produced.insert(id);
        // Only these columns are set: an existing session keeps seats_taken and status.
        TRY(writer.Upsert("course_session", nlohmann::json{{"id", id},
                                                           {"series_id", series_id},
                                                           {"starts_at", occurrence.starts_at},
                                                           {"ends_at", occurrence.ends_at},
                                                           {"local_start", occurrence.local_start},
                                                           {"capacity", capacity}}));
    }
    // Sessions in the window that the rule no longer gives.
    const Window window = WindowFor(options);
    struct Stale {
        std::string id;
        bool booked;
    };
    std::vector<Stale> stale;
    {
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT cs.id, cs.seats_taken > 0 OR EXISTS (SELECT 1 FROM booking b WHERE b.session_id = cs.id) "
            "FROM course_session cs WHERE cs.series_id = ?1 AND cs.starts_at >= ?2 AND cs.starts_at < ?3"));
        stmt.Bind(1, series_id).Bind(2, window.start).Bind(3, window.end);
        while (TRY_VALUE(stmt.Step())) {
            if (!produced.count(stmt.Text(0))) stale.push_back({stmt.Text(0), stmt.Int(1) != 0});
        }
    }
    for (const Stale& session : stale) {
        if (session.booked) {
            TRY(writer.Upsert("course_session", nlohmann::json{{"id", session.id}, {"status", "cancelled"}}));
        } else {
            TRY(writer.Delete("course_session", session.id));
        }
    }
    return (int)expanded->size();
}

}  // namespace content
