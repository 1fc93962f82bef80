// ui/localize.cpp: ICU date formatting in Europe/Riga and language display names.
#include "ui/localize.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <map>
#include <memory>

namespace ui {
namespace {

constexpr const char* kZone = "Europe/Riga";

std::string ToUtf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// A formatter for a skeleton ("EEEdMMMHHmm") localised to `lang`, in `zone`. Formatters are
// expensive to build (pattern generator data), so each (lang, skeleton, zone) is built once;
// screens format dates every frame. UI thread only, like everything in ui/.
std::string FormatSkeleton(UDate date, const char* skeleton, const std::string& lang, const char* zone) {
    static std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;
    const std::string key = lang + "|" + skeleton + "|" + zone;
    auto it = formats.find(key);
    if (it == formats.end()) {
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale locale(lang.c_str());
        std::unique_ptr<icu::DateTimePatternGenerator> generator(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        std::unique_ptr<icu::SimpleDateFormat> format;
        if (U_SUCCESS(status)) {
            icu::UnicodeString pattern = generator->getBestPattern(icu::UnicodeString(skeleton), status);
            if (U_SUCCESS(status)) {
                format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
                if (U_FAILURE(status)) format.reset();
                else format->adoptTimeZone(icu::TimeZone::createTimeZone(zone));
            }
        }
        it = formats.emplace(key, std::move(format)).first;
    }
    if (!it->second) return {};
    icu::UnicodeString out;
    it->second->format(date, out);
    return ToUtf8(out);
}

bool ParseLocalIso(const std::string& s, int* y, int* mo, int* d, int* h, int* mi) {
    *h = *mi = 0;
    int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d", y, mo, d, h, mi);
    return n == 5 || (n == 3 && s.size() == 10);
}

// The UDate of a wall-clock time read as if it were GMT: formatting it in GMT shows the same
// wall clock, which is how a stored local Riga time is displayed without a zone round trip.
UDate WallClockAsGmt(int y, int mo, int d, int h, int mi) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(icu::TimeZone::createTimeZone("GMT"), status);
    cal.clear();
    cal.set(y, mo - 1, d, h, mi, 0);
    return cal.getTime(status);
}

icu::UnicodeString CapitaliseFirst(icu::UnicodeString s, const icu::Locale& locale) {
    if (s.isEmpty()) return s;
    int32_t first_len = U16_LENGTH(s.char32At(0));
    icu::UnicodeString first = s.tempSubString(0, first_len);
    first.toUpper(locale);
    return first + s.tempSubString(first_len);
}

}  // namespace

std::string FormatDateTimeUtc(int64_t utc_seconds, const std::string& lang) {
    icu::Locale locale(lang.c_str());
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createDateTimeInstance(icu::DateFormat::kLong, icu::DateFormat::kShort, locale));
    if (!format) return std::to_string(utc_seconds);
    format->adoptTimeZone(icu::TimeZone::createTimeZone(kZone));
    icu::UnicodeString out;
    format->format(UDate(utc_seconds) * 1000.0, out);
    return ToUtf8(out);
}

std::string FormatLocalStart(const std::string& local_iso, const std::string& lang) {
    int y, mo, d, h, mi;
    if (!ParseLocalIso(local_iso, &y, &mo, &d, &h, &mi)) return local_iso;
    std::string s = FormatSkeleton(WallClockAsGmt(y, mo, d, h, mi), "EEEdMMMHHmm", lang, "GMT");
    return s.empty() ? local_iso : s;
}

std::string LocalTimeOfDay(const std::string& local_iso) {
    size_t t = local_iso.find('T');
    if (t == std::string::npos || local_iso.size() < t + 6) return {};
    return local_iso.substr(t + 1, 5);
}

int64_t LocalMidnightUtc(int year, int month, int day) { return LocalTimeUtc(year, month, day, 0, 0); }

int64_t LocalTimeUtc(int year, int month, int day, int hour, int minute) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(icu::TimeZone::createTimeZone(kZone), status);
    cal.clear();
    cal.set(year, month - 1, day, hour, minute, 0);
    UDate date = cal.getTime(status);
    return U_FAILURE(status) ? 0 : int64_t(date / 1000.0);
}

std::vector<LocalDay> LocalWeek(int64_t utc_seconds, int week_offset) {
    std::vector<LocalDay> days;
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(icu::TimeZone::createTimeZone(kZone), status);
    if (U_FAILURE(status)) return days;
    cal.setTime(UDate(utc_seconds) * 1000.0, status);
    // Back to Monday (ICU: Sunday = 1 ... Saturday = 7).
    int dow = cal.get(UCAL_DAY_OF_WEEK, status);
    int back = (dow + 5) % 7;
    cal.add(UCAL_DATE, -back + 7 * week_offset, status);
    for (int i = 0; i < 7 && U_SUCCESS(status); ++i) {
        LocalDay day;
        day.year = cal.get(UCAL_YEAR, status);
        day.month = cal.get(UCAL_MONTH, status) + 1;
        day.day = cal.get(UCAL_DATE, status);
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", day.year, day.month, day.day);
        day.iso = iso;
        day.start_utc = LocalMidnightUtc(day.year, day.month, day.day);
        days.push_back(day);
        cal.add(UCAL_DATE, 1, status);
    }
    return days;
}

std::string FormatDayShort(const LocalDay& day, const std::string& lang) {
    std::string s = FormatSkeleton(WallClockAsGmt(day.year, day.month, day.day, 12, 0), "EEEdMMM", lang, "GMT");
    return s.empty() ? day.iso : s;
}

std::string FormatDayLong(const LocalDay& day, const std::string& lang) {
    std::string s = FormatSkeleton(WallClockAsGmt(day.year, day.month, day.day, 12, 0), "yMMMMd", lang, "GMT");
    return s.empty() ? day.iso : s;
}

std::string LanguageName(const std::string& code, const std::string& reader_lang) {
    icu::Locale reader(reader_lang.c_str());
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(reader, name);
    std::string out = ToUtf8(CapitaliseFirst(name, reader));
    return out.empty() ? code : out;
}

std::string LanguageNameInText(const std::string& code, const std::string& reader_lang) {
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale(reader_lang.c_str()), name);
    std::string out = ToUtf8(name);
    return out.empty() ? code : out;
}

std::string Endonym(const std::string& code) { return LanguageName(code, code); }

}  // namespace ui
