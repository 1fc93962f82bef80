// tests/kiosk/test_visitor_ui.cpp: a small ui::VisitorUi for testing the kiosk program
// (frame loop, input layer, scripts) independently of the real screens in ui/.
//
// Screens: attract -> home -> services (a scrollable child window of 60 rows) -> service;
// idle for idle_timeout_seconds shows "warning"; warning_seconds later the session is reset to
// attract. Drawn with ImGui's own widgets and font; every button is recorded in Widgets() when
// visible. "Book" writes one outbox row; "Read aloud" speaks the screen's text.
#include <imgui.h>
#include <imgui_internal.h>  // the current window's clip rectangle

#include <cmath>
#include <limits>
#include <string>

#include "content/db.h"
#include "ui/visitor_ui.h"

namespace ui {

struct VisitorUi::Impl {
    content::Db* db = nullptr;
    SpeechOutput* speech = nullptr;
    UiConfig config;
    std::string screen = "attract";
    std::string screen_before_warning;
    std::string language;
    std::string service;
    double last_activity = 0;
    double warning_start = 0;
    char name[64] = {};
    int bookings = 0;
    std::vector<WidgetRect> widgets;
    std::vector<WidgetRect> building;

    bool Button(const std::string& label, ImVec2 size) {
        bool pressed = ImGui::Button(label.c_str(), size);
        if (ImGui::IsItemVisible()) {
            ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            // Only the part inside the clip rectangle can be touched.
            ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
            min.x = std::max(min.x, clip.x);
            min.y = std::max(min.y, clip.y);
            max.x = std::min(max.x, clip.z);
            max.y = std::min(max.y, clip.w);
            building.push_back({label, min.x, min.y, max.x - min.x, max.y - min.y, false, {}});
        }
        return pressed;
    }

    std::string ScreenText() const {
        if (screen == "home") return language == "lv" ? "Laipni lūdzam. Pakalpojumi." : "Welcome. Services.";
        if (screen == "service") return service + ": consultations on Tuesdays.";
        return screen;
    }
};

}  // namespace ui

namespace ui {

VisitorUi::VisitorUi(content::Db& db, text::TextEngine&, SpeechOutput& speech, const UiConfig& config)
    : impl_(new Impl) {
    impl_->db = &db;
    impl_->speech = &speech;
    impl_->config = config;
    impl_->language = config.attract_language;
}

VisitorUi::~VisitorUi() { delete impl_; }

void VisitorUi::NoteActivity(double now_seconds) {
    impl_->last_activity = now_seconds;
    if (impl_->screen == "warning") impl_->screen = impl_->screen_before_warning;
}

double VisitorUi::NextWakeup(double now_seconds) const {
    const Impl& s = *impl_;
    if (s.screen == "attract") return std::numeric_limits<double>::infinity();
    if (s.screen == "warning") {
        double left = s.warning_start + s.config.warning_seconds - now_seconds;
        double to_next_second = left - std::floor(left);
        return std::max(0.0, std::min(left, to_next_second > 0 ? to_next_second : 1.0));
    }
    return std::max(0.0, s.last_activity + s.config.idle_timeout_seconds - now_seconds);
}

void VisitorUi::ResetSession() {
    impl_->screen = "attract";
    impl_->language = impl_->config.attract_language;
    impl_->service.clear();
    impl_->name[0] = 0;
    impl_->speech->Stop();
}

std::string VisitorUi::ScreenName() const { return impl_->screen; }
std::string VisitorUi::Language() const { return impl_->language; }
const std::vector<WidgetRect>& VisitorUi::Widgets() const { return impl_->widgets; }

void VisitorUi::Frame(const FrameContext& frame) {
    Impl& s = *impl_;
    double now = frame.now_seconds;
    if (s.screen != "attract" && s.screen != "warning" &&
        now - s.last_activity >= s.config.idle_timeout_seconds) {
        s.screen_before_warning = s.screen;
        s.screen = "warning";
        s.warning_start = now;
    }
    if (s.screen == "warning" && now - s.warning_start >= s.config.warning_seconds) ResetSession();

    s.building.clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
    ImGui::Begin("main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::Text("screen: %s  language: %s", s.screen.c_str(), s.language.c_str());
    if (s.screen == "attract") {
        if (s.Button("Touch to start", ImVec2(frame.width - 40, frame.height - 80))) s.screen = "home";
    } else if (s.screen == "warning") {
        double left = s.warning_start + s.config.warning_seconds - now;
        ImGui::Text("Are you still there? %d", (int)std::ceil(left));
        if (s.Button("Continue", ImVec2(300, 80))) s.screen = s.screen_before_warning;
    } else if (s.screen == "home") {
        if (s.Button("Services", ImVec2(300, 80))) s.screen = "services";
        if (s.Button("Read aloud", ImVec2(300, 80))) s.speech->Speak(s.ScreenText(), s.language);
        if (s.Button("Book", ImVec2(300, 80))) {
            std::string op = "op-" + std::to_string(++s.bookings);
            (void)s.db->Exec("INSERT INTO outbox(op_id, kind, payload, created_at) VALUES ('" + op +
                             "', 'booking', '{}', " + std::to_string(frame.now_utc) + ")");
        }
        for (const std::string& lang : s.config.languages)
            if (s.Button(lang == "lv" ? "Latviesu" : lang == "en" ? "English" : "Russkij", ImVec2(200, 60)))
                s.language = lang;
        ImGui::InputText("Name", s.name, sizeof s.name);
        if (ImGui::IsItemVisible()) {
            ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            s.building.push_back({"Name", min.x, min.y, max.x - min.x, max.y - min.y, true, s.name});
        }
        // The typed text as a widget label, so a script can check what was typed.
        s.Button(std::string("Hello ") + s.name, ImVec2(400, 50));
    } else if (s.screen == "services") {
        if (s.Button("Back", ImVec2(200, 60))) s.screen = "home";
        ImGui::BeginChild("list", ImVec2(0, 0), true);
        for (int i = 1; i <= 60; ++i) {
            std::string label = "Service " + std::to_string(i);
            if (s.Button(label, ImVec2(-1, 70))) {
                s.service = label;
                s.screen = "service";
            }
        }
        ImGui::EndChild();
    } else if (s.screen == "service") {
        ImGui::Text("%s", s.service.c_str());
        if (s.Button("Back", ImVec2(200, 60))) s.screen = "services";
        if (s.Button("Read aloud", ImVec2(300, 80))) s.speech->Speak(s.ScreenText(), s.language);
    }
    ImGui::End();
    s.widgets = s.building;
}

}  // namespace ui
