// Private to spec/: the state of one load, shared by the section readers in load_*.cpp.
#pragma once

#include "spec/load.hpp"
#include "spec/pyproject.hpp"
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
    void read_users(const YAML::Node& node);       // users, directories (load_accounts.cpp)
    void read_directories(const YAML::Node& node);
    void read_services(const YAML::Node& node);    // after users (load_services.cpp)
    // root, nobody (users only), or declared under users: (kind "user") or as a user's group.
    [[nodiscard]] bool is_known_account(std::string_view name, std::string_view kind) const;
    [[nodiscard]] std::string group_of(std::string_view user) const;
    void read_deb(const YAML::Node& node);
    void read_rpm(const YAML::Node& node);
    void read_output(const YAML::Node& root);
    void read_targets(const YAML::Node& node); // after read_output (load_targets.cpp)

    // For a list key: nothing when absent, `usage` reported when not a list, else `read` for
    // each item.
    template <typename Read>
    void each_item(const YAML::Node& node, std::string_view usage, Read read)
    {
        if (!node.IsDefined())
        {
            return;
        }
        if (!node.IsSequence())
        {
            reader.report(node, std::string(usage));
            return;
        }
        for (const auto& item : node)
        {
            read(*this, item);
        }
    }

    void read_sign(const YAML::Node& node);
};

// Defaults completed from install.project's pyproject.toml [project] table (load_project.cpp).
Expected<Defaults> project_defaults(const Spec& spec, const YAML::Node& root, Defaults defaults,
                                    std::optional<ProjectTable>& table);

// install.indexes, find-links, only-binary (load_sources.cpp).
void read_sources(Loader& loader, const YAML::Node& install);

// The keys of a service generated from exec: (load_service_exec.cpp).
void read_generated_service(Loader& loader, const YAML::Node& item, Service& service);

} // namespace pydeb::spec::detail
