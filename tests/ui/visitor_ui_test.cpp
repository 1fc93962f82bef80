// Tests of VisitorUi run headless (see ui_fixture.h): journeys by visible labels, stable screen
// names, touch-target sizes on every screen, typing and search, language switching in place,
// read-aloud, the idle warning and the session wipe, and a booking through the screens.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>

#include "content/bookings.h"
#include "content/queries.h"
#include "content/search.h"
#include "tests/ui/ui_fixture.h"
#include "ui/theme.h"

namespace {

// All widgets of the last frame are at least 9 mm on the configured screen, in both sides.
void CheckTouchTargets(uitest::HeadlessUi& h, const ui::UiConfig& config) {
    const float minimum = ui::MinTouchTargetPx(config);
    REQUIRE_FALSE(h.ui().Widgets().empty());
    for (const ui::WidgetRect& w : h.ui().Widgets()) {
        // Widgets cut by the edge of a scrolling list are partly visible; judge whole ones.
        INFO(h.ui().ScreenName() << ": \"" << w.label << "\" is " << w.w << " x " << w.h << " px");
        bool clipped_by_scroll = w.h < minimum && (w.y + w.h >= config.screen_height_px - 200 || w.y < 250);
        if (!clipped_by_scroll) {
            CHECK(w.w >= minimum);
            CHECK(w.h >= minimum);
        }
        CHECK_FALSE(w.label.empty());
    }
}

std::string ServiceIdByName(content::Db& db, const std::string& name) {
    auto categories = content::ListCategories(db, "en");
    REQUIRE(categories.ok());
    for (const content::Category& c : *categories) {
        auto services = content::ListServicesInCategory(db, c.id, "en");
        REQUIRE(services.ok());
        for (const content::ServiceSummary& s : *services) {
            if (s.name.text == name) return s.id;
        }
    }
    return {};
}

void Start(uitest::HeadlessUi& h, const std::string& touch_line) {
    h.Frame(0);
    REQUIRE(h.ui().ScreenName() == "attract");
    REQUIRE(h.Tap(touch_line));
    REQUIRE(h.ui().ScreenName() == "home");
}

}  // namespace

TEST_CASE("attract: 'touch to start' in every language starts the visit in that language", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    h.Frame(0);
    CHECK(h.ui().ScreenName() == "attract");
    CHECK(h.ui().Language() == "lv");
    CHECK(h.Shows("Pieskarieties ekrānam, lai sāktu"));
    CHECK(h.Shows("Touch the screen to start"));
    CHECK(h.Shows("Коснитесь экрана, чтобы начать"));
    REQUIRE(h.Tap("Коснитесь экрана, чтобы начать"));
    CHECK(h.ui().ScreenName() == "home");
    CHECK(h.ui().Language() == "ru");
    CHECK(h.Shows("Услуги"));
    CHECK(h.Shows("Курсы и мероприятия"));
    CHECK(h.Shows("Записаться на консультацию"));
    CHECK(h.Shows("Кризисная помощь и горячая линия"));
    CHECK(h.Shows("О центре"));
    // The top bar: home, languages, accessibility, read-aloud, volume.
    for (const char* label : {"Главная", "LV", "EN", "RU", "Крупный текст", "Высокий контраст", "Читать вслух", "Тише",
                              "Громче"}) {
        CHECK(h.Shows(label));
    }
}

TEST_CASE("every screen has its stable name and touch targets of at least 9 mm", "[ui][visitor]") {
    uitest::DemoDb demo;
    for (bool larger : {false, true}) {
        ui::UiConfig config;
        config.larger_text = larger;
        uitest::HeadlessUi h(demo.db, config);
        INFO((larger ? "larger text" : "normal text"));
        h.Frame(0);
        CheckTouchTargets(h, config);
        Start(h, "Touch the screen to start");
        CheckTouchTargets(h, config);

        REQUIRE(h.Tap("Services"));
        CHECK(h.ui().ScreenName() == "categories");
        CheckTouchTargets(h, config);
        auto categories = content::ListCategories(demo.db, "en");
        REQUIRE(categories.ok());
        REQUIRE_FALSE(categories->empty());
        REQUIRE(h.Tap(categories->front().name.text));
        CHECK(h.ui().ScreenName() == "services");
        CheckTouchTargets(h, config);
        auto services = content::ListServicesInCategory(demo.db, categories->front().id, "en");
        REQUIRE(services.ok());
        REQUIRE_FALSE(services->empty());
        REQUIRE(h.Tap(services->front().name.text));
        CHECK(h.ui().ScreenName() == "service");
        CheckTouchTargets(h, config);
        REQUIRE(h.Tap("Back"));
        CHECK(h.ui().ScreenName() == "services");

        const std::pair<const char*, const char*> tiles[] = {
            {"Courses and events", "courses"}, {"Book a consultation", "booking"}, {"Crisis help and hotline", "hotline"},
            {"About the centre", "about"},     {"Search", "search"},
        };
        for (const auto& [tile, name] : tiles) {
            REQUIRE(h.Tap("Home"));
            REQUIRE(h.ui().ScreenName() == "home");
            REQUIRE(h.ScrollToAndTap(tile, ImVec2(960, 600)));  // larger text: below the fold
            CHECK(h.ui().ScreenName() == name);
            CheckTouchTargets(h, config);
        }
    }
}

TEST_CASE("search: results follow what is typed on the on-screen keyboard", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    Start(h, "Touch the screen to start");
    REQUIRE(h.Tap("Search"));
    REQUIRE(h.ui().ScreenName() == "search");
    CHECK(h.Shows("Type a word: a service, a course, a topic"));  // the empty field
    // English layout follows the UI language; the other layouts are one tap away.
    for (const char* key : {"q", "w", "ĀČŠ", "АБВ", "ҐЄЇ", "Space", "Delete", "Clear"}) CHECK(h.Shows(key));
    auto expected = content::Search(demo.db, "lat", "en");
    REQUIRE(expected.ok());
    REQUIRE_FALSE(expected->empty());
    for (const char* key : {"l", "a", "t"}) REQUIRE(h.Tap(key));
    CHECK(h.Shows("lat"));  // the field shows the text
    CHECK(h.Shows(expected->front().name.text));
    // Switching to the Latvian layout offers the long letters.
    REQUIRE(h.Tap("ĀČŠ"));
    CHECK(h.ui().Language() == "en");  // the keyboard layout, not the UI language
    CHECK(h.Shows("ā"));
    CHECK(h.Shows("ž"));
    REQUIRE(h.Tap("Delete"));
    CHECK(h.Shows("la"));
}

TEST_CASE("switching language keeps the visitor's place and what they typed", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    Start(h, "Touch the screen to start");
    REQUIRE(h.Tap("Search"));
    for (const char* key : {"r", "i", "g"}) REQUIRE(h.Tap(key));
    REQUIRE(h.Tap("RU"));  // the top bar's first "RU" (top bar draws before the keyboard)
    CHECK(h.ui().Language() == "ru");
    CHECK(h.ui().ScreenName() == "search");
    CHECK(h.Shows("rig"));
    CHECK(h.Shows("Назад"));
    REQUIRE(h.Tap("Назад"));
    CHECK(h.ui().ScreenName() == "home");
    CHECK(h.ui().Language() == "ru");
}

TEST_CASE("read aloud speaks the screen and stops when the visitor moves on", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    Start(h, "Touch the screen to start");
    int stops_before = h.speech().stops;
    REQUIRE(h.Tap("Read aloud"));
    REQUIRE(h.speech().spoken.size() == 1);
    CHECK(h.speech().spoken.back().first.find("How can we help?") == 0);
    CHECK(h.speech().spoken.back().first.find("Book a consultation") != std::string::npos);
    CHECK(h.speech().spoken.back().second == "en");
    CHECK(h.Shows("Stop reading"));
    REQUIRE(h.Tap("Crisis help and hotline"));
    CHECK(h.speech().stops > stops_before);
    CHECK(h.Shows("Read aloud"));
    REQUIRE(h.Tap("Read aloud"));
    CHECK(h.speech().spoken.back().first.find("Crisis help") == 0);
    // Volume control.
    float before = h.speech().volume;
    REQUIRE(h.Tap("Quieter"));
    CHECK(h.speech().volume == Catch::Approx(before - 0.1f));
}

TEST_CASE("idle: a warning with a countdown and Continue, then everything of the visit is wiped", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    Start(h, "Touch the screen to start");
    // A visit with traces everywhere: language, larger text, contrast, search text, history.
    REQUIRE(h.Tap("Search"));
    for (const char* key : {"p", "a", "s"}) REQUIRE(h.Tap(key));
    REQUIRE(h.Tap("RU"));
    REQUIRE(h.Tap("Крупный текст"));
    REQUIRE(h.Tap("Высокий контраст"));
    REQUIRE(h.Shows("pas"));
    const double last = h.now;
    h.ui().NoteActivity(last);

    h.Frame(last + 59);
    CHECK_FALSE(h.Shows("Продолжить"));
    CHECK(h.ui().NextWakeup(last + 59) == Catch::Approx(1.0).margin(0.2));
    h.Frame(last + 61);
    REQUIRE(h.Shows("Продолжить"));
    CHECK(h.ui().NextWakeup(last + 61) <= 1.0);
    CHECK(h.ui().Widgets().size() == 1);  // the warning covers the screen: only Continue is touchable
    // Continue keeps the visit.
    REQUIRE(h.Tap("Продолжить"));
    CHECK_FALSE(h.Shows("Продолжить"));
    CHECK(h.ui().ScreenName() == "search");
    CHECK(h.Shows("pas"));

    // Then no touch at all: warning, countdown, wipe.
    const double t0 = h.now;
    h.Frame(t0 + 60.5);
    CHECK(h.Shows("Продолжить"));
    int stops = h.speech().stops;
    h.Frame(t0 + 80.5);
    CHECK(h.ui().ScreenName() == "attract");
    CHECK(h.ui().Language() == "lv");
    CHECK(h.speech().stops > stops);
    CHECK(std::isinf(h.ui().NextWakeup(t0 + 81)) == false);  // the attract screen refreshes now and then

    // A new visitor finds nothing of the last one.
    h.Frame(t0 + 82);
    REQUIRE(h.Tap("Touch the screen to start"));
    CHECK(h.ui().Language() == "en");
    CHECK(h.Shows("Larger text"));     // not "Normal text": the toggle is off again
    CHECK(h.Shows("High contrast"));   // not "Normal colours"
    CHECK_FALSE(h.Shows("Back"));      // no history
    REQUIRE(h.Tap("Search"));
    CHECK(h.Shows("Type a word: a service, a course, a topic"));
    CHECK_FALSE(h.Shows("pas"));
}

TEST_CASE("booking through the screens: form, summary, received, finish", "[ui][visitor]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    Start(h, "Touch the screen to start");
    REQUIRE(h.Tap("Book a consultation"));
    REQUIRE(h.ui().ScreenName() == "booking");
    // The chooser lists the bookable services; take the first.
    std::string first_service;
    for (const ui::WidgetRect& w : h.ui().Widgets()) {
        if (w.y > 200 && w.w > 600) {
            first_service = w.label;
            break;
        }
    }
    REQUIRE_FALSE(first_service.empty());
    REQUIRE(h.Tap(first_service));
    REQUIRE(h.ui().ScreenName() == "booking");
    // Next with nothing filled in: the form stays.
    REQUIRE(h.ScrollToAndTap("Next", ImVec2(400, 600)));
    CHECK(h.ui().ScreenName() == "booking");
    CHECK_FALSE(h.Shows("Send request"));

    // The name field has the keyboard.
    for (const char* key : {"a", "n", "n", "a"}) REQUIRE(h.Tap(key));
    CHECK(h.Shows("anna"));
    // The phone field: tap it, then the digit keys appear.
    const ImVec2 form_column(400, 600);
    REQUIRE(h.ScrollToAndTap("Touch here to type", form_column));
    for (const char* key : {"+", "3", "7", "1", "2", "0", "0", "0", "0", "0", "0", "0"}) REQUIRE(h.Tap(key));
    CHECK(h.Shows("+37120000000"));
    // Choices: the first option of each choice field still empty, by its label from the content.
    auto detail = content::GetService(demo.db, ServiceIdByName(demo.db, first_service), "en");
    REQUIRE(detail.ok());
    auto form = content::GetBookingForm(demo.db, detail->booking_form_id, "en");
    REQUIRE(form.ok());
    for (const content::FormField& f : form->fields) {
        if (f.type != "choice" || f.key == "language") continue;
        REQUIRE_FALSE(f.options.empty());
        INFO("option " << f.options.front().label.text);
        REQUIRE(h.ScrollToAndTap(f.options.front().label.text, form_column));
    }
    REQUIRE(h.ScrollToAndTap("I agree", form_column));  // the consent is the form's last field
    auto depth_before = content::OutboxDepth(demo.db);
    REQUIRE(depth_before.ok());
    REQUIRE(h.ScrollToAndTap("Next", form_column));
    REQUIRE(h.ScrollToAndTap("Send request", form_column));
    CHECK(h.ui().ScreenName() == "confirmation");
    auto depth_after = content::OutboxDepth(demo.db);
    REQUIRE(depth_after.ok());
    CHECK(*depth_after == *depth_before + 1);
    CHECK(h.Shows("Finish"));
    // Back does not return to the sent form.
    REQUIRE(h.Tap("Back"));
    CHECK(h.ui().ScreenName() == "booking");
    CHECK_FALSE(h.Shows("anna"));
    REQUIRE(h.Tap("Home"));
    REQUIRE(h.Tap("Book a consultation"));
    REQUIRE(h.Tap(first_service));
    CHECK_FALSE(h.Shows("anna"));  // a new form starts empty
}
