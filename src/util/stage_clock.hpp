// `--timings`: wall-clock time per pipeline stage, printed to stderr at the end of a command
// (the idea of mold's --perf and cargo's --timings). Off by default; when off, lap() only reads
// the clock, so stages can call it unconditionally.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::util
{

enum class TimingReport
{
    quiet,
    to_stderr,
};

class StageClock
{
public:
    explicit StageClock(TimingReport report);
    StageClock(const StageClock&) = delete;
    StageClock& operator=(const StageClock&) = delete;
    ~StageClock(); // prints the laps when reporting

    // Ends the stage that started at the previous lap (or at construction) and names it.
    void lap(std::string stage);

private:
    using Clock = std::chrono::steady_clock;
    TimingReport report_;
    Clock::time_point start_;
    Clock::time_point last_;
    std::vector<std::pair<std::string, Clock::duration>> laps_;
};

} // namespace pydeb::util
