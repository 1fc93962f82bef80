// tests/content/text_test.cpp: NFC normalisation and UUIDs (content/text.h).
#include <catch2/catch_test_macros.hpp>

#include <regex>
#include <set>

#include "content/text.h"

TEST_CASE("NormalizeNfc composes combining marks", "[content][text]") {
    // "A" + COMBINING MACRON is "Ā" (U+0100) in NFC.
    auto composed = content::NormalizeNfc("A\xCC\x84");
    REQUIRE(composed.ok());
    CHECK(*composed == "\xC4\x80");
    // Latvian and Russian text already in NFC is returned unchanged.
    CHECK(*content::NormalizeNfc("Rīga, Ēriks, ёлка") == "Rīga, Ēriks, ёлка");
    // "й" written as "и" + COMBINING BREVE composes to U+0439.
    CHECK(*content::NormalizeNfc("\xD0\xB8\xCC\x86") == "\xD0\xB9");
    CHECK(*content::NormalizeNfc("") == "");
}

TEST_CASE("NormalizeNfc refuses malformed UTF-8", "[content][text]") {
    for (std::string bad : {std::string("abc\xFF"), std::string("\xC4"), std::string("\xED\xA0\x80"), std::string("\xC0\xAF")}) {
        auto result = content::NormalizeNfc(bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "text_invalid_utf8");
        CHECK_FALSE(content::IsNfc(bad));
    }
}

TEST_CASE("IsNfc tells composed from decomposed text", "[content][text]") {
    CHECK(content::IsNfc("\xC4\x80"));
    CHECK_FALSE(content::IsNfc("A\xCC\x84"));
    CHECK(content::IsNfc("plain ascii"));
}

TEST_CASE("NewUuid gives distinct version 4 UUIDs", "[content][text]") {
    const std::regex shape("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        std::string id = content::NewUuid();
        REQUIRE(std::regex_match(id, shape));
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}
