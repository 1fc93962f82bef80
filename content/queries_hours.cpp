// content/queries_hours.cpp: opening hours in words, addresses on one line.
//
// DescribeOpeningHours works per weekday: it collects each day's time ranges, then gives one
// line per distinct set of ranges, naming its days as runs of consecutive days ("Mon–Thu",
// "Mon–Wed, Fri"). Day names are ICU's stand-alone abbreviations in the reader's language,
// capitalised ("Пн", not "пн"); where those are long (Latvian "Pirmd.") ICU's short form
// ("Pr") is used so a line fits a narrow panel.
#include <unicode/dtfmtsym.h>
#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <set>

#include "content/queries.h"

namespace content {

namespace {

constexpr const char* kRangeDash = "\u2013";  // en dash

std::array<std::string, 8> DayNames(const std::string& lang) {
    std::array<std::string, 8> names;  // 1 = Monday ... 7 = Sunday; [0] unused
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        locale = icu::Locale::getEnglish();
    }
    icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) {
        static const char* kFallback[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int d = 1; d <= 7; ++d) names[d] = kFallback[d];
        return names;
    }
    auto pick = [&](icu::DateFormatSymbols::DtWidthType width) {
        int32_t count = 0;
        const icu::UnicodeString* days = symbols.getWeekdays(count, icu::DateFormatSymbols::STANDALONE, width);
        std::array<icu::UnicodeString, 8> out;
        // ICU indexes weekdays from UCAL_SUNDAY = 1 ... UCAL_SATURDAY = 7.
        for (int d = 1; d <= 7 && count > 7; ++d) out[d] = days[d == 7 ? 1 : d + 1];
        return out;
    };
    auto days = pick(icu::DateFormatSymbols::ABBREVIATED);
    bool too_long = std::any_of(days.begin() + 1, days.end(), [](const icu::UnicodeString& s) { return s.countChar32() > 4; });
    if (too_long) days = pick(icu::DateFormatSymbols::SHORT);
    for (int d = 1; d <= 7; ++d) {
        icu::UnicodeString day = days[d];
        if (!day.isEmpty()) {
            UChar32 first = day.char32At(0);
            icu::UnicodeString rest = day.tempSubString(U16_LENGTH(first));
            day = icu::UnicodeString(u_totitle(first)).append(rest);
        }
        day.toUTF8String(names[d]);
    }
    return names;
}

// "09:00" or "09:00:00" -> "9:00"; anything else is shown as given.
std::string ShortTime(const std::string& time) {
    if (time.size() >= 5 && time[2] == ':') {
        std::string out = time.substr(0, 5);
        if (out[0] == '0') out.erase(0, 1);
        return out;
    }
    return time;
}

}  // namespace

std::vector<std::string> DescribeOpeningHours(const std::vector<OpeningRule>& rules, const std::string& lang) {
    // Each day's set of ranges, as display strings sorted by opening time.
    std::array<std::vector<std::pair<std::string, std::string>>, 8> per_day;
    std::vector<std::string> notes;
    for (const OpeningRule& rule : rules) {
        bool has_times = !rule.opens_at.empty() && !rule.closes_at.empty();
        if (has_times) {
            for (int day : rule.weekdays) {
                if (day < 1 || day > 7) continue;
                auto range = std::make_pair(rule.opens_at.size() >= 5 ? rule.opens_at.substr(0, 5) : rule.opens_at,
                                            ShortTime(rule.opens_at) + kRangeDash + ShortTime(rule.closes_at));
                if (std::find(per_day[day].begin(), per_day[day].end(), range) == per_day[day].end()) {
                    per_day[day].push_back(range);
                }
            }
        }
        if (!rule.description.empty() && std::find(notes.begin(), notes.end(), rule.description.text) == notes.end()) {
            notes.push_back(rule.description.text);
        }
    }
    std::array<std::string, 8> hours;  // joined ranges per day, "" when closed
    for (int day = 1; day <= 7; ++day) {
        std::sort(per_day[day].begin(), per_day[day].end());
        for (const auto& range : per_day[day]) hours[day] += (hours[day].empty() ? "" : ", ") + range.second;
    }
    const auto names = DayNames(lang);
    std::vector<std::string> lines;
    std::set<std::string> done;
    for (int day = 1; day <= 7; ++day) {
        if (hours[day].empty() || done.count(hours[day])) continue;
        done.insert(hours[day]);
        std::string days;
        int d = day;
        while (d <= 7) {
            if (hours[d] != hours[day]) {
                ++d;
                continue;
            }
            int end = d;
            while (end + 1 <= 7 && hours[end + 1] == hours[day]) ++end;
            if (!days.empty()) days += ", ";
            days += names[d];
            if (end > d) days += kRangeDash + names[end];
            d = end + 1;
        }
        lines.push_back(days + " " + hours[day]);
    }
    lines.insert(lines.end(), notes.begin(), notes.end());
    return lines;
}

std::string Address::OneLine() const {
    std::string line;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += ", ";
        line += part;
    };
    add(address_1);
    add(address_2);
    add(city);
    if (!region.empty() && region != city) add(region);
    add(postal_code);
    return line;
}

}  // namespace content
