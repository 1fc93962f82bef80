// ui/theme.h: colours and sizes of the two themes, and touch-target size from the screen.
//
// Every colour pair the UI draws text with is listed in Theme::TextPairs(), so the contrast
// test checks exactly what is drawn: >= 4.5:1 in the normal theme, >= 7:1 in high contrast
// (WCAG 2.x relative luminance, which EN 301 549 uses). Meaning is never carried by colour
// alone: selected items also get a check mark, errors a "!" icon and words, offline a word.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct UiConfig;

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    uint32_t ToImU32(uint8_t alpha = 255) const {  // IM_COL32 packing (ABGR)
        return (uint32_t(alpha) << 24) | (uint32_t(b) << 16) | (uint32_t(g) << 8) | uint32_t(r);
    }
};

double RelativeLuminance(Rgb c);
double ContrastRatio(Rgb a, Rgb b);

struct Theme {
    bool high_contrast = false;
    Rgb background;      // the page
    Rgb text;            // body text on background and surface
    Rgb text_muted;      // secondary text on background and surface
    Rgb surface;         // tiles, cards, list rows
    Rgb border;          // outlines of tiles and fields (not text)
    Rgb accent;          // primary buttons, selected chips
    Rgb on_accent;       // text on accent
    Rgb bar;             // top bar and status line
    Rgb on_bar;          // text on the bars
    Rgb error;           // error text (with a "!" icon) on background and surface
    Rgb hotline;         // crisis tile and number panel
    Rgb on_hotline;
    Rgb badge;           // "not translated" language badge
    Rgb on_badge;
    Rgb overlay;         // timeout warning panel
    Rgb on_overlay;
    Rgb focus;           // focused field outline (not text)

    struct TextPair {
        std::string name;
        Rgb fg, bg;
    };
    std::vector<TextPair> TextPairs() const;
    double MinimumContrast() const { return high_contrast ? 7.0 : 4.5; }

    static Theme Normal();
    static Theme HighContrast();
};

// Pixel density of the configured screen and the smallest touch target it allows.
double PixelsPerMm(double diagonal_inches, int width_px, int height_px);
float MinTouchTargetPx(const UiConfig& config, double mm = 9.0);

// Sizes for one frame: text sizes scale with the larger-text mode; touch targets never shrink
// below the 9 mm minimum of the configured screen.
struct Metrics {
    float text_scale = 1.0f;   // 1.0 normal, 1.5 larger text
    float ui_scale = 1.0f;     // frame height / 1080: the window may be smaller than the design
    float small_px = 0, body_px = 0, large_px = 0, heading_px = 0, title_px = 0, huge_px = 0;
    float pad = 0;             // general spacing
    float touch_min = 0;       // smallest side of any touch target, px
    float button_h = 0;        // a one-line button's height
    float top_bar_h = 0, status_h = 0;
    float rounding = 0;
};

constexpr float kLargerTextScale = 1.5f;

Metrics ComputeMetrics(const UiConfig& config, bool larger_text, float frame_width, float frame_height);

}  // namespace ui
