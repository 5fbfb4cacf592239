// pydeb's one way to run work in parallel: a small pool of std::jthreads taking indices from a
// shared counter (the wheels of one install, which are independent of each other).
#pragma once

#include <cstddef>
#include <functional>

namespace pydeb::util
{

// Run work(i) for every i in [0, count) on up to `workers` threads (0: the hardware concurrency,
// at least 2); the calling thread works too. Returns when all are done.
void for_each_parallel(std::size_t count, unsigned workers,
                       const std::function<void(std::size_t)>& work);

} // namespace pydeb::util
