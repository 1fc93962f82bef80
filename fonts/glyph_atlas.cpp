#include "fonts/glyph_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/log.h"

namespace fonts {
namespace {
constexpr int kPadding = 1;  // empty pixels between glyphs, so linear filtering never bleeds
}

GlyphAtlas::GlyphAtlas(FontSet* fonts, Counters* counters, std::unique_ptr<AtlasTexture> texture,
                       int initial_size, int max_size)
    : fonts_(fonts),
      counters_(counters),
      backend_(std::move(texture)),
      width_(std::max(64, initial_size)),
      height_(std::max(64, initial_size)),
      max_size_(std::max(std::max(64, initial_size), max_size)) {
    pixels_.assign(static_cast<std::size_t>(width_) * height_, 0);
}

GlyphAtlas::~GlyphAtlas() {
    if (backend_) {
        CollectRetired();
        if (texture_) backend_->Destroy(texture_);
    }
}

float GlyphAtlas::fill() const {
    return static_cast<float>(used_area_) / (static_cast<float>(width_) * static_cast<float>(height_));
}

void GlyphAtlas::RenderPlaceholder(float size_px, GlyphBitmap* out) const {
    // A hollow box the size of a capital letter: visibly "something is here".
    const int advance = static_cast<int>(std::lround(0.6f * size_px));
    const int w = std::max(3, advance - 2 * std::max(1, advance / 8));
    const int h = std::max(4, static_cast<int>(std::lround(0.7f * size_px)));
    const int stroke = std::max(1, static_cast<int>(std::lround(size_px / 16.0f)));
    out->width = w;
    out->height = h;
    out->left = (advance - w) / 2;
    out->top = h;
    out->pixels.assign(static_cast<std::size_t>(w) * h, 0);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (x < stroke || y < stroke || x >= w - stroke || y >= h - stroke) out->pixels[y * w + x] = 255;
        }
    }
}

const AtlasEntry& GlyphAtlas::Get(uint16_t face, uint32_t glyph_id, float size_px) {
    const bool placeholder = face == PlacedGlyph::kPlaceholderFace;
    const Key key{face, placeholder ? 0u : glyph_id, SizeKey(size_px)};
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;

    ++counters_->rasterized_glyphs;
    GlyphBitmap& bitmap = scratch_;
    bitmap.width = bitmap.height = 0;
    if (placeholder) {
        RenderPlaceholder(size_px, &bitmap);
    } else if (!fonts_->Render(face, glyph_id, size_px, &bitmap)) {
        base::LogWarn("text_glyph_render_failed",
                      "face=" + std::to_string(face) + " glyph=" + std::to_string(glyph_id));
        bitmap.width = bitmap.height = 0;
    }

    AtlasEntry entry;
    entry.left = static_cast<int16_t>(bitmap.left);
    entry.top = static_cast<int16_t>(bitmap.top);
    if (bitmap.width > 0 && bitmap.height > 0) {
        int x = 0, y = 0;
        if (!Place(bitmap.width, bitmap.height, &x, &y)) {
            // Bigger than the whole atlas could ever be: draw nothing rather than crash.
            base::LogWarn("text_glyph_too_large", "w=" + std::to_string(bitmap.width) + " h=" + std::to_string(bitmap.height));
        } else {
            for (int row = 0; row < bitmap.height; ++row) {
                std::memcpy(&pixels_[static_cast<std::size_t>(y + row) * width_ + x],
                            &bitmap.pixels[static_cast<std::size_t>(row) * bitmap.width], bitmap.width);
            }
            entry.x = static_cast<uint16_t>(x);
            entry.y = static_cast<uint16_t>(y);
            entry.w = static_cast<uint16_t>(bitmap.width);
            entry.h = static_cast<uint16_t>(bitmap.height);
            used_area_ += static_cast<std::size_t>(bitmap.width + kPadding) * (bitmap.height + kPadding);
            MarkDirty(x, y, bitmap.width, bitmap.height);
        }
    }
    return entries_.emplace(key, entry).first->second;
}

bool GlyphAtlas::Place(int w, int h, int* x, int* y) {
    const int pw = w + kPadding;
    const int ph = h + kPadding;
    if (pw > max_size_ || ph > max_size_) return false;
    for (int attempt = 0; attempt < 64; ++attempt) {
        // Best shelf: the lowest one tall enough and not much taller (limits wasted rows).
        Shelf* best = nullptr;
        for (Shelf& shelf : shelves_) {
            if (shelf.height >= ph && shelf.height <= ph + ph / 3 + 2 && shelf.x + pw <= width_) {
                if (!best || shelf.height < best->height) best = &shelf;
            }
        }
        if (best) {
            *x = best->x;
            *y = best->y;
            best->x += pw;
            return true;
        }
        const int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height;
        if (top + ph <= height_ && pw <= width_) {
            shelves_.push_back({top, ph, pw});
            *x = 0;
            *y = top;
            return true;
        }
        if (!Grow()) Reset();
    }
    return false;
}

bool GlyphAtlas::Grow() {
    if (width_ >= max_size_ && height_ >= max_size_) return false;
    const int new_width = (width_ <= height_ && width_ < max_size_) ? width_ * 2 : width_;
    const int new_height = new_width == width_ ? std::min(height_ * 2, max_size_) : height_;
    std::vector<uint8_t> grown(static_cast<std::size_t>(new_width) * new_height, 0);
    for (int row = 0; row < height_; ++row) {
        std::memcpy(&grown[static_cast<std::size_t>(row) * new_width], &pixels_[static_cast<std::size_t>(row) * width_], width_);
    }
    Flush();  // the old texture must hold every glyph already referenced this frame
    pixels_.swap(grown);
    width_ = new_width;
    height_ = new_height;
    ++counters_->atlas_grows;
    ReplaceTexture();
    base::LogInfo("text_atlas_grew", std::to_string(width_) + "x" + std::to_string(height_));
    return true;
}

void GlyphAtlas::Reset() {
    Flush();
    std::fill(pixels_.begin(), pixels_.end(), 0);
    shelves_.clear();
    entries_.clear();
    used_area_ = 0;
    ++counters_->atlas_resets;
    ReplaceTexture();
    base::LogWarn("text_atlas_reset", "atlas full at " + std::to_string(width_) + "x" + std::to_string(height_));
}

void GlyphAtlas::ReplaceTexture() {
    ++generation_;
    if (texture_) retired_.push_back(texture_);
    texture_ = nullptr;
    dirty_x0_ = dirty_y0_ = dirty_x1_ = dirty_y1_ = 0;  // the new texture gets a full upload
}

void GlyphAtlas::MarkDirty(int x, int y, int w, int h) {
    if (dirty_x1_ <= dirty_x0_) {
        dirty_x0_ = x, dirty_y0_ = y, dirty_x1_ = x + w, dirty_y1_ = y + h;
        return;
    }
    dirty_x0_ = std::min(dirty_x0_, x);
    dirty_y0_ = std::min(dirty_y0_, y);
    dirty_x1_ = std::max(dirty_x1_, x + w);
    dirty_y1_ = std::max(dirty_y1_, y + h);
}

void GlyphAtlas::Flush() {
    if (dirty_x1_ > dirty_x0_ && backend_ && texture_) {
        backend_->Update(texture_, width_, dirty_x0_, dirty_y0_, dirty_x1_ - dirty_x0_, dirty_y1_ - dirty_y0_,
                         pixels_.data());
    }
    dirty_x0_ = dirty_y0_ = dirty_x1_ = dirty_y1_ = 0;
}

void* GlyphAtlas::texture_id() {
    if (!backend_) return nullptr;
    if (!texture_) {
        texture_ = backend_->Create(width_, height_, pixels_.data());
        dirty_x0_ = dirty_y0_ = dirty_x1_ = dirty_y1_ = 0;
    } else {
        Flush();
    }
    return texture_;
}

void GlyphAtlas::CollectRetired() {
    if (!backend_) return;
    for (void* texture : retired_) backend_->Destroy(texture);
    retired_.clear();
}

}  // namespace fonts
