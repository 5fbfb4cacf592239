#include "adapters/solv_repos/loaders.hpp"

#include "adapters/solv_repos/c_ext.hpp"
#include "adapters/solv_repos/control_stream.hpp"
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

// Stanzas from a file, compressed or not, with only the solver's fields (control_stream.hpp).
Expected<void> add_debian_stream(solv::ObjPool& pool, solv::ObjRepoView repo,
                                 const fs::path& source)
{
    auto in = PYDEB_TRY(ControlStream::open(source));
    if (repo_add_debpackages(repo.raw(), in.get(), REPO_REUSE_REPODATA | REPO_NO_INTERNALIZE) != 0)
    {
        return std::unexpected(loader_error(pool, source, "cannot parse the Packages stanzas"));
    }
    return in.error();
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
    auto repo = pool.add_repo("dpkg-status");
    PYDEB_TRY(add_debian_stream(pool, repo, status));
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
    PYDEB_TRY(add_debian_stream(pool, repo, file));
    repo.internalize();
    remember_load(repo, cached);
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
