// ui/place_blocks.h: the blocks a visitor needs to find and reach a place, shared by the
// service page and the About screen: a location (name, address, how to get there, opening
// hours in words, phones), opening hours alone, and a list of phones. Each block appends
// what it shows to the screen's read-aloud text.
#pragma once

#include <string>
#include <vector>

#include "content/model.h"
#include "ui/ui_impl.h"

namespace ui {

void HoursBlock(VisitorUi::Impl& ui, const std::vector<content::OpeningRule>& rules, std::string* read);
void PhonesBlock(VisitorUi::Impl& ui, const std::vector<content::Phone>& phones, std::string* read);
void LocationBlock(VisitorUi::Impl& ui, const content::Location& location, std::string* read);

}  // namespace ui
