// tests/content/staff_support.h: a small editable directory for the staff-mode tests.
#pragma once

#include "content/staff_edit.h"
#include "content_fixture.h"

namespace staff_test {

using content_test::Check;
using content_test::Value;
using nlohmann::json;

// One organization, one service with a URL and a trilingual name (lv is the source, written
// at t=100; en at 100, ru at 50: outdated), a course series with a session (capacity 10, 4
// seats taken), a schedule, and one active and one removed staff member.
inline void SeedDirectory(content::Db& db) {
    auto tx = Value(content::Transaction::Begin(db));
    content::ContentWriter w(db);
    Check(w.Upsert("organization", {{"id", "org-1"}, {"email", "info@example.lv"}}));
    Check(w.SetText("organization", "org-1", "name", "lv", "Centrs", true, 100));
    Check(w.Upsert("service", {{"id", "svc-1"}, {"organization_id", "org-1"}, {"url", "https://old.example.lv"}}));
    Check(w.SetText("service", "svc-1", "name", "lv", "Jurista konsultācija", true, 100));
    Check(w.SetText("service", "svc-1", "name", "en", "Legal advice", false, 100));
    Check(w.SetText("service", "svc-1", "name", "ru", "Консультация юриста", false, 50));
    Check(w.Upsert("course_series", {{"id", "ser-1"},
                                     {"service_id", "svc-1"},
                                     {"kind", "language_course"},
                                     {"capacity", 10},
                                     {"dtstart", "2026-09-01T18:00:00"},
                                     {"duration_minutes", 90}}));
    Check(w.SetText("course_series", "ser-1", "name", "lv", "Latviešu valoda A1", true, 100));
    Check(w.Upsert("course_session", {{"id", "ses-1"},
                                      {"series_id", "ser-1"},
                                      {"starts_at", 1788274800},
                                      {"ends_at", 1788280200},
                                      {"local_start", "2026-09-01T18:00"},
                                      {"capacity", 10},
                                      {"seats_taken", 4}}));
    Check(w.Upsert("schedule", {{"id", "sch-1"}, {"service_id", "svc-1"}, {"byday", "MO,TU"}, {"opens_at", "09:00"}, {"closes_at", "17:00"}}));
    Check(w.Upsert("staff", {{"id", "staff-1"}, {"name", "Anna"}, {"pin_hash", "$argon2id$v=19$m=19456,t=2,p=1$x$y"}, {"created_at", 10}}));
    Check(w.Upsert("staff", {{"id", "staff-2"}, {"name", "Boris"}, {"pin_hash", "$argon2id$v=19$m=19456,t=2,p=1$x$y"}, {"created_at", 10}, {"removed_at", 20}}));
    Check(w.Finish());
    Check(tx.Commit());
}

inline content::StaffEdit UpdateEdit(const std::string& edit_id, const std::string& table, const std::string& id,
                                     int64_t base_version, std::vector<content::FieldChange> changes) {
    content::StaffEdit edit;
    edit.edit_id = edit_id;
    edit.staff_id = "staff-1";
    edit.device = "lobby-1";
    edit.table = table;
    edit.record_id = id;
    edit.action = content::EditAction::Update;
    edit.base_version = base_version;
    edit.changes = std::move(changes);
    edit.made_at = 1000;
    return edit;
}

inline std::string TextOf(content::Db& db, const std::string& table, const std::string& id, const std::string& field,
                          const std::string& lang) {
    auto stmt = Value(db.Prepare("SELECT text FROM translation WHERE tbl = ?1 AND record_id = ?2 AND field = ?3 AND lang = ?4"));
    stmt.Bind(1, table).Bind(2, id).Bind(3, field).Bind(4, lang);
    return Value(stmt.Step()) ? stmt.Text(0) : std::string("<absent>");
}

inline std::string ColumnOf(content::Db& db, const std::string& table, const std::string& id, const std::string& column) {
    auto stmt = Value(db.Prepare("SELECT coalesce(CAST(\"" + column + "\" AS TEXT), '<null>') FROM \"" + table + "\" WHERE id = ?1"));
    stmt.Bind(1, id);
    return Value(stmt.Step()) ? stmt.Text(0) : std::string("<no row>");
}

inline int64_t VersionOf(content::Db& db, const std::string& table, const std::string& id) {
    auto stmt = Value(db.Prepare("SELECT version FROM \"" + table + "\" WHERE id = ?1"));
    stmt.Bind(1, id);
    return Value(stmt.Step()) ? stmt.Int(0) : -1;
}

}  // namespace staff_test
