// tests/ui/staff_test_support.h: staff members in a test database, and the headless UI driven
// into staff mode the way a person does it (the hidden corner gesture, the PIN pad's keys).
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <string>

#include "content/db.h"
#include "content/staff_edit.h"
#include "content/text.h"
#include "tests/ui/ui_fixture.h"

namespace stafftest {

// Adds an active staff member with this PIN (Argon2id hash, as the hub would send it).
inline std::string AddStaff(content::Db& db, const std::string& name, const std::string& pin) {
    auto hash = content::HashStaffPin(pin);
    REQUIRE(hash.ok());
    std::string id = content::NewUuid();
    auto stmt = db.Prepare("INSERT INTO staff (id, name, pin_hash, created_at) VALUES (?1, ?2, ?3, 1)");
    REQUIRE(stmt.ok());
    stmt->Bind(1, id).Bind(2, name).Bind(3, *hash);
    REQUIRE(stmt->Run().ok());
    return id;
}

inline ui::UiConfig StaffConfig() {
    ui::UiConfig config;
    config.staff_mode_available = true;
    config.staff.device_name = "test-kiosk";
    return config;
}

// Holds the pointer at (x, y) from `h.now` for `seconds`, drawing a frame every 0.5 s, then
// lifts it.
inline void Hold(uitest::HeadlessUi& h, float x, float y, double seconds) {
    ImVec2 at(x, y);
    h.now += 0.1;
    h.Frame(h.now, at, false);
    h.now += 0.05;
    h.ui().NoteActivity(h.now);
    const double start = h.now;
    h.Frame(h.now, at, true);
    while (h.now + 0.5 < start + seconds) {
        h.now += 0.5;
        h.Frame(h.now, at, true);
    }
    h.now = start + seconds;
    h.Frame(h.now, at, true);
    h.now += 0.05;
    h.ui().NoteActivity(h.now);
    h.Frame(h.now, at, false);
    h.now += 0.05;
    h.Frame(h.now);
}

// Types a PIN on the pad's keys and presses the sign-in key (labelled in `lang`'s words).
inline void EnterPin(uitest::HeadlessUi& h, const std::string& pin, const std::string& sign_in) {
    for (char d : pin) REQUIRE(h.Tap(std::string(1, d)));
    REQUIRE(h.Tap(sign_in));
}

}  // namespace stafftest
