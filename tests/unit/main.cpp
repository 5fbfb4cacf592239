// One doctest main for every unit test executable. Each executable runs in a fresh temporary
// directory (as ccache's unittest/main.cpp does) so tests that touch files cannot collide, with
// XDG_CACHE_HOME inside it.
#define DOCTEST_CONFIG_IMPLEMENT
#include <cstdlib>
#include <doctest/doctest.h>
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
    // Caches go to the temporary directory too, never to the user's ~/.cache/pydeb; a test that
    // wants another place sets XDG_CACHE_HOME itself.
    ::setenv("XDG_CACHE_HOME", (pattern + "/xdg-cache").c_str(), 1);
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
