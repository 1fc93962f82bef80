// ui/chrome.cpp: what surrounds every screen: the top bar, the status line, the timeout
// warning, and the content area between the bars.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {
namespace {

std::string UpperAscii(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

ContentArea BeginContent(VisitorUi::Impl& ui) {
    ContentArea area;
    area.min = ImVec2(0, ui.content_top);
    area.size = ImVec2(ui.frame.width, std::max(ui.m.touch_min, ui.frame.height - ui.content_top - ui.m.status_h));
    ImGui::SetCursorScreenPos(area.min);
    return area;
}

std::string FirstPhone(const std::vector<content::Phone>& phones) {
    for (const content::Phone& p : phones) {
        if (!p.number.empty()) return p.number;
    }
    return {};
}

void DrawTopBar(VisitorUi::Impl& ui) {
    const float pad = ui.m.pad;
    const float gap = pad * 0.6f;
    ButtonOptions opt;
    opt.text_px = ui.m.small_px * 1.15f;
    opt.center = true;

    struct Item {
        std::string id, label;
        Icon icon;
        ButtonKind kind;
        ImVec2 size;
        int group;  // 0 navigation, 1 languages, 2 accessibility
    };
    std::vector<Item> items;
    auto add = [&](std::string id, std::string label, Icon icon, ButtonKind kind, int group) {
        ButtonOptions o = opt;
        o.icon = icon;
        o.kind = kind;
        ImVec2 size = ButtonSize(ui, label, o);
        if (kind == ButtonKind::Selected) size.x += opt.text_px;  // room for the check mark
        items.push_back(Item{std::move(id), std::move(label), icon, kind, size, group});
    };
    add("home", ui.T("topbar.home"), Icon::Home, ButtonKind::Normal, 0);
    if (ui.visit.nav.CanGoBack()) add("back", ui.T("topbar.back"), Icon::Back, ButtonKind::Normal, 0);
    for (const std::string& l : ui.config.languages) {
        add("lang_" + l, UpperAscii(l), Icon::None, l == ui.visit.lang ? ButtonKind::Selected : ButtonKind::Normal, 1);
    }
    add("larger", ui.T(ui.visit.larger_text ? "topbar.normal_text" : "topbar.larger_text"), Icon::TextSize,
        ButtonKind::Normal, 2);
    add("contrast", ui.T(ui.visit.high_contrast ? "topbar.normal_contrast" : "topbar.high_contrast"), Icon::Contrast,
        ButtonKind::Normal, 2);
    add("read", ui.T(ui.visit.speaking ? "topbar.stop_reading" : "topbar.read_aloud"),
        ui.visit.speaking ? Icon::Stop : Icon::Speaker, ButtonKind::Normal, 2);
    add("quieter", ui.T("topbar.quieter"), Icon::VolumeDown, ButtonKind::Normal, 2);
    add("louder", ui.T("topbar.louder"), Icon::VolumeUp, ButtonKind::Normal, 2);

    // One row when everything fits (groups spread: left, centre, right), else wrapped rows.
    const float width = ui.frame.width - 2 * pad;
    float total = 0;
    for (const Item& it : items) total += it.size.x + gap;
    total += 4 * gap;
    const float row_h = items.front().size.y;
    std::vector<ImVec2> pos(items.size());
    float bar_h;
    if (total <= width) {
        float x_left = pad, x_lang, x_right;
        float lang_w = 0, right_w = 0;
        for (const Item& it : items) {
            if (it.group == 1) lang_w += it.size.x + gap;
            if (it.group == 2) right_w += it.size.x + gap;
        }
        x_right = ui.frame.width - pad - right_w + gap;
        x_lang = std::max(x_left, (ui.frame.width - lang_w) / 2);
        float left_end = pad;
        for (const Item& it : items) if (it.group == 0) left_end += it.size.x + gap;
        x_lang = std::clamp(x_lang, left_end + 2 * gap, std::max(left_end + 2 * gap, x_right - lang_w - 2 * gap));
        float y = pad * 0.5f + (ui.m.top_bar_h - pad - row_h) / 2;
        for (size_t i = 0; i < items.size(); ++i) {
            float& x = items[i].group == 0 ? x_left : items[i].group == 1 ? x_lang : x_right;
            pos[i] = ImVec2(x, y);
            x += items[i].size.x + gap;
        }
        bar_h = std::max(ui.m.top_bar_h, row_h + pad);
    } else {
        float x = pad, y = pad * 0.5f;
        for (size_t i = 0; i < items.size(); ++i) {
            bool new_group = i > 0 && items[i].group != items[i - 1].group;
            if (x > pad && x + (new_group ? 2 * gap : 0) + items[i].size.x > ui.frame.width - pad) {
                x = pad;
                y += row_h + gap;
            } else if (new_group && x > pad) {
                x += 2 * gap;
            }
            pos[i] = ImVec2(x, y);
            x += items[i].size.x + gap;
        }
        bar_h = y + row_h + pad * 0.5f;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.frame.width, bar_h), Col(ui.theme.bar));
    if (ui.theme.high_contrast) {
        draw->AddLine(ImVec2(0, bar_h - 1), ImVec2(ui.frame.width, bar_h - 1), Col(ui.theme.border), 2.0f);
    }
    ui.content_top = bar_h;

    for (size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        ImGui::SetCursorScreenPos(pos[i]);
        ButtonOptions o = opt;
        o.icon = it.icon;
        o.kind = it.kind;
        if (!Button(ui, it.id.c_str(), it.label, it.size, o)) continue;
        if (it.id == "home") {
            ui.GoHome();
        } else if (it.id == "back") {
            ui.GoBack();
        } else if (it.id.rfind("lang_", 0) == 0) {
            ui.SetLanguage(it.id.substr(5));
        } else if (it.id == "larger") {
            ui.visit.larger_text = !ui.visit.larger_text;
        } else if (it.id == "contrast") {
            ui.visit.high_contrast = !ui.visit.high_contrast;
        } else if (it.id == "read") {
            if (ui.visit.speaking) {
                ui.speech.Stop();
                ui.visit.speaking = false;
            } else {
                ui.read_requested = true;
            }
        } else if (it.id == "quieter" || it.id == "louder") {
            float step = it.id == "louder" ? 0.1f : -0.1f;
            ui.visit.volume = std::clamp(std::round((ui.visit.volume + step) * 10.0f) / 10.0f, 0.0f, 1.0f);
            ui.speech.SetVolume(ui.visit.volume);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(0, bar_h));
}

void DrawStatusLine(VisitorUi::Impl& ui) {
    const float h = ui.m.status_h;
    const float y0 = ui.frame.height - h;
    const float pad = ui.m.pad;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, y0), ImVec2(ui.frame.width, ui.frame.height), Col(ui.theme.bar));
    text::Style style = MakeStyle(ui, ui.m.small_px, false, ui.theme.on_bar);

    const auto& info = ui.cache.Info();
    std::string as_of;
    if (info.ok() && info->updated_at > 0) {
        as_of = Format(ui.T("status.as_of"), {{"date", FormatDateTimeUtc(info->updated_at, ui.visit.lang)}});
    } else {
        as_of = ui.T("status.date_unknown");
    }
    float text_y = y0 + (h - ui.m.small_px * 1.3f) / 2;
    text::DrawText(draw, ImVec2(pad, text_y), as_of, style);
    const float left_end = pad + text::Measure(as_of, style).x;

    std::string lang = Format(ui.T("status.language"), {{"language", Endonym(ui.visit.lang)}});
    if (ui.drew_fallback) lang = ui.T("status.fallback_marker") + "  ·  " + lang;
    ImVec2 ls = text::Measure(lang, style);
    const float right_start = ui.frame.width - pad - ls.x;
    text::DrawText(draw, ImVec2(right_start, text_y), lang, style);

    // Online state: an icon and a word, never a coloured dot alone. Centred on the screen when
    // there is room, else in the middle of the gap between the date and the language (larger
    // text makes all three wide); with no room for the word, the icon alone (its shape differs).
    std::string net = ui.T(ui.frame.sync.online ? "status.online" : "status.offline");
    const float icon = ui.m.small_px;
    const float gap = 2 * pad;
    float net_w = icon * 1.5f + text::Measure(net, style).x;
    if (net_w > right_start - left_end - 2 * gap) {
        net.clear();
        net_w = icon;
    }
    float net_x = (ui.frame.width - net_w) / 2;
    if (net_x < left_end + gap || net_x + net_w > right_start - gap) net_x = (left_end + right_start - net_w) / 2;
    DrawIcon(draw, ui.frame.sync.online ? Icon::Online : Icon::Offline, ImVec2(net_x + icon / 2, y0 + h / 2), icon,
             Col(ui.theme.on_bar));
    if (!net.empty()) text::DrawText(draw, ImVec2(net_x + icon * 1.5f, text_y), net, style);
}

void DrawTimeoutWarning(VisitorUi::Impl& ui) {
    const float w = ui.frame.width, h = ui.frame.height;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 170));
    ImGui::Begin("##timeout_warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    // Any tap on the overlay counts as activity (kiosk/ calls NoteActivity); the overlay also
    // keeps taps from reaching the screen underneath.
    const float panel_w = std::min(w - 2 * ui.m.pad, 1100.0f * ui.m.ui_scale * std::max(1.0f, ui.m.text_scale * 0.9f));
    const float inner = panel_w - 4 * ui.m.pad;
    text::Style title_style = MakeStyle(ui, ui.m.title_px, true, ui.theme.on_overlay);
    text::Style body_style = MakeStyle(ui, ui.m.large_px, false, ui.theme.on_overlay);
    const int seconds = int(std::ceil(ui.idle.WarningSecondsLeft(ui.frame.now_seconds)));
    std::string title = ui.T("timeout.title");
    std::string body = ui.TP("timeout.body", seconds);
    std::string count = std::to_string(seconds);
    text::Style count_style = MakeStyle(ui, ui.m.huge_px * 1.3f, true, ui.theme.on_overlay);
    count_style.align = text::Align::Center;
    ImVec2 ts = text::Measure(title, title_style, inner);
    ImVec2 bs = text::Measure(body, body_style, inner);
    ImVec2 cs = text::Measure(count, count_style, inner);
    const float button_h = std::max(ui.m.touch_min * 2.0f, ui.m.button_h * 1.6f);
    const float panel_h = 2 * ui.m.pad + ts.y + ui.m.pad + cs.y + ui.m.pad + bs.y + 2 * ui.m.pad + button_h + 2 * ui.m.pad;
    ImVec2 p0((w - panel_w) / 2, std::max(0.0f, (h - panel_h) / 2));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, ImVec2(p0.x + panel_w, p0.y + panel_h), Col(ui.theme.overlay), ui.m.rounding * 2);
    draw->AddRect(p0, ImVec2(p0.x + panel_w, p0.y + panel_h), Col(ui.theme.border), ui.m.rounding * 2, 0, 3.0f);
    float y = p0.y + 2 * ui.m.pad;
    const float x = p0.x + 2 * ui.m.pad;
    text::DrawText(draw, ImVec2(x, y), title, title_style, inner);
    y += ts.y + ui.m.pad;
    text::DrawText(draw, ImVec2(x, y), count, count_style, inner);
    y += cs.y + ui.m.pad;
    text::DrawText(draw, ImVec2(x, y), body, body_style, inner);
    y += bs.y + 2 * ui.m.pad;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonOptions o;
    o.kind = ButtonKind::Primary;
    o.text_px = ui.m.heading_px;
    o.bold = true;
    o.icon = Icon::Check;
    if (Button(ui, "continue", ui.T("timeout.continue"), ImVec2(inner, button_h), o)) {
        ui.idle.Activity(ui.frame.now_seconds);
    }
    ImGui::End();
}

}  // namespace ui
