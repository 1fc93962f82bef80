// ui/screen_language.cpp: the language choice (each language named in itself).
#include <imgui.h>

#include <algorithm>

#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawLanguageScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    BeginScrollArea(ui, "language", area.size);
    const float width = ImGui::GetContentRegionAvail().x;
    // The heading in every offered language: the visitor may not read the current one.
    for (const std::string& l : ui.config.languages) {
        Para(ui, ui.strings.Get("language.title", l).text, ui.m.heading_px, l != ui.visit.lang, l == ui.visit.lang, l);
    }
    Gap(ui, 2);
    const float button_w = std::min(width, 900.0f * ui.m.ui_scale * ui.m.text_scale);
    ButtonOptions opt;
    opt.text_px = ui.m.heading_px;
    opt.bold = true;
    opt.icon = Icon::Globe;
    opt.center = false;
    for (const std::string& l : ui.config.languages) {
        opt.kind = l == ui.visit.lang ? ButtonKind::Selected : ButtonKind::Normal;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - button_w) / 2);
        std::string id = "choose_" + l;
        if (Button(ui, id.c_str(), Endonym(l), ImVec2(button_w, ui.m.button_h * 1.5f), opt)) {
            ui.SetLanguage(l);
            ui.GoHome();
        }
        Gap(ui, 0.5f);
    }
    EndScrollArea(ui);
    ui.SetReadAloud(ui.T("language.title"), "");
}

}  // namespace ui
