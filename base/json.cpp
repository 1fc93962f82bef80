#include "base/json.h"

#include <string>

namespace base {
namespace {

// A SAX pass that builds nothing: it counts nesting and stops at the first level too deep.
class DepthCheck {
public:
    explicit DepthCheck(int max_depth) : max_depth_(max_depth) {}

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(nlohmann::json::number_integer_t) { return true; }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool key(std::string&) { return true; }
    bool start_object(std::size_t) { return Enter(); }
    bool end_object() { return Leave(); }
    bool start_array(std::size_t) { return Enter(); }
    bool end_array() { return Leave(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        error_ = MakeError("json_invalid", "not valid JSON at byte " + std::to_string(position) + ": " + e.what());
        return false;
    }

    const std::optional<Error>& error() const { return error_; }

private:
    bool Enter() {
        if (++depth_ <= max_depth_) return true;
        error_ = MakeError("json_too_deep", "JSON nested deeper than " + std::to_string(max_depth_) + " levels");
        return false;
    }
    bool Leave() {
        --depth_;
        return true;
    }

    int max_depth_;
    int depth_ = 0;
    std::optional<Error> error_;
};

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text, int max_depth) {
    DepthCheck check(max_depth);
    bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &check, nlohmann::json::input_format_t::json,
                                        /*strict=*/true, /*ignore_comments=*/false);
    if (!ok || check.error()) {
        if (check.error()) return *check.error();
        return MakeError("json_invalid", "not valid JSON");
    }
    nlohmann::json value = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return MakeError("json_invalid", "not valid JSON");
    return value;
}

nlohmann::json ParseJsonOrDiscarded(std::string_view text, int max_depth) {
    auto value = ParseJson(text, max_depth);
    if (!value.ok()) return nlohmann::json(nlohmann::json::value_t::discarded);
    return std::move(value).value();
}

}  // namespace base
