#include "kiosk/script_runner.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <cerrno>
#include <sys/stat.h>

#include "base/log.h"

namespace kiosk {
namespace {

using base::MakeError;
using base::Status;

SDL_Event Finger(Uint32 type, float x, float y, float dx, float dy, App& app) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.timestamp = SDL_GetTicks();
    e.tfinger.touchId = kScriptTouchId;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x / app.view_width();
    e.tfinger.y = y / app.view_height();
    e.tfinger.dx = dx / app.view_width();
    e.tfinger.dy = dy / app.view_height();
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    return e;
}

SDL_Scancode ScancodeFor(const std::string& name) {
    static const std::pair<const char*, SDL_Scancode> keys[] = {
        {"Enter", SDL_SCANCODE_RETURN},  {"Backspace", SDL_SCANCODE_BACKSPACE},
        {"Tab", SDL_SCANCODE_TAB},       {"Escape", SDL_SCANCODE_ESCAPE},
        {"Delete", SDL_SCANCODE_DELETE}, {"Space", SDL_SCANCODE_SPACE},
        {"Left", SDL_SCANCODE_LEFT},     {"Right", SDL_SCANCODE_RIGHT},
        {"Up", SDL_SCANCODE_UP},         {"Down", SDL_SCANCODE_DOWN},
        {"Home", SDL_SCANCODE_HOME},     {"End", SDL_SCANCODE_END},
        {"PageUp", SDL_SCANCODE_PAGEUP}, {"PageDown", SDL_SCANCODE_PAGEDOWN},
        {"KeypadEnter", SDL_SCANCODE_KP_ENTER}};
    for (const auto& [n, code] : keys)
        if (name == n) return code;
    assert(false && "a key in ScriptKeyNames() (kiosk/script.cpp) has no scancode in ScancodeFor()");
    return SDL_SCANCODE_UNKNOWN;
}

std::string VisibleLabels(App& app) {
    std::string labels;
    int n = 0;
    for (const ui::WidgetRect& w : app.visitor_ui().Widgets()) {
        if (n++ == 40) {
            labels += ", ...";
            break;
        }
        labels += (labels.empty() ? "\"" : ", \"") + w.label + "\"";
    }
    return labels.empty() ? "none" : labels;
}

base::Result<const ui::WidgetRect*> FindWidget(App& app, const std::string& label) {
    for (const ui::WidgetRect& w : app.visitor_ui().Widgets())
        if (w.label == label) return &w;
    return MakeError("script_widget_missing", "no widget labelled \"" + label +
                                                  "\" on screen '" + app.visitor_ui().ScreenName() +
                                                  "' (visible: " + VisibleLabels(app) + ")");
}

void Tap(App& app, float x, float y) {
    app.Inject(Finger(SDL_FINGERDOWN, x, y, 0, 0, app));
    app.Inject(Finger(SDL_FINGERUP, x, y, 0, 0, app));
    app.Settle();
}

void Drag(App& app, float x1, float y1, float x2, float y2, double seconds) {
    constexpr double kFrame = 1.0 / 60.0;
    int moves = std::max(1, (int)std::lround(seconds / kFrame));
    app.Inject(Finger(SDL_FINGERDOWN, x1, y1, 0, 0, app));
    app.RenderOneFrame();
    float px = x1, py = y1;
    for (int i = 1; i <= moves; ++i) {
        app.clock().Advance(seconds / moves);
        float t = (float)i / moves;
        float x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t;
        app.Inject(Finger(SDL_FINGERMOTION, x, y, x - px, y - py, app));
        app.RenderOneFrame();
        px = x;
        py = y;
    }
    app.Inject(Finger(SDL_FINGERUP, x2, y2, 0, 0, app));
    app.Settle();
}

void Key(App& app, SDL_Scancode code) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.scancode = code;
    e.key.keysym.sym = SDL_GetKeyFromScancode(code);
    app.Inject(e);
    app.RenderOneFrame();
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    app.Inject(e);
    app.Settle();
}

void Type(App& app, const std::string& text) {
    // SDL_TEXTINPUT carries at most 31 bytes; split on UTF-8 character boundaries.
    size_t i = 0;
    while (i < text.size()) {
        size_t end = std::min(text.size(), i + SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
        while (end < text.size() && end > i && ((unsigned char)text[end] & 0xC0) == 0x80) --end;
        SDL_Event e;
        SDL_zero(e);
        e.type = SDL_TEXTINPUT;
        std::memcpy(e.text.text, text.data() + i, end - i);
        app.Inject(e);
        app.RenderOneFrame();
        i = end;
    }
    app.Settle();
}

Status RunStep(App& app, const Step& step, const std::string& screenshot_dir) {
    ui::VisitorUi& ui = app.visitor_ui();
    switch (step.kind) {
        case StepKind::TapAt:
            Tap(app, step.x, step.y);
            return base::Ok();
        case StepKind::TapLabel: {
            auto widget = FindWidget(app, step.text);
            if (!widget.ok()) return widget.error();
            const ui::WidgetRect* w = *widget;
            Tap(app, w->x + w->w / 2, w->y + w->h / 2);
            return base::Ok();
        }
        case StepKind::DragAt:
            Drag(app, step.x, step.y, step.x2, step.y2, step.seconds);
            return base::Ok();
        case StepKind::DragLabel: {
            auto widget = FindWidget(app, step.text);
            if (!widget.ok()) return widget.error();
            float x = (*widget)->x + (*widget)->w / 2, y = (*widget)->y + (*widget)->h / 2;
            Drag(app, x, y, x + step.x2, y + step.y2, step.seconds);
            return base::Ok();
        }
        case StepKind::Type:
            Type(app, step.text);
            return base::Ok();
        case StepKind::Key:
            Key(app, ScancodeFor(step.text));
            return base::Ok();
        case StepKind::Wait:
            app.Settle();
            app.WaitReal(step.seconds);
            return base::Ok();
        case StepKind::Advance:
            app.clock().Advance(step.seconds);
            app.Settle();
            return base::Ok();
        case StepKind::Clock:
            app.clock().SetUtc(step.number);
            app.Settle();
            return base::Ok();
        case StepKind::Screenshot: {
            app.Settle();
            std::string dir = screenshot_dir.empty() ? "." : screenshot_dir;
            if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
                return MakeError("png_write_failed", dir + ": cannot create the screenshot directory (" +
                                                         std::strerror(errno) + ")");
            Status written = app.Screenshot(dir + "/" + step.text);
            if (written.ok()) base::LogInfo("screenshot", "path=" + dir + "/" + step.text);
            return written;
        }
        case StepKind::ExpectScreen:
            if (ui.ScreenName() != step.text)
                return MakeError("script_expectation_failed",
                                 "the screen is '" + ui.ScreenName() + "', not '" + step.text + "'");
            return base::Ok();
        case StepKind::ExpectLanguage:
            if (ui.Language() != step.text)
                return MakeError("script_expectation_failed",
                                 "the language is '" + ui.Language() + "', not '" + step.text + "'");
            return base::Ok();
        case StepKind::ExpectOutbox: {
            // The kiosk program may read the outbox depth directly; screens may not.
            auto depth = app.db().QueryInt("SELECT count(*) FROM outbox");
            if (!depth.ok())
                return MakeError("script_expectation_failed",
                                 "cannot count the outbox: " + depth.error().ToString());
            if (*depth != step.number)
                return MakeError("script_expectation_failed",
                                 "the outbox holds " + std::to_string(*depth) + " operations, not " +
                                     std::to_string(step.number));
            return base::Ok();
        }
        case StepKind::ExpectBooked: {
            // The newest booking waiting for the hub, as content::SubmitBooking wrote it.
            auto stmt = app.db().Prepare(
                "SELECT json_extract(payload, '$.values.' || json_quote(?1)) FROM outbox WHERE kind = 'booking' "
                "ORDER BY seq DESC LIMIT 1");
            if (!stmt.ok())
                return MakeError("script_expectation_failed", "cannot read the outbox: " + stmt.error().ToString());
            stmt->Bind(1, step.text);
            auto row = stmt->Step();
            if (!row.ok())
                return MakeError("script_expectation_failed", "cannot read the outbox: " + row.error().ToString());
            if (!*row) return MakeError("script_expectation_failed", "the outbox holds no booking");
            if (stmt->IsNull(0))
                return MakeError("script_expectation_failed",
                                 "the newest booking has no value for '" + step.text + "'");
            std::string found = stmt->Text(0);
            if (found != step.value)
                return MakeError("script_expectation_failed", "the newest booking has " + step.text + " = \"" +
                                                                  found + "\", not \"" + step.value + "\"");
            return base::Ok();
        }
        case StepKind::ExpectField: {
            std::string fields;
            for (const ui::WidgetRect& w : ui.Widgets()) {
                if (!w.field) continue;
                if (w.label == step.text) {
                    if (w.value == step.value) return base::Ok();
                    return MakeError("script_expectation_failed", "the field \"" + step.text + "\" holds \"" +
                                                                      w.value + "\", not \"" + step.value + "\"");
                }
                fields += (fields.empty() ? "\"" : ", \"") + w.label + "\"";
            }
            return MakeError("script_widget_missing", "no text field named \"" + step.text + "\" on screen '" +
                                                          ui.ScreenName() + "' (fields: " +
                                                          (fields.empty() ? "none" : fields) + ")");
        }
        case StepKind::ExpectWidget:
        case StepKind::ExpectNoWidget: {
            bool found = FindWidget(app, step.text).ok();
            if (step.kind == StepKind::ExpectWidget && !found)
                return FindWidget(app, step.text).error();
            if (step.kind == StepKind::ExpectNoWidget && found)
                return MakeError("script_expectation_failed",
                                 "a widget labelled \"" + step.text + "\" is on screen '" +
                                     ui.ScreenName() + "'");
            return base::Ok();
        }
        case StepKind::ExpectSpoken: {
            const SpeechCall& call = app.speech().last_call();
            if (call.kind != SpeechCall::Kind::Speak)
                return MakeError("script_expectation_failed",
                                 std::string("nothing is being read aloud (last call: ") +
                                     (call.kind == SpeechCall::Kind::Stop ? "stop" : "none") + ")");
            if (call.text.find(step.text) == std::string::npos)
                return MakeError("script_expectation_failed",
                                 "the last read-aloud text (" + call.lang + ") does not contain \"" +
                                     step.text + "\": \"" + call.text.substr(0, 200) + "\"");
            return base::Ok();
        }
        case StepKind::ExpectStopped:
            if (app.speech().last_call().kind != SpeechCall::Kind::Stop)
                return MakeError("script_expectation_failed", "the last read-aloud call was not stop");
            return base::Ok();
    }
    return base::Ok();
}

}  // namespace

Status RunScript(App& app, const Script& script, const std::string& screenshot_dir) {
    base::LogInfo("script_start", "file=" + script.file + " steps=" + std::to_string(script.steps.size()));
    app.Settle();  // the first screen
    for (const Step& step : script.steps) {
        StepRecord record;
        record.line = step.line;
        record.step = DescribeStep(step);
        record.real_start_s = app.clock().RealNow();
        uint64_t frames_before = app.stats().frames();
        double cpu_before = ProcessCpuSeconds();
        Status status = RunStep(app, step, screenshot_dir);
        record.real_end_s = app.clock().RealNow();
        record.cpu_s = ProcessCpuSeconds() - cpu_before;
        record.frames = (int)(app.stats().frames() - frames_before);
        app.stats().AddStep(record);
        if (!status.ok()) {
            return MakeError(status.error().code, script.file + ":" + std::to_string(step.line) +
                                                      ": " + DescribeStep(step) + ": " +
                                                      status.error().message);
        }
        if (app.quit_requested())
            return MakeError("script_interrupted", script.file + ":" + std::to_string(step.line) +
                                                       ": the program was asked to quit");
    }
    base::LogInfo("script_done", "file=" + script.file + " frames=" + std::to_string(app.stats().frames()));
    return base::Ok();
}

}  // namespace kiosk
