// content/hsds_import.cpp: HSDS 3.x (JSON, tabular CSV, kiosk document) into the content store.
// See hsds_import.h for the design note.
//
// Index
//   [tables]     member -> column maps per table, enums, required members
//   [staging]    Staged rows, merging, error messages that name file / record / field
//   [records]    one generic object taker; per-object walkers (service, organization, ...)
//   [kiosk]      booking forms, course series, the kiosk content document
//   [tabular]    CSV reader, datapackage.json, unmodelled CSV tables nested into parents' extra
//   [check]      reference check against staged rows and the database
//   [write]      one transaction through ContentWriter, series expansion, Finish, Commit
#include "base/json.h"
#include "content/hsds_import.h"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <fstream>
#include <set>
#include <sstream>

#include "base/log.h"
#include "content/schedule.h"
#include "content/store.h"
#include "content/text.h"

namespace content {

using nlohmann::json;

// ============================================================================================
// [tables]
// ============================================================================================
namespace {

const std::vector<HsdsTable>& Tables() {
    using K = HsdsKind;
    static const std::vector<HsdsTable> tables = {
        {"organization",
         {{"email", "email", K::Text, nullptr},
          {"website", "website", K::Text, nullptr},
          {"logo", "logo", K::Text, nullptr},
          {"uri", "uri", K::Text, nullptr},
          {"legal_status", "legal_status", K::Text, nullptr},
          {"year_incorporated", "year_incorporated", K::Int, nullptr},
          {"parent_organization_id", "parent_organization_id", K::LooseRef, "organization"},
          {"x_kiosk_role", "kiosk_role", K::Text, nullptr}},
         true},
        {"taxonomy", {{"uri", "uri", K::Text, nullptr}, {"version", "version_tag", K::Text, nullptr}}, true},
        {"taxonomy_term",
         {{"code", "code", K::Text, nullptr},
          {"parent_id", "parent_id", K::LooseRef, "taxonomy_term"},
          {"taxonomy_id", "taxonomy_id", K::LooseRef, "taxonomy"},
          {"term_uri", "term_uri", K::Text, nullptr},
          {"x_icon", "icon", K::Text, nullptr},
          {"x_sort_order", "sort_order", K::Int, nullptr},
          {"x_is_category", "is_category", K::Bool, nullptr}},
         true},
        {"service",
         {{"organization_id", "organization_id", K::Ref, "organization"},
          {"status", "status", K::Text, nullptr},
          {"url", "url", K::Text, nullptr},
          {"email", "email", K::Text, nullptr},
          {"minimum_age", "minimum_age", K::Int, nullptr},
          {"maximum_age", "maximum_age", K::Int, nullptr},
          {"assured_date", "assured_date", K::Text, nullptr},
          {"x_kiosk_role", "kiosk_role", K::Text, nullptr},
          {"x_booking_form_id", "booking_form_id", K::Ref, "booking_form"},
          {"x_is_free", "is_free", K::Bool, nullptr}},
         true},
        {"location",
         {{"organization_id", "organization_id", K::LooseRef, "organization"},
          {"location_type", "location_type", K::Text, nullptr},
          {"url", "url", K::Text, nullptr},
          {"latitude", "latitude", K::Real, nullptr},
          {"longitude", "longitude", K::Real, nullptr},
          {"external_identifier", "external_identifier", K::Text, nullptr}},
         true},
        {"address",
         {{"location_id", "location_id", K::Ref, "location"},
          {"attention", "attention", K::Text, nullptr},
          {"address_1", "address_1", K::Text, nullptr},
          {"address_2", "address_2", K::Text, nullptr},
          {"city", "city", K::Text, nullptr},
          {"region", "region", K::Text, nullptr},
          {"state_province", "state_province", K::Text, nullptr},
          {"postal_code", "postal_code", K::Text, nullptr},
          {"country", "country", K::Text, nullptr},
          {"address_type", "address_type", K::Text, nullptr}},
         true},
        {"service_at_location",
         {{"service_id", "service_id", K::Ref, "service"}, {"location_id", "location_id", K::Ref, "location"}},
         true},
        {"phone",
         {{"organization_id", "organization_id", K::Ref, "organization"},
          {"service_id", "service_id", K::Ref, "service"},
          {"location_id", "location_id", K::Ref, "location"},
          {"service_at_location_id", "service_at_location_id", K::Ref, "service_at_location"},
          {"number", "number", K::Text, nullptr},
          {"extension", "extension", K::NumberText, nullptr},
          {"type", "type", K::Text, nullptr}},
         true},
        {"schedule",
         {{"service_id", "service_id", K::Ref, "service"},
          {"location_id", "location_id", K::Ref, "location"},
          {"service_at_location_id", "service_at_location_id", K::Ref, "service_at_location"},
          {"valid_from", "valid_from", K::Text, nullptr},
          {"valid_to", "valid_to", K::Text, nullptr},
          {"dtstart", "dtstart", K::Text, nullptr},
          {"timezone", "timezone", K::NumberText, nullptr},
          {"until", "until", K::Text, nullptr},
          {"count", "count", K::Int, nullptr},
          {"wkst", "wkst", K::Text, nullptr},
          {"freq", "freq", K::Text, nullptr},
          {"interval", "interval", K::Int, nullptr},
          {"byday", "byday", K::Text, nullptr},
          {"byweekno", "byweekno", K::Text, nullptr},
          {"bymonthday", "bymonthday", K::Text, nullptr},
          {"byyearday", "byyearday", K::Text, nullptr},
          {"opens_at", "opens_at", K::Text, nullptr},
          {"closes_at", "closes_at", K::Text, nullptr}},
         true},
        {"language",
         {{"service_id", "service_id", K::Ref, "service"},
          {"location_id", "location_id", K::Ref, "location"},
          {"phone_id", "phone_id", K::Ref, "phone"},
          {"name", "name", K::Text, nullptr},
          {"code", "code", K::Text, nullptr}},
         true},
        {"attribute",
         {{"link_id", "link_id", K::Text, nullptr},
          {"link_type", "link_type", K::Text, nullptr},
          {"link_entity", "link_entity", K::Text, nullptr},
          {"taxonomy_term_id", "taxonomy_term_id", K::Ref, "taxonomy_term"},
          {"value", "value", K::Text, nullptr}},
         true},
        {"cost_option",
         {{"service_id", "service_id", K::Ref, "service"},
          {"valid_from", "valid_from", K::Text, nullptr},
          {"valid_to", "valid_to", K::Text, nullptr},
          {"currency", "currency", K::Text, nullptr},
          {"amount", "amount", K::Real, nullptr}},
         true},
        {"booking_form", {{"kind", "kind", K::Text, nullptr}}, false},
        {"booking_form_field",
         {{"key", "key", K::Text, nullptr},
          {"type", "type", K::Text, nullptr},
          {"required", "required", K::Bool, nullptr},
          {"min_length", "min_length", K::Int, nullptr},
          {"max_length", "max_length", K::Int, nullptr},
          {"pattern", "pattern", K::Text, nullptr}},
         false},
        {"course_series",
         {{"service_id", "service_id", K::Ref, "service"},
          {"location_id", "location_id", K::Ref, "location"},
          {"kind", "kind", K::Text, nullptr},
          {"level", "level", K::Text, nullptr},
          {"capacity", "capacity", K::Int, nullptr},
          {"booking_form_id", "booking_form_id", K::Ref, "booking_form"},
          {"dtstart", "dtstart", K::Text, nullptr},
          {"tzid", "tzid", K::Text, nullptr},
          {"duration_minutes", "duration_minutes", K::Int, nullptr},
          {"rrule", "rrule", K::Text, nullptr}},
         false},
    };
    return tables;
}

// Values HSDS (or our CHECK constraints) allow; checked on import so the export validates.
const std::map<std::pair<std::string, std::string>, std::vector<std::string>>& Enums() {
    static const std::map<std::pair<std::string, std::string>, std::vector<std::string>> enums = {
        {{"service", "status"}, {"active", "inactive", "defunct", "temporarily closed"}},
        {{"service", "kiosk_role"}, {"hotline"}},
        {{"organization", "kiosk_role"}, {"centre"}},
        {{"location", "location_type"}, {"physical", "postal", "virtual"}},
        {{"address", "address_type"}, {"physical", "postal", "virtual"}},
        {{"schedule", "freq"}, {"WEEKLY", "MONTHLY"}},
        {{"schedule", "wkst"}, {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}},
        {{"booking_form", "kind"}, {"consultation", "course"}},
        {{"booking_form_field", "type"},
         {"text", "multiline", "phone", "email", "choice", "date", "time_slot", "session", "consent"}},
        {{"course_series", "kind"},
         {"language_course", "upskilling_course", "practical_session", "family_event", "round_table", "seminar", "event"}},
    };
    return enums;
}

// Members that must be present (columns), checked after merging.
const std::map<std::string, std::vector<std::string>>& RequiredColumns() {
    static const std::map<std::string, std::vector<std::string>> required = {
        {"service", {"organization_id"}},
        {"address", {"location_id", "address_1", "city"}},
        {"service_at_location", {"service_id", "location_id"}},
        {"phone", {"number"}},
        {"attribute", {"taxonomy_term_id", "link_id", "link_entity"}},
        {"cost_option", {"service_id"}},
        {"booking_form", {"kind"}},
        {"booking_form_field", {"key", "type"}},
        {"course_series", {"kind", "dtstart", "duration_minutes"}},
    };
    return required;
}

// Texts that must exist in some language.
const std::map<std::string, std::vector<std::string>>& RequiredTexts() {
    static const std::map<std::string, std::vector<std::string>> required = {
        {"organization", {"name"}}, {"service", {"name"}},       {"taxonomy", {"name"}},
        {"taxonomy_term", {"name"}}, {"course_series", {"name"}},
    };
    return required;
}

// Empty strings in these members mean "absent": the exporter writes "" because HSDS requires them.
bool EmptyMeansAbsent(const std::string& table, const std::string& column) {
    return table == "address" && (column == "state_province" || column == "postal_code" || column == "region");
}

}  // namespace

const HsdsTable* FindHsdsTable(const std::string& table) {
    for (const HsdsTable& t : Tables()) {
        if (table == t.table) return &t;
    }
    return nullptr;
}

bool IsHsdsRequiredText(const std::string& table, const std::string& field) {
    if (field == "name") return table == "organization" || table == "service" || table == "taxonomy" || table == "taxonomy_term";
    if (field == "description") return table == "organization" || table == "taxonomy" || table == "taxonomy_term";
    return false;
}

std::string DeriveId(const std::string& parent_id, const std::string& name) {
    auto fnv = [](const std::string& text, uint64_t hash) {
        for (unsigned char c : text) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
        return hash;
    };
    std::string key = parent_id + "\x1f" + name;
    uint64_t high = fnv(key, 0xcbf29ce484222325ULL);
    uint64_t low = fnv(key + "\x1e", 0x84222325cbf29ce4ULL ^ high);
    // Shape it as a version-8 (custom) RFC 9562 UUID so it looks like every other id.
    high = (high & ~0xF000ULL) | 0x8000ULL;
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    char out[40];
    std::snprintf(out, sizeof out, "%08x-%04x-%04x-%04x-%012llx", (unsigned)(high >> 32), (unsigned)((high >> 16) & 0xFFFF),
                  (unsigned)(high & 0xFFFF), (unsigned)(low >> 48), (unsigned long long)(low & 0xFFFFFFFFFFFFULL));
    return out;
}

// ============================================================================================
// [staging]
// ============================================================================================
namespace {

struct Ctx {
    std::string path;  // JSON path ("services[0].phones[1]") or "organizations.csv row 3"
    std::string lang;  // language of plain text members here
};

struct StagedText {
    std::string text;
    bool is_source = false;
};

struct Staged {
    std::string table, id, origin;
    json row = json::object();
    json extra = json::object();
    bool has_extra_members = false;
    std::map<std::pair<std::string, std::string>, StagedText> texts;  // (field, lang)
    std::set<std::string> field_origins;                               // for error messages
    // course_series only
    json exdates = json::array(), rdates = json::array();
    std::vector<json> sessions;  // explicit session rows (from an export)
};

bool IsHsdsLanguageTag(const std::string& lang) {
    if (lang.empty() || lang.size() > 35 || !std::isalpha((unsigned char)lang[0])) return false;
    return std::all_of(lang.begin(), lang.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-'; });
}

std::string Describe(const json& value) {
    std::string type = value.type_name();
    std::string shown = value.dump();
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    return type + " " + shown;
}

class Importer {
public:
    Importer(Db& db, std::string source, ImportOptions options)
        : db_(db), source_(std::move(source)), options_(std::move(options)) {}

    Status TakeTopLevel(const json& doc);
    Status TakeTabular(const std::filesystem::path& folder);
    Status Check();
    Result<ImportReport> Write();

private:
    // -- errors --
    base::Error Err(const char* code, const Ctx& ctx, const std::string& table, const std::string& id,
                    const std::string& field, const std::string& what) const {
        std::string record = table.empty() ? std::string("document") : table + (id.empty() ? "" : " " + id);
        std::string where = ctx.path.empty() ? "" : " at " + ctx.path;
        std::string field_part = field.empty() ? "" : ": field '" + field + "'";
        return base::MakeError(code, source_ + ": " + record + where + field_part + ": " + what);
    }

    Staged& Get(const std::string& table, const std::string& id, const Ctx& ctx) {
        auto& rows = staged_[table];
        auto it = rows.find(id);
        if (it == rows.end()) {
            order_[table].push_back(id);
            Staged staged;
            staged.table = table;
            staged.id = id;
            staged.origin = ctx.path;
            it = rows.emplace(id, std::move(staged)).first;
        }
        return it->second;
    }

    void SetColumn(Staged& rec, const std::string& column, const json& value) {
        auto it = rec.row.find(column);
        if (it != rec.row.end() && !it->is_null() && *it != value) {
            warnings_.push_back(rec.table + " " + rec.id + ": '" + column + "' given twice with different values (" +
                                it->dump() + ", " + value.dump() + "); the later one is kept");
        }
        rec.row[column] = value;
    }

    Result<json> Convert(const HsdsColumn& column, const json& value, const Ctx& ctx, const std::string& table,
                         const std::string& id);
    Result<Staged*> TakeRecord(const json& obj, const std::string& table, const Ctx& ctx,
                               const std::set<std::string>& nested, const json& forced, const json& defaults,
                               Ctx* out_ctx = nullptr);
    Status TakeTexts(Staged& rec, const json& obj, const Ctx& ctx, const std::map<std::string, std::string>& plain);
    Status CheckRequired(const Staged& rec, const Ctx& ctx);

    // walkers
    Result<std::string> TakeOrganization(const json& obj, const Ctx& ctx);
    Result<std::string> TakeService(const json& obj, const Ctx& ctx, const std::string& organization_id);
    Result<std::string> TakeLocation(const json& obj, const Ctx& ctx, const json& forced);
    Status TakeServiceAtLocation(const json& obj, const Ctx& ctx, const std::string& service_id);
    Status TakePhone(const json& obj, const Ctx& ctx, const json& forced);
    Status TakeSimple(const json& obj, const std::string& table, const Ctx& ctx, const json& forced);
    Status TakeAttributes(const json& owner, const std::string& entity, const std::string& id, const Ctx& ctx);
    Result<std::string> TakeTerm(const json& obj, const Ctx& ctx);
    Result<std::string> TakeTaxonomy(const json& obj, const Ctx& ctx);
    Status TakeForm(const json& obj, const Ctx& ctx);
    Status TakeSeries(const json& obj, const Ctx& ctx, const std::string& service_id);
    Status TakeKioskDocument(const json& doc, const Ctx& ctx);

    template <typename Fn>
    Status ForEach(const json& obj, const char* member, const Ctx& ctx, const std::string& table, const std::string& id,
                   Fn fn) {
        auto it = obj.find(member);
        if (it == obj.end() || it->is_null()) return base::Ok();
        if (!it->is_array()) {
            return Err("hsds_wrong_type", ctx, table, id, member, "expected an array, got " + Describe(*it));
        }
        for (size_t i = 0; i < it->size(); ++i) {
            Ctx child{ctx.path + (ctx.path.empty() ? "" : ".") + member + "[" + std::to_string(i) + "]", ctx.lang};
            TRY(fn((*it)[i], child));
        }
        return base::Ok();
    }

    Result<bool> ExistsInDb(const std::string& table, const std::string& id);
    Result<std::string> ResolveRelativeStart(const json& relative, const std::string& tzid, const Ctx& ctx,
                                             const std::string& id);

    Db& db_;
    std::string source_;
    ImportOptions options_;
    std::map<std::string, std::map<std::string, Staged>> staged_;
    std::map<std::string, std::vector<std::string>> order_;  // first-seen order per table
    std::vector<std::string> warnings_;
    std::map<std::string, json> unattached_;  // CSV file -> rows with no staged parent
};

// ============================================================================================
// [records]
// ============================================================================================

Result<json> Importer::Convert(const HsdsColumn& column, const json& value, const Ctx& ctx, const std::string& table,
                               const std::string& id) {
    switch (column.kind) {
        case HsdsKind::Text:
        case HsdsKind::Ref:
        case HsdsKind::LooseRef:
            if (!value.is_string()) {
                return Err("hsds_wrong_type", ctx, table, id, column.member, "expected a string, got " + Describe(value));
            }
            return value;
        case HsdsKind::NumberText:
            if (value.is_string()) return value;
            if (value.is_number_integer() || value.is_number_unsigned()) return json(value.dump());
            if (value.is_number_float()) return json(value.dump());
            return Err("hsds_wrong_type", ctx, table, id, column.member, "expected a number, got " + Describe(value));
        case HsdsKind::Int:
            if (value.is_number_integer() || value.is_number_unsigned()) return json(value.get<int64_t>());
            if (value.is_number_float()) {
                double d = value.get<double>();
                if (std::floor(d) == d && std::fabs(d) < 9.0e15) return json((int64_t)d);
            }
            return Err("hsds_wrong_type", ctx, table, id, column.member, "expected an integer, got " + Describe(value));
        case HsdsKind::Real:
            if (value.is_number()) return json(value.get<double>());
            return Err("hsds_wrong_type", ctx, table, id, column.member, "expected a number, got " + Describe(value));
        case HsdsKind::Bool:
            if (value.is_boolean()) return json(value.get<bool>() ? 1 : 0);
            if (value.is_number_integer() && (value.get<int64_t>() == 0 || value.get<int64_t>() == 1)) {
                return json(value.get<int64_t>());
            }
            return Err("hsds_wrong_type", ctx, table, id, column.member, "expected true or false, got " + Describe(value));
    }
    return value;
}

Status Importer::TakeTexts(Staged& rec, const json& obj, const Ctx& ctx, const std::map<std::string, std::string>& plain) {
    const std::string& table = rec.table;
    std::map<std::string, std::string> source_langs;  // field -> language written in ("" none)
    if (auto it = obj.find("x_source_langs"); it != obj.end() && !it->is_null()) {
        if (!it->is_object()) return Err("hsds_wrong_type", ctx, table, rec.id, "x_source_langs", "expected an object");
        for (auto f = it->begin(); f != it->end(); ++f) {
            if (!f->is_string()) {
                return Err("hsds_wrong_type", ctx, table, rec.id, "x_source_langs." + f.key(), "expected a language tag");
            }
            source_langs[f.key()] = f->get<std::string>();
        }
    }
    auto source_of = [&](const std::string& field) {
        auto it = source_langs.find(field);
        return it == source_langs.end() ? ctx.lang : it->second;
    };
    auto normalized = [&](const std::string& field, const std::string& lang,
                          const std::string& text) -> Result<std::string> {
        auto nfc = NormalizeNfc(text);
        if (!nfc.ok()) {
            return Err("hsds_invalid_value", ctx, table, rec.id, lang.empty() ? field : field + "[" + lang + "]",
                       nfc.error().message);
        }
        return *nfc;
    };

    std::map<std::string, std::map<std::string, std::string>> translations;  // field -> lang -> text
    if (auto it = obj.find("x_translations"); it != obj.end() && !it->is_null()) {
        if (!it->is_object()) {
            return Err("hsds_wrong_type", ctx, table, rec.id, "x_translations", "expected an object, got " + Describe(*it));
        }
        for (auto f = it->begin(); f != it->end(); ++f) {
            const std::string field = f.key();
            if (!IsTranslatableField(table, field) || field.rfind("option:", 0) == 0) {
                return Err("hsds_unknown_member", ctx, table, rec.id, "x_translations." + field,
                           "not a translatable field of " + table);
            }
            if (!f->is_object()) {
                return Err("hsds_wrong_type", ctx, table, rec.id, "x_translations." + field,
                           "expected an object of language -> text, got " + Describe(*f));
            }
            for (auto l = f->begin(); l != f->end(); ++l) {
                if (!IsHsdsLanguageTag(l.key())) {
                    return Err("hsds_invalid_value", ctx, table, rec.id, "x_translations." + field,
                               "'" + l.key() + "' is not a language tag");
                }
                if (l->is_null()) continue;
                if (!l->is_string()) {
                    return Err("hsds_wrong_type", ctx, table, rec.id, "x_translations." + field + "." + l.key(),
                               "expected a string, got " + Describe(*l));
                }
                translations[field][l.key()] = TRY_VALUE(normalized(field, l.key(), l->get<std::string>()));
            }
        }
    }
    for (const auto& [field, text_raw] : plain) {
        if (text_raw.empty()) continue;
        std::string text = TRY_VALUE(normalized(field, "", text_raw));
        auto t = translations.find(field);
        if (t != translations.end()) {
            if (t->second.count(ctx.lang)) continue;  // the translations say it for this language
            bool is_copy = std::any_of(t->second.begin(), t->second.end(), [&](const auto& kv) { return kv.second == text; });
            if (is_copy) continue;  // a fallback copy of another language's text
        }
        rec.texts[{field, ctx.lang}] = StagedText{text, source_of(field) == ctx.lang};
    }
    for (const auto& [field, langs] : translations) {
        for (const auto& [lang, text] : langs) {
            if (text.empty()) continue;
            rec.texts[{field, lang}] = StagedText{text, source_of(field) == lang};
        }
    }
    // One source language per field: the fields this object speaks about are re-marked, so
    // when objects merge the latest statement wins.
    for (auto& [key, staged] : rec.texts) {
        if (plain.count(key.first) || translations.count(key.first)) staged.is_source = key.second == source_of(key.first);
    }
    return base::Ok();
}

Status Importer::CheckRequired(const Staged& rec, const Ctx& ctx) {
    if (auto it = RequiredColumns().find(rec.table); it != RequiredColumns().end()) {
        for (const std::string& column : it->second) {
            auto value = rec.row.find(column);
            if (value == rec.row.end() || value->is_null()) {
                std::string member = column;
                if (const HsdsTable* spec = FindHsdsTable(rec.table)) {
                    for (const HsdsColumn& c : spec->columns) {
                        if (column == c.column) member = c.member;
                    }
                }
                return Err("hsds_missing_field", ctx, rec.table, rec.id, member, "is required");
            }
        }
    }
    if (auto it = RequiredTexts().find(rec.table); it != RequiredTexts().end()) {
        for (const std::string& field : it->second) {
            bool any = std::any_of(rec.texts.begin(), rec.texts.end(), [&](const auto& kv) { return kv.first.first == field; });
            if (!any) return Err("hsds_missing_field", ctx, rec.table, rec.id, field, "is required (in some language)");
        }
    }
    return base::Ok();
}

Result<Staged*> Importer::TakeRecord(const json& obj, const std::string& table, const Ctx& ctx,
                                     const std::set<std::string>& nested, const json& forced, const json& defaults,
                                     Ctx* out_ctx) {
    if (!obj.is_object()) return Err("hsds_wrong_type", ctx, table, "", "", "expected an object, got " + Describe(obj));
    auto id_it = obj.find("id");
    if (id_it == obj.end() || id_it->is_null()) return Err("hsds_missing_field", ctx, table, "", "id", "is required");
    if (!id_it->is_string() || id_it->get<std::string>().empty()) {
        return Err("hsds_wrong_type", ctx, table, "", "id", "expected a non-empty string, got " + Describe(*id_it));
    }
    const std::string id = id_it->get<std::string>();
    Ctx here = ctx;
    if (auto it = obj.find("x_source_lang"); it != obj.end() && !it->is_null()) {
        if (!it->is_string() || !IsHsdsLanguageTag(it->get<std::string>())) {
            return Err("hsds_invalid_value", ctx, table, id, "x_source_lang", "expected a language tag, got " + Describe(*it));
        }
        here.lang = it->get<std::string>();
    }
    if (out_ctx) *out_ctx = here;

    const HsdsTable* spec = FindHsdsTable(table);
    Staged& rec = Get(table, id, ctx);
    std::map<std::string, std::string> plain;
    const std::vector<std::string>* translatable = TranslatableFields(table);

    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& member = it.key();
        const json& value = *it;
        if (member == "id" || member == "x_translations" || member == "x_source_lang" || member == "x_source_langs") continue;
        if (nested.count(member)) continue;
        if (value.is_null()) continue;
        const HsdsColumn* column = nullptr;
        HsdsColumn text_form{};
        for (const HsdsColumn& c : spec->columns) {
            if (member == c.member) column = &c;
            // The exporter writes a NumberText that is not a number as "x_<member>".
            if (c.kind == HsdsKind::NumberText && member == std::string("x_") + c.member && value.is_string()) {
                text_form = HsdsColumn{c.member, c.column, HsdsKind::Text, nullptr};
                column = &text_form;
            }
        }
        if (column) {
            json converted = TRY_VALUE(Convert(*column, value, here, table, id));
            if (converted.is_string() && converted.get<std::string>().empty() &&
                (EmptyMeansAbsent(table, column->column) || column->kind == HsdsKind::Ref ||
                 column->kind == HsdsKind::LooseRef)) {
                continue;
            }
            auto en = Enums().find({table, column->column});
            if (en != Enums().end() && converted.is_string() &&
                std::find(en->second.begin(), en->second.end(), converted.get<std::string>()) == en->second.end()) {
                std::string allowed;
                for (const std::string& v : en->second) allowed += (allowed.empty() ? "" : ", ") + v;
                return Err("hsds_invalid_value", here, table, id, member,
                           "'" + converted.get<std::string>() + "' is not one of: " + allowed);
            }
            SetColumn(rec, column->column, converted);
            continue;
        }
        if (translatable && std::find(translatable->begin(), translatable->end(), member) != translatable->end()) {
            if (!value.is_string()) {
                return Err("hsds_wrong_type", here, table, id, member, "expected a string, got " + Describe(value));
            }
            plain[member] = value.get<std::string>();
            continue;
        }
        if (!spec->has_extra) {
            return Err("hsds_unknown_member", here, table, id, member, "is not a member of a kiosk " + table);
        }
        rec.extra[member] = value;
        rec.has_extra_members = true;
    }
    for (auto it = forced.begin(); it != forced.end(); ++it) {
        auto given = rec.row.find(it.key());
        if (given != rec.row.end() && !given->is_null() && *given != *it) {
            return Err("hsds_invalid_value", here, table, id, it.key(),
                       "says " + given->dump() + " but the record is nested in " + it->dump());
        }
        rec.row[it.key()] = *it;
    }
    for (auto it = defaults.begin(); it != defaults.end(); ++it) {
        auto given = rec.row.find(it.key());
        if (given == rec.row.end() || given->is_null()) rec.row[it.key()] = *it;
    }
    TRY(TakeTexts(rec, obj, here, plain));
    return &rec;
}

Status Importer::TakeSimple(const json& obj, const std::string& table, const Ctx& ctx, const json& forced) {
    Ctx here;
    std::set<std::string> nested = {"attributes"};
    if (table == "phone") nested.insert("languages");
    Staged* rec = TRY_VALUE(TakeRecord(obj, table, ctx, nested, forced, json::object(), &here));
    TRY(CheckRequired(*rec, here));
    if (table == "phone") {
        TRY(ForEach(obj, "languages", here, table, rec->id, [&](const json& child, const Ctx& c) {
            return TakeSimple(child, "language", c, json{{"phone_id", rec->id}});
        }));
    }
    return TakeAttributes(obj, table, rec->id, here);
}

Status Importer::TakePhone(const json& obj, const Ctx& ctx, const json& forced) { return TakeSimple(obj, "phone", ctx, forced); }

Status Importer::TakeAttributes(const json& owner, const std::string& entity, const std::string& id, const Ctx& ctx) {
    return ForEach(owner, "attributes", ctx, entity, id, [&](const json& obj, const Ctx& c) -> Status {
        Ctx here;
        Staged* rec = TRY_VALUE(TakeRecord(obj, "attribute", c, {"taxonomy_term"}, json::object(),
                                           json{{"link_id", id}, {"link_entity", entity}}, &here));
        if (auto term = obj.find("taxonomy_term"); term != obj.end() && !term->is_null()) {
            Ctx term_ctx{here.path + ".taxonomy_term", here.lang};
            std::string term_id = TRY_VALUE(TakeTerm(*term, term_ctx));
            auto given = rec->row.find("taxonomy_term_id");
            if (given != rec->row.end() && !given->is_null() && *given != term_id) {
                return Err("hsds_invalid_value", here, "attribute", rec->id, "taxonomy_term_id",
                           "differs from the nested taxonomy_term's id " + term_id);
            }
            rec->row["taxonomy_term_id"] = term_id;
        }
        return CheckRequired(*rec, here);
    });
}

Result<std::string> Importer::TakeTaxonomy(const json& obj, const Ctx& ctx) {
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(obj, "taxonomy", ctx, {}, json::object(), json::object(), &here));
    TRY(CheckRequired(*rec, here));
    return rec->id;
}

Result<std::string> Importer::TakeTerm(const json& obj, const Ctx& ctx) {
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(obj, "taxonomy_term", ctx, {"taxonomy_detail"}, json::object(), json::object(), &here));
    if (auto detail = obj.find("taxonomy_detail"); detail != obj.end() && !detail->is_null()) {
        std::string taxonomy_id = TRY_VALUE(TakeTaxonomy(*detail, Ctx{here.path + ".taxonomy_detail", here.lang}));
        auto given = rec->row.find("taxonomy_id");
        if (given == rec->row.end() || given->is_null()) rec->row["taxonomy_id"] = taxonomy_id;
    }
    TRY(CheckRequired(*rec, here));
    return rec->id;
}

Result<std::string> Importer::TakeLocation(const json& obj, const Ctx& ctx, const json& forced) {
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(obj, "location", ctx, {"addresses", "phones", "schedules", "languages", "attributes"},
                                       forced, json::object(), &here));
    const std::string id = rec->id;
    TRY(CheckRequired(*rec, here));
    json parent = {{"location_id", id}};
    TRY(ForEach(obj, "addresses", here, "location", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "address", c, parent); }));
    TRY(ForEach(obj, "phones", here, "location", id, [&](const json& child, const Ctx& c) { return TakePhone(child, c, parent); }));
    TRY(ForEach(obj, "schedules", here, "location", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "schedule", c, parent); }));
    TRY(ForEach(obj, "languages", here, "location", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "language", c, parent); }));
    TRY(TakeAttributes(obj, "location", id, here));
    return id;
}

Status Importer::TakeServiceAtLocation(const json& obj, const Ctx& ctx, const std::string& service_id) {
    Ctx here;
    json forced = service_id.empty() ? json::object() : json{{"service_id", service_id}};
    Staged* rec = TRY_VALUE(TakeRecord(obj, "service_at_location", ctx, {"phones", "schedules", "location", "attributes", "service"},
                                       forced, json::object(), &here));
    const std::string id = rec->id;
    if (auto location = obj.find("location"); location != obj.end() && !location->is_null()) {
        std::string location_id = TRY_VALUE(TakeLocation(*location, Ctx{here.path + ".location", here.lang}, json::object()));
        Staged& sal = staged_["service_at_location"][id];
        auto given = sal.row.find("location_id");
        if (given != sal.row.end() && !given->is_null() && *given != location_id) {
            return Err("hsds_invalid_value", here, "service_at_location", id, "location_id",
                       "differs from the nested location's id " + location_id);
        }
        sal.row["location_id"] = location_id;
    }
    if (auto service = obj.find("service"); service != obj.end() && !service->is_null()) {
        // service_at_location_full.json nests the service the other way round.
        std::string nested_service = TRY_VALUE(TakeService(*service, Ctx{here.path + ".service", here.lang}, ""));
        Staged& sal = staged_["service_at_location"][id];
        if (!sal.row.contains("service_id") || sal.row["service_id"].is_null()) sal.row["service_id"] = nested_service;
    }
    TRY(CheckRequired(staged_["service_at_location"][id], here));
    json parent = {{"service_at_location_id", id}};
    TRY(ForEach(obj, "phones", here, "service_at_location", id,
                [&](const json& child, const Ctx& c) { return TakePhone(child, c, parent); }));
    TRY(ForEach(obj, "schedules", here, "service_at_location", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "schedule", c, parent); }));
    return TakeAttributes(obj, "service_at_location", id, here);
}

Result<std::string> Importer::TakeOrganization(const json& obj, const Ctx& ctx) {
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(obj, "organization", ctx, {"phones", "locations", "services", "attributes"},
                                       json::object(), json::object(), &here));
    const std::string id = rec->id;
    TRY(CheckRequired(*rec, here));
    json parent = {{"organization_id", id}};
    TRY(ForEach(obj, "phones", here, "organization", id,
                [&](const json& child, const Ctx& c) { return TakePhone(child, c, parent); }));
    TRY(ForEach(obj, "locations", here, "organization", id, [&](const json& child, const Ctx& c) -> Status {
        TRY_VALUE(TakeLocation(child, c, parent));
        return base::Ok();
    }));
    TRY(ForEach(obj, "services", here, "organization", id, [&](const json& child, const Ctx& c) -> Status {
        TRY_VALUE(TakeService(child, c, id));
        return base::Ok();
    }));
    TRY(TakeAttributes(obj, "organization", id, here));
    return id;
}

Result<std::string> Importer::TakeService(const json& obj, const Ctx& ctx, const std::string& organization_id) {
    Ctx here;
    json forced = organization_id.empty() ? json::object() : json{{"organization_id", organization_id}};
    Staged* rec = TRY_VALUE(TakeRecord(obj, "service", ctx,
                                       {"organization", "phones", "schedules", "service_at_locations", "languages",
                                        "cost_options", "attributes", "x_course_series", "x_booking_forms"},
                                       forced, json::object(), &here));
    const std::string id = rec->id;
    if (auto org = obj.find("organization"); org != obj.end() && !org->is_null()) {
        std::string org_id = TRY_VALUE(TakeOrganization(*org, Ctx{here.path + ".organization", here.lang}));
        Staged& service = staged_["service"][id];
        auto given = service.row.find("organization_id");
        if (given != service.row.end() && !given->is_null() && *given != org_id) {
            return Err("hsds_invalid_value", here, "service", id, "organization_id",
                       "differs from the nested organization's id " + org_id);
        }
        service.row["organization_id"] = org_id;
    }
    TRY(CheckRequired(staged_["service"][id], here));
    json parent = {{"service_id", id}};
    TRY(ForEach(obj, "phones", here, "service", id, [&](const json& child, const Ctx& c) { return TakePhone(child, c, parent); }));
    TRY(ForEach(obj, "schedules", here, "service", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "schedule", c, parent); }));
    TRY(ForEach(obj, "languages", here, "service", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "language", c, parent); }));
    TRY(ForEach(obj, "cost_options", here, "service", id,
                [&](const json& child, const Ctx& c) { return TakeSimple(child, "cost_option", c, parent); }));
    TRY(ForEach(obj, "service_at_locations", here, "service", id,
                [&](const json& child, const Ctx& c) { return TakeServiceAtLocation(child, c, id); }));
    TRY(TakeAttributes(obj, "service", id, here));
    TRY(ForEach(obj, "x_booking_forms", here, "service", id, [&](const json& child, const Ctx& c) { return TakeForm(child, c); }));
    TRY(ForEach(obj, "x_course_series", here, "service", id,
                [&](const json& child, const Ctx& c) { return TakeSeries(child, c, id); }));
    return id;
}

// ============================================================================================
// [kiosk]
// ============================================================================================

Status Importer::TakeForm(const json& obj, const Ctx& ctx) {
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(obj, "booking_form", ctx, {"fields"}, json::object(), json::object(), &here));
    const std::string form_id = rec->id;
    TRY(CheckRequired(*rec, here));
    int position = 0;
    return ForEach(obj, "fields", here, "booking_form", form_id, [&](const json& field, const Ctx& c) -> Status {
        if (!field.is_object()) return Err("hsds_wrong_type", c, "booking_form_field", "", "", "expected an object");
        auto key = field.find("key");
        if (key == field.end() || !key->is_string() || key->get<std::string>().empty()) {
            return Err("hsds_missing_field", c, "booking_form_field", "", "key", "is required (a non-empty string)");
        }
        json copy = field;
        if (!copy.contains("id")) copy["id"] = DeriveId(form_id, "field:" + key->get<std::string>());
        copy.erase("form_id");
        copy.erase("position");
        ++position;
        Ctx field_ctx;
        Staged* f = TRY_VALUE(TakeRecord(copy, "booking_form_field", c, {"options"},
                                         json{{"form_id", form_id}, {"position", position}}, json::object(), &field_ctx));
        TRY(CheckRequired(*f, field_ctx));
        auto options = field.find("options");
        if (options == field.end() || options->is_null()) return base::Ok();
        if (!options->is_array()) {
            return Err("hsds_wrong_type", field_ctx, "booking_form_field", f->id, "options", "expected an array");
        }
        json values = json::array();
        for (size_t i = 0; i < options->size(); ++i) {
            const json& option = (*options)[i];
            std::string where = "options[" + std::to_string(i) + "]";
            if (option.is_string()) {
                values.push_back(option);
                continue;
            }
            if (!option.is_object() || !option.contains("value") || !option["value"].is_string()) {
                return Err("hsds_wrong_type", field_ctx, "booking_form_field", f->id, where,
                           "expected a string or an object with a string 'value'");
            }
            const std::string value = option["value"].get<std::string>();
            values.push_back(value);
            std::string source = field_ctx.lang;
            if (option.contains("x_source_langs")) {
                const json& sources = option["x_source_langs"];
                if (!sources.is_object() || (sources.contains("label") && !sources["label"].is_string())) {
                    return Err("hsds_wrong_type", field_ctx, "booking_form_field", f->id, where + ".x_source_langs",
                               "expected {\"label\": language tag}");
                }
                source = sources.value("label", source);
            }
            for (auto m = option.begin(); m != option.end(); ++m) {
                if (m.key() == "value" || m.key() == "x_source_langs") continue;
                if (m.key() == "label" && m->is_string()) {
                    std::string text = TRY_VALUE(NormalizeNfc(m->get<std::string>()));
                    f->texts[{"option:" + value, field_ctx.lang}] = StagedText{text, source == field_ctx.lang};
                } else if (m.key() == "x_translations" && m->is_object() && m->contains("label") &&
                           (*m)["label"].is_object()) {
                    for (auto l = (*m)["label"].begin(); l != (*m)["label"].end(); ++l) {
                        if (!l->is_string() || !IsHsdsLanguageTag(l.key())) {
                            return Err("hsds_wrong_type", field_ctx, "booking_form_field", f->id,
                                       where + ".x_translations.label." + l.key(), "expected a string under a language tag");
                        }
                        auto text = NormalizeNfc(l->get<std::string>());
                        if (!text.ok()) {
                            return Err("hsds_invalid_value", field_ctx, "booking_form_field", f->id, where, text.error().message);
                        }
                        f->texts[{"option:" + value, l.key()}] = StagedText{*text, l.key() == source};
                    }
                } else {
                    return Err("hsds_unknown_member", field_ctx, "booking_form_field", f->id, where + "." + m.key(),
                               "an option has 'value', 'label' and 'x_translations.label'");
                }
            }
        }
        f->row["options"] = values.dump();
        return base::Ok();
    });
}

Result<std::string> Importer::ResolveRelativeStart(const json& relative, const std::string& tzid, const Ctx& ctx,
                                                   const std::string& id) {
    if (!relative.is_object() || !relative.contains("days") || !relative["days"].is_number_integer() ||
        !relative.contains("time") || !relative["time"].is_string()) {
        return Err("hsds_wrong_type", ctx, "course_series", id, "dtstart_relative",
                   "expected {\"days\": integer, \"time\": \"HH:MM\"}");
    }
    int hour = 0, minute = 0;
    const std::string time = relative["time"].get<std::string>();
    if (std::sscanf(time.c_str(), "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return Err("hsds_invalid_value", ctx, "course_series", id, "dtstart_relative.time", "'" + time + "' is not HH:MM");
    }
    icaltimezone* zone = icaltimezone_get_builtin_timezone(tzid.c_str());
    if (!zone) return Err("hsds_invalid_value", ctx, "course_series", id, "tzid", "unknown time zone '" + tzid + "'");
    time_t now = options_.now_utc ? (time_t)options_.now_utc : std::time(nullptr);
    icaltimetype day = icaltime_from_timet_with_zone(now, 1, zone);
    icaltime_adjust(&day, relative["days"].get<int>(), 0, 0, 0);
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:00", day.year, day.month, day.day, hour, minute);
    return std::string(out);
}

Status Importer::TakeSeries(const json& obj, const Ctx& ctx, const std::string& service_id) {
    if (!obj.is_object()) return Err("hsds_wrong_type", ctx, "course_series", "", "", "expected an object");
    json copy = obj;
    // Members that are not plain columns are taken here and removed before the generic taker.
    std::string id = obj.contains("id") && obj["id"].is_string() ? obj["id"].get<std::string>() : "";
    json langs = copy.contains("instruction_langs") ? copy["instruction_langs"] : json();
    json exdates = copy.contains("exdates") ? copy["exdates"] : json();
    json rdates = copy.contains("rdates") ? copy["rdates"] : json();
    json relative = copy.contains("dtstart_relative") ? copy["dtstart_relative"] : json();
    json sessions = copy.contains("sessions") ? copy["sessions"] : json();
    for (const char* m : {"instruction_langs", "exdates", "rdates", "dtstart_relative", "sessions"}) copy.erase(m);
    Ctx here;
    Staged* rec = TRY_VALUE(TakeRecord(copy, "course_series", ctx, {}, json::object(),
                                       service_id.empty() ? json::object() : json{{"service_id", service_id}}, &here));
    id = rec->id;
    if (!rec->row.contains("tzid")) rec->row["tzid"] = "Europe/Riga";
    const std::string tzid = rec->row["tzid"].get<std::string>();
    if (!relative.is_null()) {
        if (rec->row.contains("dtstart") && !rec->row["dtstart"].is_null()) {
            return Err("hsds_invalid_value", here, "course_series", id, "dtstart_relative", "give dtstart or dtstart_relative, not both");
        }
        rec->row["dtstart"] = TRY_VALUE(ResolveRelativeStart(relative, tzid, here, id));
    }
    auto join_list = [&](const json& list, const char* member, bool tags) -> Result<json> {
        if (list.is_null()) return json();
        if (list.is_string()) return list;
        if (!list.is_array()) return Err("hsds_wrong_type", here, "course_series", id, member, "expected an array of strings");
        std::string joined;
        for (const json& item : list) {
            if (!item.is_string() || (tags && !IsHsdsLanguageTag(item.get<std::string>()))) {
                return Err("hsds_wrong_type", here, "course_series", id, member,
                           std::string("expected an array of ") + (tags ? "language tags" : "local times") + ", found " + Describe(item));
            }
            joined += (joined.empty() ? "" : ",") + item.get<std::string>();
        }
        return json(joined);
    };
    json joined_langs = TRY_VALUE(join_list(langs, "instruction_langs", true));
    if (!joined_langs.is_null()) rec->row["instruction_langs"] = joined_langs;
    json joined_ex = TRY_VALUE(join_list(exdates, "exdates", false));
    if (!joined_ex.is_null()) rec->row["exdates"] = joined_ex;
    json joined_r = TRY_VALUE(join_list(rdates, "rdates", false));
    if (!joined_r.is_null()) rec->row["rdates"] = joined_r;
    if (auto dt = rec->row.find("dtstart"); dt != rec->row.end() && dt->is_string()) {
        int y, mo, d, h, mi;
        if (std::sscanf(dt->get<std::string>().c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) {
            return Err("hsds_invalid_value", here, "course_series", id, "dtstart",
                       "'" + dt->get<std::string>() + "' is not a local time YYYY-MM-DDTHH:MM:SS");
        }
    }
    TRY(CheckRequired(*rec, here));
    if (!sessions.is_null()) {
        if (!sessions.is_array()) return Err("hsds_wrong_type", here, "course_series", id, "sessions", "expected an array");
        static const std::set<std::string> kSessionMembers = {"id", "starts_at", "ends_at", "local_start", "capacity",
                                                              "seats_taken", "status"};
        for (size_t i = 0; i < sessions.size(); ++i) {
            const json& s = sessions[i];
            std::string where = "sessions[" + std::to_string(i) + "]";
            if (!s.is_object() || !s.contains("id") || !s["id"].is_string() || !s.contains("starts_at") ||
                !s["starts_at"].is_number_integer() || !s.contains("ends_at") || !s["ends_at"].is_number_integer() ||
                !s.contains("local_start") || !s["local_start"].is_string()) {
                return Err("hsds_wrong_type", here, "course_series", id, where,
                           "a session needs string id and local_start, integer starts_at and ends_at");
            }
            json row = json::object();
            for (auto m = s.begin(); m != s.end(); ++m) {
                if (!kSessionMembers.count(m.key())) {
                    return Err("hsds_unknown_member", here, "course_series", id, where + "." + m.key(), "is not a session member");
                }
                row[m.key()] = *m;
            }
            if (row.contains("status") && row["status"] != "scheduled" && row["status"] != "cancelled") {
                return Err("hsds_invalid_value", here, "course_series", id, where + ".status", "must be scheduled or cancelled");
            }
            row["series_id"] = id;
            if (!row.contains("capacity")) row["capacity"] = rec->row.value("capacity", 0);
            rec->sessions.push_back(row);
        }
    }
    return base::Ok();
}

Status Importer::TakeKioskDocument(const json& doc, const Ctx& ctx) {
    const json& format = doc["x_kiosk_format"];
    if (!format.is_number_integer() || format.get<int>() != 1) {
        return Err("hsds_invalid_value", ctx, "", "", "x_kiosk_format", "this program reads format 1, got " + Describe(format));
    }
    Ctx here = ctx;
    if (auto it = doc.find("x_source_lang"); it != doc.end() && !it->is_null()) {
        if (!it->is_string() || !IsHsdsLanguageTag(it->get<std::string>())) {
            return Err("hsds_invalid_value", ctx, "", "", "x_source_lang", "expected a language tag");
        }
        here.lang = it->get<std::string>();
    }
    static const std::set<std::string> kMembers = {"x_kiosk_format", "x_source_lang", "taxonomies",     "taxonomy_terms",
                                                   "organizations",  "services",      "locations",      "x_booking_forms",
                                                   "x_course_series", "x_generated_at", "x_comment"};
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!kMembers.count(it.key())) {
            return Err("hsds_unknown_member", here, "", "", it.key(), "is not a member of the kiosk content document");
        }
    }
    TRY(ForEach(doc, "taxonomies", here, "", "", [&](const json& o, const Ctx& c) -> Status {
        TRY_VALUE(TakeTaxonomy(o, c));
        return base::Ok();
    }));
    TRY(ForEach(doc, "taxonomy_terms", here, "", "", [&](const json& o, const Ctx& c) -> Status {
        TRY_VALUE(TakeTerm(o, c));
        return base::Ok();
    }));
    TRY(ForEach(doc, "x_booking_forms", here, "", "", [&](const json& o, const Ctx& c) { return TakeForm(o, c); }));
    TRY(ForEach(doc, "organizations", here, "", "", [&](const json& o, const Ctx& c) -> Status {
        TRY_VALUE(TakeOrganization(o, c));
        return base::Ok();
    }));
    TRY(ForEach(doc, "locations", here, "", "", [&](const json& o, const Ctx& c) -> Status {
        TRY_VALUE(TakeLocation(o, c, json::object()));
        return base::Ok();
    }));
    TRY(ForEach(doc, "services", here, "", "", [&](const json& o, const Ctx& c) -> Status {
        TRY_VALUE(TakeService(o, c, ""));
        return base::Ok();
    }));
    return ForEach(doc, "x_course_series", here, "", "", [&](const json& o, const Ctx& c) { return TakeSeries(o, c, ""); });
}

Status Importer::TakeTopLevel(const json& doc) {
    Ctx root{"", options_.lang};
    auto take_one = [&](const json& obj, const Ctx& ctx) -> Status {
        if (!obj.is_object()) {
            return Err("hsds_unknown_shape", ctx, "", "", "", "expected an HSDS service or organization object, got " + Describe(obj));
        }
        if (obj.contains("x_kiosk_format")) return TakeKioskDocument(obj, ctx);
        if (obj.contains("contents") && obj["contents"].is_array()) {
            return ForEach(obj, "contents", ctx, "", "", [&](const json& o, const Ctx& c) -> Status {
                if (!o.is_object()) return Err("hsds_unknown_shape", c, "", "", "", "expected an object");
                if (o.contains("status") || o.contains("organization") || o.contains("organization_id") ||
                    o.contains("service_at_locations")) {
                    TRY_VALUE(TakeService(o, c, ""));
                } else {
                    TRY_VALUE(TakeOrganization(o, c));
                }
                return base::Ok();
            });
        }
        // A service has a status (HSDS requires it) or names its organization; an organization
        // has neither.
        if (obj.contains("status") || obj.contains("organization") || obj.contains("organization_id") ||
            obj.contains("service_at_locations")) {
            TRY_VALUE(TakeService(obj, ctx, ""));
            return base::Ok();
        }
        if (!obj.contains("name") && (obj.contains("service") || obj.contains("location"))) {
            return TakeServiceAtLocation(obj, ctx, "");  // service_at_location_full.json
        }
        if (obj.contains("services") || obj.contains("locations") || obj.contains("legal_status") || obj.contains("website") ||
            obj.contains("name")) {
            TRY_VALUE(TakeOrganization(obj, ctx));
            return base::Ok();
        }
        return Err("hsds_unknown_shape", ctx, "", "", "",
                   "neither an HSDS service (status, organization) nor an organization (name, services, locations)");
    };
    if (doc.is_array()) {
        for (size_t i = 0; i < doc.size(); ++i) TRY(take_one(doc[i], Ctx{"[" + std::to_string(i) + "]", root.lang}));
        return base::Ok();
    }
    return take_one(doc, root);
}

// ============================================================================================
// [tabular]
// ============================================================================================

// RFC 4180: quoted fields, "" inside quotes, CRLF or LF line ends, newlines inside quotes.
Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text, const std::string& name) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1;
    size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // UTF-8 byte order mark
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (field_started && !field.empty()) {
                return base::MakeError("hsds_parse_error", name + ":" + std::to_string(line) + ": a quote inside an unquoted field");
            }
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\r') {
            // part of CRLF
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
            rows.push_back(std::move(row));
            row.clear();
            ++line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) return base::MakeError("hsds_parse_error", name + ":" + std::to_string(line) + ": unterminated quoted field");
    if (field_started || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    // Blank lines carry nothing.
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.size() == 1 && r[0].empty(); }), rows.end());
    return rows;
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return base::MakeError("hsds_io_error", path.string() + ": cannot open for reading");
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return base::MakeError("hsds_io_error", path.string() + ": read failed");
    return out.str();
}

struct TabularTable {
    const char* file;   // HSDS tabular resource name (file stem)
    const char* table;  // our table, or nullptr when unmodelled
    const char* member; // member name in the parents' extra (unmodelled tables)
    std::vector<std::pair<const char*, const char*>> parents;  // (column, parent table)
};

const std::vector<TabularTable>& TabularTables() {
    static const std::vector<TabularTable> tables = {
        {"taxonomies", "taxonomy", nullptr, {}},
        {"taxonomy_terms", "taxonomy_term", nullptr, {}},
        {"organizations", "organization", nullptr, {}},
        {"services", "service", nullptr, {}},
        {"locations", "location", nullptr, {}},
        {"addresses", "address", nullptr, {}},
        {"service_at_location", "service_at_location", nullptr, {}},
        {"service_at_locations", "service_at_location", nullptr, {}},
        {"phones", "phone", nullptr, {}},
        {"schedules", "schedule", nullptr, {}},
        {"languages", "language", nullptr, {}},
        {"attributes", "attribute", nullptr, {}},
        {"cost_options", "cost_option", nullptr, {}},
        {"contacts", nullptr, "contacts",
         {{"organization_id", "organization"}, {"service_id", "service"}, {"service_at_location_id", "service_at_location"},
          {"location_id", "location"}}},
        {"funding", nullptr, "funding", {{"organization_id", "organization"}, {"service_id", "service"}}},
        {"programs", nullptr, "programs", {{"organization_id", "organization"}}},
        {"required_documents", nullptr, "required_documents", {{"service_id", "service"}}},
        {"service_areas", nullptr, "service_areas", {{"service_id", "service"}}},
        {"accessibility", nullptr, "accessibility", {{"location_id", "location"}}},
        {"organization_identifiers", nullptr, "organization_identifiers", {{"organization_id", "organization"}}},
        {"metadata", nullptr, "metadata", {{"resource_id", ""}}},
        {"meta_table_descriptions", nullptr, "meta_table_descriptions", {}},
    };
    return tables;
}

// A CSV cell as the JSON value the table's column expects.
Result<json> CellValue(const HsdsTable* spec, const std::string& column, const std::string& cell) {
    if (spec) {
        for (const HsdsColumn& c : spec->columns) {
            if (column != c.member) continue;
            char* end = nullptr;
            switch (c.kind) {
                case HsdsKind::Int: {
                    long long v = std::strtoll(cell.c_str(), &end, 10);
                    if (end && *end == 0) return json((int64_t)v);
                    double d = std::strtod(cell.c_str(), &end);
                    if (end && *end == 0 && std::floor(d) == d) return json((int64_t)d);
                    return base::MakeError("hsds_wrong_type", "expected an integer, got '" + cell + "'");
                }
                case HsdsKind::Real: {
                    double d = std::strtod(cell.c_str(), &end);
                    if (end && *end == 0) return json(d);
                    return base::MakeError("hsds_wrong_type", "expected a number, got '" + cell + "'");
                }
                case HsdsKind::Bool:
                    if (cell == "true" || cell == "1") return json(true);
                    if (cell == "false" || cell == "0") return json(false);
                    return base::MakeError("hsds_wrong_type", "expected true or false, got '" + cell + "'");
                default:
                    return json(cell);
            }
        }
    }
    return json(cell);
}

Status Importer::TakeTabular(const std::filesystem::path& folder) {
    namespace fs = std::filesystem;
    // resource name -> CSV path. datapackage.json names them; the HSDS file names are the
    // fallback when the descriptor is absent or is not a JSON object (a git symlink stub).
    std::map<std::string, fs::path> resources;
    fs::path descriptor = folder / "datapackage.json";
    bool described = false;
    if (fs::exists(descriptor)) {
        std::string text = TRY_VALUE(ReadFile(descriptor));
        json package = base::ParseJsonOrDiscarded(text);
        if (package.is_object()) {
            described = true;
            if (!package.contains("resources") || !package["resources"].is_array()) {
                return base::MakeError("hsds_missing_field", descriptor.string() + ": field 'resources' is required (an array)");
            }
            for (size_t i = 0; i < package["resources"].size(); ++i) {
                const json& r = package["resources"][i];
                std::string where = descriptor.string() + ": resources[" + std::to_string(i) + "]";
                if (!r.is_object() || !r.contains("path") || !r["path"].is_string()) {
                    return base::MakeError("hsds_missing_field", where + ": field 'path' is required (a string)");
                }
                fs::path csv = folder / r["path"].get<std::string>();
                std::string name = r.contains("name") && r["name"].is_string() ? r["name"].get<std::string>() : csv.stem().string();
                if (!fs::exists(csv)) return base::MakeError("hsds_io_error", where + ": '" + csv.string() + "' does not exist");
                resources[name] = csv;
            }
        } else {
            warnings_.push_back(descriptor.string() + " is not a JSON object; reading the HSDS table files by name");
        }
    }
    if (!described) {
        for (const TabularTable& t : TabularTables()) {
            fs::path csv = folder / (std::string(t.file) + ".csv");
            if (fs::exists(csv)) resources[t.file] = csv;
        }
        if (resources.empty()) {
            return base::MakeError("hsds_unknown_shape", folder.string() + ": no datapackage.json and no HSDS CSV files");
        }
    }
    // Modelled tables first (in dependency order), so unmodelled rows find their parents.
    for (int pass = 0; pass < 2; ++pass) {
        for (const TabularTable& t : TabularTables()) {
            if ((pass == 0) != (t.table != nullptr)) continue;
            auto it = resources.find(t.file);
            if (it == resources.end()) continue;
            const std::string file_name = it->second.filename().string();
            std::string text = TRY_VALUE(ReadFile(it->second));
            auto rows = TRY_VALUE(ParseCsv(text, source_ + "/" + file_name));
            if (rows.empty()) continue;
            const std::vector<std::string> header = rows[0];
            const HsdsTable* spec = t.table ? FindHsdsTable(t.table) : nullptr;
            for (size_t r = 1; r < rows.size(); ++r) {
                Ctx ctx{file_name + " row " + std::to_string(r + 1), options_.lang};
                if (rows[r].size() != header.size()) {
                    return Err("hsds_parse_error", ctx, t.table ? t.table : t.file, "", "",
                               "has " + std::to_string(rows[r].size()) + " cells, the header has " + std::to_string(header.size()));
                }
                json obj = json::object();
                for (size_t c = 0; c < header.size(); ++c) {
                    if (rows[r][c].empty()) continue;
                    auto value = CellValue(spec, header[c], rows[r][c]);
                    if (!value.ok()) {
                        std::string id = obj.contains("id") ? obj["id"].get<std::string>() : "";
                        return Err(value.error().code.c_str(), ctx, t.table ? t.table : t.file, id, header[c],
                                   value.error().message);
                    }
                    obj[header[c]] = *value;
                }
                if (t.table) {
                    Ctx here;
                    Staged* rec = TRY_VALUE(TakeRecord(obj, t.table, ctx, {}, json::object(), json::object(), &here));
                    TRY(CheckRequired(*rec, here));
                    continue;
                }
                // Unmodelled: nest under every staged parent, as the nested JSON form has it.
                bool attached = false;
                for (const auto& [column, parent_table] : t.parents) {
                    if (!obj.contains(column)) continue;
                    std::string parent_id = obj[column].get<std::string>();
                    std::vector<std::string> candidates;
                    if (std::string(parent_table).empty()) {
                        std::string type = obj.value("resource_type", "");
                        candidates.push_back(type);
                    } else {
                        candidates.push_back(parent_table);
                    }
                    for (const std::string& pt : candidates) {
                        auto table_it = staged_.find(pt);
                        if (table_it == staged_.end()) continue;
                        auto parent = table_it->second.find(parent_id);
                        if (parent == table_it->second.end()) continue;
                        json& list = parent->second.extra[t.member];
                        if (!list.is_array()) list = json::array();
                        list.push_back(obj);
                        parent->second.has_extra_members = true;
                        attached = true;
                    }
                }
                if (!attached) {
                    unattached_[file_name].push_back(obj);
                }
            }
        }
    }
    for (const auto& [file, rows] : unattached_) {
        warnings_.push_back(file + ": " + std::to_string(rows.size()) +
                            " row(s) name no record of this import; kept in meta 'hsds_unattached'");
    }
    return base::Ok();
}

// ============================================================================================
// [check]
// ============================================================================================

Result<bool> Importer::ExistsInDb(const std::string& table, const std::string& id) {
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT 1 FROM \"" + table + "\" WHERE id = ?1"));
    stmt.Bind(1, id);
    return TRY_VALUE(stmt.Step());
}

Status Importer::Check() {
    for (auto& [table, rows] : staged_) {
        const HsdsTable* spec = FindHsdsTable(table);
        if (!spec) continue;
        for (auto& [id, rec] : rows) {
            for (const HsdsColumn& column : spec->columns) {
                if (column.kind != HsdsKind::Ref && column.kind != HsdsKind::LooseRef) continue;
                auto value = rec.row.find(column.column);
                if (value == rec.row.end() || !value->is_string()) continue;
                const std::string target = value->get<std::string>();
                bool found = staged_[column.ref_table].count(target) > 0 || TRY_VALUE(ExistsInDb(column.ref_table, target));
                if (found) continue;
                if (column.kind == HsdsKind::LooseRef) {
                    rec.extra[column.member] = target;
                    rec.has_extra_members = true;
                    rec.row.erase(column.column);
                    warnings_.push_back(source_ + ": " + table + " " + id + ": " + column.member + " " + target +
                                        " names no " + column.ref_table + " here; kept as an HSDS member only");
                    continue;
                }
                return Err("hsds_dangling_reference", Ctx{rec.origin, ""}, table, id, column.member,
                           "names " + std::string(column.ref_table) + " " + target + ", which is neither in this import nor in the database");
            }
        }
    }
    return base::Ok();
}

// ============================================================================================
// [write]
// ============================================================================================

Result<ImportReport> Importer::Write() {
    ImportReport report;
    report.warnings = warnings_;
    auto tx = TRY_VALUE(Transaction::Begin(db_));
    ContentWriter writer(db_);
    static const std::vector<std::string> kOrder = {
        "taxonomy", "taxonomy_term", "organization", "booking_form", "booking_form_field", "service",
        "location", "address",       "service_at_location", "phone", "schedule", "language",
        "attribute", "cost_option",  "course_series",
    };
    static const std::map<std::string, std::string> kSelfRef = {{"organization", "parent_organization_id"},
                                                                {"taxonomy_term", "parent_id"}};
    auto fail = [&](const Staged& rec, const base::Error& error) {
        return base::MakeError(error.code, source_ + ": " + rec.table + " " + rec.id + " at " + rec.origin + ": " + error.message);
    };
    for (const std::string& table : kOrder) {
        auto rows_it = staged_.find(table);
        if (rows_it == staged_.end()) continue;
        auto self = kSelfRef.find(table);
        for (const std::string& id : order_[table]) {
            Staged& rec = rows_it->second[id];
            json row = rec.row;
            row["id"] = id;
            if (FindHsdsTable(table)->has_extra) row["extra"] = rec.has_extra_members ? json(rec.extra.dump()) : json();
            if (self != kSelfRef.end()) row.erase(self->second);  // second pass sets it
            Status status = writer.Upsert(table, row);
            if (!status.ok()) return fail(rec, status.error());
            for (const auto& [key, text] : rec.texts) {
                Status set = writer.SetText(table, id, key.first, key.second, text.text, text.is_source);
                if (!set.ok()) return fail(rec, set.error());
                ++report.texts;
            }
            ++report.rows[table];
        }
        if (self != kSelfRef.end()) {
            for (const std::string& id : order_[table]) {
                Staged& rec = rows_it->second[id];
                auto parent = rec.row.find(self->second);
                if (parent == rec.row.end()) continue;
                Status status = writer.Upsert(table, json{{"id", id}, {self->second, *parent}});
                if (!status.ok()) return fail(rec, status.error());
            }
        }
    }
    // Sessions: expanded from the rule, then the exported session rows (status, seats) on top.
    if (auto series = staged_.find("course_series"); series != staged_.end()) {
        for (const std::string& id : order_["course_series"]) {
            Staged& rec = series->second[id];
            ExpandOptions expand;
            expand.now_utc = options_.now_utc;
            auto expanded = ExpandSeriesSessions(db_, writer, id, expand);
            if (!expanded.ok()) return fail(rec, expanded.error());
            report.sessions += *expanded;
            for (const json& session : rec.sessions) {
                Status status = writer.Upsert("course_session", session);
                if (!status.ok()) return fail(rec, status.error());
            }
        }
    }
    if (!unattached_.empty()) {
        json kept = json::object();
        auto previous = GetMeta(db_, "hsds_unattached");
        if (previous.ok()) kept = base::ParseJsonOrDiscarded(*previous);
        if (!kept.is_object()) kept = json::object();
        for (const auto& [file, rows] : unattached_) {
            json& list = kept[source_ + "/" + file];
            if (!list.is_array()) list = json::array();
            for (const json& row : rows) {
                if (std::find(list.begin(), list.end(), row) == list.end()) list.push_back(row);
            }
        }
        TRY(writer.SetMeta("hsds_unattached", kept.dump()));
    }
    // The status line's "information as of": an import is the newest content this copy has.
    // (A sync apply sets it to the hub's head time instead.)
    const int64_t imported_at = options_.now_utc ? options_.now_utc : (int64_t)std::time(nullptr);
    TRY(writer.SetMeta("content_updated_at", std::to_string(imported_at)));
    TRY(writer.Finish());
    TRY(tx.Commit());
    return report;
}

Result<ImportReport> RunImport(Db& db, const std::string& source, const ImportOptions& options,
                               const std::function<Status(Importer&)>& stage) {
    if (!IsHsdsLanguageTag(options.lang)) return base::MakeError("hsds_invalid_value", "--lang '" + options.lang + "' is not a language tag");
    Importer importer(db, source, options);
    try {
        TRY(stage(importer));
        TRY(importer.Check());
        auto report = importer.Write();
        if (report.ok()) {
            base::LogInfo("hsds_imported", "source=" + source + " texts=" + std::to_string(report->texts) +
                                               " sessions=" + std::to_string(report->sessions));
            if (!report->warnings.empty()) {
                base::LogWarn("hsds_import_warnings", "source=" + source + " count=" + std::to_string(report->warnings.size()) +
                                                          " first=" + report->warnings.front());
            }
        }
        return report;
    } catch (const nlohmann::json::exception& e) {
        // Every access above is checked; this is the boundary's safety net, not a code path.
        return base::MakeError("hsds_wrong_type", source + ": " + e.what());
    } catch (const std::exception& e) {
        return base::MakeError("hsds_invalid_value", source + ": " + e.what());
    }
}

Result<json> ParseJson(std::string_view text, const std::string& source) {
    // Nesting is checked first: a file of 60 000 nested brackets would parse, then overflow the
    // stack when copied (base/json.h).
    auto checked = base::ParseJson(text);
    if (checked.ok()) return std::move(checked).value();
    if (checked.error().code == "json_too_deep") {
        return base::MakeError("hsds_parse_error", source + ": " + checked.error().message);
    }
    // Parsed again only to say where it is wrong, as line:column.
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // Turn the byte offset into line:column, which is what an editor shows.
        size_t byte = std::min<size_t>(e.byte ? e.byte - 1 : 0, text.size());
        int line = 1, col = 1;
        for (size_t i = 0; i < byte; ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string what = e.what();
        auto pos = what.find("syntax error");
        return base::MakeError("hsds_parse_error", source + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                                       ": not valid JSON (" + (pos == std::string::npos ? what : what.substr(pos)) + ")");
    }
}

}  // namespace

Result<ImportReport> ImportHsdsText(Db& db, std::string_view json_text, const std::string& source_name,
                                    const ImportOptions& options) {
    json doc = TRY_VALUE(ParseJson(json_text, source_name));
    return RunImport(db, source_name, options, [&](Importer& importer) { return importer.TakeTopLevel(doc); });
}

Result<ImportReport> ImportHsdsPath(Db& db, const std::string& path, const ImportOptions& options) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(path);
    if (!fs::exists(p, ec)) return base::MakeError("hsds_io_error", path + ": no such file or folder");
    if (fs::is_directory(p, ec) || p.filename() == "datapackage.json") {
        fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
        if (folder.empty()) folder = ".";
        return RunImport(db, folder.string(), options, [&](Importer& importer) { return importer.TakeTabular(folder); });
    }
    std::string text = TRY_VALUE(ReadFile(p));
    return ImportHsdsText(db, text, path, options);
}

}  // namespace content
