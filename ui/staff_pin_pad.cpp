// ui/staff_pin_pad.cpp: the staff PIN pad: large digit keys, the PIN shown as dots, the wrong-PIN
// and lockout messages. The checking and the lockout are content::CheckStaffPin's; the pad only
// collects digits (from its keys or a hardware keyboard) and says what happened.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "base/log.h"
#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {

void PinPadType(PinPadState& pad, char digit) {
    if (digit < '0' || digit > '9' || pad.digits.size() >= kMaxPinDigits) return;
    pad.digits += digit;
}

void PinPadErase(PinPadState& pad) {
    if (!pad.digits.empty()) pad.digits.pop_back();
}

std::optional<content::StaffMember> PinPadSubmit(content::Db& db, PinPadState& pad, int64_t now_utc) {
    if (pad.digits.size() < 4) {
        // Too short to be anyone's PIN: say so without counting it as a wrong PIN.
        pad.notice = PinPadState::Notice::TooShort;
        return std::nullopt;
    }
    auto check = content::CheckStaffPin(db, pad.digits, now_utc);
    // The typed digits never stay in memory longer than the check.
    std::fill(pad.digits.begin(), pad.digits.end(), '\0');
    pad.digits.clear();
    if (!check.ok()) {
        base::LogError("staff_pin_check_failed", check.error().ToString());
        pad.notice = PinPadState::Notice::Failed;
        pad.error = check.error().message;
        return std::nullopt;
    }
    pad.failures = check->failures;
    pad.locked_until = check->locked_until;
    switch (check->outcome) {
        case content::PinCheck::Outcome::Ok:
            pad.notice = PinPadState::Notice::None;
            return check->staff;
        case content::PinCheck::Outcome::Wrong:
            // The fifth wrong PIN locks the pad at once: say so, not "0 tries left".
            pad.notice = check->locked_until > now_utc ? PinPadState::Notice::Locked : PinPadState::Notice::Wrong;
            base::LogInfo("staff_pin_wrong", "failures=" + std::to_string(check->failures));
            return std::nullopt;
        case content::PinCheck::Outcome::Locked:
            pad.notice = PinPadState::Notice::Locked;
            base::LogInfo("staff_pin_locked", "locked_until=" + std::to_string(check->locked_until));
            return std::nullopt;
    }
    return std::nullopt;
}

std::string PinPadMessage(const Strings& strings, const std::string& lang, const PinPadState& pad, int64_t now_utc) {
    switch (pad.notice) {
        case PinPadState::Notice::None: return {};
        case PinPadState::Notice::TooShort: return strings.Get("staff.pin.hint", lang).text;
        case PinPadState::Notice::Wrong: {
            long long left = std::max(0, content::kPinFailuresBeforeLock - pad.failures);
            return strings.Plural("staff.pin.wrong", left, lang).text;
        }
        case PinPadState::Notice::Locked: {
            long long seconds = pad.locked_until - now_utc;
            if (seconds <= 0) return {};  // the lock has ended: the pad is open again
            long long minutes = std::max(1LL, (seconds + 59) / 60);
            return strings.Plural("staff.pin.locked", minutes, lang).text;
        }
        case PinPadState::Notice::Failed:
            return Format(strings.Get("staff.pin.failed", lang).text, {{"error", pad.error}});
    }
    return {};
}

void DrawStaffPinPad(VisitorUi::Impl& ui, StaffSession& staff) {
    PinPadState& pad = staff.pin;
    bool submit = false;
    // A hardware keyboard (staff laptops): digits, Backspace, Enter.
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) {
        if (c >= '0' && c <= '9') PinPadType(pad, char(c));
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGuiKey_Backspace, true)) PinPadErase(pad);
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) submit = true;

    ContentArea area = BeginContent(ui);
    const float gap = ui.m.pad;
    // Keys: at least 9 mm, and as large as the area allows (up to about 2.5 cm tall on 1080p).
    const float key_h = std::max(ui.m.touch_min * 1.6f, std::min(120.0f * ui.m.ui_scale * ui.m.text_scale,
                                                               (area.size.y - 8 * gap) / 7.0f));
    const float key_w = std::max(key_h * 1.6f, ui.m.touch_min);
    const float pad_w = 3 * key_w + 2 * gap;
    const float column_w = std::min(area.size.x - 2 * gap, std::max(pad_w, 900.0f * ui.m.ui_scale));
    const float x0 = area.min.x + (area.size.x - column_w) / 2;

    BeginScrollArea(ui, "staff_pin", area.size, /*remember=*/false);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + gap));
    ImGui::BeginGroup();
    text::Style title = MakeStyle(ui, ui.m.title_px, true, ui.theme.text);
    title.align = text::Align::Center;
    text::Paragraph(ui.T("staff.pin.title"), title, column_w);
    text::Style hint = MakeStyle(ui, ui.m.body_px, false, ui.theme.text_muted);
    hint.align = text::Align::Center;
    text::Paragraph(ui.T("staff.pin.hint"), hint, column_w);
    Gap(ui);

    // The PIN as dots: filled for each digit typed, at least four places.
    const size_t places = std::max<size_t>(4, pad.digits.size());
    const float dot = ui.m.large_px * 0.9f;
    const float dots_w = places * dot + (places - 1) * dot * 0.8f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < places; ++i) {
        ImVec2 c(x0 + (column_w - dots_w) / 2 + dot / 2 + i * dot * 1.8f, p.y + dot / 2);
        if (i < pad.digits.size()) {
            draw->AddCircleFilled(c, dot / 2, Col(ui.theme.text));
        } else {
            draw->AddCircle(c, dot / 2 - 1.5f, Col(ui.theme.text_muted), 0, 3.0f * ui.m.ui_scale);
        }
    }
    ImGui::Dummy(ImVec2(column_w, dot + gap));

    // What happened: words and a warning icon (never colour alone). Two lines are kept for it
    // whether or not there is a message, so the keys never move under a finger when it appears.
    const std::string message = PinPadMessage(ui.strings, ui.lang(), pad, ui.frame.now_utc);
    const float message_y = ImGui::GetCursorScreenPos().y;
    if (!message.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x0 + (column_w - std::min(column_w, pad_w * 1.4f)) / 2, message_y));
        ImGui::BeginGroup();
        ErrorText(ui, message);
        ImGui::EndGroup();
    }
    const float message_slot = 2 * ui.m.body_px * 1.35f;
    ImGui::SetCursorScreenPos(ImVec2(x0, std::max(ImGui::GetCursorScreenPos().y, message_y + message_slot)));
    Gap(ui, 0.5f);

    // The keys: 1-9, then Erase, 0, Sign in.
    ButtonOptions digit;
    digit.kind = ButtonKind::Key;
    digit.text_px = ui.m.title_px;
    digit.bold = true;
    const float kx = x0 + (column_w - pad_w) / 2;
    float ky = ImGui::GetCursorScreenPos().y;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            char d = char('1' + row * 3 + col);
            std::string label(1, d);
            ImGui::SetCursorScreenPos(ImVec2(kx + col * (key_w + gap), ky));
            std::string id = std::string("pin_") + d;
            if (Button(ui, id.c_str(), label, ImVec2(key_w, key_h), digit)) PinPadType(pad, d);
        }
        ky += key_h + gap;
    }
    ButtonOptions erase;
    erase.icon = Icon::Backspace;
    erase.text_px = ui.m.body_px;
    ImGui::SetCursorScreenPos(ImVec2(kx, ky));
    if (Button(ui, "pin_erase", ui.T("staff.pin.erase"), ImVec2(key_w, key_h), erase)) PinPadErase(pad);
    ImGui::SetCursorScreenPos(ImVec2(kx + key_w + gap, ky));
    if (Button(ui, "pin_0", "0", ImVec2(key_w, key_h), digit)) PinPadType(pad, '0');
    ButtonOptions enter;
    enter.kind = ButtonKind::Primary;
    enter.icon = Icon::Check;
    enter.bold = true;
    enter.text_px = ui.m.body_px;
    ImGui::SetCursorScreenPos(ImVec2(kx + 2 * (key_w + gap), ky));
    if (Button(ui, "pin_enter", ui.T("staff.pin.enter"), ImVec2(key_w, key_h), enter)) submit = true;
    ImGui::SetCursorScreenPos(ImVec2(x0, ky + key_h + gap));
    ImGui::Dummy(ImVec2(column_w, gap));
    ImGui::EndGroup();
    EndScrollArea(ui, /*remember=*/false);

    if (submit) {
        std::optional<content::StaffMember> member = PinPadSubmit(ui.db, pad, ui.frame.now_utc);
        if (member) {
            base::LogInfo("staff_signed_in", "staff_id=" + member->id);
            staff.member = std::move(member);
            staff.history.clear();
            staff.screen = StaffScreen::Home;
        }
    }
    ui.SetReadAloud(ui.T("staff.pin.title"), message);
}

}  // namespace ui
