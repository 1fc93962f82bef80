// ui/localize.h: dates, times and language names in the reader's language (ICU), always in
// the centre's time zone (Europe/Riga) whatever the machine's TZ says.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ui {

// "12 March 2026 at 14:05" (long date, short time) in `lang`.
std::string FormatDateTimeUtc(int64_t utc_seconds, const std::string& lang);
// A local Riga timestamp "2026-12-01T18:00" as "Tue, 1 Dec, 18:00" in `lang`; the input
// unchanged when it cannot be parsed.
std::string FormatLocalStart(const std::string& local_iso, const std::string& lang);
// "18:00" from "2026-12-01T18:00".
std::string LocalTimeOfDay(const std::string& local_iso);

struct LocalDay {
    int year = 0, month = 0, day = 0;
    std::string iso;                     // "2026-12-01"
    int64_t start_utc = 0;               // local midnight
};

// The Monday-to-Sunday week around `utc_seconds` shifted by `week_offset` weeks.
std::vector<LocalDay> LocalWeek(int64_t utc_seconds, int week_offset);
int64_t LocalMidnightUtc(int year, int month, int day);
// The UTC instant of a wall-clock time in the centre's zone (the offset of that very moment, so
// the days the clocks change are right).
int64_t LocalTimeUtc(int year, int month, int day, int hour, int minute);
// "Mon 1 Dec" for a day, in `lang`.
std::string FormatDayShort(const LocalDay& day, const std::string& lang);
std::string FormatDayLong(const LocalDay& day, const std::string& lang);  // "1 December 2026"

// Name of language `code` in `reader_lang`, first letter capitalised ("Latvian", "Latviešu
// valoda" is not used: ICU's "latviešu" becomes "Latviešu"). The code itself when ICU has none.
std::string LanguageName(const std::string& code, const std::string& reader_lang);
// The same inside a sentence or a bracket: as the reader's language writes it there ("angļu",
// "английский", "English").
std::string LanguageNameInText(const std::string& code, const std::string& reader_lang);
// The language's own name ("Latviešu", "English", "Русский", "Українська").
std::string Endonym(const std::string& code);

}  // namespace ui
