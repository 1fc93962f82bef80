// ui/visitor_ui.cpp: VisitorUi (the kiosk/ui boundary) and the per-frame driver.
//
// Frame order: idle timer (may reset the visit) -> theme and metrics -> root window -> top bar
// -> the current screen -> status line -> timeout warning on top -> read-aloud request ->
// deferred navigation. Speech stops whenever the route or the language changes.
#include "ui/visitor_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/log.h"
#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

Strings LoadStringsOrEmpty() {
    auto strings = Strings::LoadEmbedded();
    if (!strings.ok()) {
        // Cannot happen with a correct build (the test suite parses the same files); if it does,
        // lookups fall back to "?" and the log says why.
        base::LogError("ui_strings_load_failed", strings.error().ToString());
        return Strings();
    }
    return std::move(strings).value();
}

std::string RouteKey(const Navigator& nav) {
    const Route& r = nav.Current();
    return std::string(ScreenId(r.screen)) + "|" + r.id + "|" + r.extra + "|" + std::to_string(nav.Depth());
}

}  // namespace

VisitorUi::Impl::Impl(content::Db& db_in, text::TextEngine& text_in, SpeechOutput& speech_in, const UiConfig& config_in)
    : db(db_in), text_engine(text_in), speech(speech_in), config(config_in), strings(LoadStringsOrEmpty()), cache(db_in) {
    if (config.languages.empty()) config.languages = {"lv", "en", "ru"};
    idle.Configure(config.idle_timeout_seconds, config.warning_seconds);
    ResetVisit();
    if (config.staff_start_on_pin_pad) OpenStaffMode(*this);
}

void VisitorUi::Impl::ResetVisit() {
    visit = Visit{};
    visit.lang = config.attract_language.empty() ? config.languages.front() : config.attract_language;
    visit.larger_text = config.larger_text;
    visit.high_contrast = config.high_contrast;
    visit.volume = std::clamp(config.speech_volume, 0.0f, 1.0f);
    ++visit_number;
    pending.reset();
    read_requested = false;
    shield_until_release = false;
    scroll_restore_pending = true;
    last_screen_key.clear();
    widgets.clear();
    read_heading.clear();
    read_body.clear();
    idle.Stop();
    // Search results are keyed by what the visitor typed: they go with the visit.
    cache.Invalidate();
}

void VisitorUi::Impl::Go(Route route) {
    pending = [this, route]() mutable {
        if (visit.nav.Current().screen == Screen::Attract && route.screen != Screen::Attract) idle.Start(frame.now_seconds);
        if (route.screen == Screen::Home) {
            visit.nav.Home();
        } else {
            visit.nav.Push(std::move(route));
        }
    };
}

void VisitorUi::Impl::Replace(Route route) {
    pending = [this, route]() mutable { visit.nav.Replace(std::move(route)); };
}

void VisitorUi::Impl::EndVisit() {
    pending = [this]() {
        speech.Stop();
        ResetVisit();
        speech.SetVolume(visit.volume);
    };
}

void VisitorUi::Impl::GoBack() {
    pending = [this]() { visit.nav.Back(); };
}

void VisitorUi::Impl::GoHome() {
    pending = [this]() { visit.nav.Home(); };
}

void VisitorUi::Impl::SetLanguage(const std::string& new_lang) {
    if (new_lang == visit.lang) return;
    visit.lang = new_lang;
    if (visit.speaking) {
        speech.Stop();
        visit.speaking = false;
    }
}

void VisitorUi::Impl::SetReadAloud(std::string heading, std::string body, std::string speak_lang) {
    read_heading = std::move(heading);
    read_body = std::move(body);
    read_lang = speak_lang.empty() ? visit.lang : std::move(speak_lang);
}

void VisitorUi::Impl::ApplyPending() {
    if (!pending) return;
    std::string before = RouteKey(visit.nav);
    auto action = std::move(*pending);
    pending.reset();
    action();
    if (RouteKey(visit.nav) != before && visit.speaking) {
        speech.Stop();  // the visitor moved on
        visit.speaking = false;
    }
}

void VisitorUi::Impl::FrameBody() {
    if (visit.staff) {
        DrawStaffMode(*this);
        return;
    }
    const std::string key = RouteKey(visit.nav);
    if (key != last_screen_key) {
        last_screen_key = key;
        scroll_restore_pending = true;
    }
    switch (visit.nav.Current().screen) {
        case Screen::Attract: DrawAttractScreen(*this); return;
        case Screen::Language: DrawTopBar(*this); DrawLanguageScreen(*this); break;
        case Screen::Home: DrawTopBar(*this); DrawHomeScreen(*this); break;
        case Screen::Categories: DrawTopBar(*this); DrawCategoriesScreen(*this); break;
        case Screen::Services: DrawTopBar(*this); DrawServicesScreen(*this); break;
        case Screen::Service: DrawTopBar(*this); DrawServiceScreen(*this); break;
        case Screen::Search: DrawTopBar(*this); DrawSearchScreen(*this); break;
        case Screen::Courses: DrawTopBar(*this); DrawCoursesScreen(*this); break;
        case Screen::Booking: DrawTopBar(*this); DrawBookingScreen(*this); break;
        case Screen::Confirmation: DrawTopBar(*this); DrawConfirmationScreen(*this); break;
        case Screen::Hotline: DrawTopBar(*this); DrawHotlineScreen(*this); break;
        case Screen::About: DrawTopBar(*this); DrawAboutScreen(*this); break;
    }
    DrawStatusLine(*this);
}

VisitorUi::VisitorUi(content::Db& db, text::TextEngine& text, SpeechOutput& speech, const UiConfig& config)
    : impl_(new Impl(db, text, speech, config)) {
    impl_->speech.SetVolume(impl_->visit.volume);
}

VisitorUi::~VisitorUi() { delete impl_; }

void VisitorUi::Frame(const FrameContext& frame) {
    Impl& ui = *impl_;
    ui.frame = frame;
    if (frame.content_changed) ui.cache.Invalidate();
    // A staff session is timed like a visit, also when it began on the attract screen.
    if (ui.visit.nav.Current().screen != Screen::Attract || ui.visit.staff) {
        if (ui.idle.phase() == IdleTimer::Phase::Idle) ui.idle.Start(frame.now_seconds);
        if (ui.idle.Update(frame.now_seconds) == IdleTimer::Phase::Expired) {
            base::LogInfo("ui_session_timeout", "screen=" + ScreenName());
            ResetSession();
        }
    }
    if (ui.visit.speaking && frame.now_seconds >= ui.visit.speaking_until) ui.visit.speaking = false;
    UpdateStaffGesture(ui);

    ui.theme = ui.visit.high_contrast ? Theme::HighContrast() : Theme::Normal();
    ui.m = ComputeMetrics(ui.config, ui.visit.larger_text, frame.width, frame.height);
    ui.widgets.clear();
    ui.drew_fallback = false;
    ui.content_top = 0;
    ui.read_heading.clear();
    ui.read_body.clear();
    ui.read_lang.clear();

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.m.pad * 0.5f, ui.m.pad * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, std::max(16.0f, 24.0f * ui.m.ui_scale));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarRounding, 8.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Col(ui.theme.background));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, Col(ui.theme.background, 0));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, Col(ui.theme.background));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, Col(ui.theme.border));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabHovered, Col(ui.theme.border));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabActive, Col(ui.theme.text_muted));
    ImGui::Begin("##kiosk_root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoNav);
    ui.FrameBody();
    ImGui::End();
    if (ui.idle.phase() == IdleTimer::Phase::Warning) {
        // The warning covers the screen: only its Continue button can be touched.
        ui.widgets.clear();
        DrawTimeoutWarning(ui);
    } else if (ui.shield_until_release) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
        ImGui::SetNextWindowFocus();
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
        ImGui::Begin("##input_shield", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::InvisibleButton("##shield", ImVec2(frame.width, frame.height));
        ImGui::End();
        ImGui::PopStyleColor();
        ui.widgets.clear();
        // Lifted after the press, or no press came at all (the activity was a key): drop it.
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            ui.shield_saw_press = true;
        } else if (ui.shield_saw_press || frame.now_seconds - ui.shield_armed_at > 0.5) {
            ui.shield_until_release = false;
        }
    }
    ImGui::PopStyleColor(6);
    ImGui::PopStyleVar(5);

    if (ui.read_requested) {
        ui.read_requested = false;
        std::string text = ui.read_heading;
        if (!ui.read_body.empty()) text += (text.empty() ? "" : ".\n") + ui.read_body;
        if (!text.empty()) {
            ui.speech.Speak(text, ui.read_lang.empty() ? ui.visit.lang : ui.read_lang);
            ui.visit.speaking = true;
            // SpeechOutput cannot tell when it finished; estimate ~13 characters a second.
            ui.visit.speaking_until = frame.now_seconds + 1.0 + double(text.size()) / 13.0;
        }
    }
    ui.ApplyPending();
}

void VisitorUi::NoteActivity(double now_seconds) {
    if (impl_->idle.phase() == IdleTimer::Phase::Warning) {
        impl_->shield_until_release = true;
        impl_->shield_saw_press = false;
        impl_->shield_armed_at = now_seconds;
    }
    impl_->idle.Activity(now_seconds);
}

double VisitorUi::NextWakeup(double now_seconds) const {
    const Impl& ui = *impl_;
    double wake = ui.idle.NextWakeup(now_seconds);
    if (ui.visit.speaking) wake = std::min(wake, std::max(0.0, ui.visit.speaking_until - now_seconds));
    Screen screen = ui.visit.nav.Current().screen;
    // The attract screen lists what is coming up; refresh it now and then as time passes.
    if (screen == Screen::Attract) wake = std::min(wake, 60.0);
    // The confirmation shows the booking's status, which sync may change.
    if (screen == Screen::Confirmation) wake = std::min(wake, 5.0);
    wake = std::min(wake, StaffNextWakeup(ui, now_seconds));
    if (ui.pending) wake = 0.0;
    return wake;
}

void VisitorUi::ResetSession() {
    impl_->speech.Stop();
    impl_->ResetVisit();
    impl_->speech.SetVolume(impl_->visit.volume);
    base::LogInfo("ui_session_reset", "visit=" + std::to_string(impl_->visit_number));
}

std::string VisitorUi::ScreenName() const {
    if (impl_->visit.staff) return StaffScreenName(*impl_);
    return ScreenId(impl_->visit.nav.Current().screen);
}

std::string VisitorUi::Language() const { return impl_->visit.lang; }

const std::vector<WidgetRect>& VisitorUi::Widgets() const { return impl_->widgets; }

}  // namespace ui
