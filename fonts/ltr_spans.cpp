#include "fonts/ltr_spans.h"

#include <unicode/uchar.h>

namespace fonts {
namespace {

bool IsDigit(UChar c) { return u_isdigit(c) != 0; }
bool IsAsciiLetter(UChar c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(UChar c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }
bool IsAsciiGraphic(UChar c) { return c > 0x20 && c < 0x7F; }
bool IsDash(UChar c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }
bool IsOneOf(UChar c, const char* set) {
    for (; *set; ++set) {
        if (c == static_cast<UChar>(*set)) return true;
    }
    return false;
}

// A span may only start where a word or number does not continue from the left, so the
// finder never picks the tail of "ID123 456 789" or of "user.name@…".
bool NumberMayStartAfter(const UChar* u, int32_t i) {
    if (i == 0) return true;
    const UChar p = u[i - 1];
    if (IsDigit(p) || IsAsciiLetter(p) || IsOneOf(p, "+-.,:/@_")) return false;
    // Nor on the second group of a number the finder already turned down ("ID12 345 678");
    // a "+" does start a new number.
    return !(IsDigit(u[i]) && i >= 2 && IsOneOf(p, " -.") && IsDigit(u[i - 2]));
}
bool TokenMayStartAfter(const UChar* u, int32_t i) {
    if (i == 0) return true;
    const UChar p = u[i - 1];
    return !IsAsciiAlnum(p) && !IsDigit(p) && !IsOneOf(p, "+-.,:/@_%");
}

// A number is complete when no digit, and no punctuation followed by a digit, comes next:
// "1.234,50" is a decimal number UBA already keeps together, not a phone number.
bool NumberEndsAt(const UChar* u, int32_t n, int32_t end) {
    if (end >= n) return true;
    if (IsDigit(u[end])) return false;
    const bool punct = u_ispunct(u[end]) || u[end] == '+';
    return !(punct && end + 1 < n && IsDigit(u[end + 1]));
}

int32_t MatchPhone(const UChar* u, int32_t n, int32_t i) {
    int32_t j = i;
    bool plus = false;
    bool open = false;
    if (j < n && u[j] == '+') {
        plus = true;
        ++j;
    }
    if (j < n && u[j] == '(') {
        open = true;
        ++j;
        if (!plus && j < n && u[j] == '+') {
            plus = true;
            ++j;
        }
    }
    if (j >= n || !IsDigit(u[j])) return i;

    int digits = 0, groups = 0;
    int32_t end = i;
    int digits_at_end = 0, groups_at_end = 0;
    for (;;) {
        while (j < n && IsDigit(u[j])) {
            ++j;
            ++digits;
        }
        ++groups;
        if (!open) {
            end = j;
        } else if (j < n && u[j] == ')') {
            end = j + 1;
        }
        if (end >= j) {
            digits_at_end = digits;
            groups_at_end = groups;
        }
        // A separator: at most one space, hyphen or dot, and balanced parentheses.
        int32_t k = j;
        int plain = 0;
        bool next_open = open;
        while (k < n && plain <= 1) {
            const UChar c = u[k];
            if (c == ' ' || c == 0x00A0 || c == '-' || c == 0x2011 || c == '.') {
                ++plain;
            } else if (c == '(' && !next_open) {
                next_open = true;
            } else if (c == ')' && next_open) {
                next_open = false;
            } else {
                break;
            }
            ++k;
        }
        if (plain > 1 || k == j || k >= n || !IsDigit(u[k])) break;
        open = next_open;
        j = k;
    }
    if (end == i || digits_at_end < kMinPhoneDigits || (!plus && groups_at_end < 2)) return i;
    if (!NumberEndsAt(u, n, end)) return i;
    return end;
}

// hh or hh:mm (has_minutes), or a year-like 1..4 digit number without minutes.
int32_t MatchTime(const UChar* u, int32_t n, int32_t i, bool* has_minutes) {
    int32_t j = i;
    while (j < n && IsDigit(u[j]) && j - i < 4) ++j;
    const int32_t digits = j - i;
    if (digits == 0 || (j < n && IsDigit(u[j]))) return i;
    *has_minutes = false;
    if (digits <= 2 && j + 2 < n && u[j] == ':' && IsDigit(u[j + 1]) && IsDigit(u[j + 2]) &&
        (j + 3 >= n || !IsDigit(u[j + 3]))) {
        *has_minutes = true;
        j += 3;
    }
    return j;
}

int32_t MatchTimeRange(const UChar* u, int32_t n, int32_t i) {
    bool minutes_a = false, minutes_b = false;
    int32_t j = MatchTime(u, n, i, &minutes_a);
    if (j == i) return i;
    if (j < n && u[j] == ' ') ++j;
    if (j >= n || !IsDash(u[j])) return i;
    const UChar dash = u[j++];
    if (j < n && u[j] == ' ') ++j;
    if (j >= n || !IsDigit(u[j])) return i;
    const int32_t end = MatchTime(u, n, j, &minutes_b);
    if (end == j) return i;
    if (dash == '-' && !minutes_a && !minutes_b) return i;  // "2-3" is UBA's job (and maybe arithmetic)
    if (!NumberEndsAt(u, n, end)) return i;
    return end;
}

// labels of [A-Za-z0-9-] joined by single dots, at least two, the last of 2+ letters.
bool IsDomain(const UChar* u, int32_t a, int32_t b) {
    int labels = 0;
    int32_t label_start = a;
    for (int32_t k = a; k <= b; ++k) {
        if (k == b || u[k] == '.') {
            if (k == label_start) return false;
            ++labels;
            if (k == b) {
                if (k - label_start < 2) return false;
                for (int32_t m = label_start; m < k; ++m) {
                    if (!IsAsciiLetter(u[m])) return false;
                }
            }
            label_start = k + 1;
        } else if (!IsAsciiAlnum(u[k]) && u[k] != '-') {
            return false;
        }
    }
    return labels >= 2;
}

int32_t MatchUrlOrEmail(const UChar* u, int32_t n, int32_t i, LtrSpanKind* kind) {
    if (!IsAsciiAlnum(u[i])) return i;
    int32_t end = i;
    while (end < n && IsAsciiGraphic(u[end])) ++end;
    // Sentence punctuation after a link is not part of it.
    while (end > i && IsOneOf(u[end - 1], ".,;:!?)]}'\"")) --end;
    if (end - i < 4) return i;

    int32_t at = -1, host_end = end;
    for (int32_t k = i; k < end; ++k) {
        if (u[k] == '@' && at < 0) at = k;
        if (host_end == end && IsOneOf(u[k], "/?#:")) host_end = k;
    }
    // scheme://anything
    for (int32_t k = i; k + 2 < end; ++k) {
        if (u[k] == ':' && u[k + 1] == '/' && u[k + 2] == '/') {
            bool scheme = k - i >= 2;
            for (int32_t m = i; m < k; ++m) scheme = scheme && IsAsciiLetter(u[m]);
            if (scheme && k + 3 < end) {
                *kind = LtrSpanKind::Url;
                return end;
            }
            break;
        }
        if (!IsAsciiLetter(u[k])) break;
    }
    if (at > i) {
        for (int32_t k = i; k < at; ++k) {
            if (!IsAsciiAlnum(u[k]) && !IsOneOf(u[k], "._%+-")) return i;
        }
        if (!IsDomain(u, at + 1, end)) return i;
        *kind = LtrSpanKind::Email;
        return end;
    }
    if (at >= 0) return i;
    if (IsDomain(u, i, host_end)) {
        *kind = LtrSpanKind::Url;
        return end;
    }
    return i;
}

}  // namespace

std::vector<LtrSpan> FindLtrSpans(const UChar* u, int32_t n) {
    std::vector<LtrSpan> spans;
    int32_t i = 0;
    while (i < n) {
        const UChar c = u[i];
        int32_t end = i;
        LtrSpanKind kind = LtrSpanKind::Phone;
        if (IsAsciiAlnum(c) && TokenMayStartAfter(u, i)) end = MatchUrlOrEmail(u, n, i, &kind);
        if (end == i && IsDigit(c) && NumberMayStartAfter(u, i)) {
            end = MatchTimeRange(u, n, i);
            kind = LtrSpanKind::TimeRange;
        }
        if (end == i && (IsDigit(c) || c == '+' || c == '(') && NumberMayStartAfter(u, i)) {
            end = MatchPhone(u, n, i);
            kind = LtrSpanKind::Phone;
        }
        if (end > i) {
            spans.push_back(LtrSpan{i, end, kind});
            i = end;
        } else {
            ++i;
        }
    }
    return spans;
}

}  // namespace fonts
