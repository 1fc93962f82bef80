// fonts/layout_cache.h: finished layouts keyed by (text, style, wrap width), LRU, bounded.
//
// Design note. A screen redraws the same strings every frame; the cache makes a redraw a
// hash lookup. The key holds everything that changes glyph positions: text bytes (before
// normalisation, so a hit skips NFC too), size, weight, alignment, max lines, line spacing,
// language and wrap width. Colour is not in the key. Lookups take a string_view (transparent
// hashing), so a hit allocates nothing. Invariant: bytes_ = sum over entries of the key
// text size + layout MemoryBytes() + a fixed overhead; after Insert() bytes_ <= budget,
// except that the newest entry is always kept even if it alone exceeds the budget.
// Entries are shared_ptr: evicting one never invalidates a layout a caller still holds.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fonts/text.h"

namespace fonts {

struct LayoutKeyView {
    std::string_view text;
    int32_t size_64 = 0;
    int32_t wrap_64 = 0;
    int32_t line_spacing_1000 = 0;
    int32_t max_lines = 0;
    uint8_t weight = 0;
    uint8_t align = 0;
    std::string_view language;

    static LayoutKeyView From(std::string_view text, const Style& style, float wrap_width);
    bool operator==(const LayoutKeyView& o) const = default;
    std::size_t Hash() const;
};

class LayoutCache {
public:
    explicit LayoutCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

    std::shared_ptr<const TextLayout> Find(const LayoutKeyView& key);
    // Returns the number of entries evicted to stay within the budget.
    std::size_t Insert(const LayoutKeyView& key, std::shared_ptr<const TextLayout> layout);
    void Clear();

    std::size_t bytes() const { return bytes_; }
    std::size_t size() const { return map_.size(); }

private:
    struct Entry {
        std::string text;
        std::string language;
        LayoutKeyView key;  // views into text/language above
        std::shared_ptr<const TextLayout> layout;
        std::size_t bytes = 0;
    };
    using List = std::list<Entry>;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(const LayoutKeyView& k) const { return k.Hash(); }
    };

    std::size_t budget_;
    std::size_t bytes_ = 0;
    List lru_;  // front = most recently used
    std::unordered_map<LayoutKeyView, List::iterator, Hash> map_;
};

}  // namespace fonts
