// content/staff_read.cpp: records as the staff editor sees them: every editable column, every
// translatable field in every language with "missing" and "outdated" flags, and lists of a
// table's records with counts of what needs attention.
//
// Outdated: a text that is not the source language's and whose updated_at is older than the
// source text's (docs/staff-mode.md). A field without a source text has no outdated texts.
// Columns carry their kind, choices, referenced table and required-ness (DescribeEditableColumns)
// so the editor can offer buttons and pickers instead of text boxes.
// Missing (in lists): a requested language without text in a field that has text in some other
// language; a field nobody ever wrote (e.g. an alert) is not counted as missing everywhere.
#include <algorithm>
#include <map>
#include <set>

#include "content/queries.h"
#include "content/queries_internal.h"
#include "content/staff_internal.h"
#include "content/store.h"

namespace content {
namespace {

using nlohmann::json;

struct StoredText {
    std::string text;
    bool is_source = false;
    int64_t updated_at = 0;
};

// field -> lang -> text
using StoredFieldTexts = std::map<std::string, std::map<std::string, StoredText>>;

int64_t SourceTime(const std::map<std::string, StoredText>& texts, bool* has_source) {
    int64_t time = 0;
    *has_source = false;
    for (const auto& [lang, text] : texts) {
        if (text.is_source) {
            time = *has_source ? std::max(time, text.updated_at) : text.updated_at;
            *has_source = true;
        }
    }
    return time;
}

bool IsOutdated(const StoredText& text, bool has_source, int64_t source_time) {
    return has_source && !text.is_source && text.updated_at < source_time;
}

// The translatable fields shown for a record: the table's fields, then booking_form_field
// option labels that exist.
std::vector<std::string> FieldsOf(const std::string& table, const StoredFieldTexts& texts) {
    std::vector<std::string> fields;
    if (const auto* known = TranslatableFields(table)) fields = *known;
    for (const auto& [field, by_lang] : texts) {
        if (std::find(fields.begin(), fields.end(), field) == fields.end() && IsTranslatableField(table, field)) {
            fields.push_back(field);
        }
    }
    return fields;
}

std::string Text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
    if (value.is_number()) return value.dump();
    return {};
}

std::string BestText(const std::map<std::string, StoredText>& texts, const std::string& lang) {
    const StoredText* best = nullptr;
    int best_rank = 1 << 30;
    for (const auto& [text_lang, text] : texts) {
        int rank = detail::LanguageRank(text_lang, text.is_source, lang);
        if (rank < best_rank) {
            best_rank = rank;
            best = &text;
        }
    }
    return best ? best->text : std::string();
}

// The display name: the table's name-like text, else a label built from its columns.
std::string DisplayName(const std::string& table, const json& row, const StoredFieldTexts& texts, const std::string& lang) {
    static const std::map<std::string, std::string> kNameField = {
        {"organization", "name"}, {"service", "name"},          {"location", "name"},
        {"course_series", "name"}, {"booking_form", "title"},   {"booking_form_field", "label"},
        {"cost_option", "option"},
    };
    if (auto it = kNameField.find(table); it != kNameField.end()) {
        auto field = texts.find(it->second);
        if (field != texts.end()) {
            std::string name = BestText(field->second, lang);
            if (!name.empty()) return name;
        }
    }
    auto col = [&](const char* name) { return row.contains(name) ? Text(row[name]) : std::string(); };
    auto join = [](std::vector<std::string> parts, const char* separator) {
        std::string out;
        for (const std::string& part : parts) {
            if (!part.empty()) out += (out.empty() ? "" : separator) + part;
        }
        return out;
    };
    std::string label;
    if (table == "address") label = join({col("address_1"), col("city")}, ", ");
    else if (table == "phone") label = join({col("number"), col("extension")}, " ");
    else if (table == "schedule") {
        // Weekdays in the reader's words ("Pr–Ce 9:00–17:00"), as visitors see them.
        OpeningRule rule;
        rule.weekdays = detail::ParseByDay(col("byday"));
        rule.opens_at = col("opens_at");
        rule.closes_at = col("closes_at");
        std::vector<std::string> words = DescribeOpeningHours({rule}, lang);
        std::string hours = words.empty() ? join({col("opens_at"), col("closes_at")}, "–") : words.front();
        label = join({hours, col("valid_from")}, " ");
    } else if (table == "course_session") {
        label = col("local_start");   // its status is EditableSummary::status, worded by the screen
    } else if (table == "language") label = join({col("name"), col("code")}, " ");
    else if (table == "booking_form_field") label = col("key");
    else if (table == "booking_form") label = col("kind");
    else if (table == "cost_option") label = join({col("amount"), col("currency")}, " ");
    return label.empty() ? col("id") : label;
}

std::string ParentOf(const std::string& table, const json& row) {
    static const std::map<std::string, std::vector<const char*>> kParents = {
        {"organization", {"parent_organization_id"}},
        {"service", {"organization_id"}},
        {"location", {"organization_id"}},
        {"address", {"location_id"}},
        {"phone", {"service_id", "location_id", "service_at_location_id", "organization_id"}},
        {"schedule", {"service_id", "location_id", "service_at_location_id"}},
        {"course_series", {"service_id"}},
        {"course_session", {"series_id"}},
        {"booking_form_field", {"form_id"}},
        {"cost_option", {"service_id"}},
        {"language", {"service_id", "location_id", "phone_id"}},
    };
    auto it = kParents.find(table);
    if (it == kParents.end()) return {};
    for (const char* column : it->second) {
        if (row.contains(column) && row[column].is_string()) return row[column].get<std::string>();
    }
    return {};
}

bool IsEditable(const std::string& table) {
    const auto& tables = EditableTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

}  // namespace

Result<std::vector<EditableField>> DescribeEditableColumns(Db& db, const std::string& table) {
    if (!IsEditable(table)) return base::MakeError("store_unknown_table", "'" + table + "' is not an editable table");
    // Required-ness comes from the schema, as validation reads it, so the editor never offers
    // "none" for a column the save would refuse to clear.
    const std::set<std::string> not_null =
        TRY_VALUE(staff_detail::NotNullColumns(db, table, /*without_default_only=*/false));
    std::vector<EditableField> fields;
    for (const staff_detail::ColumnSpec& spec : *staff_detail::TableColumns(table)) {
        EditableField field;
        field.field = spec.name;
        field.kind = spec.kind;
        if (spec.kind == ColumnKind::Choice) field.choices = spec.choices;
        if (spec.kind == ColumnKind::Reference && spec.parent) field.ref_table = spec.parent;
        field.required = not_null.count(spec.name) > 0;
        fields.push_back(std::move(field));
    }
    return fields;
}

Result<EditableRecord> ReadEditableRecord(Db& db, const std::string& table, const std::string& id,
                                          const std::vector<std::string>& langs) {
    if (!IsEditable(table)) return base::MakeError("store_unknown_table", "'" + table + "' is not an editable table");
    detail::ReadScope scope(db);
    auto row = TRY_VALUE(staff_detail::LoadRow(db, table, id));
    if (!row) return base::MakeError("not_found", table + " '" + id + "' does not exist");
    EditableRecord record;
    record.table = table;
    record.id = id;
    record.version = (*row)["version"].get<int64_t>();
    record.updated_at = (*row)["updated_at"].get<int64_t>();
    record.fields = TRY_VALUE(DescribeEditableColumns(db, table));
    for (EditableField& field : record.fields) {
        field.value = row->contains(field.field) ? (*row)[field.field] : json();
    }
    StoredFieldTexts texts;
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT field, lang, text, is_source, updated_at FROM translation "
                                     "WHERE tbl = ?1 AND record_id = ?2 ORDER BY field, lang"));
    stmt.Bind(1, table).Bind(2, id);
    while (TRY_VALUE(stmt.Step())) {
        texts[stmt.Text(0)][stmt.Text(1)] = StoredText{stmt.Text(2), stmt.Int(3) != 0, stmt.Int(4)};
    }
    for (const std::string& name : FieldsOf(table, texts)) {
        EditableField field;
        field.field = name;
        field.translatable = true;
        static const std::map<std::string, StoredText> kNone;
        auto found = texts.find(name);
        const auto& by_lang = found == texts.end() ? kNone : found->second;
        bool has_source = false;
        int64_t source_time = SourceTime(by_lang, &has_source);
        std::vector<std::string> order = langs;
        for (const auto& [lang, text] : by_lang) {
            if (std::find(order.begin(), order.end(), lang) == order.end()) order.push_back(lang);
        }
        for (const std::string& lang : order) {
            EditableText text;
            text.lang = lang;
            auto it = by_lang.find(lang);
            if (it == by_lang.end()) {
                text.missing = true;
            } else {
                text.text = it->second.text;
                text.is_source = it->second.is_source;
                text.updated_at = it->second.updated_at;
                text.outdated = IsOutdated(it->second, has_source, source_time);
            }
            field.texts.push_back(std::move(text));
        }
        record.fields.push_back(std::move(field));
    }
    return record;
}

Result<std::vector<EditableSummary>> ListEditableRecords(Db& db, const std::string& table, const std::string& lang,
                                                         const std::vector<std::string>& langs) {
    if (!IsEditable(table)) return base::MakeError("store_unknown_table", "'" + table + "' is not an editable table");
    detail::ReadScope scope(db);
    std::map<std::string, StoredFieldTexts> texts;  // record -> field -> lang -> text
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT record_id, field, lang, text, is_source, updated_at FROM translation WHERE tbl = ?1"));
        stmt.Bind(1, table);
        while (TRY_VALUE(stmt.Step())) {
            texts[stmt.Text(0)][stmt.Text(1)][stmt.Text(2)] = StoredText{stmt.Text(3), stmt.Int(4) != 0, stmt.Int(5)};
        }
    }
    std::map<std::string, int> conflicts;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT record_id, count(*) FROM staff_conflict WHERE tbl = ?1 AND status = 'open' GROUP BY record_id"));
        stmt.Bind(1, table);
        while (TRY_VALUE(stmt.Step())) conflicts[stmt.Text(0)] = (int)stmt.Int(1);
    }
    std::vector<std::pair<std::string, EditableSummary>> keyed;
    icu::Collator* collator = detail::CollatorFor(lang);
    Stmt rows = TRY_VALUE(db.Prepare("SELECT * FROM \"" + table + "\" ORDER BY id"));
    static const StoredFieldTexts kNoTexts;
    while (TRY_VALUE(rows.Step())) {
        json row = json::object();
        for (int i = 0; i < rows.ColumnCount(); ++i) {
            if (rows.IsNull(i)) row[rows.ColumnName(i)] = nullptr;
            else if (sqlite3_column_type(rows.raw(), i) == SQLITE_INTEGER) row[rows.ColumnName(i)] = rows.Int(i);
            else if (sqlite3_column_type(rows.raw(), i) == SQLITE_FLOAT) row[rows.ColumnName(i)] = rows.Real(i);
            else row[rows.ColumnName(i)] = rows.Text(i);
        }
        EditableSummary summary;
        summary.table = table;
        summary.id = row["id"].get<std::string>();
        auto record_texts = texts.find(summary.id);
        const StoredFieldTexts& fields = record_texts == texts.end() ? kNoTexts : record_texts->second;
        summary.name = DisplayName(table, row, fields, lang);
        summary.parent_id = ParentOf(table, row);
        if (row.contains("status") && row["status"].is_string()) summary.status = row["status"].get<std::string>();
        for (const auto& [field, by_lang] : fields) {
            if (by_lang.empty()) continue;
            bool has_source = false;
            int64_t source_time = SourceTime(by_lang, &has_source);
            for (const std::string& wanted : langs) {
                auto it = by_lang.find(wanted);
                if (it == by_lang.end()) ++summary.missing_texts;
                else if (IsOutdated(it->second, has_source, source_time)) ++summary.outdated_texts;
            }
        }
        if (auto it = conflicts.find(summary.id); it != conflicts.end()) summary.open_conflicts = it->second;
        std::string key = detail::SortKey(collator, summary.name);
        keyed.emplace_back(std::move(key), std::move(summary));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second.id < b.second.id;
    });
    std::vector<EditableSummary> summaries;
    summaries.reserve(keyed.size());
    for (auto& entry : keyed) summaries.push_back(std::move(entry.second));
    return summaries;
}

}  // namespace content
