// content/staff_columns.cpp: what staff may edit, column by column (see staff_internal.h), and
// the value rules every staff module shares (coercion, equality, field names).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "content/staff_internal.h"
#include "content/text.h"

namespace content {
namespace staff_detail {
namespace {

using K = ColumnKind;

// Mirrors content/schema.cpp. Never id, version, updated_at, seats_taken (bookings count it) or
// extra (HSDS members kept for export, not for people to type).
const std::map<std::string, std::vector<ColumnSpec>>& Catalogue() {
    static const std::map<std::string, std::vector<ColumnSpec>> catalogue = {
        {"organization",
         {{"email", K::Email},
          {"website", K::Url},
          {"logo", K::Url},
          {"uri", K::Url},
          {"legal_status", K::Text},
          {"year_incorporated", K::Integer, nullptr, {}, 0},
          {"parent_organization_id", K::Reference, "organization"},
          {"kiosk_role", K::Text}}},
        {"service",
         {{"organization_id", K::Reference, "organization"},
          {"status", K::Choice, nullptr, {"active", "inactive", "defunct", "temporarily closed"}},
          {"url", K::Url},
          {"email", K::Email},
          {"minimum_age", K::Integer, nullptr, {}, 0},
          {"maximum_age", K::Integer, nullptr, {}, 0},
          {"assured_date", K::Date},
          {"kiosk_role", K::Text},
          {"booking_form_id", K::Reference, "booking_form"},
          {"is_free", K::Bool}}},
        {"location",
         {{"organization_id", K::Reference, "organization"},
          {"location_type", K::Choice, nullptr, {"physical", "postal", "virtual"}},
          {"url", K::Url},
          {"latitude", K::Real},
          {"longitude", K::Real},
          {"external_identifier", K::Text}}},
        {"address",
         {{"location_id", K::Reference, "location"},
          {"attention", K::Text},
          {"address_1", K::Text},
          {"address_2", K::Text},
          {"city", K::Text},
          {"region", K::Text},
          {"state_province", K::Text},
          {"postal_code", K::Text},
          {"country", K::Text},
          {"address_type", K::Choice, nullptr, {"physical", "postal", "virtual"}}}},
        {"phone",
         {{"organization_id", K::Reference, "organization"},
          {"service_id", K::Reference, "service"},
          {"location_id", K::Reference, "location"},
          {"service_at_location_id", K::Reference, "service_at_location"},
          {"number", K::Phone},
          {"extension", K::Text},
          {"type", K::Choice, nullptr, {"voice", "fax", "text", "cell", "video", "pager", "textphone"}}}},
        {"schedule",
         {{"service_id", K::Reference, "service"},
          {"location_id", K::Reference, "location"},
          {"service_at_location_id", K::Reference, "service_at_location"},
          {"valid_from", K::Date},
          {"valid_to", K::Date},
          {"dtstart", K::Text},
          {"timezone", K::Text},
          {"until", K::Text},
          {"count", K::Integer, nullptr, {}, 0},
          {"wkst", K::Text},
          {"freq", K::Choice, nullptr, {"WEEKLY", "MONTHLY", "DAILY", "YEARLY"}},
          {"interval", K::Integer, nullptr, {}, 1},
          {"byday", K::Text},
          {"byweekno", K::Text},
          {"bymonthday", K::Text},
          {"byyearday", K::Text},
          {"opens_at", K::Time},
          {"closes_at", K::Time}}},
        {"course_series",
         {{"service_id", K::Reference, "service"},
          {"location_id", K::Reference, "location"},
          {"kind", K::Choice, nullptr,
           {"language_course", "upskilling_course", "practical_session", "family_event", "round_table", "seminar",
            "event"}},
          {"instruction_langs", K::Text},
          {"level", K::Text},
          {"capacity", K::Integer, nullptr, {}, 0},
          {"booking_form_id", K::Reference, "booking_form"},
          {"dtstart", K::Text},
          {"tzid", K::Text},
          {"duration_minutes", K::Integer, nullptr, {}, 1},
          {"rrule", K::Text},
          {"exdates", K::Text},
          {"rdates", K::Text}}},
        {"course_session",
         {{"series_id", K::Reference, "course_series"},
          {"starts_at", K::Integer, nullptr, {}, 0},
          {"ends_at", K::Integer, nullptr, {}, 0},
          {"local_start", K::Text},
          {"capacity", K::Integer, nullptr, {}, 0},
          {"status", K::Choice, nullptr, {"scheduled", "cancelled"}}}},
        {"booking_form", {{"kind", K::Choice, nullptr, {"consultation", "course"}}}},
        {"booking_form_field",
         {{"form_id", K::Reference, "booking_form"},
          {"position", K::Integer, nullptr, {}, 0},
          {"key", K::Text},
          {"type", K::Choice, nullptr,
           {"text", "multiline", "phone", "email", "choice", "date", "time_slot", "session", "consent"}},
          {"required", K::Bool},
          {"min_length", K::Integer, nullptr, {}, 0},
          {"max_length", K::Integer, nullptr, {}, 0},
          {"pattern", K::Text},
          {"options", K::JsonArray}}},
        {"cost_option",
         {{"service_id", K::Reference, "service"},
          {"valid_from", K::Date},
          {"valid_to", K::Date},
          {"currency", K::Text},
          {"amount", K::Real}}},
        {"language",
         {{"service_id", K::Reference, "service"},
          {"location_id", K::Reference, "location"},
          {"phone_id", K::Reference, "phone"},
          {"name", K::Text},
          {"code", K::LangTag}}},
    };
    return catalogue;
}

std::optional<int64_t> ParseInteger(const std::string& text) {
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    // from_chars refuses '+', spaces and out-of-range values instead of throwing like stoll.
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> ParseReal(const std::string& text) {
    if (text.empty() || text.size() > 40) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

const std::vector<ColumnSpec>* TableColumns(const std::string& table) {
    const auto& catalogue = Catalogue();
    auto it = catalogue.find(table);
    return it == catalogue.end() ? nullptr : &it->second;
}

const ColumnSpec* FindColumn(const std::string& table, const std::string& column) {
    const auto* columns = TableColumns(table);
    if (!columns) return nullptr;
    for (const ColumnSpec& spec : *columns) {
        if (column == spec.name) return &spec;
    }
    return nullptr;
}

std::optional<json> CoerceColumnValue(const ColumnSpec& spec, const json& value) {
    // An emptied input box means "no value": the column becomes NULL, never ''.
    if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) return json();
    switch (spec.kind) {
        case K::Integer:
            if (value.is_number_integer()) return json(value.get<int64_t>());
            if (value.is_number_unsigned()) {
                if (value.get<uint64_t>() > (uint64_t)INT64_MAX) return std::nullopt;
                return json((int64_t)value.get<uint64_t>());
            }
            if (value.is_number_float()) {
                double d = value.get<double>();
                if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return json((int64_t)d);
                return std::nullopt;
            }
            if (value.is_string()) {
                auto parsed = ParseInteger(value.get<std::string>());
                if (parsed) return json(*parsed);
            }
            return std::nullopt;
        case K::Bool:
            if (value.is_boolean()) return json(value.get<bool>() ? 1 : 0);
            if (value.is_number_integer() && (value.get<int64_t>() == 0 || value.get<int64_t>() == 1)) {
                return json(value.get<int64_t>());
            }
            if (value.is_string()) {
                const std::string& s = value.get_ref<const std::string&>();
                if (s == "1" || s == "true") return json(1);
                if (s == "0" || s == "false") return json(0);
            }
            return std::nullopt;
        case K::Real:
            if (value.is_number()) {
                double d = value.get<double>();
                if (!std::isfinite(d)) return std::nullopt;
                return json(d);
            }
            if (value.is_string()) {
                auto parsed = ParseReal(value.get<std::string>());
                if (parsed) return json(*parsed);
            }
            return std::nullopt;
        default: {
            if (!value.is_string()) return std::nullopt;
            auto normalized = NormalizeNfc(value.get_ref<const std::string&>());
            if (!normalized.ok()) return std::nullopt;
            return json(*normalized);
        }
    }
}

Result<std::set<std::string>> NotNullColumns(Db& db, const std::string& table, bool without_default_only) {
    Stmt info = TRY_VALUE(db.Prepare("PRAGMA table_info(\"" + table + "\")"));
    std::set<std::string> columns;
    while (TRY_VALUE(info.Step())) {
        std::string name = info.Text(1);
        if (name == "id" || name == "version" || name == "updated_at") continue;
        if (info.Int(3) != 0 && (!without_default_only || info.IsNull(4))) columns.insert(std::move(name));
    }
    return columns;
}

bool SameValue(const json& a, const json& b) {
    auto is_nothing = [](const json& v) { return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()); };
    if (is_nothing(a) || is_nothing(b)) return is_nothing(a) && is_nothing(b);
    auto number = [](const json& v) -> std::optional<double> {
        if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
        if (v.is_number()) return v.get<double>();
        return std::nullopt;
    };
    auto na = number(a);
    auto nb = number(b);
    if (na && nb) {
        if (a.is_number_integer() && b.is_number_integer()) return a.get<int64_t>() == b.get<int64_t>();
        return *na == *nb;
    }
    if (a.is_string() && b.is_string()) {
        if (a == b) return true;
        auto na_text = NormalizeNfc(a.get_ref<const std::string&>());
        auto nb_text = NormalizeNfc(b.get_ref<const std::string&>());
        return na_text.ok() && nb_text.ok() && *na_text == *nb_text;
    }
    return a == b;
}

bool IsSafeId(const std::string& id) {
    if (id.empty() || id.size() > 128) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.' || c == ':';
    });
}

bool IsLanguageTag(const std::string& lang) {
    if (lang.empty() || lang.size() > 35 || !std::isalpha((unsigned char)lang[0])) return false;
    bool after_dash = false;
    for (char c : lang) {
        if (c == '-') {
            if (after_dash) return false;
            after_dash = true;
        } else if (std::isalnum((unsigned char)c)) {
            after_dash = false;
        } else {
            return false;
        }
    }
    return !after_dash;
}

}  // namespace staff_detail

const std::vector<std::string>& EditableTables() {
    static const std::vector<std::string> tables = {
        "organization",   "service",      "location",           "address",     "phone",    "schedule",
        "course_series",  "course_session", "booking_form",     "booking_form_field", "cost_option", "language",
    };
    return tables;
}

const std::vector<std::string>* EditableColumns(const std::string& table) {
    static const std::map<std::string, std::vector<std::string>> names = [] {
        std::map<std::string, std::vector<std::string>> built;
        for (const std::string& table_name : EditableTables()) {
            auto& list = built[table_name];
            for (const auto& spec : *staff_detail::TableColumns(table_name)) list.push_back(spec.name);
        }
        return built;
    }();
    auto it = names.find(table);
    return it == names.end() ? nullptr : &it->second;
}

std::optional<TextField> ParseTextField(const std::string& field) {
    if (field.rfind("text:", 0) != 0) return std::nullopt;
    size_t last = field.rfind(':');
    if (last <= 4 || last + 1 >= field.size() || last == 5) return std::nullopt;
    TextField parsed{field.substr(5, last - 5), field.substr(last + 1)};
    if (parsed.field.empty() || parsed.lang.empty()) return std::nullopt;
    return parsed;
}

std::string MakeTextField(const std::string& field, const std::string& lang) { return "text:" + field + ":" + lang; }

const char* ColumnKindName(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::Text: return "text";
        case ColumnKind::Email: return "email";
        case ColumnKind::Url: return "url";
        case ColumnKind::Phone: return "phone";
        case ColumnKind::Time: return "time";
        case ColumnKind::Date: return "date";
        case ColumnKind::Integer: return "integer";
        case ColumnKind::Bool: return "bool";
        case ColumnKind::Real: return "real";
        case ColumnKind::Choice: return "choice";
        case ColumnKind::Reference: return "reference";
        case ColumnKind::JsonArray: return "json_array";
        case ColumnKind::LangTag: return "lang_tag";
    }
    return "text";
}

const char* EditActionName(EditAction action) {
    switch (action) {
        case EditAction::Create: return "create";
        case EditAction::Update: return "update";
        case EditAction::Delete: return "delete";
    }
    return "update";
}

const char* MergeOutcomeName(MergeOutcome outcome) {
    switch (outcome) {
        case MergeOutcome::Applied: return "applied";
        case MergeOutcome::Merged: return "merged";
        case MergeOutcome::Conflict: return "conflict";
        case MergeOutcome::Rejected: return "rejected";
    }
    return "rejected";
}

}  // namespace content
