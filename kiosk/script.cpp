#include "kiosk/script.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "kiosk/config.h"

namespace kiosk {
namespace {

using base::MakeError;
using base::Result;

struct Token {
    std::string text;
    bool quoted = false;
};

Result<std::vector<Token>> Tokenize(const std::string& line) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
            ++i;
            continue;
        }
        Token token;
        if (line[i] == '"') {
            token.quoted = true;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                char c = line[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i >= line.size()) break;
                    char e = line[i++];
                    if (e == 'n') token.text += '\n';
                    else if (e == '"' || e == '\\') token.text += e;
                    else return MakeError("script_invalid", std::string("unknown escape \\") + e);
                } else {
                    token.text += c;
                }
            }
            if (!closed) return MakeError("script_invalid", "the closing quote is missing");
            if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
                return MakeError("script_invalid", "a space must follow a closing quote");
        } else {
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
                token.text += line[i++];
        }
        tokens.push_back(token);
    }
    return tokens;
}

Result<float> Number(const Token& token, const char* what) {
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(token.text.c_str(), &end);
    if (token.quoted || token.text.empty() || errno != 0 || *end != '\0' || !std::isfinite(d) ||
        std::fabs(d) > 100000)
        return MakeError("script_invalid",
                         std::string("expected a number for ") + what + ", got '" + token.text + "'");
    return (float)d;
}

Result<double> Duration(const Token& token) {
    auto d = ParseDuration(token.text);
    if (token.quoted || !d.ok())
        return MakeError("script_invalid", "expected a duration like 2s or 500ms, got '" + token.text + "'");
    if (*d > 24 * 3600.0)
        return MakeError("script_invalid", "a duration over 24h is surely a mistake: '" + token.text + "'");
    return *d;
}

Result<long long> ParseUtc(const std::string& text) {
    struct tm tm {};
    const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (end == nullptr || *end != '\0')
        return MakeError("script_invalid", "expected a UTC time like 2026-03-02T10:00:00Z, got '" + text + "'");
    return (long long)timegm(&tm);
}

bool ValidFileName(const std::string& name) {
    if (name.empty() || name[0] == '.') return false;
    for (char c : name)
        if (!(std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

// Parses one non-empty, non-comment line into a step (no file/line in the message).
Result<Step> ParseStep(const std::vector<Token>& t) {
    Step step;
    const std::string& verb = t[0].text;
    size_t n = t.size();
    auto arity = [&](size_t min, size_t max, const char* usage) -> base::Status {
        if (n < min || n > max)
            return MakeError("script_invalid", std::string("usage: ") + usage);
        return base::Ok();
    };
    if (t[0].quoted) return MakeError("script_invalid", "a step starts with a word, not a quoted text");

    if (verb == "tap") {
        if (n == 2 && t[1].quoted) {
            step.kind = StepKind::TapLabel;
            step.text = t[1].text;
            if (step.text.empty()) return MakeError("script_invalid", "tap needs a non-empty label");
            return step;
        }
        TRY(arity(3, 3, "tap X Y | tap \"Label\""));
        step.kind = StepKind::TapAt;
        step.x = TRY_VALUE(Number(t[1], "X"));
        step.y = TRY_VALUE(Number(t[2], "Y"));
        return step;
    }
    if (verb == "drag") {
        step.seconds = 0.3;
        if (n >= 2 && t[1].quoted) {
            TRY(arity(4, 5, "drag \"Label\" DX DY [DURATION]"));
            step.kind = StepKind::DragLabel;
            step.text = t[1].text;
            step.x2 = TRY_VALUE(Number(t[2], "DX"));
            step.y2 = TRY_VALUE(Number(t[3], "DY"));
            if (n == 5) step.seconds = TRY_VALUE(Duration(t[4]));
            return step;
        }
        TRY(arity(5, 6, "drag X1 Y1 X2 Y2 [DURATION]"));
        step.kind = StepKind::DragAt;
        step.x = TRY_VALUE(Number(t[1], "X1"));
        step.y = TRY_VALUE(Number(t[2], "Y1"));
        step.x2 = TRY_VALUE(Number(t[3], "X2"));
        step.y2 = TRY_VALUE(Number(t[4], "Y2"));
        if (n == 6) step.seconds = TRY_VALUE(Duration(t[5]));
        if (step.seconds < 0.016) return MakeError("script_invalid", "a drag takes at least 16ms");
        return step;
    }
    if (verb == "type") {
        TRY(arity(2, 2, "type \"text\""));
        if (!t[1].quoted) return MakeError("script_invalid", "type needs its text in quotes");
        step.kind = StepKind::Type;
        step.text = t[1].text;
        return step;
    }
    if (verb == "key") {
        TRY(arity(2, 2, "key NAME"));
        step.kind = StepKind::Key;
        step.text = t[1].text;
        for (const std::string& name : ScriptKeyNames())
            if (name == step.text) return step;
        std::string names;
        for (const std::string& name : ScriptKeyNames()) names += " " + name;
        return MakeError("script_invalid", "unknown key '" + step.text + "' (known:" + names + ")");
    }
    if (verb == "wait" || verb == "advance") {
        TRY(arity(2, 2, verb == "wait" ? "wait DURATION" : "advance DURATION"));
        step.kind = verb == "wait" ? StepKind::Wait : StepKind::Advance;
        step.seconds = TRY_VALUE(Duration(t[1]));
        return step;
    }
    if (verb == "clock") {
        TRY(arity(2, 2, "clock YYYY-MM-DDTHH:MM:SSZ"));
        step.kind = StepKind::Clock;
        step.number = TRY_VALUE(ParseUtc(t[1].text));
        return step;
    }
    if (verb == "screenshot") {
        TRY(arity(2, 2, "screenshot NAME"));
        step.kind = StepKind::Screenshot;
        step.text = t[1].text;
        if (!ValidFileName(step.text))
            return MakeError("script_invalid", "a screenshot name uses letters, digits, '-', '_' and '.', got '" +
                                                   step.text + "'");
        if (step.text.size() < 4 || step.text.compare(step.text.size() - 4, 4, ".png") != 0)
            step.text += ".png";
        return step;
    }
    if (verb == "expect") {
        if (n < 2) return MakeError("script_invalid", "usage: expect screen|language|outbox|booked|field|widget|no-widget|spoken|stopped ...");
        const std::string& what = t[1].text;
        if (what == "stopped") {
            TRY(arity(2, 2, "expect stopped"));
            step.kind = StepKind::ExpectStopped;
            return step;
        }
        if (what == "screen" || what == "language") {
            TRY(arity(3, 3, what == "screen" ? "expect screen NAME" : "expect language LANG"));
            step.kind = what == "screen" ? StepKind::ExpectScreen : StepKind::ExpectLanguage;
            step.text = t[2].text;
            return step;
        }
        if (what == "outbox") {
            TRY(arity(3, 3, "expect outbox N"));
            char* end = nullptr;
            long long count = std::strtoll(t[2].text.c_str(), &end, 10);
            if (t[2].text.empty() || *end != '\0' || count < 0)
                return MakeError("script_invalid", "expected a count for outbox, got '" + t[2].text + "'");
            step.kind = StepKind::ExpectOutbox;
            step.number = count;
            return step;
        }
        if (what == "booked") {
            TRY(arity(4, 4, "expect booked KEY \"text\""));
            if (t[2].quoted || t[2].text.empty())
                return MakeError("script_invalid", "expect booked needs a form field key (a word), then the text");
            if (!t[3].quoted) return MakeError("script_invalid", "expect booked needs its text in quotes");
            step.kind = StepKind::ExpectBooked;
            step.text = t[2].text;
            step.value = t[3].text;
            return step;
        }
        if (what == "field") {
            TRY(arity(4, 4, "expect field \"Name\" \"text\""));
            if (!t[2].quoted || !t[3].quoted)
                return MakeError("script_invalid", "expect field needs the field's name and its text in quotes");
            if (t[2].text.empty()) return MakeError("script_invalid", "expect field needs a non-empty name");
            step.kind = StepKind::ExpectField;
            step.text = t[2].text;
            step.value = t[3].text;
            return step;
        }
        if (what == "widget" || what == "no-widget" || what == "spoken") {
            TRY(arity(3, 3, "expect widget|no-widget|spoken \"text\""));
            if (!t[2].quoted) return MakeError("script_invalid", "expect " + what + " needs its text in quotes");
            step.kind = what == "widget"      ? StepKind::ExpectWidget
                        : what == "no-widget" ? StepKind::ExpectNoWidget
                                              : StepKind::ExpectSpoken;
            step.text = t[2].text;
            return step;
        }
        return MakeError("script_invalid", "unknown expectation '" + what +
                                               "' (screen, language, outbox, booked, field, widget, no-widget, spoken, stopped)");
    }
    return MakeError("script_invalid",
                     "unknown step '" + verb +
                         "' (tap, drag, type, key, wait, advance, clock, screenshot, expect)");
}

}  // namespace

const std::vector<std::string>& ScriptKeyNames() {
    static const std::vector<std::string> names = {
        "Enter", "Backspace", "Tab", "Escape", "Delete", "Space",    "Left",
        "Right", "Up",        "Down", "Home",  "End",    "PageUp", "PageDown", "KeypadEnter"};
    return names;
}

Result<Script> ParseScript(const std::string& text, const std::string& file_name) {
    Script script;
    script.file = file_name;
    std::istringstream in(text);
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        auto tokens = Tokenize(line);
        if (!tokens.ok())
            return MakeError("script_invalid", file_name + ":" + std::to_string(line_number) + ": " +
                                                   tokens.error().message);
        auto step = ParseStep(*tokens);
        if (!step.ok())
            return MakeError("script_invalid", file_name + ":" + std::to_string(line_number) + ": " +
                                                   step.error().message);
        step->line = line_number;
        script.steps.push_back(*step);
    }
    return script;
}

Result<Script> LoadScript(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return MakeError("script_unreadable", path + ": cannot read the script (" + std::strerror(errno) + ")");
    std::ostringstream text;
    text << file.rdbuf();
    return ParseScript(text.str(), path);
}

std::string DescribeStep(const Step& s) {
    std::ostringstream out;
    auto quoted = [](const std::string& t) { return "\"" + t + "\""; };
    switch (s.kind) {
        case StepKind::TapAt: out << "tap " << s.x << " " << s.y; break;
        case StepKind::TapLabel: out << "tap " << quoted(s.text); break;
        case StepKind::DragAt: out << "drag " << s.x << " " << s.y << " " << s.x2 << " " << s.y2; break;
        case StepKind::DragLabel: out << "drag " << quoted(s.text) << " " << s.x2 << " " << s.y2; break;
        case StepKind::Type: out << "type " << quoted(s.text); break;
        case StepKind::Key: out << "key " << s.text; break;
        case StepKind::Wait: out << "wait " << s.seconds << "s"; break;
        case StepKind::Advance: out << "advance " << s.seconds << "s"; break;
        case StepKind::Clock: out << "clock " << s.number; break;
        case StepKind::Screenshot: out << "screenshot " << s.text; break;
        case StepKind::ExpectScreen: out << "expect screen " << s.text; break;
        case StepKind::ExpectLanguage: out << "expect language " << s.text; break;
        case StepKind::ExpectOutbox: out << "expect outbox " << s.number; break;
        case StepKind::ExpectBooked: out << "expect booked " << s.text << " " << quoted(s.value); break;
        case StepKind::ExpectField: out << "expect field " << quoted(s.text) << " " << quoted(s.value); break;
        case StepKind::ExpectWidget: out << "expect widget " << quoted(s.text); break;
        case StepKind::ExpectNoWidget: out << "expect no-widget " << quoted(s.text); break;
        case StepKind::ExpectSpoken: out << "expect spoken " << quoted(s.text); break;
        case StepKind::ExpectStopped: out << "expect stopped"; break;
    }
    return out.str();
}

}  // namespace kiosk
