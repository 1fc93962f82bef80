#include "sync/protocol.h"

#include <algorithm>

#include "base/json.h"
#include "base/text_safety.h"
#include "content/schema.h"

namespace ksync {
namespace {

using nlohmann::json;

base::Error Bad(const char* code, std::string message) { return base::MakeError(code, std::move(message)); }

// Reads an integer member; absent or not an integer is an error.
Result<int64_t> IntMember(const json& object, const char* name, const char* code) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number_integer()) {
        return Bad(code, std::string("member '") + name + "' must be an integer");
    }
    return it->get<int64_t>();
}

// An integer member that may be absent or null (nullopt); any other type is an error.
Result<std::optional<int64_t>> OptionalIntMember(const json& object, const char* name, const char* code) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::optional<int64_t>();
    if (!it->is_number_integer()) return Bad(code, std::string("member '") + name + "' must be an integer or null");
    return std::optional<int64_t>(it->get<int64_t>());
}

Result<std::string> StringMember(const json& object, const char* name, const char* code, bool required = true,
                                 size_t max_length = kMaxIdLength) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) {
        if (required) return Bad(code, std::string("member '") + name + "' is missing");
        return std::string();
    }
    if (!it->is_string()) return Bad(code, std::string("member '") + name + "' must be a string");
    std::string value = it->get<std::string>();
    if (value.size() > max_length) return Bad(code, std::string("member '") + name + "' is too long");
    return value;
}

Result<bool> BoolMember(const json& object, const char* name, const char* code) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_boolean()) return Bad(code, std::string("member '") + name + "' must be a boolean");
    return it->get<bool>();
}

bool IsIdentifier(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool IsKeyPart(std::string_view text) {
    return !text.empty() && text.size() <= kMaxIdLength && text.find('\x1f') == std::string_view::npos;
}

// Parses without exceptions; a body that is not JSON, or nested deeper than any message of the
// protocol (base/json.h), is an error, not a crash.
Result<json> ParseJson(std::string_view body, size_t limit) {
    if (body.size() > limit) return Bad("proto_too_large", "body of " + std::to_string(body.size()) + " bytes exceeds the limit");
    auto value = base::ParseJson(body);
    if (!value.ok()) {
        if (value.error().code == "json_too_deep") return Bad("proto_too_deep", "body " + value.error().message);
        return Bad("proto_bad_json", "body is not valid JSON");
    }
    return std::move(value).value();
}

Result<Change> DecodeChange(const json& item, int64_t since, int64_t previous_seq) {
    const char* code = "proto_bad_change";
    if (!item.is_object()) return Bad(code, "a change must be an object");
    Change change;
    change.seq = TRY_VALUE(IntMember(item, "seq", code));
    if (change.seq <= since || change.seq <= previous_seq) {
        return Bad(code, "change seq " + std::to_string(change.seq) + " is out of order");
    }
    change.table = TRY_VALUE(StringMember(item, "table", code));
    if (!IsKnownContentTable(change.table)) return Bad(code, "unknown table '" + change.table + "'");
    std::string op = TRY_VALUE(StringMember(item, "op", code));
    if (op == "upsert") {
        change.op = ChangeOp::Upsert;
    } else if (op == "delete") {
        change.op = ChangeOp::Delete;
    } else {
        return Bad(code, "unknown op '" + op + "'");
    }
    auto key = item.find("key");
    if (key == item.end()) return Bad(code, "change has no key");
    if (change.table == "translation") {
        if (!key->is_array() || key->size() != 4 || !std::all_of(key->begin(), key->end(), [](const json& part) {
                return part.is_string() && IsKeyPart(part.get_ref<const std::string&>());
            })) {
            return Bad(code, "a translation key must be [tbl, record_id, field, lang]");
        }
        change.tkey = {(*key)[0].get<std::string>(), (*key)[1].get<std::string>(), (*key)[2].get<std::string>(),
                       (*key)[3].get<std::string>()};
    } else {
        if (!key->is_string() || !IsKeyPart(key->get_ref<const std::string&>())) {
            return Bad(code, "a key must be a non-empty id string");
        }
        change.id = key->get<std::string>();
    }
    if (change.op == ChangeOp::Delete) return change;

    auto row = item.find("row");
    if (row == item.end() || !row->is_object() || row->empty()) return Bad(code, "an upsert needs a row object");
    for (auto it = row->begin(); it != row->end(); ++it) {
        if (!IsIdentifier(it.key())) return Bad(code, "bad column name in " + change.table);
        const json& value = it.value();
        if (!(value.is_null() || value.is_string() || value.is_number())) {
            return Bad(code, "column '" + it.key() + "' of " + change.table + " must be null, a string or a number");
        }
    }
    // The row must describe the record its key names, or a forged page could overwrite another.
    if (change.table == "translation") {
        const TranslationKey& k = change.tkey;
        auto same = [&](const char* column, const std::string& expected) {
            auto it = row->find(column);
            return it != row->end() && it->is_string() && it->get_ref<const std::string&>() == expected;
        };
        if (!same("tbl", k.tbl) || !same("record_id", k.record_id) || !same("field", k.field) || !same("lang", k.lang)) {
            return Bad(code, "translation row does not match its key");
        }
        auto text = row->find("text");
        if (text == row->end() || !text->is_string()) return Bad(code, "translation row has no text");
    } else {
        auto id = row->find("id");
        if (id == row->end() || !id->is_string() || id->get_ref<const std::string&>() != change.id) {
            return Bad(code, "row id does not match the key in " + change.table);
        }
    }
    change.row = *row;
    return change;
}

json EncodeChange(const Change& change) {
    json item = {{"seq", change.seq}, {"table", change.table}, {"op", change.op == ChangeOp::Upsert ? "upsert" : "delete"}};
    if (change.table == "translation") {
        item["key"] = json::array({change.tkey.tbl, change.tkey.record_id, change.tkey.field, change.tkey.lang});
    } else {
        item["key"] = change.id;
    }
    if (change.op == ChangeOp::Upsert) item["row"] = change.row;
    return item;
}

Result<OpOutcome> OutcomeFromName(const std::string& name) {
    if (name == "accepted") return OpOutcome::Accepted;
    if (name == "duplicate") return OpOutcome::Duplicate;
    if (name == "rejected") return OpOutcome::Rejected;
    return Bad("proto_bad_push", "unknown result '" + name + "'");
}

}  // namespace

bool IsKnownContentTable(std::string_view table) {
    const auto& tables = content::ContentTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

std::string JoinTranslationKey(const TranslationKey& key) {
    return key.tbl + '\x1f' + key.record_id + '\x1f' + key.field + '\x1f' + key.lang;
}

std::string Change::StageKey() const { return table == "translation" ? JoinTranslationKey(tkey) : id; }

Result<PullPage> DecodePullPage(std::string_view body) {
    try {
        json doc = TRY_VALUE(ParseJson(body, kMaxPageBytes));
        const char* code = "proto_bad_page";
        if (!doc.is_object()) return Bad(code, "a page must be a JSON object");
        PullPage page;
        page.protocol = (int)TRY_VALUE(IntMember(doc, "protocol", code));
        if (page.protocol != kProtocolVersion) {
            return Bad("proto_version", "page protocol " + std::to_string(page.protocol) + ", this kiosk speaks " +
                                            std::to_string(kProtocolVersion));
        }
        page.epoch = TRY_VALUE(StringMember(doc, "epoch", code));
        if (page.epoch.empty()) return Bad(code, "epoch is empty");
        page.schema_version = (int)TRY_VALUE(IntMember(doc, "schema_version", code));
        page.since = TRY_VALUE(IntMember(doc, "since", code));
        page.to = TRY_VALUE(IntMember(doc, "to", code));
        page.head = TRY_VALUE(IntMember(doc, "head", code));
        page.head_at = TRY_VALUE(IntMember(doc, "head_at", code));
        page.has_more = TRY_VALUE(BoolMember(doc, "has_more", code));
        page.snapshot = TRY_VALUE(BoolMember(doc, "snapshot", code));
        if (page.since < 0 || page.to < page.since || page.head < page.to) {
            return Bad(code, "page range is inconsistent (since " + std::to_string(page.since) + ", to " +
                                 std::to_string(page.to) + ", head " + std::to_string(page.head) + ")");
        }
        if (page.snapshot && page.since != 0) return Bad(code, "a snapshot starts at 0");
        if (!page.has_more && page.to != page.head) return Bad(code, "the last page must end at head");
        auto changes = doc.find("changes");
        if (changes == doc.end() || !changes->is_array()) return Bad(code, "changes must be an array");
        page.changes.reserve(changes->size());
        int64_t previous = page.since;
        for (const json& item : *changes) {
            Change change = TRY_VALUE(DecodeChange(item, page.since, previous));
            if (change.seq > page.to) return Bad("proto_bad_change", "change seq beyond the page's end");
            previous = change.seq;
            page.changes.push_back(std::move(change));
        }
        if (page.has_more && page.changes.empty()) return Bad(code, "a page with more to come must not be empty");
        return page;
    } catch (const std::exception& e) {
        return Bad("proto_bad_page", e.what());
    }
}

std::string EncodePullPage(const PullPage& page) {
    json doc = {{"protocol", page.protocol}, {"epoch", page.epoch},   {"schema_version", page.schema_version},
                {"since", page.since},       {"to", page.to},         {"head", page.head},
                {"head_at", page.head_at},   {"has_more", page.has_more}, {"snapshot", page.snapshot}};
    json changes = json::array();
    for (const Change& change : page.changes) changes.push_back(EncodeChange(change));
    doc["changes"] = std::move(changes);
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- push ---------------------------------------------------------------------------------

const char* OutcomeName(OpOutcome outcome) {
    switch (outcome) {
        case OpOutcome::Accepted: return "accepted";
        case OpOutcome::Duplicate: return "duplicate";
        case OpOutcome::Rejected: return "rejected";
    }
    return "rejected";
}

Result<PushRequest> DecodePushRequest(std::string_view body) {
    try {
        json doc = TRY_VALUE(ParseJson(body, kMaxPushBytes));
        const char* code = "proto_bad_push";
        if (!doc.is_object()) return Bad(code, "a push must be a JSON object");
        PushRequest request;
        auto ops = doc.find("ops");
        if (ops == doc.end() || !ops->is_array()) return Bad(code, "ops must be an array");
        if (ops->size() > kMaxOpsPerPush) return Bad("proto_too_large", "at most " + std::to_string(kMaxOpsPerPush) + " ops per push");
        for (const json& item : *ops) {
            if (!item.is_object()) return Bad(code, "an op must be an object");
            PushOp op;
            op.op_id = TRY_VALUE(StringMember(item, "op_id", code));
            if (!IsKeyPart(op.op_id)) return Bad(code, "op_id is empty or malformed");
            op.kind = TRY_VALUE(StringMember(item, "kind", code));
            op.ref_id = TRY_VALUE(StringMember(item, "ref_id", code, /*required=*/false));
            op.created_at = TRY_VALUE(IntMember(item, "created_at", code));
            // A kiosk's clock may be wrong (the hub then keeps its own time), never outside years 1970-9999.
            if (op.created_at < 0 || op.created_at > kMaxUnixTime) return Bad(code, "op " + op.op_id + ": created_at out of range");
            if (base::HasUnsafeText(op.kind) || base::HasUnsafeText(op.ref_id)) {
                return Bad(code, "op " + op.op_id + ": control or bidi-override characters in kind or ref_id");
            }
            auto payload = item.find("payload");
            if (payload == item.end() || !payload->is_object()) return Bad(code, "op " + op.op_id + " needs a payload object");
            op.payload = *payload;
            for (const PushOp& earlier : request.ops) {
                if (earlier.op_id == op.op_id) return Bad(code, "op_id " + op.op_id + " appears twice");
            }
            request.ops.push_back(std::move(op));
        }
        auto health = doc.find("health");
        if (health != doc.end() && !health->is_null()) {
            if (!health->is_object()) return Bad(code, "health must be an object");
            HealthReport report;
            // Shown to administrators: control and bidi-override characters neutralised here, as
            // soon as they arrive (base/text_safety.h), not only where they are printed.
            report.firmware = base::ForTerminal(TRY_VALUE(StringMember(*health, "firmware", code, false)));
            report.content_seq = TRY_VALUE(IntMember(*health, "content_seq", code));
            report.outbox_depth = TRY_VALUE(IntMember(*health, "outbox_depth", code));
            report.uptime_s = TRY_VALUE(IntMember(*health, "uptime_s", code));
            report.free_disk_bytes = TRY_VALUE(IntMember(*health, "free_disk_bytes", code));
            report.last_success_at = TRY_VALUE(IntMember(*health, "last_success_at", code));
            report.last_result = base::ForTerminal(TRY_VALUE(StringMember(*health, "last_result", code, false)));
            report.last_error = base::ForTerminal(TRY_VALUE(StringMember(*health, "last_error", code, false, 1000)));
            request.health = std::move(report);
        }
        return request;
    } catch (const std::exception& e) {
        return Bad("proto_bad_push", e.what());
    }
}

std::string EncodePushRequest(const PushRequest& request) {
    json ops = json::array();
    for (const PushOp& op : request.ops) {
        ops.push_back({{"op_id", op.op_id}, {"kind", op.kind}, {"ref_id", op.ref_id}, {"payload", op.payload},
                       {"created_at", op.created_at}});
    }
    json doc = {{"ops", std::move(ops)}};
    if (request.health) {
        const HealthReport& h = *request.health;
        doc["health"] = {{"firmware", h.firmware},       {"content_seq", h.content_seq},
                         {"outbox_depth", h.outbox_depth}, {"uptime_s", h.uptime_s},
                         {"free_disk_bytes", h.free_disk_bytes}, {"last_success_at", h.last_success_at},
                         {"last_result", h.last_result},  {"last_error", h.last_error}};
    }
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<PushResponse> DecodePushResponse(std::string_view body) {
    try {
        json doc = TRY_VALUE(ParseJson(body, kMaxPushBytes));
        const char* code = "proto_bad_push";
        if (!doc.is_object()) return Bad(code, "a push answer must be a JSON object");
        PushResponse response;
        response.head = TRY_VALUE(IntMember(doc, "head", code));
        auto results = doc.find("results");
        if (results == doc.end() || !results->is_array()) return Bad(code, "results must be an array");
        for (const json& item : *results) {
            if (!item.is_object()) return Bad(code, "a result must be an object");
            OpResult result;
            result.op_id = TRY_VALUE(StringMember(item, "op_id", code));
            result.outcome = TRY_VALUE(OutcomeFromName(TRY_VALUE(StringMember(item, "result", code))));
            std::string original = TRY_VALUE(StringMember(item, "original", code, false));
            result.original = original.empty() ? OpOutcome::Accepted : TRY_VALUE(OutcomeFromName(original));
            result.reason = TRY_VALUE(StringMember(item, "reason", code, false));
            result.message = TRY_VALUE(StringMember(item, "message", code, false, 1000));
            response.results.push_back(std::move(result));
        }
        auto seen = doc.find("seen");
        if (seen != doc.end() && !seen->is_null()) {
            if (!seen->is_object()) return Bad(code, "seen must be an object");
            SeenHealth health;
            health.last_seen_at = TRY_VALUE(OptionalIntMember(*seen, "last_seen_at", code));
            health.content_seq = TRY_VALUE(OptionalIntMember(*seen, "content_seq", code));
            health.outbox_depth = TRY_VALUE(OptionalIntMember(*seen, "outbox_depth", code));
            health.firmware = TRY_VALUE(StringMember(*seen, "firmware", code, false));
            response.seen = std::move(health);
        }
        return response;
    } catch (const std::exception& e) {
        return Bad("proto_bad_push", e.what());
    }
}

std::string EncodePushResponse(const PushResponse& response) {
    json results = json::array();
    for (const OpResult& r : response.results) {
        json item = {{"op_id", r.op_id}, {"result", OutcomeName(r.outcome)}};
        if (r.outcome == OpOutcome::Duplicate) item["original"] = OutcomeName(r.original);
        if (!r.reason.empty()) item["reason"] = r.reason;
        if (!r.message.empty()) item["message"] = r.message;
        results.push_back(std::move(item));
    }
    json doc = {{"results", std::move(results)}, {"head", response.head}};
    if (response.seen) {
        auto optional = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
        doc["seen"] = {{"last_seen_at", optional(response.seen->last_seen_at)},
                       {"content_seq", optional(response.seen->content_seq)},
                       {"outbox_depth", optional(response.seen->outbox_depth)},
                       {"firmware", response.seen->firmware}};
    }
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EncodeError(std::string_view code, std::string_view message) {
    return json{{"error", {{"code", code}, {"message", message}}}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

base::Error DecodeError(int http_status, std::string_view body) {
    std::string fallback_code = "hub_http_" + std::to_string(http_status);
    json doc = base::ParseJsonOrDiscarded(body);
    if (doc.is_object()) {
        auto error = doc.find("error");
        if (error != doc.end() && error->is_object()) {
            auto code = error->find("code");
            auto message = error->find("message");
            std::string code_text = code != error->end() && code->is_string() ? code->get<std::string>() : fallback_code;
            std::string message_text = message != error->end() && message->is_string() ? message->get<std::string>() : "";
            return base::MakeError("hub_" + code_text, "HTTP " + std::to_string(http_status) + ": " + message_text);
        }
    }
    std::string excerpt(body.substr(0, 120));
    return base::MakeError(fallback_code, "HTTP " + std::to_string(http_status) + (excerpt.empty() ? "" : ": " + excerpt));
}

}  // namespace ksync
