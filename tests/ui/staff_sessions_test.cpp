// Course sessions in the staff editor (ui/staff_editor.cpp, "staff.sessions.*"), driven by taps:
// add a session with its start typed as Riga local time on the on-screen keyboard, cancel one,
// restore it, change its seats. Each lands as one staff_edit in the outbox with the right
// fields, and the visitor's Courses screen shows it (a cancelled session says "Cancelled" and
// offers no sign-up; the seat count follows the capacity). A capacity below the seats already
// taken is refused in the staff member's language and queues nothing.
#include <catch2/catch_test_macros.hpp>

#include "content/queries.h"
#include "tests/ui/staff_probe.h"
#include "tests/ui/staff_test_support.h"

namespace {

// "Latviešu valoda A1 — vakara grupa (paskaidrojumi angliski)": Mondays and Wednesdays 18:00,
// 90 minutes, 12 seats.
const char* kSeries = "be3643e1-3418-4f43-b224-ab81e17d3a37";
const char* kSeriesLv = "Latviešu valoda A1 — vakara grupa (paskaidrojumi angliski)";
const ImVec2 kOverEditor(500, 700);

struct SessionRow {
    std::string id, local_start, status;
    int64_t capacity = 0, starts_at = 0, ends_at = 0;
};

std::vector<SessionRow> Sessions(content::Db& db) {
    auto stmt = db.Prepare(
        "SELECT id, local_start, status, capacity, starts_at, ends_at FROM course_session WHERE series_id = ?1 "
        "ORDER BY local_start");
    REQUIRE(stmt.ok());
    stmt->Bind(1, std::string(kSeries));
    std::vector<SessionRow> rows;
    while (*stmt->Step()) {
        rows.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Int(3), stmt->Int(4), stmt->Int(5)});
    }
    return rows;
}

content::SessionView Visible(content::Db& db, const std::string& id) {
    auto view = content::GetSession(db, id, "lv");
    REQUIRE(view.ok());
    return *view;
}

void TapKeySequence(uitest::HeadlessUi& h, const std::vector<std::string>& keys) {
    for (const std::string& k : keys) {
        INFO("key " << k);
        REQUIRE(h.Tap(k));
    }
}

nlohmann::json Change(const nlohmann::json& edit, const std::string& field) {
    for (const nlohmann::json& c : edit["changes"]) {
        if (c["field"] == field) return c;
    }
    return nullptr;
}

// The read-aloud lines of the visitor's Courses list that name this series.
std::vector<std::string> CourseLines(uitest::HeadlessUi& h) {
    std::vector<std::string> lines;
    std::string words = staffprobe::Words(h);
    size_t start = 0;
    while (start < words.size()) {
        size_t end = words.find('\n', start);
        if (end == std::string::npos) end = words.size();
        std::string line = words.substr(start, end - start);
        if (line.rfind(kSeriesLv, 0) == 0) lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

void SignInToSeries(uitest::HeadlessUi& h) {
    h.Frame(0);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.Tap("Kursi un nodarbības"));
    REQUIRE(h.ui().ScreenName() == "staff_list");
    REQUIRE(h.ScrollToAndTap(kSeriesLv, ImVec2(960, 700)));
    REQUIRE(h.ui().ScreenName() == "staff_editor");
}

void VisitCourses(uitest::HeadlessUi& h) {
    REQUIRE(h.Tap("Iziet no darbinieku režīma"));
    REQUIRE(h.ui().ScreenName() == "attract");
    h.now += 0.5;
    REQUIRE(h.Tap("Pieskarieties ekrānam, lai sāktu"));
    REQUIRE(h.ui().ScreenName() == "home");
    REQUIRE(h.Tap("Kursi un pasākumi"));
    REQUIRE(h.ui().ScreenName() == "courses");
}

}  // namespace

TEST_CASE("sessions: add (Riga time), cancel, restore, change seats; one staff_edit each; visitors see each change",
          "[ui][staff][sessions]") {
    uitest::DemoDb demo;
    const std::string staff_id = stafftest::AddStaff(demo.db, "Anna", "2468");
    const std::vector<SessionRow> before = Sessions(demo.db);
    REQUIRE(before.size() > 3);
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    SignInToSeries(h);

    // Add a session on Saturday 5 December 2026 at 12:30 in Riga (UTC+2 in winter).
    REQUIRE(h.ScrollToAndTap("Pievienot nodarbību", kOverEditor));
    REQUIRE(h.ui().ScreenName() == "staff_editor");
    REQUIRE(staffprobe::Staff(h).editors.size() == 2);
    CHECK(staffprobe::Staff(h).editors.back().creating);
    CHECK(staffprobe::Staff(h).editors.back().focused == "local_start");
    TapKeySequence(h, {"2", "0", "2", "6", "-", "1", "2", "-", "0", "5", "Lielie burti", "T", "1", "2", ":", "3", "0"});
    CHECK(staffprobe::Staff(h).editors.back().values["local_start"] == "2026-12-05T12:30");
    REQUIRE(h.Tap("Saglabāt"));
    INFO(staffprobe::Staff(h).editors.back().notice);
    std::vector<staffprobe::OutboxRow> edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 1);
    const nlohmann::json added = edits[0].payload;
    CHECK(added["action"] == "create");
    CHECK(added["table"] == "course_session");
    CHECK(added["staff_id"] == staff_id);
    CHECK(added["device"] == "test-kiosk");
    CHECK(Change(added, "series_id")["after"] == kSeries);
    CHECK(Change(added, "local_start")["after"] == "2026-12-05T12:30");
    CHECK(Change(added, "status")["after"] == "scheduled");
    CHECK(Change(added, "capacity")["after"] == "12");               // the course's seats
    CHECK(Change(added, "starts_at")["after"] == "1796466600");      // 10:30 UTC
    CHECK(Change(added, "ends_at")["after"] == "1796472000");        // + the course's 90 minutes
    const std::string new_id = added["record_id"];
    CHECK(edits[0].ref_id == new_id);
    std::vector<SessionRow> after_add = Sessions(demo.db);
    REQUIRE(after_add.size() == before.size() + 1);
    content::SessionView added_view = Visible(demo.db, new_id);
    CHECK(added_view.starts_at == 1796466600);
    CHECK(added_view.local_start == "2026-12-05T12:30");
    CHECK(added_view.seats_left == 12);
    CHECK_FALSE(added_view.cancelled);

    // The editor stays on the new session: change its seats from the course's 12 to 20.
    REQUIRE(staffprobe::Staff(h).editors.back().record_id == new_id);
    CHECK_FALSE(staffprobe::Staff(h).editors.back().creating);
    REQUIRE(h.ScrollToAndTap("Vietu skaits", kOverEditor));
    CHECK(staffprobe::Staff(h).editors.back().focused == "capacity");
    TapKeySequence(h, {"Notīrīt", "2", "0"});
    REQUIRE(h.Tap("Saglabāt"));
    edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 2);
    CHECK(edits[1].payload["record_id"] == new_id);
    CHECK(edits[1].payload["action"] == "update");
    REQUIRE(edits[1].payload["changes"].size() == 1);
    CHECK(Change(edits[1].payload, "capacity")["before"] == 12);
    CHECK(Change(edits[1].payload, "capacity")["after"] == "20");
    CHECK(Visible(demo.db, new_id).seats_left == 20);

    // Back on the course: cancel its first session (the rows are in date order).
    REQUIRE(h.Tap("Atpakaļ"));
    REQUIRE(staffprobe::Staff(h).editors.size() == 1);
    const SessionRow first = after_add.front();
    REQUIRE(first.id != new_id);
    REQUIRE(first.status == "scheduled");
    REQUIRE(h.ScrollToAndTap("Atcelt nodarbību", kOverEditor));
    CHECK(staffprobe::Staff(h).editors.back().notice == "Nodarbība ir atcelta.");
    edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 3);
    CHECK(edits[2].payload["action"] == "update");
    CHECK(edits[2].payload["record_id"] == first.id);
    REQUIRE(edits[2].payload["changes"].size() == 1);
    CHECK(Change(edits[2].payload, "status")["before"] == "scheduled");
    CHECK(Change(edits[2].payload, "status")["after"] == "cancelled");
    CHECK(Visible(demo.db, first.id).cancelled);
    h.Frame(h.now + 0.1);
    CHECK(h.Shows("Atjaunot nodarbību"));

    // Restore it, then cancel it again for the visitor's view below.
    REQUIRE(h.Tap("Atjaunot nodarbību"));
    CHECK(staffprobe::Staff(h).editors.back().notice == "Nodarbība atkal ir ieplānota.");
    edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 4);
    CHECK(edits[3].payload["record_id"] == first.id);
    CHECK(Change(edits[3].payload, "status")["before"] == "cancelled");
    CHECK(Change(edits[3].payload, "status")["after"] == "scheduled");
    CHECK_FALSE(Visible(demo.db, first.id).cancelled);
    h.Frame(h.now + 0.1);
    REQUIRE(h.Tap("Atcelt nodarbību"));
    REQUIRE(staffprobe::Outbox(demo.db, "staff_edit").size() == 5);
    REQUIRE(Visible(demo.db, first.id).cancelled);
    CHECK(staffprobe::OutboxCount(demo.db) == 5);  // staff edits only

    // The visitor's Courses screen: the new session with 20 seats, the cancelled one marked
    // and without a sign-up.
    VisitCourses(h);
    std::vector<std::string> lines = CourseLines(h);
    INFO(staffprobe::Words(h));
    REQUIRE_FALSE(lines.empty());
    int cancelled = 0, twenty = 0;
    for (const std::string& line : lines) {
        if (line.find("Atcelts") != std::string::npos) ++cancelled;
        if (line.find("Brīvas 20 vietas") != std::string::npos || line.find("Brīvu vietu: 20") != std::string::npos) ++twenty;
    }
    CHECK(cancelled == 1);
    CHECK(twenty == 1);
    // The week view: the cancelled session's button leads nowhere (no sign-up), the new
    // Saturday session at 12:30 is in the week of 30 November and opens its sign-up form.
    REQUIRE(h.Tap("Nedēļa"));
    REQUIRE(first.local_start.size() >= 16);
    REQUIRE(first.local_start < "2026-12-07");
    if (first.local_start >= "2026-11-30") REQUIRE(h.Tap("Nākamā nedēļa"));
    const std::string first_label = first.local_start.substr(11, 5) + " " + kSeriesLv;
    REQUIRE(h.Tap(first_label));  // the week's first button with this label is its earliest session
    CHECK(h.ui().ScreenName() == "courses");
    if (first.local_start < "2026-11-30") REQUIRE(h.Tap("Nākamā nedēļa"));
    REQUIRE(h.ScrollToAndTap(std::string("12:30 ") + kSeriesLv, ImVec2(960, 800)));  // Saturday's third
    CHECK(h.ui().ScreenName() == "booking");
}

TEST_CASE("sessions: seats below those already taken are refused in the staff member's language", "[ui][staff][sessions]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    std::vector<SessionRow> rows = Sessions(demo.db);
    REQUIRE_FALSE(rows.empty());
    // Five seats of the first session are taken (bookings the hub counted, as a pull brings them).
    REQUIRE(demo.db.Exec("UPDATE course_session SET seats_taken = 5 WHERE id = '" + rows.front().id + "'").ok());
    ui::UiConfig config = stafftest::StaffConfig();
    config.languages = {"lv", "en", "ru", "uk"};
    uitest::HeadlessUi h(demo.db, config);
    SignInToSeries(h);
    REQUIRE(h.ScrollToAndTap("Mainīt", kOverEditor));
    REQUIRE(staffprobe::Staff(h).editors.size() == 2);
    REQUIRE(staffprobe::Staff(h).editors.back().record_id == rows.front().id);
    REQUIRE(h.ScrollToAndTap("Vietu skaits", kOverEditor));
    TapKeySequence(h, {"Notīrīt", "3"});
    REQUIRE(h.Tap("Saglabāt"));
    auto problem = [&]() {
        const ui::EditorState& ed = staffprobe::Staff(h).editors.back();
        for (const content::EditProblem& p : ed.problems) {
            if (p.field == "capacity") return p;
        }
        return content::EditProblem{};
    };
    CHECK(problem().code == "below_seats_taken");
    CHECK(problem().message == "Vietu skaits nevar būt mazāks par jau rezervētajām vietām (5).");
    CHECK(staffprobe::Staff(h).editors.back().notice_is_error);
    CHECK(staffprobe::OutboxCount(demo.db) == 0);
    CHECK(Visible(demo.db, rows.front().id).capacity == 12);

    // The same refusal for a staff member who reads English, and for one who reads Russian.
    REQUIRE(h.Tap("EN"));
    REQUIRE(h.Tap("Save"));
    CHECK(problem().message == "Capacity cannot be lower than the seats already booked (5).");
    REQUIRE(h.Tap("RU"));
    REQUIRE(h.Tap(staffprobe::ImplOf(h.ui()).T("staff.editor.save")));
    CHECK(problem().message == "Число мест не может быть меньше уже забронированных (5).");
    CHECK(staffprobe::OutboxCount(demo.db) == 0);

    // Exactly the seats taken is allowed.
    REQUIRE(h.Tap("LV"));
    REQUIRE(h.ScrollToAndTap("Vietu skaits", kOverEditor));
    TapKeySequence(h, {"Notīrīt", "5"});
    REQUIRE(h.Tap("Saglabāt"));
    CHECK(problem().code.empty());
    CHECK(staffprobe::OutboxCount(demo.db) == 1);
    CHECK(Visible(demo.db, rows.front().id).capacity == 5);
    CHECK(Visible(demo.db, rows.front().id).seats_left == 0);
}

namespace {

// From the course's editor: "Add a session", the start typed on a hardware keyboard, "Save".
// Returns the editor's problem with the start ("" when saved).
std::string AddSessionTyped(uitest::HeadlessUi& h, const std::string& start) {
    REQUIRE(h.ScrollToAndTap("Pievienot nodarbību", kOverEditor));
    REQUIRE(staffprobe::Staff(h).editors.size() == 2);
    REQUIRE(staffprobe::Staff(h).editors.back().focused == "local_start");
    staffprobe::Type(h, start);
    REQUIRE(staffprobe::Staff(h).editors.back().values["local_start"] == start);
    REQUIRE(h.Tap("Saglabāt"));
    for (const content::EditProblem& p : staffprobe::Staff(h).editors.back().problems) {
        if (p.field == "local_start") return p.message;
    }
    return {};
}

}  // namespace

TEST_CASE("sessions: a summer start is Riga summer time (UTC+3); a start in another form is refused",
          "[ui][staff][sessions]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    SignInToSeries(h);
    CHECK(AddSessionTyped(h, "2027-06-15 18:00") == "Ierakstiet sākumu formā 2026-12-01T18:00.");
    CHECK(staffprobe::OutboxCount(demo.db) == 0);
    REQUIRE(h.Tap("Atpakaļ"));
    if (h.Shows("Atmest izmaiņas")) REQUIRE(h.Tap("Atmest izmaiņas"));
    REQUIRE(staffprobe::Staff(h).editors.size() == 1);

    CHECK(AddSessionTyped(h, "2027-06-15T18:00").empty());
    std::vector<staffprobe::OutboxRow> edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 1);
    CHECK(Change(edits[0].payload, "starts_at")["after"] == "1813071600");  // 15:00 UTC
    CHECK(Visible(demo.db, edits[0].payload["record_id"].get<std::string>()).local_start == "2027-06-15T18:00");
}

// ui/staff_editor.cpp's ParseLocalStart adds the typed hours to the UTC time of local midnight,
// which is an hour off on the two days a year Riga changes its clocks (the offset at midnight is
// not the offset at 18:00). 28 March 2027, 18:00 in Riga is 15:00 UTC.
TEST_CASE("sessions: a start on the day the clocks change is still Riga time", "[ui][staff][sessions]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    uitest::HeadlessUi h(demo.db, stafftest::StaffConfig());
    SignInToSeries(h);
    CHECK(AddSessionTyped(h, "2027-03-28T18:00").empty());
    std::vector<staffprobe::OutboxRow> edits = staffprobe::Outbox(demo.db, "staff_edit");
    REQUIRE(edits.size() == 1);
    CHECK(Change(edits[0].payload, "starts_at")["after"] == "1806246000");
}
