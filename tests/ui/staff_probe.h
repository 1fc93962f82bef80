// tests/ui/staff_probe.h: what a staff screen says in words, for headless tests.
//
// The headless UI lists touchable widgets only; the words a screen draws (a notice, a problem
// under a field, a conflict's values) go straight to the text engine. Each screen also puts
// what it shows into its read-aloud text (Impl::read_body), and keeps its notices in the staff
// session; this probe reads both from VisitorUi's state.
// Both are reached through VisitorUi::ImplForTests().
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <imgui.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "content/db.h"
#include "tests/ui/ui_fixture.h"
#include "ui/staff_session.h"

namespace staffprobe {

inline ui::VisitorUi::Impl& ImplOf(ui::VisitorUi& visitor_ui) { return visitor_ui.ImplForTests(); }

// The screen's read-aloud text: its heading, then what it shows.
inline std::string Words(uitest::HeadlessUi& h) {
    ui::VisitorUi::Impl& impl = ImplOf(h.ui());
    return impl.read_heading + "\n" + impl.read_body;
}

inline ui::StaffSession& Staff(uitest::HeadlessUi& h) {
    ui::VisitorUi::Impl& impl = ImplOf(h.ui());
    REQUIRE(impl.visit.staff != nullptr);
    return *impl.visit.staff;
}

// Presses and lifts at a point, quickly (a finger's second tap on the same spot).
inline void TapAt(uitest::HeadlessUi& h, float x, float y) {
    ImVec2 at(x, y);
    h.now += 0.05;
    h.ui().NoteActivity(h.now);
    h.Frame(h.now, at, false);
    h.Frame(h.now + 0.03, at, true);
    h.now += 0.06;
    h.Frame(h.now, at, false);
    h.Frame(h.now + 0.02);
    h.now += 0.02;
}

// Types on a hardware keyboard into whatever field the screen has focused.
inline void Type(uitest::HeadlessUi& h, const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    h.now += 0.05;
    h.Frame(h.now);
    h.Frame(h.now + 0.02);
    h.now += 0.02;
}

struct OutboxRow {
    std::string kind, op_id, ref_id;
    nlohmann::json payload;
};

inline std::vector<OutboxRow> Outbox(content::Db& db, const std::string& kind) {
    auto stmt = db.Prepare("SELECT kind, op_id, coalesce(ref_id, ''), payload FROM outbox WHERE kind = ?1 ORDER BY seq");
    REQUIRE(stmt.ok());
    stmt->Bind(1, kind);
    std::vector<OutboxRow> rows;
    while (*stmt->Step()) {
        rows.push_back({stmt->Text(0), stmt->Text(1), stmt->Text(2), nlohmann::json::parse(stmt->Text(3), nullptr, false)});
    }
    return rows;
}

inline int64_t OutboxCount(content::Db& db) {
    auto n = db.QueryInt("SELECT count(*) FROM outbox");
    REQUIRE(n.ok());
    return *n;
}

}  // namespace staffprobe
