// sync/cli_table.h: aligned columns for kiosk-hub's tables, measured in what a terminal shows
// (user-perceived characters, East Asian wide ones counting two), not in bytes, so a staff
// name like "Anna Bērziņa" or "Анна" does not push the rest of its row sideways. A cell that
// does not fit is cut at a character boundary (never inside a UTF-8 sequence) and ends in "…".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ksync {

// Columns a terminal needs to show `text` (control characters count as one).
size_t TerminalWidth(std::string_view text);
// `text` cut to at most `width` columns ("…" marks a cut), then padded with spaces to `width`.
std::string FitCell(std::string_view text, size_t width);

struct CliColumn {
    std::string header;
    size_t width = 0;      // 0: the last column, printed as it is
};

class CliTable {
public:
    explicit CliTable(std::vector<CliColumn> columns) : columns_(std::move(columns)) {}
    std::string Header() const;
    // One line (with '\n'); missing cells are empty, extra cells are ignored.
    std::string Row(const std::vector<std::string>& cells) const;

private:
    std::vector<CliColumn> columns_;
};

}  // namespace ksync
