// Private to spec/: the state of one load, shared by the section readers in load_*.cpp.
#pragma once

#include "spec/load.hpp"
#include "spec/yaml_reader.hpp"

namespace pydeb::spec::detail
{

enum class MustExist
{
    file,
    directory,
    file_or_directory,
};

struct Loader
{
    YamlReader reader;
    Spec spec;

    // Resolve a spec-relative path and check that it exists on the build host.
    std::optional<std::filesystem::path> path(const YAML::Node& node, std::string_view key,
                                              MustExist must);
    void read_metadata(const YAML::Node& root, const Defaults& defaults);
    void read_python(const YAML::Node& node);
    void read_install(const YAML::Node& node);
    void read_contents(const YAML::Node& root); // files, entry-points
    void read_hooks(const YAML::Node& node);
    void read_deb(const YAML::Node& node);
    void read_rpm(const YAML::Node& node);
    void read_output(const YAML::Node& root);
    void read_sign(const YAML::Node& node);
};

} // namespace pydeb::spec::detail
