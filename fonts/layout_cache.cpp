#include "fonts/layout_cache.h"

#include <cmath>
#include <functional>

namespace fonts {

LayoutKeyView LayoutKeyView::From(std::string_view text, const Style& style, float wrap_width) {
    LayoutKeyView key;
    key.text = text;
    key.size_64 = static_cast<int32_t>(std::lround(style.size_px * 64.0f));
    key.wrap_64 = wrap_width > 0.0f ? static_cast<int32_t>(std::lround(wrap_width * 64.0f)) : 0;
    key.line_spacing_1000 = static_cast<int32_t>(std::lround(style.line_spacing * 1000.0f));
    key.max_lines = style.max_lines > 0 ? style.max_lines : 0;
    key.weight = static_cast<uint8_t>(style.weight);
    key.align = static_cast<uint8_t>(style.align);
    key.language = style.language;
    return key;
}

std::size_t LayoutKeyView::Hash() const {
    std::size_t h = std::hash<std::string_view>{}(text);
    auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
    mix(static_cast<std::size_t>(size_64));
    mix(static_cast<std::size_t>(wrap_64));
    mix(static_cast<std::size_t>(line_spacing_1000));
    mix(static_cast<std::size_t>(max_lines));
    mix(static_cast<std::size_t>(weight) << 8 | align);
    mix(std::hash<std::string_view>{}(language));
    return h;
}

std::shared_ptr<const TextLayout> LayoutCache::Find(const LayoutKeyView& key) {
    auto it = map_.find(key);
    if (it == map_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->layout;
}

std::size_t LayoutCache::Insert(const LayoutKeyView& key, std::shared_ptr<const TextLayout> layout) {
    auto existing = map_.find(key);
    if (existing != map_.end()) {
        bytes_ -= existing->second->bytes;
        lru_.erase(existing->second);
        map_.erase(existing);
    }
    lru_.emplace_front();
    Entry& entry = lru_.front();
    entry.text.assign(key.text);
    entry.language.assign(key.language);
    entry.key = key;
    entry.key.text = entry.text;
    entry.key.language = entry.language;
    entry.bytes = entry.text.size() + entry.language.size() + layout->MemoryBytes() + 128;
    entry.layout = std::move(layout);
    bytes_ += entry.bytes;
    map_.emplace(entry.key, lru_.begin());

    std::size_t evicted = 0;
    while (bytes_ > budget_ && lru_.size() > 1) {
        Entry& victim = lru_.back();
        bytes_ -= victim.bytes;
        map_.erase(victim.key);
        lru_.pop_back();
        ++evicted;
    }
    return evicted;
}

void LayoutCache::Clear() {
    map_.clear();
    lru_.clear();
    bytes_ = 0;
}

}  // namespace fonts
