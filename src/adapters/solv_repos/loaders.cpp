#include "adapters/solv_repos/loaders.hpp"

#include "adapters/process/process.hpp"
#include "adapters/solv_repos/c_ext.hpp"
#include "adapters/solv_repos/solv_cache.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <memory>

namespace fs = std::filesystem;

namespace pydeb::adapters::solv_repos
{

namespace
{


Error loader_error(solv::ObjPool& pool, const fs::path& source, std::string_view what)
{
    return Error{source.string() + ": " + std::string(what) + ": " + pool_errstr(pool.raw())};
}

Expected<std::string> decompress_with_apt(const fs::path& file)
{
    const fs::path helper = "/usr/lib/apt/apt-helper";
    const std::vector<std::string> args{"cat-file", file.string()};
    auto result = PYDEB_TRY(adapters::run_process(helper, args));
    if (!result.succeeded())
    {
        return fail(describe_command(helper, args) + " failed: " + result.standard_error);
    }
    return std::move(result.standard_output);
}

Expected<void> add_debian_text(solv::ObjPool& pool, solv::ObjRepoView repo, std::string& text,
                               const fs::path& source)
{
    File file(::fmemopen(text.data(), text.size(), "r"));
    if (!file)
    {
        return fail(source.string() + ": cannot open the decompressed text");
    }
    if (repo_add_debpackages(repo.raw(), file.get(), REPO_REUSE_REPODATA | REPO_NO_INTERNALIZE) !=
        0)
    {
        return std::unexpected(loader_error(pool, source, "cannot parse the Packages stanzas"));
    }
    return {};
}

} // namespace

Expected<solv::ObjRepoView> load_dpkg_status(solv::ObjPool& pool, const fs::path& root)
{
    const fs::path status = root / "var/lib/dpkg/status";
    auto text = PYDEB_TRY(util::read_file(status));
    auto repo = pool.add_repo("dpkg-status");
    PYDEB_TRY(add_debian_text(pool, repo, text, status));
    repo.internalize();
    std::vector<solv::SolvableId> drop;
    repo.for_each_solvable_id(
        [&](solv::SolvableId id)
        {
            const auto state = pool.solvable(id).lookup_string("solvable:installstatus");
            if (!state || !state->ends_with(" installed"))
            {
                drop.push_back(id);
            }
        });
    for (auto id : drop)
    {
        repo.free_solvable(id);
    }
    return repo;
}

Expected<solv::ObjRepoView> load_apt_packages(solv::ObjPool& pool, const fs::path& file,
                                              const CacheOptions& cache)
{
    auto repo = pool.add_repo(file.filename().string());
    const auto cached = cache_path(cache, file);
    if (read_cache(repo, cached))
    {
        return repo;
    }
    if (file.extension() == ".lz4")
    {
        auto text = PYDEB_TRY(decompress_with_apt(file));
        PYDEB_TRY(add_debian_text(pool, repo, text, file));
    }
    else
    {
        File in(solv_xfopen(file.c_str(), "r"));
        if (!in)
        {
            return fail(file.string() + ": cannot open the Packages file");
        }
        if (repo_add_debpackages(repo.raw(), in.get(), REPO_REUSE_REPODATA | REPO_NO_INTERNALIZE) !=
            0)
        {
            return std::unexpected(loader_error(pool, file, "cannot parse the Packages file"));
        }
    }
    repo.internalize();
    write_cache(repo, cached);
    return repo;
}

Expected<solv::ObjRepoView> load_debian_stanzas(solv::ObjPool& pool, std::string_view repo_name,
                                                std::string_view text)
{
    auto repo = pool.add_repo(repo_name);
    std::string copy(text);
    PYDEB_TRY(add_debian_text(pool, repo, copy, std::string(repo_name)));
    repo.internalize();
    return repo;
}

} // namespace pydeb::adapters::solv_repos
