// ui/screens.h: one function per screen, each in its own file (screen_<name>.cpp).
//
// A screen draws into the content area between the top bar and the status line, reads content
// only through ContentCache, sets what "read aloud" says (SetReadAloud), and navigates with
// ui.Go()/GoBack()/GoHome() (deferred to the end of the frame).
#pragma once

#include <imgui.h>

#include "ui/ui_impl.h"

namespace ui {

struct ContentArea {
    ImVec2 min, size;
};
// The content area of this frame, with the ImGui cursor placed at its top-left.
ContentArea BeginContent(VisitorUi::Impl& ui);

void DrawAttractScreen(VisitorUi::Impl& ui);
void DrawLanguageScreen(VisitorUi::Impl& ui);
void DrawHomeScreen(VisitorUi::Impl& ui);
void DrawCategoriesScreen(VisitorUi::Impl& ui);
void DrawServicesScreen(VisitorUi::Impl& ui);
void DrawServiceScreen(VisitorUi::Impl& ui);
void DrawSearchScreen(VisitorUi::Impl& ui);
void DrawCoursesScreen(VisitorUi::Impl& ui);
void DrawBookingScreen(VisitorUi::Impl& ui);
void DrawConfirmationScreen(VisitorUi::Impl& ui);
void DrawHotlineScreen(VisitorUi::Impl& ui);
void DrawAboutScreen(VisitorUi::Impl& ui);

// Shared pieces.
void DrawTopBar(VisitorUi::Impl& ui);
void DrawStatusLine(VisitorUi::Impl& ui);
void DrawTimeoutWarning(VisitorUi::Impl& ui);
// The first phone number of a list, for display and tel: QR codes ("" when none).
std::string FirstPhone(const std::vector<content::Phone>& phones);

}  // namespace ui
