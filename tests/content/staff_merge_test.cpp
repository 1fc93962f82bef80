// tests/content/staff_merge_test.cpp: the hub's three-way merge, conflicts and their
// resolution (device and hub).
#include "content/bookings.h"
#include "staff_support.h"

using namespace staff_test;
using content::MergeOutcome;

namespace {

content::MergeResult Merge(content::Db& db, const content::StaffEdit& edit, int64_t now = 7000) {
    auto tx = Value(content::Transaction::Begin(db));
    content::MergeResult result = Value(content::MergeStaffEdit(db, edit, now));
    Check(tx.Commit());
    return result;
}

content::MergeResult Resolve(content::Db& db, const content::ConflictResolution& resolution, int64_t now = 8000) {
    auto tx = Value(content::Transaction::Begin(db));
    content::MergeResult result = Value(content::ApplyConflictResolution(db, resolution, now));
    Check(tx.Commit());
    return result;
}

// Someone else's edit, already on the hub: moves the record to version 1.
void OtherEdit(content::Db& db, std::vector<content::FieldChange> changes) {
    auto edit = UpdateEdit("other", "service", "svc-1", 0, std::move(changes));
    edit.staff_id = "staff-1";
    content::MergeResult result = Merge(db, edit, 6000);
    REQUIRE(result.outcome == MergeOutcome::Applied);
    REQUIRE(VersionOf(db, "service", "svc-1") == 1);
}

content::StaffConflict OnlyConflict(content::Db& db) {
    auto conflicts = Value(content::ListConflicts(db, true));
    REQUIRE(conflicts.size() == 1);
    return conflicts[0];
}

size_t OnlyConflictOrNone(content::Db& db) { return Value(content::ListConflicts(db, true)).size(); }

content::ConflictResolution Choice(const std::string& id, const std::string& conflict_id, content::ResolutionChoice choice,
                                   json value = nullptr) {
    content::ConflictResolution resolution;
    resolution.resolution_id = id;
    resolution.conflict_id = conflict_id;
    resolution.staff_id = "staff-1";
    resolution.device = "lobby-2";
    resolution.choice = choice;
    resolution.value = std::move(value);
    resolution.made_at = 1;
    return resolution;
}

}  // namespace

TEST_CASE("An edit based on the hub's current version applies whole", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_whole");
    SeedDirectory(db);
    auto edit = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://something-else", "https://new.example.lv"},  // base ignored: same version
                            {"text:name:en", "Legal advice", "Legal consultation"}});
    content::MergeResult result = Merge(db, edit);
    CHECK(result.outcome == MergeOutcome::Applied);
    CHECK(result.applied_fields == std::vector<std::string>{"url", "text:name:en"});
    CHECK(result.conflict_ids.empty());
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://new.example.lv");
    CHECK(TextOf(db, "service", "svc-1", "name", "en") == "Legal consultation");
    CHECK(VersionOf(db, "service", "svc-1") == 1);
    CHECK(ColumnOf(db, "service", "svc-1", "updated_at") == "7000");
    CHECK(Value(content::ListConflicts(db, false)).empty());
    // The hub's merge queues nothing: the outbox is the device's.
    CHECK(Value(content::OutboxDepth(db)) == 0);
}

TEST_CASE("Edits of different fields of the same record merge", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_fields");
    SeedDirectory(db);
    OtherEdit(db, {{"email", nullptr, "legal@example.lv"}});
    auto mine = UpdateEdit("e-1", "service", "svc-1", 0, {{"url", "https://old.example.lv", "https://new.example.lv"}});
    content::MergeResult result = Merge(db, mine);
    CHECK(result.outcome == MergeOutcome::Merged);
    CHECK(result.applied_fields == std::vector<std::string>{"url"});
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://new.example.lv");
    CHECK(ColumnOf(db, "service", "svc-1", "email") == "legal@example.lv");
    CHECK(VersionOf(db, "service", "svc-1") == 2);
}

TEST_CASE("Edits of the same field conflict and keep both values", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_conflict");
    SeedDirectory(db);
    OtherEdit(db, {{"url", "https://old.example.lv", "https://theirs.example.lv"}});
    auto mine = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "https://mine.example.lv"},
                            {"text:name:ru", "Консультация юриста", "Юридическая консультация"}});
    mine.device = "lobby-1";
    content::MergeResult result = Merge(db, mine);
    CHECK(result.outcome == MergeOutcome::Conflict);
    CHECK(result.applied_fields == std::vector<std::string>{"text:name:ru"});
    REQUIRE(result.conflict_ids.size() == 1);
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://theirs.example.lv");  // the hub keeps its value
    CHECK(TextOf(db, "service", "svc-1", "name", "ru") == "Юридическая консультация");
    content::StaffConflict conflict = OnlyConflict(db);
    CHECK(conflict.id == result.conflict_ids[0]);
    CHECK(conflict.table == "service");
    CHECK(conflict.record_id == "svc-1");
    CHECK(conflict.field == "url");
    CHECK(conflict.base == "https://old.example.lv");
    CHECK(conflict.mine == "https://mine.example.lv");
    CHECK(conflict.theirs == "https://theirs.example.lv");
    CHECK(conflict.edit_id == "e-1");
    CHECK(conflict.staff_id == "staff-1");
    CHECK(conflict.device == "lobby-1");
    CHECK(conflict.created_at == 7000);
    CHECK(conflict.status == "open");
}

TEST_CASE("The same change made on both sides is no conflict", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_same");
    SeedDirectory(db);
    OtherEdit(db, {{"url", "https://old.example.lv", "https://new.example.lv"}, {"minimum_age", nullptr, 18}});
    // The device sent the age as a string: it still counts as the same value.
    auto mine = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "https://new.example.lv"}, {"minimum_age", nullptr, "18"}});
    content::MergeResult result = Merge(db, mine);
    CHECK(result.outcome == MergeOutcome::Merged);
    CHECK(result.conflict_ids.empty());
    CHECK(result.applied_fields.size() == 2);
    CHECK(VersionOf(db, "service", "svc-1") == 1);  // nothing written, so no new version
    CHECK(Value(content::ListConflicts(db, false)).empty());
}

TEST_CASE("An update of a record deleted on the hub keeps every change as a conflict", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_deleted");
    SeedDirectory(db);
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        Check(w.Delete("schedule", "sch-1"));
        Check(w.Finish());
        Check(tx.Commit());
    }
    auto mine = UpdateEdit("e-1", "schedule", "sch-1", 0, {{"opens_at", "09:00", "08:00"}, {"closes_at", "17:00", "16:00"}});
    content::MergeResult result = Merge(db, mine);
    CHECK(result.outcome == MergeOutcome::Conflict);
    CHECK(result.conflict_ids.size() == 2);
    auto conflicts = Value(content::ListConflicts(db, true));
    REQUIRE(conflicts.size() == 2);
    for (const auto& conflict : conflicts) {
        CHECK(conflict.theirs.is_null());
        CHECK(conflict.record_id == "sch-1");
    }
    CHECK(ColumnOf(db, "schedule", "sch-1", "id") == "<no row>");

    // Choosing "mine" cannot bring a deleted record back; "theirs" resolves it.
    auto refused = Resolve(db, Choice("r-1", conflicts[0].id, content::ResolutionChoice::Mine));
    CHECK(refused.outcome == MergeOutcome::Rejected);
    CHECK(refused.reason == "record_deleted");
    auto accepted = Resolve(db, Choice("r-2", conflicts[0].id, content::ResolutionChoice::Theirs));
    CHECK(accepted.outcome == MergeOutcome::Applied);
    CHECK(Value(content::ListConflicts(db, true)).size() == 1);
}

TEST_CASE("A delete of a record changed meanwhile conflicts; of an unchanged one applies", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_delete");
    SeedDirectory(db);
    OtherEdit(db, {{"url", "https://old.example.lv", "https://theirs.example.lv"}});

    content::StaffEdit remove;
    remove.edit_id = "e-1";
    remove.staff_id = "staff-1";
    remove.device = "lobby-1";
    remove.table = "service";
    remove.record_id = "svc-1";
    remove.action = content::EditAction::Delete;
    remove.base_version = 0;
    content::MergeResult result = Merge(db, remove);
    CHECK(result.outcome == MergeOutcome::Conflict);
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://theirs.example.lv");  // still there
    content::StaffConflict conflict = OnlyConflict(db);
    CHECK(conflict.field == "record");
    CHECK(conflict.mine.is_null());
    CHECK(conflict.theirs["url"] == "https://theirs.example.lv");

    // A delete that lists what it saw, none of which changed, applies despite the version.
    remove.edit_id = "e-2";
    remove.changes = {{"email", nullptr, nullptr}};
    result = Merge(db, remove);
    CHECK(result.outcome == MergeOutcome::Merged);
    CHECK(ColumnOf(db, "service", "svc-1", "id") == "<no row>");
    // Deleting what is already gone is fine.
    remove.edit_id = "e-3";
    CHECK(Merge(db, remove).outcome == MergeOutcome::Applied);
}

TEST_CASE("Edits that can never apply are rejected and change nothing", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_rejected");
    SeedDirectory(db);
    auto invalid = UpdateEdit("e-1", "course_session", "ses-1", 0, {{"capacity", 10, 2}});
    content::MergeResult result = Merge(db, invalid);
    CHECK(result.outcome == MergeOutcome::Rejected);
    CHECK(result.reason == "staff_edit_invalid");
    CHECK(result.message.find("below_seats_taken") != std::string::npos);
    CHECK(ColumnOf(db, "course_session", "ses-1", "capacity") == "10");

    auto removed = UpdateEdit("e-2", "service", "svc-1", 0, {{"url", "https://old.example.lv", "https://x.example.lv"}});
    removed.staff_id = "staff-2";
    CHECK(Merge(db, removed).reason == "staff_removed");
    removed.staff_id = "staff-nobody";
    CHECK(Merge(db, removed).reason == "staff_unknown");
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://old.example.lv");
    CHECK(VersionOf(db, "service", "svc-1") == 0);
}

TEST_CASE("Conflicts resolve as mine, theirs or an edited value, once", "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_resolve");
    SeedDirectory(db);
    OtherEdit(db, {{"url", "https://old.example.lv", "https://theirs.example.lv"},
                   {"email", nullptr, "theirs@example.lv"},
                   {"text:name:en", "Legal advice", "Legal help"}});
    auto mine = UpdateEdit("e-1", "service", "svc-1", 0,
                           {{"url", "https://old.example.lv", "https://mine.example.lv"},
                            {"email", nullptr, "mine@example.lv"},
                            {"text:name:en", "Legal advice", "Legal consultation"}});
    content::MergeResult merged = Merge(db, mine);
    REQUIRE(merged.conflict_ids.size() == 3);
    std::map<std::string, std::string> by_field;
    for (const auto& conflict : Value(content::ListConflicts(db, true))) by_field[conflict.field] = conflict.id;

    auto r1 = Resolve(db, Choice("r-1", by_field["url"], content::ResolutionChoice::Mine));
    CHECK(r1.outcome == MergeOutcome::Applied);
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://mine.example.lv");
    auto r2 = Resolve(db, Choice("r-2", by_field["email"], content::ResolutionChoice::Theirs));
    CHECK(r2.outcome == MergeOutcome::Applied);
    CHECK(ColumnOf(db, "service", "svc-1", "email") == "theirs@example.lv");
    auto r3 = Resolve(db, Choice("r-3", by_field["text:name:en"], content::ResolutionChoice::Edit, "Legal consultation (free)"));
    CHECK(r3.outcome == MergeOutcome::Applied);
    CHECK(TextOf(db, "service", "svc-1", "name", "en") == "Legal consultation (free)");
    CHECK(Value(content::ListConflicts(db, true)).empty());

    auto all = Value(content::ListConflicts(db, false));
    REQUIRE(all.size() == 3);
    for (const auto& conflict : all) {
        CHECK(conflict.status == "resolved");
        CHECK(conflict.resolved_by == "staff-1");
        CHECK(conflict.resolved_at == 8000);
        if (conflict.field == "url") {
            CHECK(conflict.resolution == "mine");
            CHECK(conflict.resolved_value == "https://mine.example.lv");
        }
        if (conflict.field == "email") CHECK(conflict.resolved_value == "theirs@example.lv");
        if (conflict.field == "text:name:en") CHECK(conflict.resolution == "edit");
    }

    // A second resolution is refused and the first one stands.
    auto again = Resolve(db, Choice("r-4", by_field["url"], content::ResolutionChoice::Theirs));
    CHECK(again.outcome == MergeOutcome::Rejected);
    CHECK(again.reason == "conflict_resolved");
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://mine.example.lv");
}

TEST_CASE("A conflict resolved on the device: content, conflict and outbox in one go, and re-applied after a pull",
          "[staff][staff_merge]") {
    content::Db db = content_test::OpenTemp("merge_resolve_local");
    SeedDirectory(db);
    OtherEdit(db, {{"url", "https://old.example.lv", "https://theirs.example.lv"}});
    auto mine = UpdateEdit("e-1", "service", "svc-1", 0, {{"url", "https://old.example.lv", "https://mine.example.lv"}});
    std::string conflict_id = Merge(db, mine).conflict_ids.at(0);

    // An edited value is validated like any edit; a refused one changes nothing.
    auto bad = content::ResolveConflictLocally(db, Choice("r-0", conflict_id, content::ResolutionChoice::Edit, "not a url"), 8000);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "staff_edit_invalid");
    CHECK(Value(content::OutboxDepth(db)) == 0);
    CHECK(OnlyConflict(db).status == "open");
    auto unknown = content::ResolveConflictLocally(db, Choice("r-x", "no-such", content::ResolutionChoice::Theirs), 8000);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "conflict_unknown");

    Check(content::ResolveConflictLocally(db, Choice("r-1", conflict_id, content::ResolutionChoice::Mine), 8000));
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://mine.example.lv");
    CHECK(VersionOf(db, "service", "svc-1") == 2);
    auto outbox = Value(content::PeekOutbox(db, 10));
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].op_id == "r-1");
    CHECK(outbox[0].kind == "conflict_resolution");
    CHECK(outbox[0].ref_id == conflict_id);
    content::ConflictResolution queued = Value(content::DecodeConflictResolution(json::parse(outbox[0].payload)));
    CHECK(queued.choice == content::ResolutionChoice::Mine);
    CHECK(queued.value == "https://mine.example.lv");  // filled from the conflict
    auto twice = content::ResolveConflictLocally(db, Choice("r-2", conflict_id, content::ResolutionChoice::Theirs), 8001);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == "conflict_resolved");

    // A pull from a hub that has not seen the resolution yet: the conflict is open again and
    // the url is theirs. Re-applying the pending op restores the device's decision.
    {
        auto tx = Value(content::Transaction::Begin(db));
        content::ContentWriter w(db);
        Check(w.Upsert("service", {{"id", "svc-1"}, {"url", "https://theirs.example.lv"}, {"version", 1}}));
        Check(w.Upsert("staff_conflict", {{"id", conflict_id}, {"status", "open"}, {"resolution", nullptr},
                                          {"resolved_value", nullptr}, {"resolved_by", nullptr}, {"resolved_at", nullptr},
                                          {"version", 1}}));
        Check(content::ReapplyPendingStaffEdits(db, w, 9000));
        Check(w.Finish());
        Check(tx.Commit());
    }
    CHECK(ColumnOf(db, "service", "svc-1", "url") == "https://mine.example.lv");
    CHECK(OnlyConflictOrNone(db) == 0);
}
