#include "cli/app.hpp"

#include "cli/status_display.hpp"
#include "pipeline/cache_command.hpp"
#include "pipeline/explain.hpp"
#include "pipeline/init_command.hpp"
#include "pipeline/run.hpp"
#include "pydeb_config.h"
#include "util/cache_store.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace pydeb::cli
{

namespace
{

const std::map<std::string, spec::Format> k_formats{{"deb", spec::Format::deb},
                                                    {"rpm", spec::Format::rpm}};

// Exit statuses, as pydeb(1) documents them (1, a build or input error, is main()'s).
constexpr int k_exit_usage = 2;

// The spec a command reads: SPEC, else ./pydeb.yaml (as nfpm reads ./nfpm.yaml).
Expected<std::filesystem::path> spec_or_default(const CLI::App& command,
                                                const std::filesystem::path& spec)
{
    if (command.get_option("SPEC")->count() > 0 || std::filesystem::exists(spec))
    {
        return spec;
    }
    std::error_code ec;
    return fail("no SPEC given and no " + spec.string() + " in " +
                std::filesystem::current_path(ec).string() +
                ": name the spec file (pydeb COMMAND path/to/pydeb.yaml) or run pydeb in the "
                "directory that holds pydeb.yaml");
}

// Shows the command's progress while it lives; the display outlives the Progress it watches.
class ProgressSession
{
public:
    ProgressSession(Verbosity verbosity, Timings timings)
        : m_display(verbosity, timings, rendering_for_stderr()), m_progress(&m_display)
    {
        m_display.watch(m_progress);
    }
    ProgressSession(const ProgressSession&) = delete;
    ProgressSession& operator=(const ProgressSession&) = delete;
    ~ProgressSession()
    {
        m_progress.finish();
        m_display.stop();
    }
    util::Progress& progress() { return m_progress; }

private:
    StatusDisplay m_display;
    util::Progress m_progress;
};

} // namespace

Expected<int> run(int argc, char** argv)
{
    CLI::App app{"pydeb: Python applications as native .deb and .rpm packages that carry their "
                 "own virtualenv.\nSee pydeb(1) and pydeb.yaml(5).",
                 "pydeb"};
    app.set_version_flag("--version", std::string("pydeb ") + PYDEB_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global flags (--no-cache) also after the subcommand
    // The one cache store, passed down to every stage (util/cache_store.hpp).
    util::CacheStore cache = util::CacheStore::from_environment();
    app.add_flag_callback(
        "--no-cache", [&cache] { cache = util::CacheStore::off(); },
        "neither read nor write pydeb's caches in $XDG_CACHE_HOME/pydeb (~/.cache/pydeb, see "
        "`pydeb cache info`). They only save time: the packages are the same with or without "
        "them");
    sources::Network network = sources::Network::online;
    app.add_flag_callback(
        "--offline", [&network] { network = sources::Network::offline; },
        "ask no package index: the files a lock names come from the download cache, and a "
        "missing one is an error naming it");

    std::function<Expected<void>(util::Progress&)> action;
    std::filesystem::path spec_path = "pydeb.yaml";
    Verbosity verbosity = Verbosity::normal;
    Timings timings = Timings::off;
    pipeline::SpecContext context; // one subcommand runs: they share it
    // -q/-v on pydeb itself and on every command; the last one given wins.
    const auto add_verbosity = [&](CLI::App* command) {
        command->add_flag_callback(
            "-q,--quiet", [&] { verbosity = Verbosity::quiet; },
            "show no progress and no summary, only warnings and errors");
        command->add_flag_callback(
            "-v,--verbose", [&] { verbosity = Verbosity::verbose; },
            "also show details: each package written, what a stage did");
    };
    add_verbosity(&app);
    const auto add_spec = [&](CLI::App* command) {
        command->add_option("SPEC", spec_path,
                                          "the spec file (default: pydeb.yaml in the current "
                                          "directory)");
        add_verbosity(command);
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
    build->add_option("--sign", build_request.sign_key,
                      "sign the packages with this OpenPGP key from the GnuPG home ($GNUPGHOME, "
                      "else ~/.gnupg; its fingerprint, as gpg -u takes it): the .rpm with rpmsign's "
                      "header signature, the .deb with a debsigs _gpgorigin member; overrides the "
                      "spec's sign.key");
    build->add_flag_callback(
        "--timings", [&] { timings = Timings::on; }, "print the wall time of each stage to stderr");
    build->callback([&] {
        action = [&](util::Progress& progress) -> Expected<void> {
            build_request.spec = PYDEB_TRY(spec_or_default(*build, spec_path));
            return pipeline::build(build_request, progress);
        };
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
        action = [&](util::Progress& progress) -> Expected<void> {
            install_request.spec = PYDEB_TRY(spec_or_default(*install, spec_path));
            install_request.context = context;
            return pipeline::install(install_request, progress);
        };
    });

    CLI::App* resolve = app.add_subcommand("resolve", "print the exact wheel set, name==version");
    add_spec(resolve);
    add_context(resolve);
    resolve->callback([&] {
        action = [&](util::Progress& progress) -> Expected<void> {
            return pipeline::resolve(PYDEB_TRY(spec_or_default(*resolve, spec_path)), context,
                                     progress);
        };
    });

    std::optional<std::filesystem::path> lockfile;
    CLI::App* lock = app.add_subcommand("lock", "resolve and (re)write the lockfile");
    add_spec(lock);
    add_context(lock);
    lock->add_option("--lockfile", lockfile, "where to write it (default: pydeb.lock beside the spec)");
    std::vector<std::string> upgrade_names;
    CLI::Option* upgrade = lock->add_option(
        "--upgrade", upgrade_names,
        "let distributions move from their locked versions: all of them, or NAME (repeatable: "
        "--upgrade a --upgrade b; give SPEC before it). Without it, an existing lock's versions "
        "are kept where they still fit");
    upgrade->expected(0, 1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    lock->callback([&] {
        action = [&](util::Progress& progress) -> Expected<void> {
            // A bare --upgrade gives CLI11 an empty value: no name, so every distribution.
            std::erase(upgrade_names, std::string());
            const std::optional<std::vector<std::string>> names =
                upgrade->count() > 0 ? std::optional(upgrade_names) : std::nullopt;
            return pipeline::lock(PYDEB_TRY(spec_or_default(*lock, spec_path)), lockfile, names,
                                  context, progress);
        };
    });

    CLI::App* validate = app.add_subcommand("validate", "check the spec and report every problem");
    add_spec(validate);
    add_context(validate);
    validate->callback([&] {
        action = [&](util::Progress&) -> Expected<void> {
            return pipeline::validate(PYDEB_TRY(spec_or_default(*validate, spec_path)), context);
        };
    });

    std::filesystem::path init_dir = ".";
    CLI::App* init = app.add_subcommand("init", "write a starter pydeb.yaml for a PEP 621 project");
    init->add_option("DIR", init_dir, "the project directory, with pyproject.toml (default: .)");
    add_verbosity(init);
    init->callback([&] {
        action = [&](util::Progress&) -> Expected<void> { return pipeline::init(init_dir); };
    });

    CLI::App* deps = app.add_subcommand("deps", "print the mapped dependencies with their provenance");
    add_spec(deps);
    add_context(deps);
    deps->callback([&] {
        action = [&](util::Progress& progress) -> Expected<void> {
            return pipeline::deps(PYDEB_TRY(spec_or_default(*deps, spec_path)), context,
                                  progress);
        };
    });

    CLI::App* cache_command =
        app.add_subcommand("cache", "show or clean pydeb's cache ($XDG_CACHE_HOME/pydeb)");
    cache_command->require_subcommand(1);
    add_verbosity(cache_command);
    CLI::App* cache_info =
        cache_command->add_subcommand("info", "where the cache is and what each kind holds");
    add_verbosity(cache_info);
    cache_info->callback([&] {
        action = [&](util::Progress&) { return pipeline::cache_info(cache); };
    });
    std::optional<std::string> max_size;
    CLI::App* clean = cache_command->add_subcommand(
        "clean", "remove the least recently used entries until the cache is under a size");
    add_verbosity(clean);
    clean->add_option("--max-size", max_size,
                      "the size to shrink to, e.g. 500M or 2G (default: 0, everything)");
    clean->callback([&] {
        action = [&](util::Progress&) { return pipeline::cache_clean(cache, max_size); };
    });

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
        action = [&](util::Progress& progress) -> Expected<void> {
            explain_request.spec = PYDEB_TRY(spec_or_default(*explain, spec_path));
            explain_request.context = context; // with the cache store, set after parsing
            return pipeline::explain(explain_request, progress);
        };
    });

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        // --help and --version end here with 0; every other parse error is a usage error.
        return app.exit(e) == 0 ? 0 : k_exit_usage;
    }
    // After parsing, so --no-cache counts wherever it stands on the line.
    context.cache = cache;
    build_request.cache = cache;
    install_request.context.cache = cache;
    context.network = network;
    build_request.network = network;
    install_request.context.network = network;
    ProgressSession session(verbosity, timings);
    PYDEB_TRY(action(session.progress()));
    return 0;
}

} // namespace pydeb::cli
