// sync/cli_table.cpp: terminal widths with ICU (grapheme clusters, East Asian width).
#include "sync/cli_table.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "base/text_safety.h"

namespace ksync {
namespace {

// The clusters of `text` as [begin, end) UTF-16 offsets into `u`.
std::vector<std::pair<int32_t, int32_t>> Clusters(const icu::UnicodeString& u) {
    std::vector<std::pair<int32_t, int32_t>> clusters;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it) {
        // No break data: one cluster per code point is still never worse than bytes.
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) clusters.push_back({i, u.moveIndex32(i, 1)});
        return clusters;
    }
    it->setText(u);
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
        clusters.push_back({begin, end});
    }
    return clusters;
}

size_t ClusterWidth(const icu::UnicodeString& u, int32_t begin) {
    UChar32 c = u.char32At(begin);
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

size_t TerminalWidth(std::string_view text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
    size_t width = 0;
    for (const auto& [begin, end] : Clusters(u)) width += ClusterWidth(u, begin);
    return width;
}

std::string FitCell(std::string_view text, size_t width) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
    auto clusters = Clusters(u);
    size_t total = 0;
    for (const auto& [begin, end] : clusters) total += ClusterWidth(u, begin);
    std::string out;
    size_t used = 0;
    if (total <= width) {
        out.assign(text);
        used = total;
    } else if (width > 0) {
        // Keep what fits in width - 1 columns, then the ellipsis.
        int32_t cut = 0;
        for (const auto& [begin, end] : clusters) {
            size_t w = ClusterWidth(u, begin);
            if (used + w > width - 1) break;
            used += w;
            cut = end;
        }
        u.tempSubString(0, cut).toUTF8String(out);
        out += "…";
        used += 1;
    }
    out.append(width > used ? width - used : 0, ' ');
    return out;
}

std::string CliTable::Header() const {
    std::vector<std::string> headers;
    for (const CliColumn& c : columns_) headers.push_back(c.header);
    return Row(headers);
}

std::string CliTable::Row(const std::vector<std::string>& cells) const {
    std::string line;
    for (size_t i = 0; i < columns_.size(); ++i) {
        // What kiosks and visitors sent reaches an administrator's terminal: no escapes.
        const std::string cell = i < cells.size() ? base::ForTerminal(cells[i]) : "";
        if (i > 0) line += ' ';
        line += columns_[i].width == 0 ? cell : FitCell(cell, columns_[i].width);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
}

}  // namespace ksync
