// Tests of ui/keyboard_layouts: the letters each layout must offer, capitals, erasing.
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "ui/keyboard_layouts.h"

namespace {

std::set<std::string> Keys(const std::string& id) {
    std::set<std::string> keys;
    const ui::KeyboardLayout* layout = ui::FindKeyboardLayout(id);
    REQUIRE(layout != nullptr);
    for (const auto& row : layout->rows) keys.insert(row.begin(), row.end());
    return keys;
}

void RequireLetters(const std::string& id, const std::vector<std::string>& letters) {
    auto keys = Keys(id);
    for (const std::string& l : letters) {
        INFO(id << " layout lacks " << l);
        CHECK(keys.count(l) == 1);
    }
}

}  // namespace

TEST_CASE("the Latvian layout has every Latvian letter, long and softened ones as keys", "[ui][keyboard]") {
    RequireLetters("lv", {"ā", "č", "ē", "ģ", "ī", "ķ", "ļ", "ņ", "š", "ū", "ž"});
    RequireLetters("lv", {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                          "u", "v", "z"});
}

TEST_CASE("the Russian layout is ЙЦУКЕН with all 33 letters", "[ui][keyboard]") {
    const ui::KeyboardLayout* ru = ui::FindKeyboardLayout("ru");
    REQUIRE(ru != nullptr);
    REQUIRE(ru->rows.size() >= 3);
    // The first letter row starts й ц у к е н.
    std::vector<std::string> first(ru->rows[1].begin(), ru->rows[1].begin() + 6);
    CHECK(first == std::vector<std::string>{"й", "ц", "у", "к", "е", "н"});
    RequireLetters("ru", {"а", "б", "в", "г", "д", "е", "ё", "ж", "з", "и", "й", "к", "л", "м", "н", "о", "п",
                          "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я"});
}

TEST_CASE("English and Ukrainian layouts, and digits for phone numbers", "[ui][keyboard]") {
    std::vector<std::string> latin;
    for (char c = 'a'; c <= 'z'; ++c) latin.push_back(std::string(1, c));
    RequireLetters("en", latin);
    RequireLetters("uk", {"і", "ї", "є", "ґ", "й", "щ", "ь", "ю", "я"});
    RequireLetters("digits", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+"});
    CHECK(ui::DefaultLayoutFor("ru").id == "ru");
    CHECK(ui::DefaultLayoutFor("de").id == "lv");
}

TEST_CASE("capitals of the letters the layouts type", "[ui][keyboard]") {
    CHECK(ui::KeyUpper("ā") == "Ā");
    CHECK(ui::KeyUpper("ļ") == "Ļ");
    CHECK(ui::KeyUpper("ņ") == "Ņ");
    CHECK(ui::KeyUpper("ž") == "Ž");
    CHECK(ui::KeyUpper("š") == "Š");
    CHECK(ui::KeyUpper("я") == "Я");
    CHECK(ui::KeyUpper("ё") == "Ё");
    CHECK(ui::KeyUpper("ї") == "Ї");
    CHECK(ui::KeyUpper("ґ") == "Ґ");
    CHECK(ui::KeyUpper("7") == "7");
    for (const ui::KeyboardLayout& layout : ui::KeyboardLayouts()) {
        for (const auto& row : layout.rows) {
            for (const std::string& key : row) {
                std::string upper = ui::KeyUpper(key);
                INFO(layout.id << ": " << key << " -> " << upper);
                CHECK(ui::CodepointCount(upper) == 1);
            }
        }
    }
}

TEST_CASE("erasing removes one whole character", "[ui][keyboard]") {
    std::string s = "Rīgā";
    ui::EraseLastCharacter(s);
    CHECK(s == "Rīg");
    std::string combining = "e\xCC\x81";  // e + combining acute: one character to the visitor
    ui::EraseLastCharacter(combining);
    CHECK(combining.empty());
    std::string empty;
    ui::EraseLastCharacter(empty);
    CHECK(empty.empty());
    CHECK(ui::CodepointCount("Жёлтый") == 6);
}
