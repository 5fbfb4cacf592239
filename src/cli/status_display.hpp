// The command line's view of a command's progress (util::Progress), on stderr, so stdout keeps
// only the command's result (the packages' paths): on a terminal, the running stage's line is
// redrawn in place at most 10 times a second by a thread that samples the counters (the stages
// never wait on the terminal), and each finished stage leaves one line with its totals; on
// anything else (a file, a pipe, TERM=dumb), only the finished stages' plain lines, without
// escape sequences. --quiet shows neither, --verbose adds the details, --timings the table of
// stage times at the end.
#pragma once

#include "util/progress.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pydeb::cli
{

enum class Verbosity
{
    quiet,
    normal,
    verbose,
};

enum class Timings
{
    off,
    on,
};

enum class Rendering
{
    live,  // a terminal: redraw the running stage's line in place
    plain, // one line per finished stage
};

// live when stderr is a terminal whose TERM can move the cursor.
[[nodiscard]] Rendering rendering_for_stderr();

class StatusDisplay final : public util::ProgressDisplay
{
public:
    StatusDisplay(Verbosity verbosity, Timings timings, Rendering rendering);
    StatusDisplay(const StatusDisplay&) = delete;
    StatusDisplay& operator=(const StatusDisplay&) = delete;
    ~StatusDisplay() override; // stops the redraw thread

    // Start redrawing `progress`'s running stage (live rendering only). Call stop() before
    // `progress` goes away.
    void watch(const util::Progress& progress);
    // Stop redrawing; prints the --timings table.
    void stop();

    void stage_started(std::string_view stage) override;
    void stage_finished(const util::StageSnapshot& totals) override;
    void detail(std::string_view text) override;
    void summary(std::string_view text) override;
    void warning(std::string_view text) override;

private:
    void redraw_loop(const util::Progress& progress, const std::stop_token& stop);
    void write_line(const std::string& text, bool final); // with m_mutex held

    Verbosity m_verbosity;
    Timings m_timings;
    Rendering m_rendering;
    std::mutex m_mutex; // one writer to stderr at a time
    std::condition_variable_any m_wake;
    bool m_line_open = false; // a live line is on screen without its newline
    std::string m_running;    // the stage started and not yet finished
    std::vector<std::pair<std::string, std::chrono::steady_clock::duration>> m_laps;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::jthread m_redraw;
};

} // namespace pydeb::cli
