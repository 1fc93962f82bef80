// Video driver choice, PNG writing, stats percentiles, the virtual clock.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <png.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "kiosk/clock.h"
#include "kiosk/display.h"
#include "kiosk/frame_stats.h"
#include "kiosk/png_writer.h"

using kiosk::ChooseVideoDrivers;
using kiosk::VideoDriver;

TEST_CASE("the video driver is chosen on purpose, never silently offscreen", "[kiosk][display]") {
    using V = std::vector<std::string>;
    // A normal run on a bare kiosk: real displays only.
    auto bare = ChooseVideoDrivers(VideoDriver::Auto, false, nullptr, false, false);
    CHECK(bare.candidates == V{"kmsdrm", "wayland", "x11"});
    CHECK(ChooseVideoDrivers(VideoDriver::Auto, false, "", false, true).candidates == V{"x11", "kmsdrm"});
    CHECK(ChooseVideoDrivers(VideoDriver::Auto, false, nullptr, true, true).candidates ==
          V{"wayland", "x11", "kmsdrm"});
    for (bool wl : {false, true})
        for (bool x : {false, true})
            for (const std::string& d : ChooseVideoDrivers(VideoDriver::Auto, false, nullptr, wl, x).candidates)
                CHECK((d != "offscreen" && d != "dummy"));
    // Explicit choices are obeyed: configuration, environment (which wins), scripts.
    CHECK(ChooseVideoDrivers(VideoDriver::KmsDrm, false, nullptr, true, true).candidates == V{"kmsdrm"});
    CHECK(ChooseVideoDrivers(VideoDriver::Offscreen, false, nullptr, false, false).candidates == V{"offscreen"});
    CHECK(ChooseVideoDrivers(VideoDriver::X11, false, "offscreen", false, false).candidates == V{"offscreen"});
    CHECK(ChooseVideoDrivers(VideoDriver::Auto, true, nullptr, false, true).candidates == V{"offscreen"});
    CHECK(ChooseVideoDrivers(VideoDriver::X11, true, nullptr, false, true).candidates == V{"x11"});
}

TEST_CASE("screenshots are written as PNG the right way up", "[kiosk][png]") {
    std::string path = "/tmp/kiosk_png_test_" + std::to_string(::getpid()) + ".png";
    // 2x2, bottom-up like glReadPixels: the first row given is the bottom row of the image.
    std::vector<uint8_t> rgba = {255, 0, 0, 255, 0, 255, 0, 255,     // bottom: red, green
                                 0, 0, 255, 255, 255, 255, 255, 255}; // top: blue, white
    REQUIRE(kiosk::WritePng(path, 2, 2, rgba, true).ok());
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_file(&image, path.c_str()));
    image.format = PNG_FORMAT_RGBA;
    std::vector<uint8_t> back(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, back.data(), 0, nullptr));
    CHECK(image.width == 2);
    CHECK(image.height == 2);
    CHECK(back[0] == 0);    // top-left is blue
    CHECK(back[2] == 255);
    CHECK(back[8] == 255);  // bottom-left is red
    CHECK(back[9] == 0);
    std::remove(path.c_str());

    auto bad = kiosk::WritePng("/nonexistent/dir/x.png", 2, 2, rgba, true);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "png_write_failed");
    CHECK_THAT(bad.error().message, Catch::Matchers::ContainsSubstring("/nonexistent/dir/x.png"));
    CHECK_FALSE(kiosk::WritePng(path, 3, 2, rgba, true).ok());  // size mismatch
}

TEST_CASE("percentiles use the nearest rank", "[kiosk][stats]") {
    std::vector<double> v;
    for (int i = 100; i >= 1; --i) v.push_back(i);
    CHECK(kiosk::FrameStats::Percentile(v, 50) == 50);
    CHECK(kiosk::FrameStats::Percentile(v, 99) == 99);
    CHECK(kiosk::FrameStats::Percentile(v, 100) == 100);
    CHECK(kiosk::FrameStats::Percentile({}, 99) == 0);
    CHECK(kiosk::FrameStats::Percentile({7}, 1) == 7);
}

TEST_CASE("process memory separates the GL driver's mappings", "[kiosk][stats]") {
    kiosk::ProcessMemory m = kiosk::ReadProcessMemory();
    CHECK(m.rss_kb > 0);
    CHECK(m.peak_rss_kb >= m.rss_kb);
    CHECK(m.rss_gl_driver_kb >= 0);
    CHECK(m.rss_gl_driver_kb < m.rss_kb);
}

TEST_CASE("the virtual clock moves only when told", "[kiosk][clock]") {
    kiosk::Clock clock(true);
    CHECK(clock.Now() == 0.0);
    usleep(20000);
    CHECK(clock.Now() == 0.0);  // real time passed, virtual did not
    clock.Advance(61);
    CHECK(clock.Now() == 61.0);
    clock.SetUtc(1772445600);
    CHECK(clock.NowUtc() == 1772445600);
    clock.Advance(10);
    CHECK(clock.NowUtc() == 1772445610);
    clock.Follow();
    usleep(30000);
    double followed = clock.Now();
    CHECK(followed > 71.02);
    CHECK(followed < 72.0);
    clock.FreezeAt(75);
    CHECK(clock.Now() == 75.0);

    kiosk::Clock real(false);
    double a = real.Now();
    usleep(5000);
    CHECK(real.Now() > a);
}
