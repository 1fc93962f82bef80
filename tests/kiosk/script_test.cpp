// The automation script parser: every step form, and malformed scripts with their line numbers.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fstream>

#include "kiosk/script.h"

using kiosk::ParseScript;
using kiosk::StepKind;

TEST_CASE("an unknown escape fails on its own line", "[kiosk][script]") {
    auto script = ParseScript("tap 1 2\n\ntype \"J\\u0101nis\"\n", "journey.txt");
    REQUIRE_FALSE(script.ok());
    CHECK_THAT(script.error().message, Catch::Matchers::StartsWith("journey.txt:3: unknown escape \\u"));
}

TEST_CASE("every step form", "[kiosk][script]") {
    auto script = ParseScript(
        "# comment\n"
        "tap 960 540\n"
        "tap \"Pakalpojumi\"\n"
        "  drag 960 900 960 200 500ms\n"
        "drag \"Service 3\" 0 -400\n"
        "type \"Jānis \\\"J\\\" B\\\\\"\n"
        "key Enter\n"
        "wait 2s\n"
        "advance 61s\n"
        "clock 2026-03-02T10:00:00Z\n"
        "screenshot home\n"
        "screenshot detail.png\n"
        "expect screen home\n"
        "expect language lv\n"
        "expect outbox 1\n"
        "expect widget \"Latviešu\"\n"
        "expect no-widget \"Back\"\n"
        "expect spoken \"Laipni lūdzam\"\n"
        "expect stopped\n",
        "journey.txt");
    REQUIRE(script.ok());
    const auto& s = script->steps;
    REQUIRE(s.size() == 18);
    CHECK(s[0].kind == StepKind::TapAt);
    CHECK(s[0].line == 2);
    CHECK(s[0].x == 960);
    CHECK(s[0].y == 540);
    CHECK(s[1].kind == StepKind::TapLabel);
    CHECK(s[1].text == "Pakalpojumi");
    CHECK(s[2].kind == StepKind::DragAt);
    CHECK(s[2].y2 == 200);
    CHECK(s[2].seconds == Catch::Approx(0.5));
    CHECK(s[3].kind == StepKind::DragLabel);
    CHECK(s[3].y2 == -400);
    CHECK(s[3].seconds == Catch::Approx(0.3));  // the default
    CHECK(s[4].kind == StepKind::Type);
    CHECK(s[4].text == "Jānis \"J\" B\\");
    CHECK(s[5].kind == StepKind::Key);
    CHECK(s[5].text == "Enter");
    CHECK(s[6].kind == StepKind::Wait);
    CHECK(s[6].seconds == 2.0);
    CHECK(s[7].kind == StepKind::Advance);
    CHECK(s[7].seconds == 61.0);
    CHECK(s[8].kind == StepKind::Clock);
    CHECK(s[8].number == 1772445600LL);
    CHECK(s[9].text == "home.png");
    CHECK(s[10].text == "detail.png");
    CHECK(s[11].kind == StepKind::ExpectScreen);
    CHECK(s[11].text == "home");
    CHECK(s[12].kind == StepKind::ExpectLanguage);
    CHECK(s[13].kind == StepKind::ExpectOutbox);
    CHECK(s[13].number == 1);
    CHECK(s[14].kind == StepKind::ExpectWidget);
    CHECK(s[14].text == "Latviešu");
    CHECK(s[15].kind == StepKind::ExpectNoWidget);
    CHECK(s[16].kind == StepKind::ExpectSpoken);
    CHECK(s[17].kind == StepKind::ExpectStopped);
    CHECK(s[17].line == 19);
}

TEST_CASE("the booking and field expectations", "[kiosk][script]") {
    auto script = ParseScript("expect booked name \"Анна Петрова\"\nexpect field \"Имя\" \"\"\n", "b.txt");
    REQUIRE(script.ok());
    const auto& s = script->steps;
    REQUIRE(s.size() == 2);
    CHECK(s[0].kind == StepKind::ExpectBooked);
    CHECK(s[0].text == "name");
    CHECK(s[0].value == "Анна Петрова");
    CHECK(kiosk::DescribeStep(s[0]) == "expect booked name \"Анна Петрова\"");
    CHECK(s[1].kind == StepKind::ExpectField);
    CHECK(s[1].text == "Имя");
    CHECK(s[1].value.empty());
    CHECK(kiosk::DescribeStep(s[1]) == "expect field \"Имя\" \"\"");
}

TEST_CASE("malformed scripts fail with file, line and reason", "[kiosk][script]") {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"tap 1\n", "s.txt:1: usage: tap X Y"},
        {"\n\ntap x 5\n", "s.txt:3: expected a number for X, got 'x'"},
        {"tap \"Home\n", "s.txt:1: the closing quote is missing"},
        {"tap \"\"\n", "s.txt:1: tap needs a non-empty label"},
        {"tap \"A\"\"B\"\n", "s.txt:1: a space must follow a closing quote"},
        {"drag 1 2 3\n", "s.txt:1: usage: drag X1 Y1 X2 Y2 [DURATION]"},
        {"drag 1 2 3 4 5ms\n", "s.txt:1: a drag takes at least 16ms"},
        {"drag \"A\" 1\n", "s.txt:1: usage: drag \"Label\" DX DY"},
        {"type hello\n", "s.txt:1: type needs its text in quotes"},
        {"key Return\n", "s.txt:1: unknown key 'Return'"},
        {"wait soon\n", "s.txt:1: expected a duration like 2s or 500ms, got 'soon'"},
        {"wait\n", "s.txt:1: usage: wait DURATION"},
        {"advance 25h\n", "s.txt:1: a duration over 24h"},
        {"clock 2026-03-02 10:00\n", "s.txt:1: usage: clock"},
        {"clock 2026-13-02T10:00:00Z\n", "s.txt:1: expected a UTC time"},
        {"screenshot ../etc/x\n", "s.txt:1: a screenshot name uses letters"},
        {"expect\n", "s.txt:1: usage: expect"},
        {"expect screen\n", "s.txt:1: usage: expect screen NAME"},
        {"expect outbox many\n", "s.txt:1: expected a count for outbox, got 'many'"},
        {"expect outbox -1\n", "s.txt:1: expected a count for outbox"},
        {"expect widget Home\n", "s.txt:1: expect widget needs its text in quotes"},
        {"expect colour red\n", "s.txt:1: unknown expectation 'colour'"},
        {"expect booked name\n", "s.txt:1: usage: expect booked KEY"},
        {"expect booked \"name\" \"Anna\"\n", "s.txt:1: expect booked needs a form field key"},
        {"expect booked name Anna\n", "s.txt:1: expect booked needs its text in quotes"},
        {"expect field Name \"Anna\"\n", "s.txt:1: expect field needs the field's name and its text in quotes"},
        {"expect field \"\" \"Anna\"\n", "s.txt:1: expect field needs a non-empty name"},
        {"click 1 2\n", "s.txt:1: unknown step 'click'"},
        {"\"tap\" 1 2\n", "s.txt:1: a step starts with a word"},
        {"tap 1 2\nwait 1s\n# ok so far\nexpect screen\n", "s.txt:4: usage: expect screen NAME"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto script = ParseScript(c.text, "s.txt");
        REQUIRE_FALSE(script.ok());
        CHECK(script.error().code == "script_invalid");
        CHECK_THAT(script.error().message, Catch::Matchers::StartsWith(c.expected));
    }
}

TEST_CASE("an empty script is valid; a missing file is named", "[kiosk][script]") {
    auto empty = ParseScript("# nothing\n\n", "e.txt");
    REQUIRE(empty.ok());
    CHECK(empty->steps.empty());
    auto missing = kiosk::LoadScript("/nonexistent/journey.txt");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "script_unreadable");
    CHECK_THAT(missing.error().message, Catch::Matchers::ContainsSubstring("/nonexistent/journey.txt"));
}

TEST_CASE("the scripts in docs/automation.md parse", "[kiosk][script]") {
    // Every ```kiosk-script block of the manual is a script; the manual cannot drift from the parser.
    std::ifstream file(std::string(KIOSK_SOURCE_DIR) + "/docs/automation.md");
    REQUIRE(file.good());
    std::string line, block;
    bool in_block = false;
    int blocks = 0;
    while (std::getline(file, line)) {
        if (!in_block && line == "```kiosk-script") {
            in_block = true;
            block.clear();
        } else if (in_block && line == "```") {
            in_block = false;
            ++blocks;
            auto script = ParseScript(block, "docs/automation.md block " + std::to_string(blocks));
            INFO(block);
            CHECK(script.ok());
            if (!script.ok()) FAIL_CHECK(script.error().message);
        } else if (in_block) {
            block += line + "\n";
        }
    }
    CHECK(blocks >= 2);
}
