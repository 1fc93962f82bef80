// tests/content/staff_apply_test.cpp: validation (codes and messages per language) and the
// device's local apply: content and outbox in one transaction, versions, translation times,
// and the re-apply after a pull overwrote the rows.
#include "content/bookings.h"
#include "content/hsds_export.h"
#include "content/search.h"
#include "content/staff_internal.h"
#include "staff_support.h"

#include <regex>

using namespace staff_test;
using content::FieldChange;

namespace {

std::vector<std::string> Codes(const std::vector<content::EditProblem>& problems) {
    std::vector<std::string> codes;
    for (const auto& problem : problems) codes.push_back(problem.field + "=" + problem.code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::string Message(const std::vector<content::EditProblem>& problems, const std::string& code) {
    for (const auto& problem : problems) {
        if (problem.code == code) return problem.message;
    }
    return "<none>";
}

std::string Snapshot(content::Db& db) {
    json dump = Value(content::DumpContent(db));
    auto outbox = Value(content::PeekOutbox(db, 1000));
    for (const auto& item : outbox) dump["__outbox"].push_back(item.op_id + " " + item.payload);
    dump["__fts"] = Value(db.QueryInt("SELECT count(*) FROM search_doc"));
    return dump.dump();
}

// The arguments of a call, split at the commas outside parentheses and string literals.
std::vector<std::string> Arguments(const std::string& call) {
    std::vector<std::string> args(1);
    int depth = 0;
    bool quoted = false;
    for (char c : call) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')') --depth;
        if (!quoted && depth == 0 && c == ',') {
            args.emplace_back();
            continue;
        }
        args.back() += c;
    }
    return args;
}

// Every problem code content/staff_validate.cpp can report: the literals in the code argument
// (the second) of its Add() calls, also those a conditional expression chooses between.
std::set<std::string> ProblemCodesInSource() {
    std::ifstream in(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "staff_validate.cpp");
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    std::set<std::string> codes;
    std::regex add(R"(Add\(([^;]*)\);)");
    std::regex literal(R"re("([a-z_]+)")re");
    for (auto it = std::sregex_iterator(source.begin(), source.end(), add); it != std::sregex_iterator(); ++it) {
        const std::vector<std::string> args = Arguments((*it)[1].str());
        if (args.size() < 2) continue;
        const std::string& code = args[1];
        for (auto lit = std::sregex_iterator(code.begin(), code.end(), literal); lit != std::sregex_iterator(); ++lit) {
            codes.insert((*lit)[1].str());
        }
    }
    return codes;
}

}  // namespace

TEST_CASE("Every validation problem has its own message in Latvian, English, Russian and Ukrainian",
          "[staff][staff_apply]") {
    const std::set<std::string> codes = ProblemCodesInSource();
    // The file's Add() calls name more than twenty codes; far fewer means the scan broke.
    REQUIRE(codes.size() >= 20);
    for (const char* known : {"required", "bad_email", "bad_choice", "unknown_parent", "below_seats_taken",
                              "duplicate_key", "bad_number", "bad_decimal", "bad_text", "not_found"}) {
        INFO(known);
        CHECK(codes.count(known) == 1);
    }
    for (const std::string& code : codes) {
        INFO("code " << code);
        const std::string lv = content::staff_detail::ProblemMessage(code, "lv", "7");
        const std::string en = content::staff_detail::ProblemMessage(code, "en", "7");
        const std::string ru = content::staff_detail::ProblemMessage(code, "ru", "7");
        const std::string uk = content::staff_detail::ProblemMessage(code, "uk", "7");
        for (const std::string* message : {&lv, &en, &ru, &uk}) {
            CHECK(*message != code);
            CHECK(message->size() > 5);
            // The argument replaces the slot; no slot is left for people to read.
            CHECK(message->find("{}") == std::string::npos);
        }
        // Four languages, four texts: a Ukrainian staff member reads neither the Russian nor the
        // English one.
        CHECK(std::set<std::string>{lv, en, ru, uk}.size() == 4);
        // A regional tag reads its language's message.
        CHECK(content::staff_detail::ProblemMessage(code, "lv-LV", "7") == lv);
        CHECK(content::staff_detail::ProblemMessage(code, "uk-UA", "7") == uk);
        // A language the staff screens do not offer reads English, the UI's own fallback.
        CHECK(content::staff_detail::ProblemMessage(code, "de", "7") == en);
    }
    // A code without a message shows as itself (never an empty line under a field).
    CHECK(content::staff_detail::ProblemMessage("no_such_code", "lv") == "no_such_code");
    CHECK(content::staff_detail::ProblemMessage("no_such_code", "uk") == "no_such_code");
}

TEST_CASE("Validation gives stable codes and messages in Latvian, English, Russian and Ukrainian",
          "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_validate");
    SeedDirectory(db);
    auto edit = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "ftp://files"},
                            {"email", nullptr, "not-an-email"},
                            {"minimum_age", nullptr, "twelve"},
                            {"organization_id", "org-1", "org-missing"},
                            {"status", nullptr, "sleeping"}});
    auto problems = Value(content::ValidateStaffEdit(db, edit, "en"));
    CHECK(Codes(problems) == std::vector<std::string>{"email=bad_email", "minimum_age=bad_number",
                                                      "organization_id=unknown_parent", "status=bad_choice",
                                                      "url=bad_url"});
    CHECK(Message(problems, "bad_email") == "Enter a valid e-mail address.");
    CHECK(Message(problems, "bad_choice").find("temporarily closed") != std::string::npos);
    auto lv = Value(content::ValidateStaffEdit(db, edit, "lv"));
    CHECK(Message(lv, "bad_email") == "Ievadiet derīgu e-pasta adresi.");
    auto ru = Value(content::ValidateStaffEdit(db, edit, "ru"));
    CHECK(Message(ru, "bad_email") == "Введите правильный адрес электронной почты.");
    CHECK(Message(ru, "bad_url") != Message(lv, "bad_url"));
    // The staff screens also run in Ukrainian: its own words, not the Russian or English ones.
    auto uk = Value(content::ValidateStaffEdit(db, edit, "uk"));
    CHECK(Message(uk, "bad_email") == "Введіть правильну адресу електронної пошти.");
    CHECK(Message(uk, "bad_url") != Message(ru, "bad_url"));
    // A language the staff screens do not offer falls back to English.
    CHECK(Message(Value(content::ValidateStaffEdit(db, edit, "de")), "bad_email") == "Enter a valid e-mail address.");

    // Times, phones, capacity below seats taken, required columns, end before start.
    auto hours = UpdateEdit("e-2", "schedule", "sch-1", 0, {{"opens_at", "09:00", "9.00"}, {"closes_at", "17:00", "25:00"}});
    CHECK(Codes(Value(content::ValidateStaffEdit(db, hours, "en"))) ==
          std::vector<std::string>{"closes_at=bad_time", "opens_at=bad_time"});
    auto backwards = UpdateEdit("e-3", "schedule", "sch-1", 0, {{"opens_at", "09:00", "18:00"}});
    auto backwards_problems = Value(content::ValidateStaffEdit(db, backwards, "lv"));
    CHECK(Codes(backwards_problems) == std::vector<std::string>{"closes_at=end_before_start"});
    CHECK(Message(backwards_problems, "end_before_start") == "Beigām jābūt pēc sākuma.");
    auto seats = UpdateEdit("e-4", "course_session", "ses-1", 0, {{"capacity", 10, 3}});
    auto seat_problems = Value(content::ValidateStaffEdit(db, seats, "ru"));
    CHECK(Codes(seat_problems) == std::vector<std::string>{"capacity=below_seats_taken"});
    CHECK(Message(seat_problems, "below_seats_taken").find("(4)") != std::string::npos);
    auto enough = UpdateEdit("e-5", "course_session", "ses-1", 0, {{"capacity", 10, "4"}, {"status", "scheduled", "cancelled"}});
    CHECK(Value(content::ValidateStaffEdit(db, enough, "en")).empty());
    auto negative = UpdateEdit("e-6", "course_session", "ses-1", 0, {{"capacity", 10, -1}});
    // One problem per field: a value that is wrong in itself is not also compared with others.
    CHECK(Codes(Value(content::ValidateStaffEdit(db, negative, "en"))) == std::vector<std::string>{"capacity=too_small"});
    auto huge = UpdateEdit("e-6b", "course_session", "ses-1", 0, {{"capacity", 10, "99999999999999999999"}});
    CHECK(Codes(Value(content::ValidateStaffEdit(db, huge, "en"))) == std::vector<std::string>{"capacity=bad_number"});
    auto cleared = UpdateEdit("e-7", "course_session", "ses-1", 0, {{"local_start", "2026-09-01T18:00", ""}});
    CHECK(Codes(Value(content::ValidateStaffEdit(db, cleared, "en"))) == std::vector<std::string>{"local_start=required"});

    content::StaffEdit phone;
    phone.edit_id = "e-8";
    phone.staff_id = "staff-1";
    phone.device = "lobby-1";
    phone.table = "phone";
    phone.record_id = "ph-new";
    phone.action = content::EditAction::Create;
    phone.changes = {{"service_id", nullptr, "svc-1"}, {"number", nullptr, "call me"}};
    CHECK(Codes(Value(content::ValidateStaffEdit(db, phone, "en"))) == std::vector<std::string>{"number=bad_phone"});
    phone.changes = {{"service_id", nullptr, "svc-1"}};
    CHECK(Codes(Value(content::ValidateStaffEdit(db, phone, "en"))) == std::vector<std::string>{"number=required"});
    phone.changes = {{"service_id", nullptr, "svc-1"}, {"number", nullptr, "+371 67 000 000"}};
    CHECK(Value(content::ValidateStaffEdit(db, phone, "en")).empty());

    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        Check(w.Upsert("booking_form", {{"id", "form-1"}, {"kind", "consultation"}}));
        Check(w.Upsert("booking_form_field", {{"id", "ff-1"}, {"form_id", "form-1"}, {"position", 1}, {"key", "name"}, {"type", "text"}}));
        Check(w.Upsert("booking_form_field", {{"id", "ff-2"}, {"form_id", "form-1"}, {"position", 2}, {"key", "phone"}, {"type", "phone"}}));
        Check(tx.Commit());
    }
    auto same_key = UpdateEdit("e-11", "booking_form_field", "ff-2", 0, {{"key", "phone", "name"}});
    auto key_problems = Value(content::ValidateStaffEdit(db, same_key, "lv"));
    CHECK(Codes(key_problems) == std::vector<std::string>{"key=duplicate_key"});
    CHECK(Message(key_problems, "duplicate_key") == "Šajā veidlapā jau ir lauks ar šo atslēgu.");
    auto own_key = UpdateEdit("e-12", "booking_form_field", "ff-2", 0, {{"key", "phone", "phone"}, {"required", 0, "1"}});
    CHECK(Value(content::ValidateStaffEdit(db, own_key, "en")).empty());

    auto gone = UpdateEdit("e-9", "service", "svc-gone", 0, {{"url", nullptr, "https://x.lv"}});
    CHECK(Codes(Value(content::ValidateStaffEdit(db, gone, "en"))) == std::vector<std::string>{"=not_found"});
    auto bad_text = UpdateEdit("e-10", "service", "svc-1", 0, {{"text:name:lv", "x", std::string("\xc3\x28")}});
    CHECK(Codes(Value(content::ValidateStaffEdit(db, bad_text, "en"))) == std::vector<std::string>{"text:name:lv=bad_text"});
}

TEST_CASE("A local edit writes the content and its outbox op in one transaction", "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_apply");
    SeedDirectory(db);
    // The combining-mark spelling is stored as NFC.
    std::string decomposed = "Juridiska\xCC\x84 konsulta\xCC\x84\x63ija";
    auto edit = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "https://new.example.lv"},
                            {"text:name:lv", "Jurista konsultācija", decomposed},
                            {"text:name:uk", nullptr, "Консультація юриста"}});
    int64_t version = Value(content::ApplyStaffEditLocally(db, edit, 5000));
    CHECK(version == 1);
    CHECK(VersionOf(db, "service", "svc-1") == 1);
    CHECK(ColumnOf(db, "service", "svc-1", "updated_at") == "5000");
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://new.example.lv");
    CHECK(TextOf(db, "service", "svc-1", "name", "lv") == "Juridiskā konsultācija");
    CHECK(TextOf(db, "service", "svc-1", "name", "uk") == "Консультація юриста");

    auto outbox = Value(content::PeekOutbox(db, 10));
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].op_id == "e-1");
    CHECK(outbox[0].kind == "staff_edit");
    CHECK(outbox[0].ref_id == "svc-1");
    content::StaffEdit queued = Value(content::DecodeStaffEdit(json::parse(outbox[0].payload)));
    CHECK(queued.changes.size() == 3);
    CHECK(queued.base_version == 0);

    // The source text got the new time; en (untouched, time 100) is now outdated; uk is new and
    // is not the source, since the field had a source already.
    content::EditableRecord record = Value(content::ReadEditableRecord(db, "service", "svc-1", {"lv", "en", "uk"}));
    for (const auto& field : record.fields) {
        if (field.field != "name") continue;
        CHECK(field.texts[0].updated_at == 5000);
        CHECK(field.texts[0].is_source);
        CHECK(field.texts[1].outdated);
        CHECK_FALSE(field.texts[2].outdated);
        CHECK_FALSE(field.texts[2].is_source);
        CHECK(field.texts[2].updated_at == 5000);
    }
    // Search sees the new name at once.
    auto hits = Value(content::Search(db, "juridiska", "lv"));
    CHECK_FALSE(hits.empty());

    // A second edit on top: version 2. Replaying the same edit id is refused, nothing changes.
    auto second = UpdateEdit("e-2", "service", "svc-1", 1, {{"url", "https://new.example.lv", "https://newer.example.lv"}});
    CHECK(Value(content::ApplyStaffEditLocally(db, second, 6000)) == 2);
    std::string before_replay = Snapshot(db);
    auto replay = content::ApplyStaffEditLocally(db, second, 7000);
    REQUIRE_FALSE(replay.ok());
    CHECK(replay.error().code == "staff_op_duplicate");
    CHECK(Snapshot(db) == before_replay);
}

TEST_CASE("A failing validation changes nothing at all", "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_apply_invalid");
    SeedDirectory(db);
    std::string before = Snapshot(db);
    auto edit = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"text:name:lv", "Jurista konsultācija", "Jauns nosaukums"}, {"email", nullptr, "nope"}});
    auto result = content::ApplyStaffEditLocally(db, edit, 5000);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "staff_edit_invalid");
    CHECK(result.error().message.find("email: bad_email") != std::string::npos);
    CHECK(Snapshot(db) == before);
    CHECK(Value(content::OutboxDepth(db)) == 0);

    auto gone = UpdateEdit("e-2", "service", "svc-none", 0, {{"url", nullptr, "https://x.lv"}});
    auto missing = content::ApplyStaffEditLocally(db, gone, 5000);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "staff_edit_invalid");
    CHECK(Snapshot(db) == before);
}

TEST_CASE("Create and delete on the device, with their outbox ops", "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_create");
    SeedDirectory(db);
    content::StaffEdit create;
    create.edit_id = "e-c";
    create.staff_id = "staff-1";
    create.device = "lobby-1";
    create.table = "course_session";
    create.record_id = "ses-new";
    create.action = content::EditAction::Create;
    create.changes = {{"series_id", nullptr, "ser-1"},      {"starts_at", nullptr, 1788879600},
                      {"ends_at", nullptr, 1788885000},     {"local_start", nullptr, "2026-09-08T18:00"},
                      {"capacity", nullptr, "12"}};
    CHECK(Value(content::ApplyStaffEditLocally(db, create, 100)) == 1);
    CHECK(ColumnOf(db, "course_session", "ses-new", "capacity") == "12");
    CHECK(ColumnOf(db, "course_session", "ses-new", "status") == "scheduled");
    CHECK(ColumnOf(db, "course_session", "ses-new", "seats_taken") == "0");

    content::StaffEdit remove;
    remove.edit_id = "e-d";
    remove.staff_id = "staff-1";
    remove.device = "lobby-1";
    remove.table = "course_session";
    remove.record_id = "ses-new";
    remove.action = content::EditAction::Delete;
    remove.base_version = 1;
    CHECK(Value(content::ApplyStaffEditLocally(db, remove, 200)) == 0);
    CHECK(ColumnOf(db, "course_session", "ses-new", "id") == "<no row>");
    auto outbox = Value(content::PeekOutbox(db, 10));
    REQUIRE(outbox.size() == 2);
    CHECK(outbox[0].op_id == "e-c");
    CHECK(outbox[1].op_id == "e-d");
}

TEST_CASE("Pending edits are re-applied after a pull overwrote the rows, once", "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_reapply");
    SeedDirectory(db);
    auto edit = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "https://mine.example.lv"},
                            {"text:name:en", "Legal advice", "Legal consultation"}});
    Value(content::ApplyStaffEditLocally(db, edit, 5000));
    content::StaffEdit create;
    create.edit_id = "e-2";
    create.staff_id = "staff-1";
    create.device = "lobby-1";
    create.table = "phone";
    create.record_id = "ph-1";
    create.action = content::EditAction::Create;
    create.changes = {{"service_id", nullptr, "svc-1"}, {"number", nullptr, "+371 67000000"}};
    Value(content::ApplyStaffEditLocally(db, create, 5001));
    auto edit_gone = UpdateEdit("e-3", "schedule", "sch-1", 0, {{"opens_at", "09:00", "08:00"}});
    Value(content::ApplyStaffEditLocally(db, edit_gone, 5002));

    // A pull brings the hub's rows: the old values, the phone is not there yet, the schedule
    // was deleted on the hub.
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        Check(writer.Upsert("service", {{"id", "svc-1"}, {"url", "https://old.example.lv"}, {"version", 0}}));
        Check(writer.SetText("service", "svc-1", "name", "en", "Legal advice", false, 100));
        Check(writer.Delete("phone", "ph-1"));
        Check(writer.Delete("schedule", "sch-1"));
        Check(content::ReapplyPendingStaffEdits(db, writer, 9000));
        Check(writer.Finish());
        Check(tx.Commit());
    }
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://mine.example.lv");
    CHECK(TextOf(db, "service", "svc-1", "name", "en") == "Legal consultation");
    CHECK(VersionOf(db, "service", "svc-1") == 1);
    CHECK(ColumnOf(db, "phone", "ph-1", "number") == "+371 67000000");
    CHECK(ColumnOf(db, "schedule", "sch-1", "id") == "<no row>");  // nothing to apply to
    CHECK(Value(content::OutboxDepth(db)) == 3);                    // every op stays queued

    // A pull that did not touch the record: re-applying writes nothing and keeps the version.
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        Check(content::ReapplyPendingStaffEdits(db, writer, 9500));
        Check(writer.Finish());
        Check(tx.Commit());
    }
    CHECK(VersionOf(db, "service", "svc-1") == 1);
    CHECK(ColumnOf(db, "service", "svc-1", "updated_at") == "9000");
}

TEST_CASE("A re-applied edit that no longer fits is skipped without blocking the pull", "[staff][staff_apply]") {
    content::Db db = content_test::OpenTemp("staff_reapply_skip");
    SeedDirectory(db);
    content::StaffEdit create;
    create.edit_id = "e-1";
    create.staff_id = "staff-1";
    create.device = "lobby-1";
    create.table = "phone";
    create.record_id = "ph-1";
    create.action = content::EditAction::Create;
    create.changes = {{"service_id", nullptr, "svc-1"}, {"number", nullptr, "+371 67000000"}};
    Value(content::ApplyStaffEditLocally(db, create, 5000));
    auto later = UpdateEdit("e-2", "organization", "org-1", 0, {{"email", "info@example.lv", "new@example.lv"}});
    Value(content::ApplyStaffEditLocally(db, later, 5001));
    {
        // The hub deleted the service: the phone's parent is gone, so its create cannot land.
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter writer(db);
        Check(writer.Delete("service", "svc-1"));
        Check(writer.Upsert("organization", {{"id", "org-1"}, {"email", "info@example.lv"}}));
        Check(content::ReapplyPendingStaffEdits(db, writer, 9000));
        Check(writer.Finish());
        Check(tx.Commit());
    }
    CHECK(ColumnOf(db, "phone", "ph-1", "id") == "<no row>");
    CHECK(ColumnOf(db, "organization", "org-1", "email") == "new@example.lv");
    CHECK(ColumnOf(db, "service", "svc-1", "id") == "<no row>");
    CHECK(Value(content::OutboxDepth(db)) == 2);
}
