// pydeb.lock (resolve/lock): a file users commit and edit. Property: a lock that parses is
// written back by format_lock into text that parses to the same lock and formats the same.
#include "fuzz_support.hpp"
#include "resolve/lock.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto lock = resolve::parse_lock(fuzz::text(data, size), "pydeb.lock");
    if (lock)
    {
        const auto written = resolve::format_lock(*lock);
        const auto again = resolve::parse_lock(written, "formatted pydeb.lock");
        require(again && *again == *lock, "Lock: format_lock's text parses back equal", written);
        require(resolve::format_lock(*again) == written, "Lock: formatting is stable", written);
    }
    return 0;
}
