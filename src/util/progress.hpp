// How far a command has come, for the person watching it. The pipeline passes a Progress down to
// the stages that take time; they count what they do with add() (a relaxed atomic add: safe from
// worker threads and cheap enough for a call per file). A ProgressDisplay (the command line's
// terminal or plain-line rendering, cli/) hears when a stage starts and ends and may sample the
// counters in between to redraw a live line. A Progress without a display only counts.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace pydeb::util
{

enum class Count
{
    wheels,          // wheels resolved or placed in the venv
    wheels_total,    // of how many (0: not known)
    files_compiled,  // .py files compiled to bytecode
    sonames,         // shared libraries mapped to packages
    bytes_in,        // uncompressed bytes fed to a compressor
    bytes_out,       // bytes of the package written
};
inline constexpr std::size_t k_count_kinds = 6;

// One stage's counters at one moment.
struct StageSnapshot
{
    std::string stage;
    std::array<std::uint64_t, k_count_kinds> counts{};
    std::chrono::steady_clock::duration elapsed{};

    [[nodiscard]] std::uint64_t operator[](Count count) const
    {
        return counts[static_cast<std::size_t>(count)];
    }
};

class ProgressDisplay
{
public:
    virtual ~ProgressDisplay() = default;
    virtual void stage_started(std::string_view stage) = 0;
    virtual void stage_finished(const StageSnapshot& totals) = 0;
    // A detail only --verbose shows (a wheel placed, a package written).
    virtual void detail(std::string_view text) = 0;
    // The command's one-line result, shown unless --quiet.
    virtual void summary(std::string_view text) = 0;
    // A warning, always shown, on a line of its own (never inside a live status line).
    virtual void warning(std::string_view text) = 0;
};

class Progress
{
public:
    explicit Progress(ProgressDisplay* display = nullptr) : m_display(display) {}
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    ~Progress() { finish(); }

    // Finishes the current stage, if any, and starts `stage` with its counters at zero.
    void start(std::string stage);
    // Finishes the current stage; the display gets its totals.
    void finish();
    void add(Count count, std::uint64_t amount = 1)
    {
        m_counts[static_cast<std::size_t>(count)].fetch_add(amount, std::memory_order_relaxed);
    }
    void set(Count count, std::uint64_t value)
    {
        m_counts[static_cast<std::size_t>(count)].store(value, std::memory_order_relaxed);
    }
    void detail(std::string_view text);
    void summary(std::string_view text);
    // To the display; without one, to stderr as "pydeb: warning: TEXT", so none is ever lost.
    void warning(std::string_view text);

    // The current stage as it stands; an empty stage name when none runs.
    [[nodiscard]] StageSnapshot snapshot() const;

private:
    ProgressDisplay* m_display;
    mutable std::mutex m_mutex; // guards m_stage and m_started
    std::string m_stage;
    std::chrono::steady_clock::time_point m_started;
    std::array<std::atomic<std::uint64_t>, k_count_kinds> m_counts{};
};

// For callers whose Progress is optional (nullptr: nobody watches).
inline void count(Progress* progress, Count count, std::uint64_t amount = 1)
{
    if (progress != nullptr)
    {
        progress->add(count, amount);
    }
}

// A warning through `progress`, or straight to stderr when there is none.
void warn(Progress* progress, std::string_view text);

} // namespace pydeb::util
