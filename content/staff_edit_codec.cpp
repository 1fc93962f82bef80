// content/staff_edit_codec.cpp: the JSON form of a staff edit and of a conflict resolution.
//
// Decoding is a trust boundary on the hub: a payload arrives from any device holding a token.
// Every member is checked for presence and type, unknown members are refused (a misspelt member
// would otherwise be silently ignored and its change lost), and every error is "staff_edit_bad"
// (or "conflict_resolution_bad") naming the member. No nlohmann exception escapes.
#include <algorithm>
#include <cmath>
#include <set>

#include "content/staff_internal.h"
#include "content/store.h"
#include "content/text.h"

namespace content {
namespace {

using nlohmann::json;
using staff_detail::IsLanguageTag;
using staff_detail::IsSafeId;

constexpr size_t kMaxChanges = 200;
constexpr size_t kMaxValueBytes = 64 * 1024;
constexpr size_t kMaxDeviceBytes = 200;

struct Decoder {
    const json& doc;
    const char* code;
    const char* what;

    base::Error Bad(const std::string& message) const { return base::MakeError(code, std::string(what) + ": " + message); }

    Status Members(const std::set<std::string>& known) const {
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            if (!known.count(it.key())) return Bad("unknown member '" + it.key() + "'");
        }
        return base::Ok();
    }

    Result<std::string> String(const char* name) const {
        auto it = doc.find(name);
        if (it == doc.end()) return Bad(std::string("member '") + name + "' is missing");
        if (!it->is_string()) return Bad(std::string("member '") + name + "' must be a string");
        return it->get<std::string>();
    }

    Result<std::string> Id(const char* name) const {
        std::string value = TRY_VALUE(String(name));
        if (!IsSafeId(value)) return Bad(std::string("member '") + name + "' is not an id (1-128 of A-Z a-z 0-9 . _ : -)");
        return value;
    }

    Result<std::string> Device(const char* name) const {
        std::string value = TRY_VALUE(String(name));
        if (value.empty() || value.size() > kMaxDeviceBytes) return Bad(std::string("member '") + name + "' must be 1-200 bytes");
        if (!IsNfc(value) || !NormalizeNfc(value).ok()) return Bad(std::string("member '") + name + "' is not valid UTF-8 in NFC");
        for (unsigned char c : value) {
            if (c < 0x20 || c == 0x7f) return Bad(std::string("member '") + name + "' holds a control character");
        }
        return value;
    }

    Result<int64_t> Integer(const char* name, int64_t min_value) const {
        auto it = doc.find(name);
        if (it == doc.end()) return Bad(std::string("member '") + name + "' is missing");
        if (it->is_number_unsigned() && it->get<uint64_t>() > (uint64_t)INT64_MAX) {
            return Bad(std::string("member '") + name + "' is out of range");
        }
        if (!it->is_number_integer()) return Bad(std::string("member '") + name + "' must be an integer");
        int64_t value = it->get<int64_t>();
        if (value < min_value) return Bad(std::string("member '") + name + "' must be at least " + std::to_string(min_value));
        return value;
    }
};

// A value in a change: absent (null), a string, a number or a boolean; never an object or array.
Status CheckValue(const Decoder& d, const json& value, const std::string& where) {
    if (value.is_null() || value.is_boolean() || value.is_number_integer() || value.is_number_unsigned()) return base::Ok();
    if (value.is_number_float()) {
        if (!std::isfinite(value.get<double>())) return d.Bad(where + " is not a finite number");
        return base::Ok();
    }
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() > kMaxValueBytes) return d.Bad(where + " is longer than 64 KiB");
        if (!NormalizeNfc(text).ok()) return d.Bad(where + " is not valid UTF-8");
        return base::Ok();
    }
    return d.Bad(where + " must be null, a string, a number or a boolean");
}

Result<StaffEdit> DecodeEdit(const json& payload) {
    Decoder d{payload, "staff_edit_bad", "staff edit"};
    if (!payload.is_object()) return d.Bad(std::string("payload must be a JSON object, got ") + payload.type_name());
    TRY(d.Members({"edit_id", "staff_id", "device", "table", "record_id", "action", "base_version", "made_at", "changes"}));
    StaffEdit edit;
    edit.edit_id = TRY_VALUE(d.Id("edit_id"));
    edit.staff_id = TRY_VALUE(d.Id("staff_id"));
    edit.device = TRY_VALUE(d.Device("device"));
    edit.table = TRY_VALUE(d.String("table"));
    const auto& tables = EditableTables();
    if (std::find(tables.begin(), tables.end(), edit.table) == tables.end()) {
        return d.Bad("member 'table': '" + edit.table.substr(0, 64) + "' is not an editable table");
    }
    edit.record_id = TRY_VALUE(d.Id("record_id"));
    std::string action = TRY_VALUE(d.String("action"));
    if (action == "create") edit.action = EditAction::Create;
    else if (action == "update") edit.action = EditAction::Update;
    else if (action == "delete") edit.action = EditAction::Delete;
    else return d.Bad("member 'action': '" + action.substr(0, 32) + "' is not create, update or delete");
    edit.base_version = TRY_VALUE(d.Integer("base_version", 0));
    if (edit.action == EditAction::Create && edit.base_version != 0) {
        return d.Bad("member 'base_version' must be 0 for a create");
    }
    edit.made_at = TRY_VALUE(d.Integer("made_at", 0));

    auto changes = payload.find("changes");
    if (changes == payload.end()) return d.Bad("member 'changes' is missing");
    if (!changes->is_array()) return d.Bad("member 'changes' must be an array");
    if (changes->size() > kMaxChanges) {
        return d.Bad("member 'changes' holds " + std::to_string(changes->size()) + " changes; at most 200 are allowed");
    }
    if (changes->empty() && edit.action != EditAction::Delete) {
        return d.Bad(std::string("member 'changes' is empty: an ") + (edit.action == EditAction::Create ? "create" : "update") +
                     " needs at least one change");
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < changes->size(); ++i) {
        const json& item = (*changes)[i];
        std::string where = "changes[" + std::to_string(i) + "]";
        if (!item.is_object()) return d.Bad(where + " must be an object");
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (it.key() != "field" && it.key() != "before" && it.key() != "after") {
                return d.Bad(where + ": unknown member '" + it.key() + "'");
            }
        }
        auto field_it = item.find("field");
        if (field_it == item.end() || !field_it->is_string()) return d.Bad(where + ".field must be a string");
        FieldChange change;
        change.field = field_it->get<std::string>();
        if (auto text = ParseTextField(change.field)) {
            if (!IsTranslatableField(edit.table, text->field)) {
                return d.Bad(where + ".field: '" + text->field.substr(0, 64) + "' is not a translatable field of " + edit.table);
            }
            if (!IsLanguageTag(text->lang)) return d.Bad(where + ".field: '" + text->lang.substr(0, 40) + "' is not a language tag");
        } else if (!staff_detail::FindColumn(edit.table, change.field)) {
            return d.Bad(where + ".field: '" + change.field.substr(0, 64) + "' is not an editable column of " + edit.table);
        }
        if (!seen.insert(change.field).second) return d.Bad(where + ".field: '" + change.field + "' appears twice");
        auto before = item.find("before");
        auto after = item.find("after");
        if (after == item.end()) return d.Bad(where + ".after is missing");
        if (before == item.end() && edit.action != EditAction::Create) return d.Bad(where + ".before is missing");
        change.before = before == item.end() ? json() : *before;
        change.after = *after;
        TRY(CheckValue(d, change.before, where + ".before"));
        TRY(CheckValue(d, change.after, where + ".after"));
        edit.changes.push_back(std::move(change));
    }
    return edit;
}

Result<ConflictResolution> DecodeResolution(const json& payload) {
    Decoder d{payload, "conflict_resolution_bad", "conflict resolution"};
    if (!payload.is_object()) return d.Bad(std::string("payload must be a JSON object, got ") + payload.type_name());
    TRY(d.Members({"resolution_id", "conflict_id", "staff_id", "device", "choice", "value", "made_at"}));
    ConflictResolution resolution;
    resolution.resolution_id = TRY_VALUE(d.Id("resolution_id"));
    resolution.conflict_id = TRY_VALUE(d.Id("conflict_id"));
    resolution.staff_id = TRY_VALUE(d.Id("staff_id"));
    resolution.device = TRY_VALUE(d.Device("device"));
    std::string choice = TRY_VALUE(d.String("choice"));
    if (choice == "mine") resolution.choice = ResolutionChoice::Mine;
    else if (choice == "theirs") resolution.choice = ResolutionChoice::Theirs;
    else if (choice == "edit") resolution.choice = ResolutionChoice::Edit;
    else return d.Bad("member 'choice': '" + choice.substr(0, 32) + "' is not mine, theirs or edit");
    auto value = payload.find("value");
    if (value == payload.end()) return d.Bad("member 'value' is missing");
    // A resolution of a "record" conflict may carry an object of column values (keep the record
    // with these values); anything else is a plain value.
    if (value->is_object()) {
        if (value->size() > kMaxChanges) return d.Bad("member 'value' holds too many fields");
        for (auto it = value->begin(); it != value->end(); ++it) TRY(CheckValue(d, it.value(), "value." + it.key()));
    } else {
        TRY(CheckValue(d, *value, "value"));
    }
    resolution.value = *value;
    resolution.made_at = TRY_VALUE(d.Integer("made_at", 0));
    return resolution;
}

}  // namespace

json EncodeStaffEdit(const StaffEdit& edit) {
    json changes = json::array();
    for (const FieldChange& change : edit.changes) {
        changes.push_back({{"field", change.field}, {"before", change.before}, {"after", change.after}});
    }
    return {{"edit_id", edit.edit_id},     {"staff_id", edit.staff_id},         {"device", edit.device},
            {"table", edit.table},         {"record_id", edit.record_id},       {"action", EditActionName(edit.action)},
            {"base_version", edit.base_version}, {"made_at", edit.made_at},    {"changes", std::move(changes)}};
}

Result<StaffEdit> DecodeStaffEdit(const json& payload) {
    try {
        return DecodeEdit(payload);
    } catch (const json::exception& e) {
        return base::MakeError("staff_edit_bad", std::string("staff edit: ") + e.what());
    }
}

json EncodeConflictResolution(const ConflictResolution& resolution) {
    const char* choice = resolution.choice == ResolutionChoice::Mine     ? "mine"
                         : resolution.choice == ResolutionChoice::Theirs ? "theirs"
                                                                         : "edit";
    return {{"resolution_id", resolution.resolution_id},
            {"conflict_id", resolution.conflict_id},
            {"staff_id", resolution.staff_id},
            {"device", resolution.device},
            {"choice", choice},
            {"value", resolution.value},
            {"made_at", resolution.made_at}};
}

Result<ConflictResolution> DecodeConflictResolution(const json& payload) {
    try {
        return DecodeResolution(payload);
    } catch (const json::exception& e) {
        return base::MakeError("conflict_resolution_bad", std::string("conflict resolution: ") + e.what());
    }
}

}  // namespace content
