// ui/screen_attract.cpp: the attract screen (no visit in progress).
//
// Shows the centre's name, what is coming up next, the hotline number, and "touch to start" in
// every offered language. Tapping a language's line starts the visit in that language (Home);
// tapping anywhere else opens the language choice.
#include <imgui.h>

#include <algorithm>

#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawAttractScreen(VisitorUi::Impl& ui) {
    const float w = ui.frame.width, h = ui.frame.height;
    const float pad = ui.m.pad * 3;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string& lang = ui.visit.lang;

    // Header band: the centre's name.
    const auto& centre = ui.cache.Centre(lang);
    std::string centre_name = centre.ok() && !centre->name.empty() ? centre->name.text : ui.T("about.title");
    text::Style title = MakeStyle(ui, ui.m.title_px * 1.2f, true, ui.theme.on_bar);
    ImVec2 ts = text::Measure(centre_name, title, w - 2 * pad);
    float band_h = ts.y + 2 * pad;
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(w, band_h), Col(ui.theme.bar));
    text::DrawText(draw, ImVec2(pad, pad), centre_name, title, w - 2 * pad);

    // Left: coming up. Right: the hotline.
    float y = band_h + pad;
    const float col_w = (w - 3 * pad) * 0.58f;
    const float right_x = pad * 2 + col_w;
    const float right_w = w - right_x - pad;
    text::Style section = MakeStyle(ui, ui.m.heading_px, true, ui.theme.text);
    text::DrawText(draw, ImVec2(pad, y), ui.T("attract.coming_up"), section, col_w);
    float ly = y + ui.m.heading_px * 1.6f;
    // The "touch to start" lines own the bottom of the screen; upcoming sessions fill what is
    // left above them (fewer with larger text).
    const float line_h = std::max(ui.m.touch_min, ui.m.large_px * 2.2f);
    const float lines_h = float(ui.config.languages.size()) * (line_h + ui.m.pad * 0.5f);
    const float lines_top = h - pad - lines_h;
    content::SessionFilter filter;
    const int64_t now = ui.frame.now_utc;
    const auto& sessions = ui.cache.Sessions(now, now + 14 * 86400, filter, lang);
    std::string read_body;
    if (sessions.ok()) {
        int shown = 0;
        for (const content::SessionView& s : *sessions) {
            if (s.cancelled || shown >= 4) continue;
            ++shown;
            text::Style name = MakeStyle(ui, ui.m.large_px, true, ui.theme.text, s.name.lang);
            name.max_lines = 2;
            text::Style when = MakeStyle(ui, ui.m.body_px, false, ui.theme.text_muted);
            std::string when_text = FormatLocalStart(s.local_start, lang);
            if (!s.location_name.empty()) when_text += " · " + s.location_name.text;
            ImVec2 ns = text::Measure(s.name.text, name, col_w);
            ImVec2 ws = text::Measure(when_text, when, col_w);
            if (ly + ns.y + ws.y + 4 > lines_top - ui.m.pad) break;
            text::DrawText(draw, ImVec2(pad, ly), s.name.text, name, col_w);
            ly += ns.y + 4;
            text::DrawText(draw, ImVec2(pad, ly), when_text, when, col_w);
            ly += ws.y + ui.m.pad * 1.5f;
            read_body += s.name.text + ", " + when_text + ".\n";
        }
    }
    const auto& hotline = ui.cache.Hotline(lang);
    if (hotline.ok()) {
        std::string number = FirstPhone(hotline->phones);
        if (number.empty()) number = FirstPhone(hotline->provider.phones);
        if (!number.empty()) {
            text::Style label = MakeStyle(ui, ui.m.large_px, true, ui.theme.on_hotline);
            text::Style big = MakeStyle(ui, ui.m.huge_px, true, ui.theme.on_hotline);
            std::string caption = ui.T("attract.hotline");
            ImVec2 cs = text::Measure(caption, label, right_w - 2 * ui.m.pad);
            ImVec2 bs = text::Measure(number, big, right_w - 2 * ui.m.pad);
            float box_h = cs.y + bs.y + 3 * ui.m.pad;
            draw->AddRectFilled(ImVec2(right_x, y), ImVec2(right_x + right_w, y + box_h), Col(ui.theme.hotline),
                                ui.m.rounding * 2);
            DrawIcon(draw, Icon::Phone, ImVec2(right_x + right_w - ui.m.pad - ui.m.large_px / 2, y + ui.m.pad + ui.m.large_px / 2),
                     ui.m.large_px, Col(ui.theme.on_hotline));
            text::DrawText(draw, ImVec2(right_x + ui.m.pad, y + ui.m.pad), caption, label, right_w - 3 * ui.m.pad);
            text::DrawText(draw, ImVec2(right_x + ui.m.pad, y + 2 * ui.m.pad + cs.y), number, big,
                           right_w - 2 * ui.m.pad);
            read_body += caption + ": " + number + ".\n";
        }
    }

    // "Touch to start" in every offered language, each line a way in.
    float sy = lines_top;
    ButtonOptions opt;
    opt.text_px = ui.m.large_px;
    opt.bold = true;
    opt.icon = Icon::ChevronRight;
    opt.kind = ButtonKind::Normal;
    for (const std::string& l : ui.config.languages) {
        std::string line = ui.strings.Get("attract.touch_to_start", l).text;
        ImGui::SetCursorScreenPos(ImVec2(pad, sy));
        std::string id = "start_" + l;
        if (Button(ui, id.c_str(), line, ImVec2(std::min(w - 2 * pad, 1100.0f * ui.m.ui_scale * ui.m.text_scale), line_h), opt)) {
            ui.SetLanguage(l);
            ui.Go(Route{Screen::Home});
        }
        sy += line_h + ui.m.pad * 0.5f;
    }
    // Anywhere else: the language choice. Submitted last, so the lines above take precedence.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("##attract_anywhere", ImVec2(w, h))) ui.Go(Route{Screen::Language});
    ui.SetReadAloud(ui.T("attract.touch_to_start"), read_body);
}

}  // namespace ui
