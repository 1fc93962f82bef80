// content/hsds_export.cpp: the content store as HSDS 3.x JSON (see hsds_export.h).
//
// The exporter reads every content table into memory once (a kiosk's directory is a few
// thousand rows), indexes children by their parent column, and builds the nested objects
// from that snapshot. The member <-> column maps are the importer's (FindHsdsTable), so the
// two cannot drift apart.
#include "base/json.h"
#include "content/hsds_export.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "content/hsds_import.h"
#include "content/queries_internal.h"
#include "content/schema.h"
#include "content/store.h"

namespace content {

using nlohmann::json;

namespace {

struct Text {
    std::string text;
    bool is_source = false;
};
using FieldTexts = std::map<std::string, std::map<std::string, Text>>;  // field -> lang -> text

Result<std::vector<json>> LoadRows(Db& db, const std::string& table) {
    Stmt info = TRY_VALUE(db.Prepare("PRAGMA table_info(\"" + table + "\")"));
    std::vector<std::pair<int, std::string>> keys;
    while (TRY_VALUE(info.Step())) {
        if (info.Int(5) > 0) keys.emplace_back((int)info.Int(5), info.Text(1));
    }
    std::sort(keys.begin(), keys.end());
    std::string order;
    for (const auto& [pos, name] : keys) order += (order.empty() ? "" : ", ") + ("\"" + name + "\"");
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT * FROM \"" + table + "\"" + (order.empty() ? "" : " ORDER BY " + order)));
    std::vector<json> rows;
    while (TRY_VALUE(stmt.Step())) {
        json row = json::object();
        for (int i = 0; i < stmt.ColumnCount(); ++i) {
            switch (sqlite3_column_type(stmt.raw(), i)) {
                case SQLITE_NULL: row[stmt.ColumnName(i)] = nullptr; break;
                case SQLITE_INTEGER: row[stmt.ColumnName(i)] = stmt.Int(i); break;
                case SQLITE_FLOAT: row[stmt.ColumnName(i)] = stmt.Real(i); break;
                default: row[stmt.ColumnName(i)] = stmt.Text(i); break;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string Str(const json& row, const char* column) {
    auto it = row.find(column);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Exporter {
public:
    Exporter(Db& db, ExportOptions options) : db_(db), options_(std::move(options)) {}

    Status Load();
    json Build();

private:
    const std::vector<const json*>& Children(const std::string& table, const std::string& column, const std::string& id);
    const json* Find(const std::string& table, const std::string& id) const;

    json Base(const std::string& table, const json& row, bool plain_members);
    void AddTexts(json& obj, const std::string& table, const std::string& id, bool plain_members);
    void AddList(json& obj, const char* member, const std::string& table, const std::string& column, const std::string& id,
                 const std::function<json(const json&)>& build);
    void AddAttributes(json& obj, const std::string& id);

    json Taxonomy(const json& row);
    json Term(const json& row);
    json Attribute(const json& row);
    json Phone(const json& row);
    json Simple(const std::string& table, const json& row);
    json Location(const json& row);
    json ServiceAtLocation(const json& row, bool nest_location);
    json Organization(const json& row, bool with_services);
    json Service(const json& row, bool nest_organization, bool with_kiosk);
    json Form(const json& row);
    json Series(const json& row);

    Db& db_;
    ExportOptions options_;
    std::map<std::string, std::vector<json>> rows_;
    std::map<std::string, std::map<std::string, const json*>> by_id_;
    std::map<std::pair<std::string, std::string>, FieldTexts> texts_;  // (table, id)
    std::map<std::string, std::map<std::string, std::vector<const json*>>> children_;  // "table.column" -> id -> rows
};

const std::vector<std::string>& ExportTables() {
    static const std::vector<std::string> tables = {
        "organization", "taxonomy", "taxonomy_term", "booking_form", "booking_form_field", "service", "location", "address",
        "service_at_location", "phone", "schedule", "language", "attribute", "cost_option", "course_series", "course_session",
    };
    return tables;
}

Status Exporter::Load() {
    for (const std::string& table : ExportTables()) {
        rows_[table] = TRY_VALUE(LoadRows(db_, table));
        for (const json& row : rows_[table]) by_id_[table][Str(row, "id")] = &row;
    }
    Stmt stmt = TRY_VALUE(db_.Prepare("SELECT tbl, record_id, field, lang, text, is_source FROM translation"));
    while (TRY_VALUE(stmt.Step())) {
        texts_[{stmt.Text(0), stmt.Text(1)}][stmt.Text(2)][stmt.Text(3)] = Text{stmt.Text(4), stmt.Int(5) != 0};
    }
    return base::Ok();
}

const std::vector<const json*>& Exporter::Children(const std::string& table, const std::string& column,
                                                    const std::string& id) {
    std::string key = table + "." + column;
    auto it = children_.find(key);
    if (it == children_.end()) {
        auto& index = children_[key];
        for (const json& row : rows_[table]) {
            std::string parent = Str(row, column.c_str());
            if (!parent.empty()) index[parent].push_back(&row);
        }
        it = children_.find(key);
    }
    static const std::vector<const json*> kNone;
    auto found = it->second.find(id);
    return found == it->second.end() ? kNone : found->second;
}

const json* Exporter::Find(const std::string& table, const std::string& id) const {
    auto t = by_id_.find(table);
    if (t == by_id_.end()) return nullptr;
    auto r = t->second.find(id);
    return r == t->second.end() ? nullptr : r->second;
}

// A text column that held an HSDS number: back to a number when it still is one.
bool AsNumber(const std::string& text, json* out) {
    if (text.empty()) return false;
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (!end || *end != 0 || !std::isfinite(d)) return false;
    bool integral = text.find_first_of(".eE") == std::string::npos;
    *out = integral ? json((int64_t)std::llround(d)) : json(d);
    return true;
}

void Exporter::AddTexts(json& obj, const std::string& table, const std::string& id, bool plain_members) {
    const std::string& lang = options_.lang;
    auto it = texts_.find({table, id});
    const FieldTexts* texts = it == texts_.end() ? nullptr : &it->second;
    const std::vector<std::string>* fields = TranslatableFields(table);
    if (!fields) return;
    bool other_langs = false;
    json translations = json::object();
    json sources = json::object();
    if (texts) {
        for (const auto& [field, langs] : *texts) {
            if (field.rfind("option:", 0) == 0) continue;
            std::string source;
            for (const auto& [text_lang, text] : langs) {
                translations[field][text_lang] = text.text;
                if (text_lang != lang) other_langs = true;
                if (text.is_source) source = text_lang;
            }
            if (source != lang) sources[field] = source;
        }
    }
    if (plain_members) {
        for (const std::string& field : *fields) {
            const std::map<std::string, Text>* langs = nullptr;
            if (texts) {
                auto f = texts->find(field);
                if (f != texts->end()) langs = &f->second;
            }
            if (langs) {
                auto l = langs->find(lang);
                if (l != langs->end()) {
                    obj[field] = l->second.text;
                    continue;
                }
            }
            if (!IsHsdsRequiredText(table, field)) continue;
            // HSDS requires the member: the best other language stands in (the importer sees
            // it repeated in x_translations and does not take it as `lang`).
            std::string fallback;
            int best = 99;
            if (langs) {
                for (const auto& [text_lang, text] : *langs) {
                    int rank = detail::LanguageRank(text_lang, text.is_source, lang);
                    if (rank < best) {
                        best = rank;
                        fallback = text.text;
                    }
                }
            }
            obj[field] = fallback;
        }
    }
    if ((other_langs || !plain_members) && !translations.empty()) obj["x_translations"] = translations;
    if (!sources.empty()) obj["x_source_langs"] = sources;
}

json Exporter::Base(const std::string& table, const json& row, bool plain_members) {
    json obj = json::object();
    const std::string id = Str(row, "id");
    obj["id"] = id;
    if (const HsdsTable* spec = FindHsdsTable(table)) {
        for (const HsdsColumn& column : spec->columns) {
            auto value = row.find(column.column);
            if (value == row.end() || value->is_null()) continue;
            switch (column.kind) {
                case HsdsKind::NumberText: {
                    json number;
                    if (AsNumber(value->get<std::string>(), &number)) {
                        obj[column.member] = number;
                    } else {
                        obj[std::string("x_") + column.member] = *value;  // keeps the text; HSDS wants a number
                    }
                    break;
                }
                case HsdsKind::Bool:
                    if (std::string(column.member) == "x_is_category" && value->get<int64_t>() == 0) break;
                    obj[column.member] = value->get<int64_t>() != 0;
                    break;
                case HsdsKind::Int:
                    if (std::string(column.member) == "x_sort_order" && value->get<int64_t>() == 0) break;
                    obj[column.member] = *value;
                    break;
                default: obj[column.member] = *value; break;
            }
        }
    }
    AddTexts(obj, table, id, plain_members);
    auto extra = row.find("extra");
    if (extra != row.end() && extra->is_string()) {
        json members = base::ParseJsonOrDiscarded(extra->get<std::string>());
        if (members.is_object()) {
            for (auto it = members.begin(); it != members.end(); ++it) {
                if (!obj.contains(it.key())) obj[it.key()] = *it;
            }
        }
    }
    return obj;
}

void Exporter::AddList(json& obj, const char* member, const std::string& table, const std::string& column,
                       const std::string& id, const std::function<json(const json&)>& build) {
    const auto& rows = Children(table, column, id);
    if (rows.empty()) return;
    json list = json::array();
    for (const json* row : rows) list.push_back(build(*row));
    obj[member] = list;
}

void Exporter::AddAttributes(json& obj, const std::string& id) {
    AddList(obj, "attributes", "attribute", "link_id", id, [&](const json& r) { return Attribute(r); });
}

json Exporter::Taxonomy(const json& row) { return Base("taxonomy", row, true); }

json Exporter::Term(const json& row) {
    json obj = Base("taxonomy_term", row, true);
    if (const json* taxonomy = Find("taxonomy", Str(row, "taxonomy_id"))) obj["taxonomy_detail"] = Taxonomy(*taxonomy);
    return obj;
}

json Exporter::Attribute(const json& row) {
    json obj = Base("attribute", row, true);
    if (const json* term = Find("taxonomy_term", Str(row, "taxonomy_term_id"))) obj["taxonomy_term"] = Term(*term);
    return obj;
}

json Exporter::Simple(const std::string& table, const json& row) {
    json obj = Base(table, row, true);
    if (table == "address") {
        // HSDS requires these; the kiosk keeps them optional.
        for (const char* member : {"state_province", "postal_code"}) {
            if (!obj.contains(member)) obj[member] = "";
        }
    }
    AddAttributes(obj, Str(row, "id"));
    return obj;
}

json Exporter::Phone(const json& row) {
    json obj = Base("phone", row, true);
    const std::string id = Str(row, "id");
    AddList(obj, "languages", "language", "phone_id", id, [&](const json& r) { return Simple("language", r); });
    AddAttributes(obj, id);
    return obj;
}

json Exporter::Location(const json& row) {
    json obj = Base("location", row, true);
    const std::string id = Str(row, "id");
    AddList(obj, "languages", "language", "location_id", id, [&](const json& r) { return Simple("language", r); });
    AddList(obj, "addresses", "address", "location_id", id, [&](const json& r) { return Simple("address", r); });
    AddList(obj, "phones", "phone", "location_id", id, [&](const json& r) { return Phone(r); });
    AddList(obj, "schedules", "schedule", "location_id", id, [&](const json& r) { return Simple("schedule", r); });
    AddAttributes(obj, id);
    return obj;
}

json Exporter::ServiceAtLocation(const json& row, bool nest_location) {
    json obj = Base("service_at_location", row, true);
    const std::string id = Str(row, "id");
    AddList(obj, "phones", "phone", "service_at_location_id", id, [&](const json& r) { return Phone(r); });
    AddList(obj, "schedules", "schedule", "service_at_location_id", id, [&](const json& r) { return Simple("schedule", r); });
    if (nest_location) {
        if (const json* location = Find("location", Str(row, "location_id"))) obj["location"] = Location(*location);
    }
    AddAttributes(obj, id);
    return obj;
}

json Exporter::Organization(const json& row, bool with_services) {
    json obj = Base("organization", row, true);
    const std::string id = Str(row, "id");
    AddList(obj, "phones", "phone", "organization_id", id, [&](const json& r) { return Phone(r); });
    AddList(obj, "locations", "location", "organization_id", id, [&](const json& r) { return Location(r); });
    if (with_services) {
        AddList(obj, "services", "service", "organization_id", id, [&](const json& r) {
            return Service(r, false, options_.format != ExportFormat::Kiosk);
        });
    }
    AddAttributes(obj, id);
    return obj;
}

json Exporter::Form(const json& row) {
    json obj = Base("booking_form", row, false);
    const std::string id = Str(row, "id");
    std::vector<const json*> fields = Children("booking_form_field", "form_id", id);
    std::sort(fields.begin(), fields.end(), [](const json* a, const json* b) {
        return (*a)["position"].get<int64_t>() < (*b)["position"].get<int64_t>();
    });
    json list = json::array();
    for (const json* field : fields) {
        json f = Base("booking_form_field", *field, false);
        if (f.contains("required")) f["required"] = (*field)["required"].get<int64_t>() != 0;
        std::string options_text = Str(*field, "options");
        json values = options_text.empty() ? json() : base::ParseJsonOrDiscarded(options_text);
        if (values.is_array()) {
            json options = json::array();
            auto texts = texts_.find({"booking_form_field", Str(*field, "id")});
            for (const json& value : values) {
                json option = {{"value", value}};
                if (value.is_string() && texts != texts_.end()) {
                    auto labels = texts->second.find("option:" + value.get<std::string>());
                    if (labels != texts->second.end()) {
                        std::string source;
                        for (const auto& [lang, text] : labels->second) {
                            option["x_translations"]["label"][lang] = text.text;
                            if (text.is_source) source = lang;
                        }
                        if (source != options_.lang) option["x_source_langs"]["label"] = source;
                    }
                }
                options.push_back(option);
            }
            f["options"] = options;
        }
        list.push_back(f);
    }
    obj["fields"] = list;
    return obj;
}

json Exporter::Series(const json& row) {
    json obj = Base("course_series", row, false);
    auto split = [](const std::string& text) {
        json list = json::array();
        size_t start = 0;
        while (start <= text.size() && !text.empty()) {
            size_t comma = text.find(',', start);
            std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!item.empty()) list.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        return list;
    };
    obj["instruction_langs"] = split(Str(row, "instruction_langs"));
    for (const char* member : {"exdates", "rdates"}) {
        if (!Str(row, member).empty()) obj[member] = split(Str(row, member));
    }
    json sessions = json::array();
    for (const json* s : Children("course_session", "series_id", Str(row, "id"))) {
        sessions.push_back({{"id", (*s)["id"]}, {"starts_at", (*s)["starts_at"]}, {"ends_at", (*s)["ends_at"]},
                            {"local_start", (*s)["local_start"]}, {"capacity", (*s)["capacity"]},
                            {"seats_taken", (*s)["seats_taken"]}, {"status", (*s)["status"]}});
    }
    std::sort(sessions.begin(), sessions.end(), [](const json& a, const json& b) {
        return a["starts_at"].get<int64_t>() < b["starts_at"].get<int64_t>();
    });
    if (!sessions.empty()) obj["sessions"] = sessions;
    return obj;
}

json Exporter::Service(const json& row, bool nest_organization, bool with_kiosk) {
    json obj = Base("service", row, true);
    const std::string id = Str(row, "id");
    AddList(obj, "phones", "phone", "service_id", id, [&](const json& r) { return Phone(r); });
    AddList(obj, "schedules", "schedule", "service_id", id, [&](const json& r) { return Simple("schedule", r); });
    AddList(obj, "service_at_locations", "service_at_location", "service_id", id,
            [&](const json& r) { return ServiceAtLocation(r, true); });
    AddList(obj, "languages", "language", "service_id", id, [&](const json& r) { return Simple("language", r); });
    AddList(obj, "cost_options", "cost_option", "service_id", id, [&](const json& r) { return Simple("cost_option", r); });
    AddAttributes(obj, id);
    if (nest_organization) {
        if (const json* org = Find("organization", Str(row, "organization_id"))) obj["organization"] = Organization(*org, false);
    }
    if (with_kiosk) {
        std::set<std::string> form_ids;
        if (!Str(row, "booking_form_id").empty()) form_ids.insert(Str(row, "booking_form_id"));
        json series = json::array();
        for (const json* s : Children("course_series", "service_id", id)) {
            series.push_back(Series(*s));
            if (!Str(*s, "booking_form_id").empty()) form_ids.insert(Str(*s, "booking_form_id"));
        }
        if (!series.empty()) obj["x_course_series"] = series;
        json forms = json::array();
        for (const std::string& form_id : form_ids) {
            if (const json* form = Find("booking_form", form_id)) forms.push_back(Form(*form));
        }
        if (!forms.empty()) obj["x_booking_forms"] = forms;
    }
    return obj;
}

json Exporter::Build() {
    json out = json::array();
    switch (options_.format) {
        case ExportFormat::Services:
            for (const json& row : rows_["service"]) {
                json service = Service(row, true, true);
                service["x_source_lang"] = options_.lang;
                out.push_back(service);
            }
            return out;
        case ExportFormat::Organizations:
            for (const json& row : rows_["organization"]) {
                json org = Organization(row, true);
                org["x_source_lang"] = options_.lang;
                out.push_back(org);
            }
            return out;
        case ExportFormat::Kiosk: break;
    }
    json doc = json::object();
    doc["x_kiosk_format"] = 1;
    doc["x_source_lang"] = options_.lang;
    doc["taxonomies"] = json::array();
    for (const json& row : rows_["taxonomy"]) doc["taxonomies"].push_back(Taxonomy(row));
    doc["taxonomy_terms"] = json::array();
    for (const json& row : rows_["taxonomy_term"]) {
        json term = Base("taxonomy_term", row, true);
        doc["taxonomy_terms"].push_back(term);
    }
    doc["x_booking_forms"] = json::array();
    for (const json& row : rows_["booking_form"]) doc["x_booking_forms"].push_back(Form(row));
    doc["organizations"] = json::array();
    for (const json& row : rows_["organization"]) doc["organizations"].push_back(Organization(row, true));
    json loose = json::array();
    for (const json& row : rows_["location"]) {
        if (Str(row, "organization_id").empty()) loose.push_back(Location(row));
    }
    if (!loose.empty()) doc["locations"] = loose;
    doc["x_course_series"] = json::array();
    for (const json& row : rows_["course_series"]) doc["x_course_series"].push_back(Series(row));
    return doc;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(const std::string& name) {
    if (name == "services") return ExportFormat::Services;
    if (name == "organizations") return ExportFormat::Organizations;
    if (name == "kiosk") return ExportFormat::Kiosk;
    return base::MakeError("hsds_invalid_value", "unknown export format '" + name + "' (services, organizations, kiosk)");
}

Result<json> ExportHsds(Db& db, const ExportOptions& options) {
    try {
        detail::ReadScope scope(db);
        Exporter exporter(db, options);
        TRY(exporter.Load());
        return exporter.Build();
    } catch (const nlohmann::json::exception& e) {
        return base::MakeError("hsds_export_failed", std::string("export: ") + e.what());
    }
}

Result<json> DumpContent(Db& db) {
    detail::ReadScope scope(db);
    json dump = json::object();
    std::vector<std::string> tables = ContentTables();
    tables.push_back("meta");
    for (const std::string& table : tables) {
        std::vector<json> rows = TRY_VALUE(LoadRows(db, table));
        dump[table] = rows;
    }
    return dump;
}

}  // namespace content
