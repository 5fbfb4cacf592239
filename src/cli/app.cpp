#include "cli/app.hpp"

#include "pipeline/explain.hpp"
#include "pipeline/run.hpp"
#include "pydeb_config.h"
#include "util/cache_dir.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace pydeb::cli
{

namespace
{

const std::map<std::string, spec::Format> k_formats{{"deb", spec::Format::deb},
                                                    {"rpm", spec::Format::rpm}};

} // namespace

Expected<int> run(int argc, char** argv)
{
    CLI::App app{"pydeb: Python applications as native .deb and .rpm packages that carry their "
                 "own virtualenv.\nSee pydeb(1) and pydeb.yaml(5).",
                 "pydeb"};
    app.set_version_flag("--version", std::string("pydeb ") + PYDEB_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global flags (--no-cache) also after the subcommand
    app.add_flag_callback(
        "--no-cache", [] { util::set_cache_policy(util::CachePolicy::bypass); },
        "neither read nor write pydeb's caches ($XDG_CACHE_HOME/pydeb): interpreter facts, "
        ".solv repositories, installability results, dpkg file owners, installed wheels");

    std::function<Expected<void>()> action;
    std::filesystem::path spec_path;
    pipeline::SpecContext context; // one subcommand runs: they share it
    const auto add_spec = [&](CLI::App* command) {
        command->add_option("SPEC", spec_path, "the spec file (pydeb.yaml)")->required();
    };
    // What dh_pydeb and %pydeb_install pass; validate/lock/resolve/deps take them too, so a
    // debian/pydeb.yaml is read the same way outside the build.
    const auto add_context = [&](CLI::App* command) {
        command->add_option("--debian-source", context.debian_source,
                            "a Debian source package root: take name, version, maintainer, "
                            "description from DIR/debian/control and DIR/debian/changelog and the "
                            "license from a machine-readable DIR/debian/copyright when the spec "
                            "leaves them out, and resolve the spec's relative paths against DIR");
        command->add_option("--package", context.package,
                            "the binary package of debian/control to take them from");
        command->add_option("--default", context.defaults,
                            "KEY=VALUE (repeatable): a value for a key the spec leaves out (name, "
                            "version, release, summary, description, maintainer, license, "
                            "homepage); %pydeb_install passes the .spec's tags");
    };

    pipeline::BuildRequest build_request;
    CLI::App* build = app.add_subcommand("build", "resolve, install, map and write .deb/.rpm packages");
    add_spec(build);
    build->add_option("-o,--output", build_request.output_dir, "directory for the packages")
        ->capture_default_str();
    build->add_option("--format", build_request.formats, "deb or rpm (repeatable); default: the spec's")
        ->transform(CLI::CheckedTransformer(k_formats, CLI::ignore_case));
    build->add_flag_callback(
        "--timings", [&] { build_request.timings = util::TimingReport::to_stderr; },
        "print the wall time of each stage to stderr");
    build->callback([&] {
        build_request.spec = spec_path;
        action = [&] { return pipeline::build(build_request); };
    });

    pipeline::InstallRequest install_request;
    CLI::App* install = app.add_subcommand(
        "install", "stage the venv and files into a root directory, without writing a package");
    add_spec(install);
    install->add_option("--root", install_request.root, "the staging root")->required();
    add_context(install);
    install->add_option("--substvars", install_request.substvars,
                        "write pydeb:Depends (and pydeb:Prefix...) to this debhelper substvars file");
    install->add_option("--rpm-filelist", install_request.rpm_filelist,
                        "write a %files list of the staged tree (rpmbuild %files -f)");
    install->add_option("--rpm-requires", install_request.rpm_requires,
                        "write the mapped rpm Requires, one per line");
    install->add_option("--strip", install_request.strip, "override the spec's install.strip (yes|no)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, spec::Strip>{{"yes", spec::Strip::yes}, {"no", spec::Strip::no}}));
    install->add_option("--check-installable", install_request.check_installable,
                        "override the spec's check-installable (error|warn|off)")
        ->transform(CLI::CheckedTransformer(std::map<std::string, spec::InstallabilityCheck>{
            {"error", spec::InstallabilityCheck::error},
            {"warn", spec::InstallabilityCheck::warn},
            {"off", spec::InstallabilityCheck::off}}));
    install->callback([&] {
        install_request.spec = spec_path;
        install_request.context = context;
        action = [&] { return pipeline::install(install_request); };
    });

    CLI::App* resolve = app.add_subcommand("resolve", "print the exact wheel set, name==version");
    add_spec(resolve);
    add_context(resolve);
    resolve->callback([&] { action = [&] { return pipeline::resolve(spec_path, context); }; });

    std::optional<std::filesystem::path> lockfile;
    CLI::App* lock = app.add_subcommand("lock", "resolve and (re)write the lockfile");
    add_spec(lock);
    add_context(lock);
    lock->add_option("--lockfile", lockfile, "where to write it (default: pydeb.lock beside the spec)");
    lock->callback([&] { action = [&] { return pipeline::lock(spec_path, lockfile, context); }; });

    CLI::App* validate = app.add_subcommand("validate", "check the spec and report every problem");
    add_spec(validate);
    add_context(validate);
    validate->callback([&] { action = [&] { return pipeline::validate(spec_path, context); }; });

    CLI::App* deps = app.add_subcommand("deps", "print the mapped dependencies with their provenance");
    add_spec(deps);
    add_context(deps);
    deps->callback([&] { action = [&] { return pipeline::deps(spec_path, context); }; });

    pipeline::ExplainRequest explain_request;
    CLI::App* explain = app.add_subcommand(
        "explain",
        "why each system dependency and distribution is there, and where the space goes");
    add_spec(explain);
    add_context(explain);
    explain->add_option("WHAT", explain_request.what,
                        "only this system package or soname, or this distribution");
    explain->add_flag_callback(
        "--json", [&] { explain_request.output = pipeline::ExplainOutput::json; },
        "print JSON for tools instead of text");
    explain->callback([&] {
        explain_request.spec = spec_path;
        explain_request.context = context;
        action = [&] { return pipeline::explain(explain_request); };
    });

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        return app.exit(e);
    }
    PYDEB_TRY(action());
    return 0;
}

} // namespace pydeb::cli
