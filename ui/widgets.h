// ui/widgets.h: touch widgets drawn with ImDrawList and the text engine (never ImGui::Text).
//
// Every touchable widget registers its visible label and on-screen rectangle (clipped to its
// window) in Impl::widgets, so scripts can tap "by label" and tests can check sizes. Buttons
// are never smaller than Metrics::touch_min (9 mm on the configured screen) in either side.
// Icons are simple shapes, always next to words: no meaning is carried by an icon or a
// colour alone.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "content/model.h"
#include "ui/ui_impl.h"

namespace ui {

// Pixels of scroll per unit of ImGui's io.MouseWheel inside scroll areas (a development
// mouse's wheel; a finger's drag scrolls pixel for pixel through kiosk/'s ScrollDriver).
inline constexpr float kPixelsPerWheelUnit = 60.0f;

enum class Icon {
    None, Home, Back, Services, Courses, Booking, Hotline, About, Search, Globe, TextSize, Contrast,
    Speaker, Stop, VolumeDown, VolumeUp, Check, Warning, Offline, Online, Phone, Clock, Pin, Person,
    Backspace, Shift, ChevronLeft, ChevronRight, Calendar, List, Keyboard
};

void DrawIcon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 color);

inline ImU32 Col(Rgb c, uint8_t alpha = 255) { return c.ToImU32(alpha); }

text::Style MakeStyle(const VisitorUi::Impl& ui, float px, bool bold, Rgb color, const std::string& lang = {});

enum class ButtonKind { Normal, Primary, Selected, Hotline, Key };

struct ButtonOptions {
    Icon icon = Icon::None;
    ButtonKind kind = ButtonKind::Normal;
    float text_px = 0;           // 0: body size
    bool bold = false;
    bool center = true;          // label centred (else after the icon, left-aligned)
};

// Width a button needs for its label (at least touch_min), and a one-line height.
ImVec2 ButtonSize(const VisitorUi::Impl& ui, std::string_view label, const ButtonOptions& options = {});
// A button at the ImGui cursor. size.x/y <= 0: natural size. Returns true when tapped.
bool Button(VisitorUi::Impl& ui, const char* id, std::string_view label, ImVec2 size = ImVec2(0, 0),
            const ButtonOptions& options = {});
// A large tile: icon on top, title, hint below.
bool Tile(VisitorUi::Impl& ui, const char* id, std::string_view title, std::string_view hint, Icon icon, ImVec2 size,
          ButtonKind kind = ButtonKind::Normal);
// A list row card: title, up to two lines of detail, a chevron; the whole row is touchable.
bool ListRow(VisitorUi::Impl& ui, const char* id, std::string_view title, std::string_view detail,
             std::string_view tag, float width, bool title_fallback = false, const std::string& title_lang = {});

// A text field box (typed into with the on-screen keyboard). Shows the value, or the
// placeholder in muted text; a caret and a thick outline when focused; a thick error outline
// (plus the error text the caller draws) when it has a problem. Returns true when tapped.
// Registered under what it shows and, when `name` is not empty, under its name (the visible
// label above it), so a script can `tap "Name"` and `expect field "Name" "Anna"`.
bool FieldBox(VisitorUi::Impl& ui, const char* id, const std::string& value, const std::string& placeholder,
              float width, bool focused, bool has_error, int lines = 1, std::string_view name = {});

void RegisterWidget(VisitorUi::Impl& ui, std::string_view label, ImVec2 min, ImVec2 max);

// Text at the cursor (advance the cursor).
void Heading(VisitorUi::Impl& ui, std::string_view text, float px = 0);
void SectionTitle(VisitorUi::Impl& ui, std::string_view text, Icon icon = Icon::None);
void Para(VisitorUi::Impl& ui, std::string_view text, float px = 0, bool muted = false, bool bold = false,
          const std::string& lang = {});
void ErrorText(VisitorUi::Impl& ui, std::string_view text);
// Content text; when it is in another language than the reader's, a badge with that language's
// code precedes it (the "not translated yet" mark).
void LocalPara(VisitorUi::Impl& ui, const content::LocalText& text, float px = 0, bool bold = false);
void UiPara(VisitorUi::Impl& ui, const UiText& text, float px = 0, bool muted = false);
void FallbackBadge(VisitorUi::Impl& ui, const std::string& lang, float px);
void Gap(VisitorUi::Impl& ui, float factor = 1.0f);

// A QR code with its caption under it, dark modules on white with a 4-module quiet zone
// (in both themes: scanners need dark on light).
void QrBlock(VisitorUi::Impl& ui, const std::string& payload, float side, std::string_view caption);

// A scrolling child window. The screen's main one (remember = true) stores its scroll position
// in the current Route and restores it when the route becomes current again.
void BeginScrollArea(VisitorUi::Impl& ui, const char* id, ImVec2 size, bool remember = true);
void EndScrollArea(VisitorUi::Impl& ui, bool remember = true);

// Places items left to right, wrapping to a new row when the next does not fit.
class FlowLayout {
public:
    FlowLayout(float width, float gap);
    void Next(ImVec2 size);   // moves the ImGui cursor to where an item of `size` goes
    void End();               // cursor below the last row
private:
    ImVec2 origin_;
    float width_, gap_, x_ = 0, y_ = 0, row_h_ = 0;
    bool first_ = true;
};

}  // namespace ui
