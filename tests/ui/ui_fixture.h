// tests/ui/ui_fixture.h: a demo-content database, a recording SpeechOutput, and VisitorUi run
// headless: an ImGui context with a built font atlas and no renderer, and a CPU-only text atlas.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "content/db.h"
#include "fonts/text.h"
#include "ui/visitor_ui.h"

namespace uitest {

// 2026-11-25 10:00 UTC: the demo's relative course dates are expanded from this day.
inline constexpr long long kNowUtc = 1795600800;

// A fresh database file with the demo content imported.
struct DemoDb {
    DemoDb();
    ~DemoDb();
    std::string path;
    content::Db db;
};

struct RecordingSpeech : ui::SpeechOutput {
    void Speak(const std::string& text, const std::string& lang) override { spoken.emplace_back(text, lang); }
    void Stop() override { ++stops; }
    void SetVolume(float v) override { volume = v; }
    std::vector<std::pair<std::string, std::string>> spoken;
    int stops = 0;
    float volume = -1;
};

class HeadlessUi {
public:
    explicit HeadlessUi(content::Db& db, ui::UiConfig config = {});
    ~HeadlessUi();

    // One frame at `now` seconds (monotonic) with the mouse at pos (button down or up).
    void Frame(double now, ImVec2 mouse = ImVec2(-1, -1), bool down = false, float wheel = 0.0f);
    // Taps the widget with this visible label (the first one found); false when none is shown.
    bool Tap(const std::string& label);
    // Scrolls the list under `over` down (wheel units, as kiosk/ feeds drags) until `label` is
    // shown, then taps it; false when it never appears.
    bool ScrollToAndTap(const std::string& label, ImVec2 over);
    const ui::WidgetRect* Find(const std::string& label) const;
    bool Shows(const std::string& label) const { return Find(label) != nullptr; }
    std::vector<std::string> Labels() const;

    ui::VisitorUi& ui() { return *ui_; }
    RecordingSpeech& speech() { return speech_; }
    double now = 0;
    bool content_changed = false;

private:
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<fonts::TextEngine> engine_;
    RecordingSpeech speech_;
    std::unique_ptr<ui::VisitorUi> ui_;
};

}  // namespace uitest
