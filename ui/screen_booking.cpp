// ui/screen_booking.cpp: the booking form, built from the content's form definition.
//
// Steps (see booking_flow.h): choose what to book (when reached from Home) -> fill the fields
// (typed fields use the on-screen keyboard on the right) -> check the summary -> send. The
// confirmation replaces this screen in the history, so Back cannot return to a sent form.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/keyboard_layouts.h"
#include "ui/localize.h"
#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

bool IsTyped(const content::FormField& f) {
    return f.type == "text" || f.type == "multiline" || f.type == "phone" || f.type == "email";
}

std::string FieldLabel(VisitorUi::Impl& ui, const content::FormField& f) {
    std::string label = f.label.empty() ? f.key : f.label.text;
    if (f.type != "consent" && f.type != "session") {
        label += " (" + ui.T(f.required ? "booking.required" : "booking.optional") + ")";
    }
    return label;
}

struct Choice {
    std::string value, label;
};

// The options a choice-like field offers: its own, or for dates the next two weeks' weekdays,
// or for time slots morning/afternoon/any.
std::vector<Choice> ChoicesFor(VisitorUi::Impl& ui, const content::FormField& f) {
    std::vector<Choice> out;
    for (const content::FormOption& o : f.options) out.push_back({o.value, o.label.empty() ? o.value : o.label.text});
    if (!out.empty()) return out;
    if (f.type == "time_slot") {
        out.push_back({"morning", ui.T("booking.morning")});
        out.push_back({"afternoon", ui.T("booking.afternoon")});
        out.push_back({"any", ui.T("booking.any_time")});
    } else if (f.type == "date") {
        // The coming working days (Monday to Friday), at most ten.
        for (int week = 0; week < 3 && out.size() < 10; ++week) {
            std::vector<LocalDay> days = LocalWeek(ui.frame.now_utc, week);
            for (size_t i = 0; i < days.size() && i < 5 && out.size() < 10; ++i) {
                if (days[i].start_utc + 86400 <= ui.frame.now_utc) continue;  // already past
                out.push_back({days[i].iso, FormatDayShort(days[i], ui.lang())});
            }
        }
    }
    return out;
}

std::string BookingValueText(VisitorUi::Impl& ui, const content::FormField& f, const std::string& value) {
    if (value.empty()) return ui.T("booking.not_given");
    if (f.type == "consent") return value == kConsentYes ? ui.T("booking.consent_agree") : ui.T("booking.not_given");
    if (f.type == "session") return ui.visit.booking.booked_name + ", " + ui.visit.booking.booked_when;
    for (const Choice& c : ChoicesFor(ui, f)) {
        if (c.value == value) return c.label;
    }
    return value;
}

void FieldError(VisitorUi::Impl& ui, const content::FormField& f) {
    auto it = ui.visit.booking.errors.find(f.key);
    if (it == ui.visit.booking.errors.end()) return;
    UiText message = FieldErrorMessage(it->second, &f, ui.strings, ui.lang());
    if (message.fallback) FallbackBadge(ui, message.lang, ui.m.body_px);
    ErrorText(ui, message.text);
}

void DrawField(VisitorUi::Impl& ui, const content::BookingForm& form, const content::FormField& f, float width) {
    BookingFlow& flow = ui.visit.booking;
    std::string& value = flow.values[f.key];
    const bool has_error = flow.errors.count(f.key) > 0;
    if (f.type == "consent") {
        SectionTitle(ui, f.label.empty() ? ui.T("booking.consent_agree") : f.label.text);
        LocalPara(ui, form.consent);
        Gap(ui, 0.5f);
        ButtonOptions o;
        o.kind = value == kConsentYes ? ButtonKind::Selected : ButtonKind::Normal;
        o.icon = value == kConsentYes ? Icon::Check : Icon::None;
        ImVec2 size = ButtonSize(ui, ui.T("booking.consent_agree"), o);
        size.x += ui.m.body_px * 2;
        std::string id = "field_" + f.key;
        if (Button(ui, id.c_str(), ui.T("booking.consent_agree"), size, o)) {
            value = value == kConsentYes ? std::string() : std::string(kConsentYes);
        }
        FieldError(ui, f);
        return;
    }
    SectionTitle(ui, FieldLabel(ui, f));
    if (!f.help.empty()) LocalPara(ui, f.help, ui.m.body_px);
    if (f.type == "session") {
        Para(ui, flow.booked_name + (flow.booked_when.empty() ? "" : ", " + flow.booked_when), 0, false, true);
    } else if (IsTyped(f)) {
        std::string id = "field_" + f.key;
        int lines = f.type == "multiline" ? 3 : 1;
        if (FieldBox(ui, id.c_str(), value, ui.T("booking.tap_to_type"), width, flow.focused == f.key, has_error, lines,
                     f.label.empty() ? std::string_view(f.key) : std::string_view(f.label.text))) {
            flow.focused = f.key;
        }
    } else {
        FlowLayout flow_layout(width, ui.m.pad * 0.5f);
        ButtonOptions o;
        for (const Choice& c : ChoicesFor(ui, f)) {
            o.kind = value == c.value ? ButtonKind::Selected : ButtonKind::Normal;
            ImVec2 size = ButtonSize(ui, c.label, o);
            size.x += ui.m.body_px;
            flow_layout.Next(size);
            std::string id = "opt_" + f.key + "_" + c.value;
            if (Button(ui, id.c_str(), c.label, size, o)) value = c.value;
        }
        flow_layout.End();
    }
    FieldError(ui, f);
}

void DrawChooser(VisitorUi::Impl& ui, const ContentArea& area) {
    BeginScrollArea(ui, "booking_choose", area.size);
    Heading(ui, ui.T("booking.choose_service"), ui.m.title_px);
    Gap(ui);
    std::string read;
    const auto& services = ui.cache.BookableServices(ui.lang());
    if (!services.ok()) {
        ErrorText(ui, ui.T("common.error"));
    } else if (services->empty()) {
        Para(ui, ui.T("booking.none_bookable"), ui.m.large_px);
        read = ui.T("booking.none_bookable");
    } else {
        const float width = ImGui::GetContentRegionAvail().x;
        for (const content::ServiceSummary& s : *services) {
            std::string id = "book_" + s.id;
            if (ListRow(ui, id.c_str(), s.name.text, s.organization_name.text, "", width, s.name.fallback, s.name.lang)) {
                ui.Go(Route{Screen::Booking, s.id});
            }
            Gap(ui, 0.5f);
            read += s.name.text + ".\n";
        }
    }
    EndScrollArea(ui);
    ui.SetReadAloud(ui.T("booking.choose_service"), read);
}

}  // namespace

void DrawBookingScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    const Route route = ui.route();
    BookingFlow& flow = ui.visit.booking;
    if (route.id.empty() && route.extra.empty()) {
        DrawChooser(ui, area);
        return;
    }
    std::string form_id, booked_name, booked_when;
    if (!route.extra.empty()) {
        const auto& session = ui.cache.Session(route.extra, ui.lang());
        if (session.ok()) {
            form_id = session->booking_form_id;
            booked_name = session->name.text;
            booked_when = FormatLocalStart(session->local_start, ui.lang());
        }
    } else {
        const auto& service = ui.cache.Service(route.id, ui.lang());
        if (service.ok()) {
            form_id = service->booking_form_id;
            booked_name = service->name.text;
        }
    }
    const content::Result<content::BookingForm>* form_result = form_id.empty() ? nullptr : &ui.cache.Form(form_id, ui.lang());
    if (!form_result || !form_result->ok()) {
        BeginScrollArea(ui, "booking_missing", area.size);
        Heading(ui, ui.T("booking.title"), ui.m.title_px);
        Para(ui, ui.T("booking.no_form"), ui.m.large_px);
        EndScrollArea(ui);
        ui.SetReadAloud(ui.T("booking.title"), ui.T("booking.no_form"));
        return;
    }
    const content::BookingForm& form = form_result->value();
    if (!flow.active() || flow.form_id != form.id || flow.service_id != route.id || flow.session_id != route.extra ||
        flow.step == BookingFlow::Step::Done) {
        StartBooking(flow, form, route.id, route.extra, ui.lang());
    }
    flow.booked_name = booked_name;
    flow.booked_when = booked_when;
    const std::string title = form.title.empty() ? ui.T("booking.title") : form.title.text;

    if (flow.step == BookingFlow::Step::Summary) {
        BeginScrollArea(ui, "booking_summary", area.size);
        Heading(ui, title, ui.m.title_px);
        Para(ui, Format(ui.T("booking.step"), {{"step", "2"}, {"total", "2"}}), ui.m.body_px, true);
        Gap(ui);
        Heading(ui, ui.T("booking.summary_title"));
        std::string read = ui.T("booking.summary_title") + ".\n";
        const float width = ImGui::GetContentRegionAvail().x;
        // Label and value side by side, so the whole summary and its Send button fit on one
        // screen in the normal text size (no scrolling needed to find Send).
        const float label_w = std::floor(width * 0.36f);
        const float value_w = width - label_w - ui.m.pad;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        Gap(ui, 0.5f);
        for (const content::FormField& f : form.fields) {
            const std::string label = f.label.empty() ? f.key : f.label.text;
            const std::string value = BookingValueText(ui, f, flow.values[f.key]);
            text::Style label_style = MakeStyle(ui, ui.m.large_px, true, ui.theme.text);
            text::Style value_style = MakeStyle(ui, ui.m.large_px, false, ui.theme.text);
            ImVec2 ls = text::Measure(label, label_style, label_w - ui.m.pad);
            ImVec2 vs = text::Measure(value, value_style, value_w);
            ImVec2 p = ImGui::GetCursorScreenPos();
            text::DrawText(draw, p, label, label_style, label_w - ui.m.pad);
            text::DrawText(draw, ImVec2(p.x + label_w, p.y), value, value_style, value_w);
            ImGui::Dummy(ImVec2(width, std::max(ls.y, vs.y) + ui.m.pad * 0.6f));
            read += label + ": " + value + ".\n";
        }
        Gap(ui, 1.5f);
        if (!flow.notice_key.empty()) ErrorText(ui, ui.T(flow.notice_key));
        FlowLayout buttons(width, ui.m.pad);
        ButtonOptions back;
        back.icon = Icon::ChevronLeft;
        ImVec2 bs = ButtonSize(ui, ui.T("booking.edit"), back);
        buttons.Next(bs);
        if (Button(ui, "edit", ui.T("booking.edit"), bs, back)) flow.step = BookingFlow::Step::Fill;
        ButtonOptions send;
        send.kind = ButtonKind::Primary;
        send.bold = true;
        send.icon = Icon::Check;
        ImVec2 ss = ButtonSize(ui, ui.T("booking.submit"), send);
        ss.x = std::max(ss.x, width * 0.4f);
        buttons.Next(ss);
        if (Button(ui, "submit", ui.T("booking.submit"), ss, send)) {
            if (SubmitFlow(ui.db, flow, form, ui.lang(), ui.frame.now_utc)) {
                ui.Replace(Route{Screen::Confirmation, route.id, route.extra});
            }
        }
        buttons.End();
        EndScrollArea(ui);
        ui.SetReadAloud(title, read);
        return;
    }

    // Fill: fields on the left, the keyboard for the focused field on the right.
    const content::FormField* focused = nullptr;
    for (const content::FormField& f : form.fields) {
        if (f.key == flow.focused && IsTyped(f)) focused = &f;
    }
    // A hardware keyboard's Tab moves on to the next typed field (staff, scripts' `key Tab`).
    if (focused && ImGui::IsKeyPressed(ImGuiKey_Tab, false)) {
        bool after = false;
        for (const content::FormField& f : form.fields) {
            if (after && IsTyped(f)) {
                flow.focused = f.key;
                focused = &f;
                break;
            }
            if (&f == focused) after = true;
        }
    }
    const float right_w = std::floor(area.size.x * 0.46f);
    const float left_w = area.size.x - right_w;
    BeginScrollArea(ui, "booking_fields", ImVec2(left_w, area.size.y));
    Heading(ui, title, ui.m.title_px);
    Para(ui, Format(ui.T("booking.step"), {{"step", "1"}, {"total", "2"}}), ui.m.body_px, true);
    if (!form.intro.empty()) LocalPara(ui, form.intro);
    std::string read = form.intro.text;
    const float width = ImGui::GetContentRegionAvail().x;
    for (const content::FormField& f : form.fields) {
        DrawField(ui, form, f, width);
        Gap(ui, 0.5f);
    }
    Gap(ui);
    if (!flow.notice_key.empty()) ErrorText(ui, ui.T(flow.notice_key));
    ButtonOptions next;
    next.kind = ButtonKind::Primary;
    next.bold = true;
    next.icon = Icon::ChevronRight;
    bool to_top = false;
    if (Button(ui, "next", ui.T("booking.next"), ImVec2(width, ui.m.button_h * 1.2f), next)) {
        ValidateAndContinue(ui.db, flow, form, ui.lang());
        to_top = true;  // the summary, or the first problem, starts at the top
    }
    Gap(ui, 2);
    EndScrollArea(ui);
    if (to_top) {
        ui.route().scroll_y = 0;
        ui.scroll_restore_pending = true;
    }

    ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
    BeginScrollArea(ui, "booking_keyboard", ImVec2(right_w, area.size.y), /*remember=*/false);
    if (focused) {
        Para(ui, FieldLabel(ui, *focused), ui.m.large_px, false, true);
        std::string& value = flow.values[focused->key];
        FieldBox(ui, "focused_copy", value, ui.T("booking.tap_to_type"), ImGui::GetContentRegionAvail().x, true,
                 flow.errors.count(focused->key) > 0, focused->type == "multiline" ? 3 : 1,
                 focused->label.empty() ? std::string_view(focused->key) : std::string_view(focused->label.text));
        Gap(ui, 0.5f);
        KeyboardOptions kb;
        kb.digits_only = focused->type == "phone";
        kb.max_chars = focused->max_length ? size_t(*focused->max_length) : 200;
        if (focused->type == "multiline") kb.max_chars = std::max<size_t>(kb.max_chars, 200);
        if (OnScreenKeyboard(ui, value, kb)) flow.errors.erase(focused->key);
    }
    EndScrollArea(ui, /*remember=*/false);
    ui.SetReadAloud(title, read);
}

}  // namespace ui
