#include <catch2/catch_test_macros.hpp>

#include "base/log.h"
#include "base/result.h"

namespace {
base::Result<int> Half(int n) {
    if (n % 2 != 0) return base::MakeError("odd_number", std::to_string(n) + " is odd");
    return n / 2;
}
base::Result<int> Quarter(int n) {
    int half = TRY_VALUE(Half(n));
    return TRY_VALUE(Half(half));
}
base::Status CheckEven(int n) {
    TRY(Half(n));
    return base::Ok();
}
}  // namespace

TEST_CASE("Result carries a value or a named error", "[base]") {
    REQUIRE(Quarter(8).ok());
    REQUIRE(*Quarter(8) == 2);
    auto odd = Quarter(6);
    REQUIRE_FALSE(odd.ok());
    REQUIRE(odd.error().code == "odd_number");
    REQUIRE(odd.error().message == "3 is odd");
    REQUIRE(CheckEven(4).ok());
    REQUIRE(CheckEven(5).error().code == "odd_number");
}

TEST_CASE("Log lines reach an installed sink with their event id", "[base]") {
    std::string seen;
    auto previous = base::SetLogSink([&](base::LogLevel, std::string_view event, std::string_view detail) {
        seen = std::string(event) + "|" + std::string(detail);
    });
    base::LogWarn("font_missing", "path=/x.ttf");
    base::SetLogSink(previous);
    REQUIRE(seen == "font_missing|path=/x.ttf");
}
