// Wheel archives (PEP 427), installed as the installer installs them (install/wheel_installer):
// libarchive's zip reader, the raw central directory, WHEEL, METADATA, RECORD, entry_points.txt,
// the plan of every member's destination, and the streamed, hash-checked extraction. The input
// is "FILENAME\n" followed by the archive, since the file name is part of what a wheel claims.
// Property: nothing is written outside the stage (the scratch directory holds only the wheel
// and the stage afterwards), whatever the archive holds.
#include "fuzz_support.hpp"
#include "install/layout.hpp"
#include "install/wheel/owner_map.hpp"
#include "install/wheel/wheel_installer.hpp"
#include "python/tags.hpp"
#include "templates/templates.hpp"

#include <algorithm>

using namespace pydeb;
using pydeb::fuzz::require;
namespace fs = std::filesystem;

namespace
{

python::InterpreterFacts cpython311()
{
    python::InterpreterFacts facts;
    facts.implementation_name = "cpython";
    facts.major = 3;
    facts.minor = 11;
    facts.abi_tag = "cp311";
    facts.platform = "linux_x86_64";
    facts.machine = "x86_64";
    facts.glibc = python::GlibcVersion{2, 36};
    return facts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto facts = cpython311();
    static const python::TagPriority supported(python::compatible_tags(facts));
    const auto input = fuzz::text(data, size);
    const auto newline = input.find('\n');
    if (newline == std::string_view::npos)
    {
        return 0;
    }
    const auto name = input.substr(0, newline);
    if (name.empty() || name.size() > 200 || name.find('/') != std::string_view::npos ||
        name.find('\0') != std::string_view::npos || name == "." || name == ".." ||
        name == "stage")
    {
        return -1; // not a file name: libFuzzer does not add such inputs to the corpus
    }
    const auto wheel = fuzz::write_input(name, input.substr(newline + 1));
    const auto stage = fuzz::scratch() / "stage";
    fs::create_directory(stage);
    const auto layout = install::Layout::make(stage, "/opt/venvs/app", facts);
    install::OwnerMap owners;
    std::vector<std::string> warnings;
    static const auto launcher = templates::get("launcher/console_script.py");
    require(launcher.has_value(), "the launcher template is embedded");
    const install::WheelInstallContext context{supported, owners, *launcher};
    (void)install::install_wheel(layout, wheel, context, warnings);

    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(fuzz::scratch()))
    {
        left.push_back(entry.path().filename().string());
    }
    std::ranges::sort(left);
    std::vector<std::string> expected{std::string(name), "stage"};
    std::ranges::sort(expected);
    require(left == expected, "wheel: nothing is written beside the stage");
    fs::remove_all(stage);
    fs::remove(wheel);
    return 0;
}
