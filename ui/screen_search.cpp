// ui/screen_search.cpp: search with the on-screen keyboard; results follow the typing.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void DrawSearchScreen(VisitorUi::Impl& ui) {
    ContentArea area = BeginContent(ui);
    const float left_w = std::floor(area.size.x * 0.56f);
    const float right_w = area.size.x - left_w;
    std::string& query = ui.visit.search_text;

    // Left: heading, field, keyboard (the keyboard never scrolls away).
    BeginScrollArea(ui, "search_input", ImVec2(left_w, area.size.y), /*remember=*/false);
    Heading(ui, ui.T("search.title"), ui.m.title_px);
    Gap(ui, 0.5f);
    const float width = ImGui::GetContentRegionAvail().x;
    FieldBox(ui, "query", query, ui.T("search.prompt"), width, /*focused=*/true, /*has_error=*/false, 1,
             ui.T("search.title"));
    Gap(ui);
    KeyboardOptions kb;
    kb.width = width;
    kb.max_chars = 60;
    OnScreenKeyboard(ui, query, kb);
    EndScrollArea(ui, /*remember=*/false);

    // Right: results for the current text (cached per query and language).
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
    BeginScrollArea(ui, "search_results", ImVec2(right_w, area.size.y));
    std::string trimmed = query;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    std::string read = ui.T("search.prompt");
    if (!trimmed.empty()) {
        const auto& hits = ui.cache.Search(trimmed, ui.lang());
        const float row_w = ImGui::GetContentRegionAvail().x;
        if (!hits.ok()) {
            ErrorText(ui, ui.T("common.error"));
        } else if (hits->empty()) {
            read = Format(ui.T("search.no_results"), {{"query", trimmed}});
            Para(ui, read, ui.m.large_px);
        } else {
            read = ui.TP("search.results", int64_t(hits->size()));
            Para(ui, read, ui.m.large_px, false, true);
            Gap(ui, 0.5f);
            int index = 0;
            for (const content::SearchHit& hit : *hits) {
                std::string kind = ui.T("search.kind." + hit.kind);
                std::string id = "hit" + std::to_string(index++);
                if (ListRow(ui, id.c_str(), hit.name.text, hit.snippet.text, kind, row_w, hit.name.fallback,
                            hit.name.lang)) {
                    if (hit.kind == "service") {
                        ui.Go(Route{Screen::Service, hit.record_id});
                    } else if (hit.kind == "course_series") {
                        ui.Go(Route{Screen::Courses, "", hit.record_id});
                    } else {
                        ui.Go(Route{Screen::About, hit.record_id});
                    }
                }
                Gap(ui, 0.5f);
                read += ".\n" + hit.name.text;
            }
        }
    }
    EndScrollArea(ui);
    ui.SetReadAloud(ui.T("search.title"), read);
}

}  // namespace ui
