// tests/content/staff_read_test.cpp: records and lists as the staff editor reads them.
#include "staff_support.h"

#include "content/queries.h"

using namespace staff_test;

namespace {

const content::EditableField* FindField(const content::EditableRecord& record, const std::string& name) {
    for (const auto& field : record.fields) {
        if (field.field == name) return &field;
    }
    return nullptr;
}

const content::EditableText* FindText(const content::EditableField& field, const std::string& lang) {
    for (const auto& text : field.texts) {
        if (text.lang == lang) return &text;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("An editable record shows columns, texts, and missing and outdated translations", "[staff][staff_read]") {
    content::Db db = content_test::OpenTemp("staff_read");
    SeedDirectory(db);
    content::EditableRecord record = Value(content::ReadEditableRecord(db, "service", "svc-1", {"lv", "en", "ru", "uk"}));
    CHECK(record.table == "service");
    CHECK(record.version == 0);

    const auto* url = FindField(record, "url");
    REQUIRE(url);
    CHECK_FALSE(url->translatable);
    CHECK(url->value == "https://old.example.lv");
    const auto* age = FindField(record, "minimum_age");
    REQUIRE(age);
    CHECK(age->value.is_null());
    CHECK(FindField(record, "version") == nullptr);
    CHECK(FindField(record, "extra") == nullptr);
    // Columns first, then translatable fields.
    CHECK(record.fields.front().translatable == false);
    CHECK(record.fields.back().translatable == true);

    const auto* name = FindField(record, "name");
    REQUIRE(name);
    CHECK(name->translatable);
    REQUIRE(name->texts.size() == 4);
    CHECK(name->texts[0].lang == "lv");  // in the requested order
    CHECK(name->texts[3].lang == "uk");
    const auto* lv = FindText(*name, "lv");
    CHECK(lv->is_source);
    CHECK(lv->text == "Jurista konsultācija");
    CHECK_FALSE(lv->outdated);
    CHECK_FALSE(FindText(*name, "en")->outdated);  // same time as the source
    CHECK(FindText(*name, "ru")->outdated);        // older than the source
    CHECK_FALSE(FindText(*name, "ru")->missing);
    CHECK(FindText(*name, "uk")->missing);
    CHECK(FindText(*name, "uk")->text.empty());

    // A text in a language not asked for is still shown, after the requested ones.
    content::EditableRecord only_lv = Value(content::ReadEditableRecord(db, "service", "svc-1", {"lv"}));
    const auto* name_lv = FindField(only_lv, "name");
    REQUIRE(name_lv->texts.size() == 3);
    CHECK(name_lv->texts[0].lang == "lv");

    auto missing = content::ReadEditableRecord(db, "service", "nope", {"lv"});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "not_found");
    auto bad_table = content::ReadEditableRecord(db, "staff", "staff-1", {"lv"});
    REQUIRE_FALSE(bad_table.ok());
}

TEST_CASE("Lists of editable records count missing, outdated and conflicts, sorted by name", "[staff][staff_read]") {
    content::Db db = content_test::OpenTemp("staff_list");
    SeedDirectory(db);
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        Check(w.Upsert("service", {{"id", "svc-2"}, {"organization_id", "org-1"}}));
        Check(w.SetText("service", "svc-2", "name", "lv", "Ārsts", true, 10));
        Check(w.SetText("service", "svc-2", "name", "en", "Doctor", false, 10));
        Check(w.Upsert("service", {{"id", "svc-3"}, {"organization_id", "org-1"}}));
        Check(w.SetText("service", "svc-3", "name", "lv", "Bērni", true, 10));
        Check(w.Upsert("staff_conflict", {{"id", "c-1"}, {"tbl", "service"}, {"record_id", "svc-2"}, {"field", "url"},
                                          {"edit_id", "e-1"}, {"staff_id", "staff-1"}}));
        Check(w.Upsert("staff_conflict", {{"id", "c-2"}, {"tbl", "service"}, {"record_id", "svc-2"}, {"field", "email"},
                                          {"edit_id", "e-1"}, {"staff_id", "staff-1"}, {"status", "resolved"}}));
        Check(w.Finish());
        Check(tx.Commit());
    }
    auto list = Value(content::ListEditableRecords(db, "service", "lv", {"lv", "en", "ru"}));
    REQUIRE(list.size() == 3);
    // Latvian order: Ā sorts with A, before B and J.
    CHECK(list[0].name == "Ārsts");
    CHECK(list[1].name == "Bērni");
    CHECK(list[2].name == "Jurista konsultācija");
    CHECK(list[0].parent_id == "org-1");
    CHECK(list[0].missing_texts == 1);   // ru
    CHECK(list[0].open_conflicts == 1);  // the resolved one is not counted
    CHECK(list[1].missing_texts == 2);   // en, ru
    CHECK(list[2].missing_texts == 0);
    CHECK(list[2].outdated_texts == 1);  // ru older than lv

    auto english = Value(content::ListEditableRecords(db, "service", "en", {"lv", "en", "ru"}));
    CHECK(english[0].name == "Bērni");  // no English name: falls back to Latvian
    CHECK(english[1].name == "Doctor");
    CHECK(english[2].name == "Legal advice");

    // Records without a name text get a label built from their columns.
    auto sessions = Value(content::ListEditableRecords(db, "course_session", "en", {"lv"}));
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].name == "2026-09-01T18:00");
    CHECK(sessions[0].parent_id == "ser-1");
    CHECK(sessions[0].status != "cancelled");
    // Opening hours are named in the reader's words, as visitors see them, never "MO,TU".
    for (const char* lang : {"en", "lv", "ru"}) {
        auto schedules = Value(content::ListEditableRecords(db, "schedule", lang, {"lv"}));
        REQUIRE(schedules.size() == 1);
        content::OpeningRule rule;
        rule.weekdays = {1, 2};
        rule.opens_at = "09:00";
        rule.closes_at = "17:00";
        CHECK(schedules[0].name == content::DescribeOpeningHours({rule}, lang).at(0));
        CHECK(schedules[0].name.find("MO") == std::string::npos);
    }
    auto lv_schedules = Value(content::ListEditableRecords(db, "schedule", "lv", {"lv"}));
    CHECK(lv_schedules[0].name == "Pr–Ot 9:00–17:00");

    // A cancelled session says so through its status (the screen words it), not in its name.
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        Check(w.Upsert("course_session", {{"id", "ses-1"}, {"series_id", "ser-1"}, {"starts_at", 1788274800},
                                          {"ends_at", 1788280200}, {"local_start", "2026-09-01T18:00"}, {"capacity", 10},
                                          {"seats_taken", 4}, {"status", "cancelled"}}));
        Check(w.Finish());
        Check(tx.Commit());
    }
    auto cancelled = Value(content::ListEditableRecords(db, "course_session", "lv", {"lv"}));
    REQUIRE(cancelled.size() == 1);
    CHECK(cancelled[0].status == "cancelled");
    CHECK(cancelled[0].name == "2026-09-01T18:00");
}

TEST_CASE("Editable columns carry their kind, choices, referenced table and required-ness", "[staff][staff_read]") {
    content::Db db = content_test::OpenTemp("staff_read_kinds");
    SeedDirectory(db);
    content::EditableRecord service = Value(content::ReadEditableRecord(db, "service", "svc-1", {"lv", "en", "ru"}));

    const auto* status = FindField(service, "status");
    REQUIRE(status);
    CHECK(status->kind == content::ColumnKind::Choice);
    CHECK(std::string(content::ColumnKindName(status->kind)) == "choice");
    CHECK(status->choices == std::vector<std::string>{"active", "inactive", "defunct", "temporarily closed"});
    // NOT NULL (with a default): the editor offers no "none" for it.
    CHECK(status->required);
    CHECK(status->value == "active");

    const auto* organization = FindField(service, "organization_id");
    REQUIRE(organization);
    CHECK(organization->kind == content::ColumnKind::Reference);
    CHECK(organization->ref_table == "organization");
    CHECK(organization->value == "org-1");
    CHECK(organization->choices.empty());
    CHECK(organization->required);  // every service has a provider
    const auto* form = FindField(service, "booking_form_id");
    REQUIRE(form);
    CHECK(form->kind == content::ColumnKind::Reference);
    CHECK(form->ref_table == "booking_form");
    CHECK_FALSE(form->required);  // a service may have no booking form

    const auto* is_free = FindField(service, "is_free");
    REQUIRE(is_free);
    CHECK(is_free->kind == content::ColumnKind::Bool);
    CHECK_FALSE(is_free->required);  // NULL: not known whether it is free
    const auto* url = FindField(service, "url");
    REQUIRE(url);
    CHECK(url->kind == content::ColumnKind::Url);
    CHECK(url->ref_table.empty());
    CHECK_FALSE(url->required);
    CHECK(FindField(service, "minimum_age")->kind == content::ColumnKind::Integer);
    CHECK(FindField(service, "email")->kind == content::ColumnKind::Email);
    CHECK(FindField(service, "assured_date")->kind == content::ColumnKind::Date);
    // Translatable fields are text, never required, never references.
    const auto* name = FindField(service, "name");
    REQUIRE(name);
    CHECK(name->kind == content::ColumnKind::Text);
    CHECK_FALSE(name->required);
    CHECK(name->ref_table.empty());

    content::EditableRecord session = Value(content::ReadEditableRecord(db, "course_session", "ses-1", {"lv"}));
    const auto* series = FindField(session, "series_id");
    REQUIRE(series);
    CHECK(series->kind == content::ColumnKind::Reference);
    CHECK(series->ref_table == "course_series");
    CHECK(series->required);  // NOT NULL without a default
    CHECK(FindField(session, "status")->choices == std::vector<std::string>{"scheduled", "cancelled"});
    content::EditableRecord hours = Value(content::ReadEditableRecord(db, "schedule", "sch-1", {"lv"}));
    CHECK(FindField(hours, "opens_at")->kind == content::ColumnKind::Time);
    CHECK(FindField(hours, "freq")->kind == content::ColumnKind::Choice);

    // A new record's editor gets the same description, with no values.
    auto columns = Value(content::DescribeEditableColumns(db, "phone"));
    REQUIRE(columns.size() == content::EditableColumns("phone")->size());
    bool saw_type = false;
    for (const auto& column : columns) {
        CHECK(column.value.is_null());
        CHECK_FALSE(column.translatable);
        if (column.field == "type") {
            saw_type = true;
            CHECK(column.kind == content::ColumnKind::Choice);
            CHECK(column.choices.size() == 7);
        }
        if (column.field == "number") {
            CHECK(column.kind == content::ColumnKind::Phone);
            CHECK(column.required);
        }
    }
    CHECK(saw_type);
    auto not_editable = content::DescribeEditableColumns(db, "staff");
    REQUIRE_FALSE(not_editable.ok());
    CHECK(not_editable.error().code == "store_unknown_table");
}
