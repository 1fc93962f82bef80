// tests/content/staff_codec_test.cpp: the staff edit and conflict resolution JSON forms, and the
// strict decoder facing hostile payloads.
#include "staff_support.h"

using namespace staff_test;
using content::EditAction;

namespace {

json GoodEdit() {
    return json::parse(R"({
      "edit_id": "7c1d2f3e-0000-4000-8000-000000000001", "staff_id": "staff-1", "device": "lobby-1",
      "table": "service", "record_id": "svc-1", "action": "update", "base_version": 3, "made_at": 1795000000,
      "changes": [
        {"field": "url", "before": "https://old", "after": "https://new"},
        {"field": "text:name:lv", "before": "Jurista konsultācija", "after": "Juridiskā konsultācija"},
        {"field": "text:name:uk", "before": null, "after": "Консультація юриста"},
        {"field": "minimum_age", "before": null, "after": 18}
      ]})");
}

std::string DecodeError(const json& payload) {
    auto decoded = content::DecodeStaffEdit(payload);
    if (decoded.ok()) return "<decoded>";
    CHECK(decoded.error().code == "staff_edit_bad");
    return decoded.error().message;
}

}  // namespace

TEST_CASE("A staff edit survives encode and decode unchanged", "[staff][staff_codec]") {
    content::StaffEdit edit = Value(content::DecodeStaffEdit(GoodEdit()));
    CHECK(edit.edit_id == "7c1d2f3e-0000-4000-8000-000000000001");
    CHECK(edit.table == "service");
    CHECK(edit.action == EditAction::Update);
    CHECK(edit.base_version == 3);
    CHECK(edit.made_at == 1795000000);
    REQUIRE(edit.changes.size() == 4);
    CHECK(edit.changes[1].field == "text:name:lv");
    CHECK(edit.changes[2].before.is_null());
    CHECK(edit.changes[3].after == 18);
    CHECK(content::EncodeStaffEdit(edit) == GoodEdit());

    // Create without `before`, delete without changes.
    json create = GoodEdit();
    create["action"] = "create";
    create["base_version"] = 0;
    create["changes"] = json::array({{{"field", "organization_id"}, {"after", "org-1"}}});
    content::StaffEdit created = Value(content::DecodeStaffEdit(create));
    CHECK(created.action == EditAction::Create);
    CHECK(created.changes[0].before.is_null());
    json remove = GoodEdit();
    remove["action"] = "delete";
    remove["changes"] = json::array();
    CHECK(Value(content::DecodeStaffEdit(remove)).action == EditAction::Delete);
}

TEST_CASE("Hostile or broken staff edit payloads are refused naming the member", "[staff][staff_codec]") {
    CHECK(DecodeError(json::array()).find("JSON object") != std::string::npos);
    CHECK(DecodeError("just a string").find("JSON object") != std::string::npos);

    json edit = GoodEdit();
    edit.erase("edit_id");
    CHECK(DecodeError(edit).find("'edit_id' is missing") != std::string::npos);

    edit = GoodEdit();
    edit["edit_id"] = "x' OR 1=1; --";
    CHECK(DecodeError(edit).find("'edit_id' is not an id") != std::string::npos);

    edit = GoodEdit();
    edit["record_id"] = std::string(300, 'a');
    CHECK(DecodeError(edit).find("'record_id'") != std::string::npos);

    edit = GoodEdit();
    edit["table"] = "meta";
    CHECK(DecodeError(edit).find("not an editable table") != std::string::npos);
    edit["table"] = "staff";  // staff members are managed on the hub only
    CHECK(DecodeError(edit).find("not an editable table") != std::string::npos);
    edit["table"] = 7;
    CHECK(DecodeError(edit).find("'table' must be a string") != std::string::npos);

    edit = GoodEdit();
    edit["changes"][0]["field"] = "version";
    CHECK(DecodeError(edit).find("'version' is not an editable column") != std::string::npos);
    edit["changes"][0]["field"] = "id";
    CHECK(DecodeError(edit).find("'id' is not an editable column") != std::string::npos);
    edit["changes"][0]["field"] = "url\"; DROP TABLE service; --";
    CHECK(DecodeError(edit).find("not an editable column") != std::string::npos);

    edit = GoodEdit();
    edit["changes"][1]["field"] = "text:pin_hash:lv";
    CHECK(DecodeError(edit).find("not a translatable field") != std::string::npos);
    edit["changes"][1]["field"] = "text:name:l v";
    CHECK(DecodeError(edit).find("not a language tag") != std::string::npos);

    edit = GoodEdit();
    edit["changes"][1]["field"] = "url";
    CHECK(DecodeError(edit).find("appears twice") != std::string::npos);

    edit = GoodEdit();
    edit["changes"] = json::array();
    CHECK(DecodeError(edit).find("needs at least one change") != std::string::npos);
    edit["action"] = "create";
    edit["base_version"] = 0;
    CHECK(DecodeError(edit).find("create needs at least one change") != std::string::npos);

    edit = GoodEdit();
    edit["changes"] = json::array();
    for (int i = 0; i < 201; ++i) edit["changes"].push_back({{"field", "text:name:x" + std::to_string(i)}, {"before", nullptr}, {"after", "a"}});
    CHECK(DecodeError(edit).find("at most 200") != std::string::npos);

    edit = GoodEdit();
    edit["changes"][0]["after"] = json::object({{"nested", 1}});
    CHECK(DecodeError(edit).find("changes[0].after must be null, a string") != std::string::npos);
    edit["changes"][0]["after"] = json::array({1, 2});
    CHECK(DecodeError(edit).find("changes[0].after") != std::string::npos);
    edit["changes"][0]["after"] = std::string(70000, 'x');
    CHECK(DecodeError(edit).find("longer than 64 KiB") != std::string::npos);
    edit["changes"][0]["after"] = std::string("\xff\xfe broken");
    CHECK(DecodeError(edit).find("not valid UTF-8") != std::string::npos);

    edit = GoodEdit();
    edit["changes"][0].erase("before");
    CHECK(DecodeError(edit).find("changes[0].before is missing") != std::string::npos);
    edit = GoodEdit();
    edit["changes"][0]["color"] = "red";
    CHECK(DecodeError(edit).find("unknown member 'color'") != std::string::npos);
    edit = GoodEdit();
    edit["changes"][0] = "url";
    CHECK(DecodeError(edit).find("changes[0] must be an object") != std::string::npos);

    edit = GoodEdit();
    edit["action"] = "upsert";
    CHECK(DecodeError(edit).find("not create, update or delete") != std::string::npos);
    edit = GoodEdit();
    edit["base_version"] = -1;
    CHECK(DecodeError(edit).find("'base_version' must be at least 0") != std::string::npos);
    edit["base_version"] = 1.5;
    CHECK(DecodeError(edit).find("'base_version' must be an integer") != std::string::npos);
    edit["base_version"] = 18446744073709551615ull;
    CHECK(DecodeError(edit).find("out of range") != std::string::npos);
    edit = GoodEdit();
    edit["action"] = "create";
    CHECK(DecodeError(edit).find("must be 0 for a create") != std::string::npos);

    edit = GoodEdit();
    edit["device"] = "";
    CHECK(DecodeError(edit).find("'device'") != std::string::npos);
    edit["device"] = "lobby\n1";
    CHECK(DecodeError(edit).find("control character") != std::string::npos);

    edit = GoodEdit();
    edit["surprise"] = true;
    CHECK(DecodeError(edit).find("unknown member 'surprise'") != std::string::npos);
}

TEST_CASE("Text field names split into field and language", "[staff][staff_codec]") {
    auto parsed = content::ParseTextField("text:name:lv");
    REQUIRE(parsed);
    CHECK(parsed->field == "name");
    CHECK(parsed->lang == "lv");
    auto option = content::ParseTextField("text:option:yes:ru-RU");
    REQUIRE(option);
    CHECK(option->field == "option:yes");
    CHECK(option->lang == "ru-RU");
    CHECK_FALSE(content::ParseTextField("name"));
    CHECK_FALSE(content::ParseTextField("text:name"));
    CHECK_FALSE(content::ParseTextField("text::lv"));
    CHECK_FALSE(content::ParseTextField("text:name:"));
    CHECK(content::MakeTextField("name", "lv") == "text:name:lv");
}

TEST_CASE("Editable tables and columns never include bookkeeping columns", "[staff][staff_codec]") {
    CHECK(content::EditableTables().size() == 12);
    for (const std::string& table : content::EditableTables()) {
        const auto* columns = content::EditableColumns(table);
        REQUIRE(columns);
        for (const char* forbidden : {"id", "version", "updated_at", "seats_taken", "extra"}) {
            INFO(table << "." << forbidden);
            CHECK(std::find(columns->begin(), columns->end(), forbidden) == columns->end());
        }
    }
    const auto* session = content::EditableColumns("course_session");
    CHECK(std::find(session->begin(), session->end(), "capacity") != session->end());
    CHECK(std::find(session->begin(), session->end(), "status") != session->end());
    CHECK(content::EditableColumns("staff") == nullptr);
    CHECK(content::EditableColumns("translation") == nullptr);
}

TEST_CASE("Every editable column exists in the schema", "[staff][staff_codec]") {
    content::Db db = content_test::OpenTemp("staff_columns");
    for (const std::string& table : content::EditableTables()) {
        for (const std::string& column : *content::EditableColumns(table)) {
            INFO(table << "." << column);
            auto stmt = Value(db.Prepare("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2"));
            stmt.Bind(1, table).Bind(2, column);
            REQUIRE(Value(stmt.Step()));
            CHECK(stmt.Int(0) == 1);
        }
    }
}

TEST_CASE("A conflict resolution survives encode and decode, and bad ones are refused", "[staff][staff_codec]") {
    content::ConflictResolution resolution;
    resolution.resolution_id = "res-1";
    resolution.conflict_id = "con-1";
    resolution.staff_id = "staff-1";
    resolution.device = "laptop:desk";
    resolution.choice = content::ResolutionChoice::Edit;
    resolution.value = "https://both.example.lv";
    resolution.made_at = 42;
    json encoded = content::EncodeConflictResolution(resolution);
    CHECK(encoded["choice"] == "edit");
    content::ConflictResolution decoded = Value(content::DecodeConflictResolution(encoded));
    CHECK(decoded.resolution_id == "res-1");
    CHECK(decoded.conflict_id == "con-1");
    CHECK(decoded.device == "laptop:desk");
    CHECK(decoded.choice == content::ResolutionChoice::Edit);
    CHECK(decoded.value == "https://both.example.lv");
    CHECK(decoded.made_at == 42);

    json bad = encoded;
    bad["choice"] = "both";
    auto refused = content::DecodeConflictResolution(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "conflict_resolution_bad");
    CHECK(refused.error().message.find("'choice'") != std::string::npos);
    bad = encoded;
    bad.erase("value");
    refused = content::DecodeConflictResolution(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("'value' is missing") != std::string::npos);
    bad = encoded;
    bad["value"] = json::array({"a"});
    CHECK_FALSE(content::DecodeConflictResolution(bad).ok());
    bad = encoded;
    bad["conflict_id"] = "../../etc";
    CHECK_FALSE(content::DecodeConflictResolution(bad).ok());
}
