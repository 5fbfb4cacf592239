// One doctest main for every unit test executable. Each executable runs in a fresh temporary
// directory (as ccache's unittest/main.cpp does) so tests that touch files cannot collide.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

int main(int argc, char** argv)
{
    std::string pattern = (std::filesystem::temp_directory_path() / "pydeb-unit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
    {
        return 2;
    }
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(pattern);
    doctest::Context context(argc, argv);
    const int result = context.run();
    std::filesystem::current_path(previous);
    if (result == 0)
    {
        std::filesystem::remove_all(pattern);
    }
    return result;
}
