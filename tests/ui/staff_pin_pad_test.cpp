// The staff PIN pad's state: wrong PINs count down the tries, the fifth locks the pad and the
// message says for how many minutes, the lock survives a new pad (a restart), a short PIN is
// not counted as wrong, and the right PIN after the lock signs in.
#include <catch2/catch_test_macros.hpp>

#include "tests/ui/staff_test_support.h"
#include "ui/staff_session.h"
#include "ui/strings.h"

namespace {

std::optional<content::StaffMember> Submit(content::Db& db, ui::PinPadState& pad, const std::string& pin, int64_t now) {
    for (char d : pin) ui::PinPadType(pad, d);
    return ui::PinPadSubmit(db, pad, now);
}

}  // namespace

TEST_CASE("PIN pad: wrong PINs count down, the fifth locks the pad for minutes, the lock outlives the pad",
          "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna Bērziņa", "2468");
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    const int64_t t0 = uitest::kNowUtc;

    ui::PinPadState pad;
    CHECK_FALSE(Submit(demo.db, pad, "1111", t0));
    CHECK(pad.notice == ui::PinPadState::Notice::Wrong);
    CHECK(pad.digits.empty());  // the typed PIN is gone after the check
    CHECK(ui::PinPadMessage(*strings, "en", pad, t0) == "Wrong PIN. 4 tries left.");
    CHECK(ui::PinPadMessage(*strings, "lv", pad, t0) == "Nepareizs PIN kods. Atlikuši 4 mēģinājumi.");
    CHECK(ui::PinPadMessage(*strings, "ru", pad, t0) == "Неверный PIN-код. Осталось 4 попытки.");

    // A PIN too short to be anyone's is refused without counting as a wrong one.
    CHECK_FALSE(Submit(demo.db, pad, "12", t0 + 1));
    CHECK(pad.notice == ui::PinPadState::Notice::TooShort);
    CHECK(ui::PinPadMessage(*strings, "en", pad, t0 + 1) == "The PIN has 4 to 8 digits.");

    for (int i = 0; i < 3; ++i) CHECK_FALSE(Submit(demo.db, pad, "9999", t0 + 2 + i));
    CHECK(pad.notice == ui::PinPadState::Notice::Wrong);
    CHECK(ui::PinPadMessage(*strings, "en", pad, t0 + 5) == "Wrong PIN. 1 try left.");
    CHECK(ui::PinPadMessage(*strings, "lv", pad, t0 + 5) == "Nepareizs PIN kods. Atlicis 1 mēģinājums.");

    // The fifth wrong PIN locks the pad at once: the message gives the minutes, not "0 tries".
    CHECK_FALSE(Submit(demo.db, pad, "9999", t0 + 10));
    REQUIRE(pad.notice == ui::PinPadState::Notice::Locked);
    CHECK(pad.locked_until == t0 + 10 + content::kPinLockSeconds);
    CHECK(ui::PinPadMessage(*strings, "en", pad, t0 + 10) == "Too many wrong PINs. Try again in 5 minutes.");
    CHECK(ui::PinPadMessage(*strings, "lv", pad, t0 + 10) ==
          "Pārāk daudz nepareizu PIN kodu. Mēģiniet vēlreiz pēc 5 minūtēm.");
    CHECK(ui::PinPadMessage(*strings, "ru", pad, t0 + 10) ==
          "Слишком много неверных PIN-кодов. Повторите через 5 минут.");
    CHECK(ui::PinPadMessage(*strings, "en", pad, t0 + 10 + 250) == "Too many wrong PINs. Try again in 1 minute.");

    // The right PIN while locked is refused too, also by a new pad (the lock is in the database).
    ui::PinPadState after_restart;
    CHECK_FALSE(Submit(demo.db, after_restart, "2468", t0 + 100));
    CHECK(after_restart.notice == ui::PinPadState::Notice::Locked);
    CHECK(ui::PinPadMessage(*strings, "uk", after_restart, t0 + 100) ==
          "Забагато неправильних PIN-кодів. Спробуйте знову через 4 хвилини.");

    // After the lock: the right PIN signs in.
    auto member = Submit(demo.db, after_restart, "2468", t0 + 10 + content::kPinLockSeconds + 1);
    REQUIRE(member);
    CHECK(member->name == "Anna Bērziņa");
    CHECK(after_restart.notice == ui::PinPadState::Notice::None);
    CHECK(ui::PinPadMessage(*strings, "en", after_restart, t0 + 400).empty());
}

TEST_CASE("PIN pad: at most eight digits, digits only, Erase removes the last", "[ui][staff]") {
    ui::PinPadState pad;
    for (char c : std::string("12a34-5678 90")) ui::PinPadType(pad, c);
    CHECK(pad.digits == "12345678");
    ui::PinPadErase(pad);
    CHECK(pad.digits == "1234567");
    for (int i = 0; i < 10; ++i) ui::PinPadErase(pad);
    CHECK(pad.digits.empty());
}
