// Interpreter archives (install/bundle_sources over adapters/archive/tar_reader): a tar in any
// compression libarchive reads, taken as a bundled interpreter's prefix. Properties: nothing is
// written beside the stage, and after an accepted archive every symlink in the stage resolves
// inside the prefix (a bundle must be self-contained).
#include "fuzz_support.hpp"
#include "install/bundle_sources.hpp"

#include <algorithm>

using namespace pydeb;
using pydeb::fuzz::require;
namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto archive = fuzz::write_input("bundle.tar", fuzz::text(data, size));
    const auto stage = fuzz::scratch() / "stage";
    fs::create_directory(stage);
    const fs::path prefix = "/opt/app/python";
    const install::BundleSource source{archive, "/usr/bin/python3", "bundle.tar"};
    const auto taken = install::take_bundle(source, stage, prefix, {});

    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(fuzz::scratch()))
    {
        left.push_back(entry.path().filename().string());
    }
    std::ranges::sort(left);
    require(left == std::vector<std::string>{"bundle.tar", "stage"},
            "bundle: nothing is written beside the stage");
    if (taken)
    {
        const auto root = fs::weakly_canonical(stage / prefix.relative_path());
        for (auto it = fs::recursive_directory_iterator(stage); it != fs::recursive_directory_iterator(); ++it)
        {
            if (!it->is_symlink())
            {
                continue;
            }
            std::error_code error;
            const auto resolved = fs::weakly_canonical(it->path(), error);
            const auto inside = resolved.lexically_relative(root);
            require(error || (!inside.empty() && *inside.begin() != ".."),
                    "bundle: an accepted symlink stays inside the prefix", it->path().string());
        }
    }
    fs::remove_all(stage);
    return 0;
}
