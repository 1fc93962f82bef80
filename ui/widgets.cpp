// ui/widgets.cpp: buttons, tiles, rows, text helpers, icons, QR drawing, scroll areas.
#include "ui/widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "ui/qr.h"

namespace ui {
namespace {

ImVec2 Add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

struct ButtonColors {
    Rgb bg, fg, border;
};

ButtonColors ColorsFor(const Theme& t, ButtonKind kind) {
    switch (kind) {
        case ButtonKind::Primary:
        case ButtonKind::Selected: return {t.accent, t.on_accent, t.accent};
        case ButtonKind::Hotline: return {t.hotline, t.on_hotline, t.hotline};
        case ButtonKind::Key:
        case ButtonKind::Normal: return {t.surface, t.text, t.border};
    }
    return {t.surface, t.text, t.border};
}

std::string Upper(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The QR matrix of a payload, encoded once (payloads repeat every frame).
const QrMatrix* CachedQr(const std::string& payload) {
    static std::map<std::string, QrMatrix> cache;
    auto it = cache.find(payload);
    if (it != cache.end()) return &it->second;
    auto encoded = EncodeQr(payload);
    if (!encoded.ok()) return nullptr;
    if (cache.size() > 32) cache.clear();
    return &cache.emplace(payload, std::move(encoded).value()).first->second;
}

// ImGui 1.90 asserts on an item of zero width or height (Debian builds it with assertions on);
// a column squeezed to nothing for a frame (the staff list while its keyboard opens) is drawn
// as a 1-pixel item instead of aborting the kiosk.
ImVec2 HitSize(ImVec2 size) { return ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)); }

}  // namespace

text::Style MakeStyle(const VisitorUi::Impl& ui, float px, bool bold, Rgb color, const std::string& lang) {
    text::Style style;
    style.size_px = px > 0 ? px : ui.m.body_px;
    style.weight = bold ? text::Weight::Bold : text::Weight::Regular;
    style.color = color.ToImU32();
    style.language = lang.empty() ? ui.visit.lang : lang;
    return style;
}

void RegisterWidget(VisitorUi::Impl& ui, std::string_view label, ImVec2 min, ImVec2 max) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
    ImVec2 a(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    ImVec2 b(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (b.x <= a.x || b.y <= a.y) return;  // scrolled out of sight: not tappable
    WidgetRect rect;
    rect.label = std::string(label);
    rect.x = a.x;
    rect.y = a.y;
    rect.w = b.x - a.x;
    rect.h = b.y - a.y;
    ui.widgets.push_back(std::move(rect));
}

ImVec2 ButtonSize(const VisitorUi::Impl& ui, std::string_view label, const ButtonOptions& options) {
    const float px = options.text_px > 0 ? options.text_px : ui.m.body_px;
    ImVec2 text_size = label.empty() ? ImVec2(0, 0) : text::Measure(label, MakeStyle(ui, px, options.bold, ui.theme.text));
    float icon = options.icon == Icon::None ? 0.0f : px * 1.2f + (label.empty() ? 0.0f : px * 0.5f);
    float w = text_size.x + icon + 2.0f * px;
    float h = std::max(ui.m.touch_min, std::round(px * 2.4f));
    return ImVec2(std::max(w, ui.m.touch_min), h);
}

bool Button(VisitorUi::Impl& ui, const char* id, std::string_view label, ImVec2 size, const ButtonOptions& options) {
    ImVec2 natural = ButtonSize(ui, label, options);
    if (size.x <= 0) size.x = natural.x;
    if (size.y <= 0) size.y = natural.y;
    size.x = std::max(size.x, ui.m.touch_min);
    size.y = std::max(size.y, ui.m.touch_min);
    const float px = options.text_px > 0 ? options.text_px : ui.m.body_px;

    ImGui::PushID(id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##button", size);
    bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 end = Add(pos, size);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ButtonColors c = ColorsFor(ui.theme, options.kind);
    draw->AddRectFilled(pos, end, Col(c.bg), ui.m.rounding);
    float border = held ? 4.0f * ui.m.ui_scale : 2.0f * ui.m.ui_scale;
    draw->AddRect(pos, end, Col(held ? ui.theme.focus : c.border), ui.m.rounding, 0, border);

    ImVec2 content_min = pos;
    const float icon_size = px * 1.2f;
    if (options.icon != Icon::None) {
        if (label.empty()) {
            DrawIcon(draw, options.icon, ImVec2((pos.x + end.x) / 2, (pos.y + end.y) / 2), icon_size, Col(c.fg));
        } else {
            text::Style style = MakeStyle(ui, px, options.bold, c.fg);
            ImVec2 ts = text::Measure(label, style);
            float total = icon_size + px * 0.5f + ts.x;
            float x0 = options.center ? std::max(pos.x + px * 0.5f, (pos.x + end.x - total) / 2) : pos.x + px;
            DrawIcon(draw, options.icon, ImVec2(x0 + icon_size / 2, (pos.y + end.y) / 2), icon_size, Col(c.fg));
            content_min.x = x0 + icon_size + px * 0.5f;
            text::Style left = style;
            left.align = text::Align::Start;
            left.max_lines = 2;
            text::DrawInRect(draw, content_min, ImVec2(end.x - px * 0.25f, end.y), label, left, text::VAlign::Center);
        }
    } else if (!label.empty()) {
        text::Style style = MakeStyle(ui, px, options.bold, c.fg);
        style.align = options.center ? text::Align::Center : text::Align::Start;
        style.max_lines = 2;
        text::DrawInRect(draw, ImVec2(pos.x + px * 0.5f, pos.y), ImVec2(end.x - px * 0.5f, end.y), label, style,
                         text::VAlign::Center);
    }
    // Selection is shown by a check mark and a thick underline as well as by colour.
    if (options.kind == ButtonKind::Selected) {
        float r = px * 0.45f;
        DrawIcon(draw, Icon::Check, ImVec2(end.x - r - 4 * ui.m.ui_scale, pos.y + r + 4 * ui.m.ui_scale), r * 1.6f,
                 Col(c.fg));
        draw->AddRectFilled(ImVec2(pos.x + ui.m.rounding, end.y - 6 * ui.m.ui_scale),
                            ImVec2(end.x - ui.m.rounding, end.y - 2 * ui.m.ui_scale), Col(c.fg));
    }
    RegisterWidget(ui, label.empty() ? std::string_view(id) : label, pos, end);
    return clicked;
}

bool Tile(VisitorUi::Impl& ui, const char* id, std::string_view title, std::string_view hint, Icon icon, ImVec2 size,
          ButtonKind kind) {
    size.x = std::max(size.x, ui.m.touch_min);
    size.y = std::max(size.y, ui.m.touch_min);
    ImGui::PushID(id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##tile", HitSize(size));
    bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 end = Add(pos, size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ButtonColors c = ColorsFor(ui.theme, kind);
    draw->AddRectFilled(pos, end, Col(c.bg), ui.m.rounding * 1.5f);
    draw->AddRect(pos, end, Col(held ? ui.theme.focus : c.border), ui.m.rounding * 1.5f, 0,
                  (held ? 5.0f : 2.0f) * ui.m.ui_scale);
    const float pad = ui.m.pad * 1.5f;
    float icon_size = std::min(size.y * 0.28f, ui.m.heading_px * 1.6f);
    float y = pos.y + pad;
    DrawIcon(draw, icon, ImVec2(pos.x + pad + icon_size / 2, y + icon_size / 2), icon_size, Col(c.fg));
    y += icon_size + ui.m.pad;
    text::Style title_style = MakeStyle(ui, ui.m.large_px, true, c.fg);
    title_style.max_lines = 2;
    float wrap = size.x - 2 * pad;
    ImVec2 ts = text::Measure(title, title_style, wrap);
    text::DrawText(draw, ImVec2(pos.x + pad, y), title, title_style, wrap);
    y += ts.y + ui.m.pad * 0.5f;
    if (!hint.empty() && y < end.y - pad) {
        text::Style hint_style = MakeStyle(ui, ui.m.body_px, false, kind == ButtonKind::Normal ? ui.theme.text_muted : c.fg);
        hint_style.max_lines = std::max(1, int((end.y - pad - y) / (ui.m.body_px * 1.3f)));
        text::DrawInRect(draw, ImVec2(pos.x + pad, y), ImVec2(end.x - pad, end.y - pad), hint, hint_style);
    }
    RegisterWidget(ui, title, pos, end);
    return clicked;
}

bool ListRow(VisitorUi::Impl& ui, const char* id, std::string_view title, std::string_view detail, std::string_view tag,
             float width, bool title_fallback, const std::string& title_lang) {
    const float pad = ui.m.pad * 1.25f;
    const float chevron = ui.m.body_px;
    float text_w = width - 2 * pad - chevron * 2;
    text::Style title_style = MakeStyle(ui, ui.m.large_px, true, ui.theme.text, title_lang);
    title_style.max_lines = 2;
    text::Style detail_style = MakeStyle(ui, ui.m.body_px, false, ui.theme.text_muted);
    detail_style.max_lines = 2;
    text::Style tag_style = MakeStyle(ui, ui.m.small_px, true, ui.theme.text);
    float badge_w = title_fallback ? ui.m.small_px * 3.0f : 0.0f;
    ImVec2 ts = text::Measure(title, title_style, text_w - badge_w);
    ImVec2 ds = detail.empty() ? ImVec2(0, 0) : text::Measure(detail, detail_style, text_w);
    ImVec2 gs = tag.empty() ? ImVec2(0, 0) : text::Measure(tag, tag_style, text_w);
    float h = pad * 2 + ts.y + (ds.y > 0 ? ds.y + ui.m.pad * 0.4f : 0) + (gs.y > 0 ? gs.y + ui.m.pad * 0.4f : 0);
    h = std::max(h, ui.m.touch_min);

    ImGui::PushID(id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##row", HitSize(ImVec2(width, h)));
    bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 end(pos.x + width, pos.y + h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, end, Col(ui.theme.surface), ui.m.rounding);
    draw->AddRect(pos, end, Col(held ? ui.theme.focus : ui.theme.border), ui.m.rounding, 0,
                  (held ? 4.0f : 1.5f) * ui.m.ui_scale);
    float y = pos.y + pad;
    float x = pos.x + pad;
    if (title_fallback) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        FallbackBadge(ui, title_lang, ui.m.small_px);
        x += badge_w;
    }
    text::DrawText(draw, ImVec2(x, y), title, title_style, text_w - badge_w);
    y += ts.y + ui.m.pad * 0.4f;
    if (!detail.empty()) {
        text::DrawText(draw, ImVec2(pos.x + pad, y), detail, detail_style, text_w);
        y += ds.y + ui.m.pad * 0.4f;
    }
    if (!tag.empty()) text::DrawText(draw, ImVec2(pos.x + pad, y), tag, tag_style, text_w);
    DrawIcon(draw, Icon::ChevronRight, ImVec2(end.x - pad - chevron / 2, (pos.y + end.y) / 2), chevron,
             Col(ui.theme.text));
    RegisterWidget(ui, title, pos, end);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, end.y));
    ImGui::Dummy(ImVec2(width, 0));
    return clicked;
}

bool FieldBox(VisitorUi::Impl& ui, const char* id, const std::string& value, const std::string& placeholder,
              float width, bool focused, bool has_error, int lines, std::string_view name) {
    const float px = ui.m.large_px;
    const float pad = ui.m.pad;
    text::Style style = MakeStyle(ui, px, false, value.empty() ? ui.theme.text_muted : ui.theme.text);
    style.max_lines = lines;
    const std::string& shown = value.empty() ? placeholder : value;
    float inner_w = width - 2 * pad - px;
    ImVec2 ts = text::Measure(shown.empty() ? std::string_view("M") : std::string_view(shown), style, inner_w);
    float h = std::max({ui.m.touch_min, ts.y + 2 * pad, px * 1.3f * float(lines) + 2 * pad});
    ImGui::PushID(id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##field", HitSize(ImVec2(width, h)));
    ImGui::PopID();
    ImVec2 end(pos.x + width, pos.y + h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, end, Col(ui.theme.surface), ui.m.rounding * 0.5f);
    Rgb outline = has_error ? ui.theme.error : focused ? ui.theme.focus : ui.theme.border;
    float thickness = (has_error || focused ? 4.0f : 2.0f) * ui.m.ui_scale;
    draw->AddRect(pos, end, Col(outline), ui.m.rounding * 0.5f, 0, thickness);
    text::DrawText(draw, ImVec2(pos.x + pad, pos.y + pad), shown, style, inner_w);
    if (focused) {
        // The caret after the text's last line (or at the start when empty).
        float cx = pos.x + pad, cy = pos.y + pad;
        if (!value.empty()) {
            auto layout = ui.text_engine.Layout(value, style, inner_w);
            if (layout && !layout->lines.empty()) {
                const text::LayoutLine& last = layout->lines.back();
                cx += last.x + last.width + 2;
                cy += last.baseline - layout->line_height * 0.8f;
            }
        }
        draw->AddLine(ImVec2(cx, cy), ImVec2(cx, cy + px * 1.2f), Col(ui.theme.text), 3.0f * ui.m.ui_scale);
    }
    size_t first = ui.widgets.size();
    RegisterWidget(ui, shown, pos, end);
    if (!name.empty()) RegisterWidget(ui, name, pos, end);
    for (size_t i = first; i < ui.widgets.size(); ++i) {
        ui.widgets[i].field = true;
        ui.widgets[i].value = value;
    }
    return clicked;
}

void Heading(VisitorUi::Impl& ui, std::string_view text, float px) {
    text::Style style = MakeStyle(ui, px > 0 ? px : ui.m.heading_px, true, ui.theme.text);
    text::Paragraph(text, style);
}

void SectionTitle(VisitorUi::Impl& ui, std::string_view text, Icon icon) {
    Gap(ui, 0.75f);
    if (icon != Icon::None) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float s = ui.m.large_px;
        DrawIcon(ImGui::GetWindowDrawList(), icon, ImVec2(pos.x + s / 2, pos.y + s * 0.65f), s, Col(ui.theme.text));
        ImGui::SetCursorScreenPos(ImVec2(pos.x + s * 1.4f, pos.y));
    }
    text::Paragraph(text, MakeStyle(ui, ui.m.large_px, true, ui.theme.text));
}

void Para(VisitorUi::Impl& ui, std::string_view text, float px, bool muted, bool bold, const std::string& lang) {
    if (text.empty()) return;
    text::Paragraph(text, MakeStyle(ui, px, bold, muted ? ui.theme.text_muted : ui.theme.text, lang));
}

void ErrorText(VisitorUi::Impl& ui, std::string_view text) {
    if (text.empty()) return;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float s = ui.m.body_px;
    DrawIcon(ImGui::GetWindowDrawList(), Icon::Warning, ImVec2(pos.x + s / 2, pos.y + s * 0.65f), s, Col(ui.theme.error));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + s * 1.4f, pos.y));
    text::Paragraph(text, MakeStyle(ui, s, true, ui.theme.error));
}

void FallbackBadge(VisitorUi::Impl& ui, const std::string& lang, float px) {
    ui.drew_fallback = true;
    std::string code = Upper(lang.empty() ? std::string("?") : lang);
    text::Style style = MakeStyle(ui, px * 0.8f, true, ui.theme.on_badge, "en");
    ImVec2 ts = text::Measure(code, style);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(ts.x + px * 0.6f, px * 1.25f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, Add(pos, size), Col(ui.theme.badge), px * 0.25f);
    text::Style centred = style;
    centred.align = text::Align::Center;
    text::DrawInRect(draw, pos, Add(pos, size), code, centred, text::VAlign::Center);
    ImGui::Dummy(ImVec2(size.x + px * 0.3f, size.y));
    ImGui::SameLine(0, 0);
}

void LocalPara(VisitorUi::Impl& ui, const content::LocalText& text, float px, bool bold) {
    if (text.empty()) return;
    if (text.fallback) FallbackBadge(ui, text.lang, px > 0 ? px : ui.m.body_px);
    text::Paragraph(text.text, MakeStyle(ui, px, bold, ui.theme.text, text.lang));
}

void UiPara(VisitorUi::Impl& ui, const UiText& text, float px, bool muted) {
    if (text.fallback) FallbackBadge(ui, text.lang, px > 0 ? px : ui.m.body_px);
    text::Paragraph(text.text, MakeStyle(ui, px, false, muted ? ui.theme.text_muted : ui.theme.text, text.lang));
}

void Gap(VisitorUi::Impl& ui, float factor) { ImGui::Dummy(ImVec2(1, ui.m.pad * factor)); }

void QrBlock(VisitorUi::Impl& ui, const std::string& payload, float side, std::string_view caption) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const QrMatrix* qr = CachedQr(payload);
    draw->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32(255, 255, 255, 255));
    if (qr && qr->size > 0) {
        float module = std::floor(side / float(qr->size + 8));  // 4-module quiet zone each side
        float offset = std::floor((side - module * qr->size) / 2);
        for (int y = 0; y < qr->size; ++y) {
            for (int x = 0; x < qr->size; ++x) {
                if (!qr->Dark(x, y)) continue;
                ImVec2 a(pos.x + offset + x * module, pos.y + offset + y * module);
                draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
        }
    }
    if (ui.theme.high_contrast) draw->AddRect(pos, ImVec2(pos.x + side, pos.y + side), Col(ui.theme.border), 0, 0, 2);
    ImGui::Dummy(ImVec2(side, side));
    if (!caption.empty()) {
        text::Style style = MakeStyle(ui, ui.m.body_px, true, ui.theme.text);
        style.align = text::Align::Center;
        ImVec2 cpos = ImGui::GetCursorScreenPos();
        ImVec2 cs = text::Measure(caption, style, side);
        text::DrawText(draw, cpos, caption, style, side);
        ImGui::Dummy(ImVec2(side, cs.y));
    }
}

void BeginScrollArea(VisitorUi::Impl& ui, const char* id, ImVec2 size, bool remember) {
    const Route& route = ui.route();
    std::string child_id = std::string(id) + "/" + std::to_string(ui.visit_number) + "/" +
                           std::to_string(ui.visit.nav.Depth()) + "/" + route.id + "/" + route.extra;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.m.pad, ui.m.pad));
    ImGui::BeginChild(child_id.c_str(), size, ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (remember && ui.scroll_restore_pending) {
        ImGui::SetScrollY(route.scroll_y);
        ui.scroll_restore_pending = false;
    }
    // A finger's drag scrolls the area directly (kiosk/'s ScrollDriver); a mouse wheel
    // (development) scrolls it here, by a fixed pixel step rather than ImGui's font-sized one.
    ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel != 0.0f && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - io.MouseWheel * kPixelsPerWheelUnit, 0.0f,
                                     ImGui::GetScrollMaxY()));
    }
}

void EndScrollArea(VisitorUi::Impl& ui, bool remember) {
    if (remember) ui.route().scroll_y = ImGui::GetScrollY();
    ImGui::EndChild();
}

FlowLayout::FlowLayout(float width, float gap) : origin_(ImGui::GetCursorScreenPos()), width_(width), gap_(gap) {}

void FlowLayout::Next(ImVec2 size) {
    if (!first_ && x_ + gap_ + size.x > width_) {
        x_ = 0;
        y_ += row_h_ + gap_;
        row_h_ = 0;
    } else if (!first_) {
        x_ += gap_;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin_.x + x_, origin_.y + y_));
    x_ += size.x;
    row_h_ = std::max(row_h_, size.y);
    first_ = false;
}

void FlowLayout::End() {
    ImGui::SetCursorScreenPos(ImVec2(origin_.x, origin_.y + y_ + row_h_));
    ImGui::Dummy(ImVec2(width_, 0));
}

// --- icons: a few strokes each, sized to a square of side `s` around `c`.
void DrawIcon(ImDrawList* d, Icon icon, ImVec2 c, float s, ImU32 col) {
    const float h = s / 2, t = std::max(2.0f, s / 10);
    auto P = [&](float x, float y) { return ImVec2(c.x + x * h, c.y + y * h); };
    switch (icon) {
        case Icon::None: break;
        case Icon::Home:
            d->AddTriangleFilled(P(-1, -0.1f), P(0, -1), P(1, -0.1f), col);
            d->AddRectFilled(P(-0.7f, -0.1f), P(0.7f, 0.9f), col);
            break;
        case Icon::Back:
        case Icon::ChevronLeft:
            d->AddLine(P(0.4f, -0.8f), P(-0.4f, 0), col, t);
            d->AddLine(P(-0.4f, 0), P(0.4f, 0.8f), col, t);
            break;
        case Icon::ChevronRight:
            d->AddLine(P(-0.4f, -0.8f), P(0.4f, 0), col, t);
            d->AddLine(P(0.4f, 0), P(-0.4f, 0.8f), col, t);
            break;
        case Icon::Services:  // a briefcase
            d->AddRect(P(-0.4f, -0.85f), P(0.4f, -0.45f), col, 0, 0, t);
            d->AddRectFilled(P(-1, -0.45f), P(1, 0.85f), col, h * 0.15f);
            break;
        case Icon::Courses:  // an open book
            d->AddQuadFilled(P(-1, -0.7f), P(-0.05f, -0.5f), P(-0.05f, 0.8f), P(-1, 0.6f), col);
            d->AddQuadFilled(P(0.05f, -0.5f), P(1, -0.7f), P(1, 0.6f), P(0.05f, 0.8f), col);
            break;
        case Icon::Booking:
        case Icon::Calendar:
            d->AddRect(P(-0.9f, -0.7f), P(0.9f, 0.9f), col, h * 0.1f, 0, t);
            d->AddRectFilled(P(-0.9f, -0.7f), P(0.9f, -0.3f), col);
            d->AddLine(P(-0.5f, -1), P(-0.5f, -0.6f), col, t);
            d->AddLine(P(0.5f, -1), P(0.5f, -0.6f), col, t);
            if (icon == Icon::Booking) {
                d->AddLine(P(-0.45f, 0.3f), P(-0.1f, 0.6f), col, t);
                d->AddLine(P(-0.1f, 0.6f), P(0.5f, -0.05f), col, t);
            }
            break;
        case Icon::Hotline:
        case Icon::Phone: {
            // A handset: a curved grip around the lower left, earpiece at the top left and
            // mouthpiece at the bottom right, each bending in towards the speaker's face.
            const ImVec2 centre = P(0.68f, -0.68f);
            const float mid = h * 1.2f, grip = h * 0.42f;
            const float a_mouth = 1.5708f, a_ear = 3.1416f, pad = 0.5f;
            d->PathArcTo(centre, mid, a_mouth + 0.2f, a_ear - 0.2f, 12);
            d->PathStroke(col, 0, grip);
            for (int end = 0; end < 2; ++end) {
                float a0 = end == 0 ? a_mouth : a_ear - pad, a1 = a0 + pad;
                float outer = mid + grip * 0.5f, inner = mid - grip * 0.5f - h * 0.38f;
                d->PathArcTo(centre, outer, a0, a1, 6);
                d->PathArcTo(centre, inner, a1, a0, 6);
                d->PathFillConvex(col);
            }
            break;
        }
        case Icon::About:
        case Icon::Person:
            if (icon == Icon::About) {
                d->AddCircle(c, h * 0.95f, col, 0, t);
                d->AddCircleFilled(P(0, -0.45f), t * 0.8f, col);
                d->AddLine(P(0, -0.15f), P(0, 0.55f), col, t);
            } else {
                d->AddCircleFilled(P(0, -0.45f), h * 0.4f, col);
                d->AddRectFilled(P(-0.7f, 0.1f), P(0.7f, 0.9f), col, h * 0.3f);
            }
            break;
        case Icon::Search:
            d->AddCircle(P(-0.2f, -0.2f), h * 0.6f, col, 0, t);
            d->AddLine(P(0.25f, 0.25f), P(0.9f, 0.9f), col, t * 1.4f);
            break;
        case Icon::Globe:
            d->AddCircle(c, h * 0.9f, col, 0, t * 0.8f);
            d->AddLine(P(-0.9f, 0), P(0.9f, 0), col, t * 0.6f);
            d->AddBezierCubic(P(0, -0.9f), P(-0.6f, -0.4f), P(-0.6f, 0.4f), P(0, 0.9f), col, t * 0.6f);
            d->AddBezierCubic(P(0, -0.9f), P(0.6f, -0.4f), P(0.6f, 0.4f), P(0, 0.9f), col, t * 0.6f);
            break;
        case Icon::TextSize:  // a small and a big "A" drawn as strokes
            d->AddLine(P(-1, 0.8f), P(-0.6f, -0.1f), col, t * 0.7f);
            d->AddLine(P(-0.6f, -0.1f), P(-0.2f, 0.8f), col, t * 0.7f);
            d->AddLine(P(-0.1f, 0.8f), P(0.45f, -0.8f), col, t);
            d->AddLine(P(0.45f, -0.8f), P(1, 0.8f), col, t);
            d->AddLine(P(0.15f, 0.25f), P(0.75f, 0.25f), col, t);
            break;
        case Icon::Contrast:
            d->AddCircle(c, h * 0.9f, col, 0, t);
            d->PathArcTo(c, h * 0.9f, -1.5708f, 1.5708f);
            d->PathFillConvex(col);
            break;
        case Icon::Speaker:
        case Icon::VolumeDown:
        case Icon::VolumeUp:
            d->AddRectFilled(P(-1, -0.3f), P(-0.6f, 0.3f), col);
            d->AddTriangleFilled(P(-0.6f, -0.3f), P(0, -0.8f), P(0, 0.8f), col);
            d->AddTriangleFilled(P(-0.6f, -0.3f), P(0, 0.8f), P(-0.6f, 0.3f), col);
            if (icon == Icon::VolumeDown) {
                d->AddLine(P(0.3f, 0), P(0.95f, 0), col, t);
            } else if (icon == Icon::VolumeUp) {
                d->AddLine(P(0.3f, 0), P(0.95f, 0), col, t);
                d->AddLine(P(0.625f, -0.33f), P(0.625f, 0.33f), col, t);
            } else {
                d->PathArcTo(P(0, 0), h * 0.45f, -0.8f, 0.8f);
                d->PathStroke(col, 0, t);
                d->PathArcTo(P(0, 0), h * 0.85f, -0.8f, 0.8f);
                d->PathStroke(col, 0, t);
            }
            break;
        case Icon::Stop: d->AddRectFilled(P(-0.7f, -0.7f), P(0.7f, 0.7f), col, h * 0.1f); break;
        case Icon::Check:
            d->AddLine(P(-0.8f, 0), P(-0.25f, 0.6f), col, t * 1.3f);
            d->AddLine(P(-0.25f, 0.6f), P(0.85f, -0.7f), col, t * 1.3f);
            break;
        case Icon::Warning:
            d->AddTriangle(P(0, -0.95f), P(1, 0.85f), P(-1, 0.85f), col, t);
            d->AddLine(P(0, -0.35f), P(0, 0.3f), col, t);
            d->AddCircleFilled(P(0, 0.58f), t * 0.7f, col);
            break;
        case Icon::Offline:
        case Icon::Online:
            d->PathArcTo(P(0, 0.7f), h * 1.3f, -2.4f, -0.74f);
            d->PathStroke(col, 0, t);
            d->PathArcTo(P(0, 0.7f), h * 0.75f, -2.4f, -0.74f);
            d->PathStroke(col, 0, t);
            d->AddCircleFilled(P(0, 0.7f), t, col);
            if (icon == Icon::Offline) d->AddLine(P(-0.9f, -0.9f), P(0.9f, 0.9f), col, t * 1.2f);
            break;
        case Icon::Clock:
            d->AddCircle(c, h * 0.9f, col, 0, t);
            d->AddLine(c, P(0, -0.6f), col, t);
            d->AddLine(c, P(0.45f, 0.2f), col, t);
            break;
        case Icon::Pin:
            d->AddCircleFilled(P(0, -0.35f), h * 0.55f, col);
            d->AddTriangleFilled(P(-0.45f, -0.1f), P(0.45f, -0.1f), P(0, 0.95f), col);
            break;
        case Icon::Backspace:
            d->AddQuad(P(-0.4f, -0.6f), P(1, -0.6f), P(1, 0.6f), P(-0.4f, 0.6f), col, t);
            d->AddLine(P(-0.4f, -0.6f), P(-1, 0), col, t);
            d->AddLine(P(-1, 0), P(-0.4f, 0.6f), col, t);
            d->AddLine(P(0.1f, -0.3f), P(0.6f, 0.3f), col, t);
            d->AddLine(P(0.6f, -0.3f), P(0.1f, 0.3f), col, t);
            break;
        case Icon::Shift:
            d->AddTriangle(P(0, -0.9f), P(0.9f, 0.1f), P(-0.9f, 0.1f), col, t);
            d->AddRect(P(-0.4f, 0.1f), P(0.4f, 0.8f), col, 0, 0, t);
            break;
        case Icon::List:
            for (float y : {-0.6f, 0.0f, 0.6f}) {
                d->AddCircleFilled(P(-0.8f, y), t, col);
                d->AddLine(P(-0.45f, y), P(0.9f, y), col, t);
            }
            break;
        case Icon::Keyboard:
            d->AddRect(P(-1, -0.6f), P(1, 0.6f), col, h * 0.1f, 0, t);
            d->AddLine(P(-0.5f, 0.25f), P(0.5f, 0.25f), col, t);
            break;
    }
}

}  // namespace ui
