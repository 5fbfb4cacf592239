#include "util/stage_clock.hpp"

#include <cstdio>

namespace pydeb::util
{

StageClock::StageClock(TimingReport report)
    : report_(report), start_(Clock::now()), last_(start_)
{
}

void StageClock::lap(std::string stage)
{
    const auto now = Clock::now();
    laps_.emplace_back(std::move(stage), now - last_);
    last_ = now;
}

StageClock::~StageClock()
{
    if (report_ != TimingReport::to_stderr)
    {
        return;
    }
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    for (const auto& [stage, duration] : laps_)
    {
        std::fprintf(stderr, "pydeb: timings: %-22s %7.3f s\n", stage.c_str(), seconds(duration));
    }
    std::fprintf(stderr, "pydeb: timings: %-22s %7.3f s\n", "total", seconds(last_ - start_));
}

} // namespace pydeb::util
