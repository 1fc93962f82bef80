// content/schedule.h: course and event series expanded into concrete sessions (libical).
//
// Design note
// - A series is an RFC 5545 recurrence in local time: DTSTART;TZID=<tzid> (Europe/Riga by
//   default), an optional RRULE, EXDATEs and RDATEs, all local wall-clock times. Expansion
//   walks the rule in local time and converts each start to UTC with the zone's rules for that
//   day, so 18:00 stays 18:00 local across the DST changes (UTC+2 in winter, UTC+3 in summer).
//   A local time that does not exist (the skipped hour on the last Sunday of March) is moved
//   forward by the gap, as libical resolves it; ends_at = starts_at + duration.
// - EXDATE matches an occurrence's local start to the minute; a date-only EXDATE
//   ("2026-12-24") removes every occurrence that day. A date-only RDATE takes DTSTART's time.
// - Unbounded rules are cut by a window: [now - lookback_days, now + horizon_days) (one year
//   ahead by default). Occurrences before the window are not written (history is kept as it
//   is), and at most max_sessions are produced (error "schedule_too_many" beyond, so a rule
//   like FREQ=MINUTELY cannot fill the disk).
// - Session ids are stable: SessionIdFor(series id, local start) is a UUID (version 8, RFC 9562
//   "custom") whose 122 free bits come from a fixed 128-bit hash of "<series id>|<YYYY-MM-DDTHH:MM>".
//   Re-expanding a series, on this kiosk or on the hub, gives the same ids, so a session keeps
//   its seats_taken, its status and the bookings that point at it.
// - ExpandSeriesSessions writes through the caller's ContentWriter (inside its transaction):
//   new occurrences are inserted with the series' capacity; existing ones keep seats_taken
//   and status (times and capacity follow the series); sessions inside the window that the
//   rule no longer produces are deleted when nobody booked them, else marked 'cancelled' so
//   the visitor's booking still points at something.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/store.h"

namespace content {

struct Recurrence {
    std::string dtstart;                 // local "YYYY-MM-DDTHH:MM[:SS]" in tzid
    std::string tzid = "Europe/Riga";
    int duration_minutes = 0;
    std::string rrule;                   // RRULE value ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16"), may be empty
    std::vector<std::string> exdates;    // local times or dates
    std::vector<std::string> rdates;     // local times or dates
};

struct Occurrence {
    std::string local_start;             // "YYYY-MM-DDTHH:MM" in tzid
    int64_t starts_at = 0;               // UTC seconds
    int64_t ends_at = 0;
};

struct ExpandOptions {
    int64_t now_utc = 0;                 // 0: the current time
    int lookback_days = 31;              // occurrences that started earlier are skipped
    int horizon_days = 366;              // occurrences starting later are skipped
    int max_sessions = 2000;
};

// Occurrences in start order, without duplicates. Errors: schedule_bad_dtstart,
// schedule_unknown_tz, schedule_bad_rrule, schedule_bad_date, schedule_bad_duration,
// schedule_too_many.
Result<std::vector<Occurrence>> ExpandRecurrence(const Recurrence& recurrence, const ExpandOptions& options = {});

// The recurrence stored for a series ("not_found" when there is no such series).
Result<Recurrence> LoadRecurrence(Db& db, const std::string& series_id);

// The stable session id (see the design note). `local_start` is "YYYY-MM-DDTHH:MM".
std::string SessionIdFor(const std::string& series_id, const std::string& local_start);

// (Re)generates the series' sessions; returns how many sessions the rule produced (written).
Result<int> ExpandSeriesSessions(Db& db, ContentWriter& writer, const std::string& series_id,
                                 const ExpandOptions& options = {});

}  // namespace content
