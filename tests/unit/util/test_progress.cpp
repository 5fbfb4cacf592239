#include "util/progress.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace pydeb::util;

namespace
{

// Writes down what a display is told, one line each.
class RecordingDisplay final : public ProgressDisplay
{
public:
    std::vector<std::string> events;
    std::vector<StageSnapshot> finished;

    void stage_started(std::string_view stage) override
    {
        events.push_back("start " + std::string(stage));
    }
    void stage_finished(const StageSnapshot& totals) override
    {
        events.push_back("finish " + totals.stage);
        finished.push_back(totals);
    }
    void detail(std::string_view text) override { events.push_back("detail " + std::string(text)); }
    void summary(std::string_view text) override { events.push_back("summary " + std::string(text)); }
    void warning(std::string_view text) override { events.push_back("warning " + std::string(text)); }
};

} // namespace

TEST_CASE("util::Progress tells its display each stage once, with that stage's counts")
{
    RecordingDisplay display;
    {
        Progress progress(&display);
        progress.start("install");
        progress.set(Count::wheels_total, 3);
        progress.add(Count::wheels);
        progress.add(Count::wheels, 2);
        CHECK(progress.snapshot().stage == "install");
        CHECK(progress.snapshot()[Count::wheels] == 3);
        progress.detail("click 8.1.3");
        warn(&progress, "unmapped libfoo.so.1");
        progress.start("write .deb"); // finishes install; counters start again at zero
        progress.add(Count::bytes_in, 1000);
        progress.summary("built");
        CHECK(progress.snapshot().stage.empty());
        progress.finish(); // nothing runs: no second finish
    }
    CHECK(display.events == std::vector<std::string>{"start install", "detail click 8.1.3",
                                                     "warning unmapped libfoo.so.1",
                                                     "finish install", "start write .deb",
                                                     "finish write .deb", "summary built"});
    REQUIRE(display.finished.size() == 2);
    CHECK(display.finished[0][Count::wheels] == 3);
    CHECK(display.finished[0][Count::wheels_total] == 3);
    CHECK(display.finished[1][Count::wheels] == 0);
    CHECK(display.finished[1][Count::bytes_in] == 1000);
}

TEST_CASE("util::Progress counts from many threads without losing any")
{
    Progress progress; // no display: it only counts
    progress.start("install");
    std::vector<std::jthread> workers;
    for (int t = 0; t < 4; ++t)
    {
        workers.emplace_back([&] {
            for (int i = 0; i < 10000; ++i)
            {
                count(&progress, Count::files_compiled);
            }
        });
    }
    workers.clear(); // joins
    CHECK(progress.snapshot()[Count::files_compiled] == 40000);
    count(nullptr, Count::files_compiled); // nobody watches: nothing happens
}

TEST_CASE("util::Progress finishes the running stage when it goes away")
{
    RecordingDisplay display;
    {
        Progress progress(&display);
        progress.start("map (rpm)");
    }
    CHECK(display.events == std::vector<std::string>{"start map (rpm)", "finish map (rpm)"});
}
