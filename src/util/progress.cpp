#include "util/progress.hpp"

#include <cstdio>

namespace pydeb::util
{

namespace
{

void print_warning(std::string_view text)
{
    std::fprintf(stderr, "pydeb: warning: %.*s\n", static_cast<int>(text.size()), text.data());
}

} // namespace

void Progress::start(std::string stage)
{
    finish();
    for (auto& count : m_counts)
    {
        count.store(0, std::memory_order_relaxed);
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stage = std::move(stage);
        m_started = std::chrono::steady_clock::now();
    }
    if (m_display != nullptr)
    {
        m_display->stage_started(m_stage);
    }
}

void Progress::finish()
{
    StageSnapshot totals = snapshot();
    if (totals.stage.empty())
    {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stage.clear();
    }
    if (m_display != nullptr)
    {
        m_display->stage_finished(totals);
    }
}

void Progress::detail(std::string_view text)
{
    if (m_display != nullptr)
    {
        m_display->detail(text);
    }
}

void Progress::summary(std::string_view text)
{
    finish();
    if (m_display != nullptr)
    {
        m_display->summary(text);
    }
}

void Progress::warning(std::string_view text)
{
    if (m_display != nullptr)
    {
        m_display->warning(text);
        return;
    }
    print_warning(text);
}

void warn(Progress* progress, std::string_view text)
{
    if (progress != nullptr)
    {
        progress->warning(text);
        return;
    }
    print_warning(text);
}

StageSnapshot Progress::snapshot() const
{
    StageSnapshot snapshot;
    {
        const std::lock_guard lock(m_mutex);
        snapshot.stage = m_stage;
        snapshot.elapsed = std::chrono::steady_clock::now() - m_started;
    }
    for (std::size_t i = 0; i < k_count_kinds; ++i)
    {
        snapshot.counts[i] = m_counts[i].load(std::memory_order_relaxed);
    }
    return snapshot;
}

} // namespace pydeb::util
