// sync/cli_table: kiosk-hub's tables line up by what a terminal shows, not by bytes.
#include <catch2/catch_test_macros.hpp>

#include "sync/cli_table.h"

TEST_CASE("terminal width counts characters, not bytes; wide ones count two", "[cli]") {
    CHECK(ksync::TerminalWidth("") == 0);
    CHECK(ksync::TerminalWidth("Anna") == 4);
    CHECK(ksync::TerminalWidth("Bērziņa") == 7);          // 9 bytes
    CHECK(ksync::TerminalWidth("Анна Петрова") == 12);    // 23 bytes
    CHECK(ksync::TerminalWidth("e\xCC\x81") == 1);        // e + combining acute: one character
    CHECK(ksync::TerminalWidth("日本") == 4);
}

TEST_CASE("a cell is cut at a character boundary with an ellipsis, then padded", "[cli]") {
    CHECK(ksync::FitCell("Anna", 6) == "Anna  ");
    CHECK(ksync::FitCell("Bērziņa", 7) == "Bērziņa");
    std::string cut = ksync::FitCell("Ģirts Ķuzāns-Šņore", 8);
    CHECK(cut == "Ģirts Ķ…");
    CHECK(ksync::TerminalWidth(cut) == 8);
    // A cut never splits a UTF-8 sequence or a combining sequence.
    CHECK(ksync::FitCell("ёёёё", 3) == "ёё…");
    CHECK(ksync::FitCell("e\xCC\x81" "e\xCC\x81" "e", 2) == "e\xCC\x81…");
    // A wide character that does not fit whole is left out, and the cell still has its width.
    CHECK(ksync::FitCell("日本語", 4) == "日… ");
    CHECK(ksync::FitCell("abc", 0) == "");
}

TEST_CASE("rows line up under the headers whatever the script", "[cli]") {
    ksync::CliTable table({{"NAME", 12}, {"DEVICE", 8}, {"NOTE", 0}});
    CHECK(table.Header() == "NAME         DEVICE   NOTE\n");
    std::string latvian = table.Row({"Anna Bērziņa", "lobby-a", "ok"});
    std::string russian = table.Row({"Анна", "lobby-b", "ok"});
    CHECK(latvian == "Anna Bērziņa lobby-a  ok\n");
    CHECK(russian == "Анна         lobby-b  ok\n");
    CHECK(ksync::TerminalWidth(latvian) == ksync::TerminalWidth(russian));
    // Missing cells are empty; trailing spaces are not printed.
    CHECK(table.Row({"x"}) == "x\n");
}
