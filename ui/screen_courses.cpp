// ui/screen_courses.cpp: courses and events: a list and a week view, filters by kind and
// language of instruction, seats left in words, "sign up".
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr int64_t kListDays = 8 * 7;  // the list shows the coming eight weeks

std::string SeatsText(VisitorUi::Impl& ui, const content::SessionView& s) {
    if (s.cancelled) return ui.T("courses.cancelled");
    if (s.seats_left <= 0) return ui.T("courses.full");
    return ui.TP("courses.seats_left", s.seats_left);
}

bool CanSignUp(const content::SessionView& s) { return !s.cancelled && s.seats_left > 0 && !s.booking_form_id.empty(); }

std::string LanguagesText(VisitorUi::Impl& ui, const content::SessionView& s) {
    std::string names;
    for (const std::string& code : s.instruction_langs) names += (names.empty() ? "" : ", ") + LanguageName(code, ui.lang());
    return names;
}

void Filters(VisitorUi::Impl& ui, const std::vector<content::SessionView>& all) {
    CoursesState& st = ui.visit.courses;
    std::set<std::string> kinds, langs;
    for (const content::SessionView& s : all) {
        kinds.insert(s.kind);
        for (const std::string& l : s.instruction_langs) langs.insert(l);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    ButtonOptions o;
    o.text_px = ui.m.body_px;
    auto chip = [&](const std::string& id, const std::string& label, bool selected) {
        o.kind = selected ? ButtonKind::Selected : ButtonKind::Normal;
        ImVec2 size = ButtonSize(ui, label, o);
        size.x += selected ? ui.m.body_px : 0;
        return std::make_pair(size, id);
    };
    // Kinds.
    {
        FlowLayout flow(width, ui.m.pad * 0.5f);
        auto all_chip = chip("kind_all", ui.T("courses.all_kinds"), st.kind.empty());
        flow.Next(all_chip.first);
        o.kind = st.kind.empty() ? ButtonKind::Selected : ButtonKind::Normal;
        if (Button(ui, "kind_all", ui.T("courses.all_kinds"), all_chip.first, o)) st.kind.clear();
        for (const std::string& k : kinds) {
            std::string label = ui.T("courses.kind." + k);
            auto c = chip("kind_" + k, label, st.kind == k);
            flow.Next(c.first);
            o.kind = st.kind == k ? ButtonKind::Selected : ButtonKind::Normal;
            if (Button(ui, c.second.c_str(), label, c.first, o)) st.kind = k;
        }
        flow.End();
    }
    Gap(ui, 0.5f);
    // Languages of instruction.
    {
        FlowLayout flow(width, ui.m.pad * 0.5f);
        auto any = chip("lang_any", ui.T("courses.any_language"), st.instruction_lang.empty());
        flow.Next(any.first);
        o.kind = st.instruction_lang.empty() ? ButtonKind::Selected : ButtonKind::Normal;
        if (Button(ui, "ilang_any", ui.T("courses.any_language"), any.first, o)) st.instruction_lang.clear();
        for (const std::string& l : langs) {
            std::string label = LanguageName(l, ui.lang());
            auto c = chip("ilang_" + l, label, st.instruction_lang == l);
            flow.Next(c.first);
            o.kind = st.instruction_lang == l ? ButtonKind::Selected : ButtonKind::Normal;
            if (Button(ui, c.second.c_str(), label, c.first, o)) st.instruction_lang = l;
        }
        flow.End();
    }
}

void SignUp(VisitorUi::Impl& ui, const content::SessionView& s) { ui.Go(Route{Screen::Booking, s.service_id, s.session_id}); }

void SessionCard(VisitorUi::Impl& ui, const content::SessionView& s, float width, std::string* read) {
    const float pad = ui.m.pad;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(pos.x + width - pad);
    if (s.name.fallback) FallbackBadge(ui, s.name.lang, ui.m.large_px);
    text::Paragraph(s.name.text, MakeStyle(ui, ui.m.large_px, true, ui.theme.text, s.name.lang), width - 2 * pad);
    std::string when = FormatLocalStart(s.local_start, ui.lang());
    if (!s.location_name.empty()) when += " · " + s.location_name.text;
    Para(ui, when, ui.m.body_px, false, true);
    std::string details = ui.T("courses.kind." + s.kind);
    std::string langs = LanguagesText(ui, s);
    if (!langs.empty()) details += " · " + Format(ui.T("courses.taught_in"), {{"languages", langs}});
    if (!s.level.empty()) details += " · " + Format(ui.T("courses.level"), {{"level", s.level}});
    Para(ui, details, ui.m.body_px, true);
    const std::string seats = SeatsText(ui, s);
    if (s.cancelled || s.seats_left <= 0) {
        ErrorText(ui, seats);
    } else {
        Para(ui, seats, ui.m.body_px, false, true);
    }
    if (CanSignUp(s)) {
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.icon = Icon::Booking;
        o.bold = true;
        std::string id = "signup_" + s.session_id;
        if (Button(ui, id.c_str(), ui.T("courses.sign_up"), ImVec2(0, 0), o)) SignUp(ui, s);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImVec2 end(pos.x + width, ImGui::GetItemRectMax().y + pad);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(pos, end, Col(ui.theme.surface), ui.m.rounding);
    draw->AddRect(pos, end, Col(ui.theme.border), ui.m.rounding, 0, 1.5f * ui.m.ui_scale);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, end.y));
    ImGui::Dummy(ImVec2(width, 0));
    *read += s.name.text + ", " + when + ", " + seats + ".\n";
}

void WeekView(VisitorUi::Impl& ui, const std::vector<content::SessionView>& sessions, const std::vector<LocalDay>& days,
              std::string* read) {
    const float width = ImGui::GetContentRegionAvail().x;
    // Seven columns fit at normal text size; with larger text the days stack as a list.
    const int columns = ui.visit.larger_text ? 1 : 7;
    const float gap = ui.m.pad * 0.5f;
    const float col_w = std::floor((width - gap * (columns - 1)) / columns);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float max_y = origin.y;
    float y_stack = origin.y;
    for (size_t d = 0; d < days.size(); ++d) {
        const LocalDay& day = days[d];
        float x = columns == 1 ? origin.x : origin.x + float(d) * (col_w + gap);
        float y = columns == 1 ? y_stack : origin.y;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(x + col_w);
        text::Paragraph(FormatDayShort(day, ui.lang()), MakeStyle(ui, ui.m.large_px, true, ui.theme.text), col_w);
        int count = 0;
        for (const content::SessionView& s : sessions) {
            if (s.local_start.compare(0, 10, day.iso) != 0) continue;
            ++count;
            std::string label = LocalTimeOfDay(s.local_start) + " " + s.name.text;
            std::string seats = SeatsText(ui, s);
            ButtonOptions o;
            o.text_px = ui.m.body_px;
            o.center = false;
            o.kind = ButtonKind::Normal;
            std::string id = "wk_" + s.session_id;
            text::Style st = MakeStyle(ui, ui.m.body_px, false, ui.theme.text);
            st.max_lines = 3;
            float h = std::max(ui.m.touch_min, text::Measure(label, st, col_w - ui.m.body_px).y + ui.m.body_px * 1.6f);
            if (Button(ui, id.c_str(), label, ImVec2(col_w, h), o) && CanSignUp(s)) SignUp(ui, s);
            Para(ui, seats, ui.m.small_px, !(s.cancelled || s.seats_left <= 0), true);
            *read += FormatDayShort(day, ui.lang()) + " " + label + ", " + seats + ".\n";
        }
        if (count == 0) Para(ui, ui.T("courses.nothing_on_day"), ui.m.body_px, true);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        max_y = std::max(max_y, ImGui::GetItemRectMax().y);
        y_stack = ImGui::GetItemRectMax().y + ui.m.pad;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, max_y + ui.m.pad));
    ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void DrawCoursesScreen(VisitorUi::Impl& ui) {
    CoursesState& st = ui.visit.courses;
    const std::string& series_id = ui.route().extra;
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "courses", area.size);
    std::string heading = ui.T("courses.title");
    std::string read;

    // View switch.
    {
        const float width = ImGui::GetContentRegionAvail().x;
        Heading(ui, heading, ui.m.title_px);
        FlowLayout flow(width, ui.m.pad * 0.5f);
        ButtonOptions o;
        o.icon = Icon::List;
        o.kind = st.week_view ? ButtonKind::Normal : ButtonKind::Selected;
        ImVec2 s1 = ButtonSize(ui, ui.T("courses.list"), o);
        s1.x += ui.m.body_px;
        flow.Next(s1);
        if (Button(ui, "view_list", ui.T("courses.list"), s1, o)) st.week_view = false;
        o.icon = Icon::Calendar;
        o.kind = st.week_view ? ButtonKind::Selected : ButtonKind::Normal;
        ImVec2 s2 = ButtonSize(ui, ui.T("courses.week"), o);
        s2.x += ui.m.body_px;
        flow.Next(s2);
        if (Button(ui, "view_week", ui.T("courses.week"), s2, o)) st.week_view = true;
        flow.End();
    }
    Gap(ui, 0.5f);

    const int64_t now = ui.frame.now_utc;
    content::SessionFilter unfiltered;
    unfiltered.include_cancelled = true;
    const auto& upcoming = ui.cache.Sessions(now, now + kListDays * 86400, unfiltered, ui.lang());
    if (!upcoming.ok()) {
        ErrorText(ui, ui.T("common.error"));
        EndScrollArea(ui);
        ui.SetReadAloud(heading, ui.T("common.error"));
        return;
    }
    Filters(ui, *upcoming);
    Gap(ui);

    content::SessionFilter filter;
    filter.include_cancelled = true;  // shown, marked "Cancelled", never silently missing
    if (!st.kind.empty()) filter.kinds = {st.kind};
    filter.instruction_lang = st.instruction_lang;
    auto keep = [&](const content::SessionView& s) { return series_id.empty() || s.series_id == series_id; };

    if (st.week_view) {
        std::vector<LocalDay> days = LocalWeek(now, st.week_offset);
        if (!days.empty()) {
            const float width = ImGui::GetContentRegionAvail().x;
            FlowLayout flow(width, ui.m.pad * 0.5f);
            ButtonOptions o;
            o.icon = Icon::ChevronLeft;
            ImVec2 ps = ButtonSize(ui, ui.T("courses.prev_week"), o);
            if (st.week_offset > 0) {
                flow.Next(ps);
                if (Button(ui, "prev_week", ui.T("courses.prev_week"), ps, o)) --st.week_offset;
            }
            o.icon = Icon::ChevronRight;
            ImVec2 ns = ButtonSize(ui, ui.T("courses.next_week"), o);
            if (st.week_offset < 7) {
                flow.Next(ns);
                if (Button(ui, "next_week", ui.T("courses.next_week"), ns, o)) ++st.week_offset;
            }
            flow.End();
            std::string week_title = Format(ui.T("courses.week_of"), {{"date", FormatDayLong(days.front(), ui.lang())}});
            Para(ui, week_title, ui.m.heading_px, false, true);
            read += week_title + ".\n";
            const auto& week = ui.cache.Sessions(days.front().start_utc, days.back().start_utc + 86400 + 3600, filter,
                                                 ui.lang());
            if (!week.ok()) {
                ErrorText(ui, ui.T("common.error"));
            } else {
                std::vector<content::SessionView> shown;
                for (const content::SessionView& s : *week) {
                    if (keep(s)) shown.push_back(s);
                }
                WeekView(ui, shown, days, &read);
            }
        }
    } else {
        const auto& list = ui.cache.Sessions(now, now + kListDays * 86400, filter, ui.lang());
        const float width = ImGui::GetContentRegionAvail().x;
        int shown = 0;
        if (list.ok()) {
            for (const content::SessionView& s : *list) {
                if (!keep(s)) continue;
                ++shown;
                SessionCard(ui, s, width, &read);
                Gap(ui, 0.75f);
            }
        } else {
            ErrorText(ui, ui.T("common.error"));
        }
        if (list.ok() && shown == 0) Para(ui, ui.T("courses.none"), ui.m.large_px);
    }
    EndScrollArea(ui);
    ui.SetReadAloud(heading, read);
}

}  // namespace ui
