// ui/place_blocks.cpp: location, opening hours and phone blocks (see place_blocks.h).
#include "ui/place_blocks.h"

#include "ui/screens.h"
#include "ui/widgets.h"

namespace ui {

void HoursBlock(VisitorUi::Impl& ui, const std::vector<content::OpeningRule>& rules, std::string* read) {
    std::vector<std::string> lines = content::DescribeOpeningHours(rules, ui.lang());
    for (const std::string& line : lines) {
        Para(ui, line);
        *read += line + ".\n";
    }
    for (const content::OpeningRule& rule : rules) {
        if (!rule.description.empty()) LocalPara(ui, rule.description, ui.m.body_px);
    }
}

void PhonesBlock(VisitorUi::Impl& ui, const std::vector<content::Phone>& phones, std::string* read) {
    for (const content::Phone& p : phones) {
        std::string line = p.number + (p.extension.empty() ? "" : " (" + p.extension + ")");
        Para(ui, line, ui.m.large_px, false, true);
        if (!p.description.empty()) LocalPara(ui, p.description);
        *read += line + ".\n";
    }
}

void LocationBlock(VisitorUi::Impl& ui, const content::Location& loc, std::string* read) {
    SectionTitle(ui, ui.T("service.address"), Icon::Pin);
    if (!loc.name.empty()) LocalPara(ui, loc.name, 0, true);
    for (const content::Address& a : loc.addresses) {
        Para(ui, a.OneLine());
        *read += a.OneLine() + ".\n";
    }
    if (!loc.description.empty()) LocalPara(ui, loc.description, ui.m.body_px);
    if (!loc.transportation.empty()) {
        SectionTitle(ui, ui.T("service.how_to_get"));
        LocalPara(ui, loc.transportation);
    }
    if (!loc.opening_hours.empty()) {
        SectionTitle(ui, ui.T("service.hours"), Icon::Clock);
        HoursBlock(ui, loc.opening_hours, read);
    }
    if (!loc.phones.empty()) {
        SectionTitle(ui, ui.T("service.phones"), Icon::Phone);
        PhonesBlock(ui, loc.phones, read);
    }
}

}  // namespace ui
