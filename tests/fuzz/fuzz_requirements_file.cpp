// pip requirements files (resolve/requirements_file): comments, "\" continuations, options, and
// "-r FILE" includes. The input is also the file requirements.txt in the scratch directory, so an
// input that includes itself ("-r requirements.txt") exercises the include-cycle check.
#include "fuzz_support.hpp"
#include "resolve/requirements_file.hpp"

using namespace pydeb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    const auto file = fuzz::write_input("requirements.txt", input);
    (void)resolve::parse_requirements(input, file, fuzz::scratch());
    (void)resolve::read_requirements_file(file);
    return 0;
}
