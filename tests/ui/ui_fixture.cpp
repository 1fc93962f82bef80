// tests/ui/ui_fixture.cpp: see ui_fixture.h.
#include "tests/ui/ui_fixture.h"

#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <filesystem>
#include <random>

#include "content/hsds_import.h"

namespace uitest {

DemoDb::DemoDb() {
    std::random_device rd;
    path = (std::filesystem::temp_directory_path() / ("ui_test_" + std::to_string(rd()) + ".db")).string();
    auto opened = content::Db::Open(path);
    REQUIRE(opened.ok());
    db = std::move(opened).value();
    content::ImportOptions options;
    options.now_utc = kNowUtc;
    auto report = content::ImportHsdsPath(db, std::string(KIOSK_SOURCE_DIR) + "/content/demo/demo.json", options);
    INFO((report.ok() ? std::string() : report.error().ToString()));
    REQUIRE(report.ok());
}

DemoDb::~DemoDb() {
    db = content::Db();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

HeadlessUi::HeadlessUi(content::Db& db, ui::UiConfig config) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(config.screen_width_px), float(config.screen_height_px));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // builds the atlas; no texture is uploaded
    fonts::TextEngineConfig text_config;
    text_config.atlas_backend = fonts::AtlasBackend::CpuOnly;
    engine_ = std::make_unique<fonts::TextEngine>(text_config);
    fonts::SetCurrentEngine(engine_.get());
    ui_ = std::make_unique<ui::VisitorUi>(db, *engine_, speech_, config);
}

HeadlessUi::~HeadlessUi() {
    ui_.reset();
    fonts::SetCurrentEngine(nullptr);
    engine_.reset();
    ImGui::DestroyContext(context_);
}

void HeadlessUi::Frame(double t, ImVec2 mouse, bool down, float wheel) {
    now = t;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    io.MouseWheel = wheel;
    ImGui::NewFrame();
    ui::FrameContext frame;
    frame.now_seconds = t;
    frame.now_utc = kNowUtc + (long long)t;
    frame.width = io.DisplaySize.x;
    frame.height = io.DisplaySize.y;
    frame.content_changed = content_changed;
    content_changed = false;
    ui_->Frame(frame);
    ImGui::Render();
}

const ui::WidgetRect* HeadlessUi::Find(const std::string& label) const {
    for (const ui::WidgetRect& w : ui_->Widgets()) {
        if (w.label == label) return &w;
    }
    return nullptr;
}

std::vector<std::string> HeadlessUi::Labels() const {
    std::vector<std::string> labels;
    for (const ui::WidgetRect& w : ui_->Widgets()) labels.push_back(w.label);
    return labels;
}

bool HeadlessUi::ScrollToAndTap(const std::string& label, ImVec2 over) {
    for (int i = 0; i < 40 && !Shows(label); ++i) {
        now += 0.05;
        Frame(now, over, false, -2.0f);
        Frame(now + 0.01, over);
    }
    // Once shown, scroll a little more so the widget is whole, not cut by the list's edge (a
    // visitor taps what they see, not its last few pixels).
    if (Shows(label)) {
        now += 0.05;
        Frame(now, over, false, -3.0f);
        Frame(now + 0.01, over);
    }
    return Tap(label);
}

bool HeadlessUi::Tap(const std::string& label) {
    const ui::WidgetRect* w = Find(label);
    if (!w) return false;
    ImVec2 centre(w->x + w->w / 2, w->y + w->h / 2);
    now += 0.1;
    ui_->NoteActivity(now);
    Frame(now, centre, false);
    Frame(now + 0.05, centre, true);
    now += 0.1;
    Frame(now, centre, false);
    Frame(now + 0.05);  // the frame after the tap shows where it led
    now += 0.05;
    return true;
}

}  // namespace uitest
