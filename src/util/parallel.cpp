#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace pydeb::util
{

void for_each_parallel(std::size_t count, unsigned workers,
                       const std::function<void(std::size_t)>& work)
{
    std::atomic<std::size_t> next{0};
    const auto loop = [&]
    {
        for (std::size_t i = next++; i < count; i = next++)
        {
            work(i);
        }
    };
    const unsigned wanted =
        workers != 0 ? workers : std::max(2U, std::thread::hardware_concurrency());
    const auto threads = std::min<std::size_t>(wanted, count);
    std::vector<std::jthread> pool;
    for (std::size_t i = 1; i < threads; ++i)
    {
        pool.emplace_back(loop);
    }
    loop();
} // the jthreads join here

} // namespace pydeb::util
