// ui/staff_session.cpp: the hidden gesture, entering and leaving staff mode, the staff screens'
// navigation and the helpers they share. See staff_session.h for the state machine.
#include "ui/staff_session.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <set>
#include <unistd.h>

#include "base/log.h"
#include "ui/keyboard_layouts.h"
#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

float CornerSize(const VisitorUi::Impl& ui) {
    return std::max(80.0f, kStaffCornerPx * ui.frame.height / 1080.0f);
}

bool StaffExists(content::Db& db) {
    auto staff = content::ListStaff(db, /*include_removed=*/false);
    if (!staff.ok()) {
        base::LogWarn("staff_list_failed", staff.error().ToString());
        return false;
    }
    return !staff->empty();
}

std::string Humanize(const std::string& name) {
    std::string out = name;
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

}  // namespace

const char* StaffScreenId(StaffScreen screen) {
    switch (screen) {
        case StaffScreen::PinPad: return "staff_pin";
        case StaffScreen::Home: return "staff_home";
        case StaffScreen::RecordList: return "staff_list";
        case StaffScreen::Editor: return "staff_editor";
        case StaffScreen::Preview: return "staff_preview";
        case StaffScreen::Conflicts: return "staff_conflicts";
        case StaffScreen::Diagnostics: return "staff_diagnostics";
    }
    return "staff_pin";
}

void StaffGo(StaffSession& staff, StaffScreen screen) {
    if (staff.screen == screen && screen != StaffScreen::Editor) return;
    staff.history.push_back(staff.screen);
    staff.screen = screen;
}

void StaffBack(StaffSession& staff) {
    // Leaving an editor (not for its preview) closes it; the one below, if any, shows again.
    if (staff.screen == StaffScreen::Editor && !staff.editors.empty()) staff.editors.pop_back();
    if (staff.history.empty()) {
        staff.screen = staff.member ? StaffScreen::Home : StaffScreen::PinPad;
        return;
    }
    staff.screen = staff.history.back();
    staff.history.pop_back();
    // Never land on an editor that is gone (cannot happen through the buttons; be safe).
    if ((staff.screen == StaffScreen::Editor || staff.screen == StaffScreen::Preview) && staff.editors.empty())
        staff.screen = StaffScreen::Home;
}

void OpenStaffMode(VisitorUi::Impl& ui) {
    // Nothing of the visitor's visit may be visible to staff: wipe it first.
    ui.speech.Stop();
    ui.ResetVisit();
    ui.speech.SetVolume(ui.visit.volume);
    ui.visit.staff = std::make_shared<StaffSession>();
    ui.idle.Start(ui.frame.now_seconds);
    ui.staff_hold_since = -1;
    base::LogInfo("staff_pin_pad_opened");
}

void UpdateStaffGesture(VisitorUi::Impl& ui) {
    if (!ui.config.staff_mode_available || ui.visit.staff) {
        ui.staff_hold_since = -1;
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = CornerSize(ui);
    const ImVec2 pointer = ImGui::GetMousePos();
    const bool in_corner = ImGui::IsMouseDown(ImGuiMouseButton_Left) && pointer.x >= 0 && pointer.y >= 0 &&
                           pointer.x < corner && pointer.y < corner;
    if (!in_corner) {
        ui.staff_hold_since = -1;
        return;
    }
    if (ui.staff_hold_since < 0) {
        // Only a press that began in the corner counts; a finger sliding in does not. ImGui
        // reports a finger's press one frame after the finger landed (a touch screen has no
        // hover, so ImGui hovers first: kiosk/input_layer.h); the hold counts from the landing.
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
            ui.staff_hold_since = ui.frame.now_seconds - (touch ? io.DeltaTime : 0.0);
        }
        return;
    }
    // A 10 ms grace: frame times are sums of 1/60 s steps, and 300 of them may fall a hair
    // short of 5 s.
    if (ui.frame.now_seconds - ui.staff_hold_since < kStaffHoldSeconds - 0.01) return;
    ui.staff_hold_since = -1;
    if (!StaffExists(ui.db)) {
        base::LogInfo("staff_gesture_ignored", "reason=no_staff_members");
        return;
    }
    OpenStaffMode(ui);
}

double StaffNextWakeup(const VisitorUi::Impl& ui, double now_seconds) {
    double wake = kNever;
    if (ui.staff_hold_since >= 0) wake = std::max(0.0, ui.staff_hold_since + kStaffHoldSeconds - now_seconds);
    if (ui.visit.staff && ui.visit.staff->screen == StaffScreen::PinPad) {
        // The lock message counts minutes down: wake when the number changes.
        const PinPadState& pad = ui.visit.staff->pin;
        long long left = pad.locked_until - ui.frame.now_utc;
        if (pad.locked_until > 0 && left > 0) wake = std::min(wake, double(left % 60 == 0 ? 60 : left % 60));
    }
    return wake;
}

std::string StaffScreenName(const VisitorUi::Impl& ui) { return StaffScreenId(ui.visit.staff->screen); }

void DrawStaffMode(VisitorUi::Impl& ui) {
    // Hold the session while drawing: "Leave staff mode" defers the reset to the frame's end,
    // but nothing below may outlive it anyway.
    std::shared_ptr<StaffSession> staff = ui.visit.staff;
    if (ui.frame.content_changed) staff->DropCaches();
    DrawStaffBar(ui, *staff);
    switch (staff->screen) {
        case StaffScreen::PinPad: DrawStaffPinPad(ui, *staff); break;
        case StaffScreen::Home: DrawStaffHome(ui, *staff); break;
        case StaffScreen::RecordList: DrawStaffRecordList(ui, *staff); break;
        case StaffScreen::Editor: DrawStaffEditor(ui, *staff); break;
        case StaffScreen::Preview: DrawStaffPreview(ui, *staff); break;
        case StaffScreen::Conflicts: DrawStaffConflicts(ui, *staff); break;
        case StaffScreen::Diagnostics: DrawStaffDiagnostics(ui, *staff); break;
    }
    DrawStatusLine(ui);
}

std::string StaffDevice(const VisitorUi::Impl& ui) {
    if (!ui.config.staff.device_name.empty()) return ui.config.staff.device_name;
    char host[256] = {0};
    if (gethostname(host, sizeof host - 1) == 0 && host[0] != '\0') return host;
    return "kiosk";
}

std::vector<std::string> StaffLanguages(const VisitorUi::Impl& ui) {
    std::vector<std::string> langs = {"lv", "en", "ru"};
    for (const std::string& l : ui.config.languages) {
        if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
    }
    return langs;
}

std::string StaffFieldKey(const std::string& field) {
    // booking_form_field option labels ("option:<value>") share one word: "Option".
    if (field.rfind("option:", 0) == 0) return "staff.field.option";
    return "staff.field." + field;
}

std::string StaffTableKey(const std::string& table) { return "staff.table." + table; }

std::string StaffWord(const VisitorUi::Impl& ui, const std::string& key, const std::string& last_resort) {
    const bool known = ui.strings.HasKey(key);
    UiText text;
    if (known) {
        text = ui.strings.Get(key, ui.lang());
        if (!text.fallback) return text.text;
    }
    // Another language's word (or the column's own name) on this screen is a defect the
    // journal must show, once: the label is drawn every frame.
    static std::mutex mutex;
    static std::set<std::string> logged;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (logged.insert(key + "|" + ui.lang()).second) {
            base::LogWarn("staff_label_missing", "key=" + key + " lang=" + ui.lang() +
                                                     (known ? " shown=" + text.lang : " shown=humanized"));
        }
    }
    return known ? text.text : last_resort;
}

std::string StaffFieldLabel(const VisitorUi::Impl& ui, const std::string& field) {
    const std::string label = StaffWord(ui, StaffFieldKey(field), Humanize(field));
    if (field.rfind("option:", 0) == 0) return label + ": " + field.substr(7);
    return label;
}

std::string StaffTableLabel(const VisitorUi::Impl& ui, const std::string& table) {
    return StaffWord(ui, StaffTableKey(table), Humanize(table));
}

void OpenStaffEditor(VisitorUi::Impl& ui, StaffSession& staff, const std::string& table, const std::string& id) {
    auto record = content::ReadEditableRecord(ui.db, table, id, StaffLanguages(ui));
    if (!record.ok()) {
        base::LogWarn("staff_record_unreadable", "table=" + table + " id=" + id + " error=\"" + record.error().ToString() + "\"");
        // The list (or the editor below) shows why nothing opened.
        staff.list_notice = Format(ui.T("staff.editor.open_failed"), {{"error", record.error().message}});
        return;
    }
    staff.list_notice.clear();
    staff.editors.push_back(MakeEditor(*record));
    staff.editors.back().preview_lang = ui.lang();
    StaffGo(staff, StaffScreen::Editor);
}

const content::Result<content::EditableRecord>& StaffRecord(VisitorUi::Impl& ui, StaffSession& staff,
                                                            const std::string& table, const std::string& id) {
    const std::string key = table + "|" + id + "|" + ui.lang();
    auto it = staff.records.find(key);
    if (it != staff.records.end()) return it->second;
    return staff.records.emplace(key, content::ReadEditableRecord(ui.db, table, id, StaffLanguages(ui))).first->second;
}

bool StaffKeyboard(VisitorUi::Impl& ui, std::string& text, float width, bool digits_only, size_t max_chars) {
    KeyboardOptions options;
    options.width = width;
    options.digits_only = digits_only;
    options.max_chars = max_chars;
    bool changed = OnScreenKeyboard(ui, text, options);
    if (digits_only) return changed;
    // The visitor layouts have no ':' or '/', which times, web addresses and paths need.
    static const char* const kSymbols[] = {":", "/", "_", "?", "=", "&", "#", "%", "(", ")", "\"", "!", ";", "–"};
    Gap(ui, 0.5f);
    const float gap = ui.m.pad * 0.5f;
    const size_t n = sizeof kSymbols / sizeof kSymbols[0];
    const size_t per_row = std::max<size_t>(1, std::min<size_t>(n, size_t((width + gap) / (ui.m.touch_min * 1.3f + gap))));
    const float key_w = std::max(ui.m.touch_min, (width - gap * (per_row - 1)) / per_row);
    ButtonOptions key;
    key.kind = ButtonKind::Key;
    key.text_px = ui.m.large_px;
    FlowLayout flow(width, gap);
    for (size_t i = 0; i < n; ++i) {
        ImVec2 size(key_w, std::max(ui.m.touch_min, ui.m.body_px * 2.3f));
        flow.Next(size);
        std::string id = "sym" + std::to_string(i);
        if (Button(ui, id.c_str(), kSymbols[i], size, key) && CodepointCount(text) < max_chars) {
            text += kSymbols[i];
            changed = true;
        }
    }
    flow.End();
    return changed;
}

bool SaveStaffEdit(VisitorUi::Impl& ui, StaffSession& staff, const content::StaffEdit& edit,
                   std::vector<content::EditProblem>* problems, std::string* error) {
    problems->clear();
    error->clear();
    auto found = content::ValidateStaffEdit(ui.db, edit, ui.lang());
    if (!found.ok()) {
        *error = found.error().message;
        return false;
    }
    if (!found->empty()) {
        *problems = std::move(found).value();
        return false;
    }
    auto version = content::ApplyStaffEditLocally(ui.db, edit, ui.frame.now_utc);
    if (!version.ok()) {
        base::LogWarn("staff_edit_failed", "table=" + edit.table + " id=" + edit.record_id + " error=\"" +
                                               version.error().ToString() + "\"");
        *error = version.error().message;
        return false;
    }
    base::LogInfo("staff_edit_saved", "table=" + edit.table + " id=" + edit.record_id + " action=" +
                                          content::EditActionName(edit.action) + " changes=" +
                                          std::to_string(edit.changes.size()) + " version=" + std::to_string(*version));
    // Visitors' screens and every staff list read the new content from now on.
    ui.cache.Invalidate();
    staff.DropCaches();
    return true;
}

void StaffNotice(VisitorUi::Impl& ui, const std::string& text, bool is_error) {
    if (text.empty()) return;
    if (is_error) {
        ErrorText(ui, text);
        return;
    }
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float s = ui.m.body_px;
    DrawIcon(ImGui::GetWindowDrawList(), Icon::Check, ImVec2(pos.x + s / 2, pos.y + s * 0.65f), s, Col(ui.theme.text));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + s * 1.4f, pos.y));
    Para(ui, text, s, false, true);
}

}  // namespace ui
