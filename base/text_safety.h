// base/text_safety.h: text that came from a kiosk or a visitor, made harmless where people read
// it. A visitor's name or a kiosk's firmware string could carry a terminal escape sequence (ESC,
// C1 controls), a NUL, or a bidirectional override that reorders what an administrator sees;
// a CSV cell starting with = + - @ is run as a formula by spreadsheets.
//
// "Unsafe" below means: bytes that are not UTF-8, C0 controls other than tab (and newline where
// allowed), DEL, C1 controls (U+0080-U+009F), and the bidi embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069). Plain letters in any script, marks and emoji are not unsafe.
#pragma once

#include <string>
#include <string_view>

namespace base {

bool HasUnsafeText(std::string_view text, bool allow_newlines = false);

// Every unsafe character (and every byte that is not UTF-8) replaced by U+FFFD; newlines too.
// For one line in a terminal.
std::string ForTerminal(std::string_view text);

// A CSV cell's content: unsafe characters replaced (newlines kept: the cell is quoted), and a
// leading = + - @ tab or CR escaped with an apostrophe so no spreadsheet runs it.
std::string ForSpreadsheet(std::string_view text);

}  // namespace base
