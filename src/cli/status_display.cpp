#include "cli/status_display.hpp"

#include "cli/stage_line.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace pydeb::cli
{

namespace
{

constexpr auto k_redraw_interval = std::chrono::milliseconds(100);

// The terminal's width, so a live line never wraps (a wrapped line cannot be redrawn with \r).
std::size_t terminal_width()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    {
        return size.ws_col;
    }
    return 80;
}

void put(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace

Rendering rendering_for_stderr()
{
    const char* term = std::getenv("TERM");
    const bool dumb = term == nullptr || *term == '\0' || std::strcmp(term, "dumb") == 0;
    return ::isatty(STDERR_FILENO) == 1 && !dumb ? Rendering::live : Rendering::plain;
}

StatusDisplay::StatusDisplay(Verbosity verbosity, Timings timings, Rendering rendering)
    : m_verbosity(verbosity), m_timings(timings), m_rendering(rendering)
{
}

StatusDisplay::~StatusDisplay()
{
    stop();
}

void StatusDisplay::watch(const util::Progress& progress)
{
    if (m_rendering == Rendering::live && m_verbosity != Verbosity::quiet)
    {
        m_redraw = std::jthread([this, &progress](const std::stop_token& stop)
                                { redraw_loop(progress, stop); });
    }
}

void StatusDisplay::stop()
{
    if (m_redraw.joinable())
    {
        m_redraw.request_stop();
        m_wake.notify_all();
        m_redraw.join();
    }
    const std::lock_guard lock(m_mutex);
    if (m_line_open)
    {
        put("\r\x1b[K");
        m_line_open = false;
    }
    if (m_timings == Timings::on && !m_laps.empty())
    {
        // The --timings table: one line per stage and the total, for `grep` and bench/.
        const auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
        std::chrono::steady_clock::duration total{};
        for (const auto& [stage, elapsed] : m_laps)
        {
            std::fprintf(stderr, "pydeb: timings: %-22s %7.3f s\n", stage.c_str(), seconds(elapsed));
            total += elapsed;
        }
        std::fprintf(stderr, "pydeb: timings: %-22s %7.3f s\n", "total", seconds(total));
        m_laps.clear();
    }
}

void StatusDisplay::redraw_loop(const util::Progress& progress, const std::stop_token& stop)
{
    std::unique_lock lock(m_mutex);
    while (true)
    {
        // Returns early only when stop is requested (the predicate never holds).
        (void)m_wake.wait_for(lock, stop, k_redraw_interval, [] { return false; });
        if (stop.stop_requested())
        {
            return;
        }
        lock.unlock();
        const util::StageSnapshot now = progress.snapshot();
        lock.lock();
        // A stage that finished meanwhile already has its final line.
        if (!now.stage.empty() && now.stage == m_running)
        {
            write_line("pydeb: " + describe(now), false);
        }
    }
}

void StatusDisplay::write_line(const std::string& text, bool final)
{
    if (m_rendering == Rendering::plain)
    {
        if (final)
        {
            put(text + "\n");
        }
        return;
    }
    put("\r\x1b[K" + (final ? text : text.substr(0, terminal_width() - 1)) + (final ? "\n" : ""));
    m_line_open = !final;
}

void StatusDisplay::stage_started(std::string_view stage)
{
    const std::lock_guard lock(m_mutex);
    m_running = stage;
    if (m_verbosity != Verbosity::quiet)
    {
        write_line("pydeb: " + std::string(stage), false);
    }
}

void StatusDisplay::stage_finished(const util::StageSnapshot& totals)
{
    const std::lock_guard lock(m_mutex);
    m_running.clear();
    m_laps.emplace_back(totals.stage, totals.elapsed);
    if (m_verbosity != Verbosity::quiet)
    {
        write_line("pydeb: " + describe(totals), true);
    }
}

void StatusDisplay::detail(std::string_view text)
{
    if (m_verbosity == Verbosity::verbose)
    {
        const std::lock_guard lock(m_mutex);
        write_line("pydeb: " + std::string(text), true);
    }
}

void StatusDisplay::summary(std::string_view text)
{
    if (m_verbosity != Verbosity::quiet)
    {
        const std::lock_guard lock(m_mutex);
        write_line("pydeb: " + std::string(text), true);
    }
}

void StatusDisplay::warning(std::string_view text)
{
    const std::lock_guard lock(m_mutex);
    write_line("pydeb: warning: " + std::string(text), true); // the next redraw follows it
}

} // namespace pydeb::cli
