// rpm-md and rpmdb loaders, and rpm dependency strings (split from loaders.cpp: the rpm side).
#include "adapters/solv_repos/c_ext.hpp"
#include "adapters/solv_repos/loaders.hpp"
#include "adapters/solv_repos/solv_cache.hpp"
#include "util/strings.hpp"

#include <memory>
#include <rpm/rpmmacro.h>

namespace fs = std::filesystem;

namespace pydeb::adapters::solv_repos
{

namespace
{

// Calls `read` with libsolv's position (SOLVID_POS) at repomd.xml's <data type="TYPE"> entry,
// when there is one (libsolv examples/solv repoinfo_type_rpmmd.c): the dataiterator finds the
// type, its parent holds the location and the checksums.
template <typename Read>
void at_repomd_entry(solv::ObjPool& pool, solv::ObjRepoView repo, const char* type, Read&& read)
{
    Dataiterator di;
    dataiterator_init(&di, pool.raw(), repo.raw(), SOLVID_META, REPOSITORY_REPOMD_TYPE, type,
                      SEARCH_STRING);
    dataiterator_prepend_keyname(&di, REPOSITORY_REPOMD);
    if (dataiterator_step(&di) != 0)
    {
        dataiterator_setpos_parent(&di);
        read();
    }
    dataiterator_free(&di);
}

// The href of one repomd.xml <data type="TYPE"> entry.
std::optional<std::string> repomd_location(solv::ObjPool& pool, solv::ObjRepoView repo,
                                           const char* type)
{
    std::optional<std::string> location;
    at_repomd_entry(pool, repo, type,
                    [&]
                    {
                        if (const char* loc =
                                pool_lookup_str(pool.raw(), SOLVID_POS, REPOSITORY_REPOMD_LOCATION))
                        {
                            location = loc;
                        }
                    });
    return location;
}

} // namespace

Expected<solv::ObjRepoView> load_rpm_md(solv::ObjPool& pool, const fs::path& dir,
                                        const CacheOptions& cache)
{
    const fs::path repomd = dir / "repodata/repomd.xml";
    // repomd.xml changes whenever createrepo_c rewrites the metadata: it keys the cache.
    const auto cached = cache_path(cache, repomd);
    auto repo = pool.add_repo(dir.filename().string());
    if (read_cache(repo, cached))
    {
        return repo;
    }
    File index(std::fopen(repomd.c_str(), "r"));
    if (!index)
    {
        return fail(repomd.string() + ": cannot open; an rpm-md repository directory holds "
                                      "repodata/repomd.xml (createrepo_c DIR makes one)");
    }
    if (repo_add_repomdxml(repo.raw(), index.get(), 0) != 0)
    {
        return fail(repomd.string() + ": " + pool_errstr(pool.raw()));
    }
    const auto primary = repomd_location(pool, repo, "primary");
    if (!primary)
    {
        return fail(repomd.string() + ": names no primary metadata");
    }
    const auto filelists = repomd_location(pool, repo, "filelists");
    File primary_file(solv_xfopen((dir / *primary).c_str(), "r"));
    if (!primary_file || repo_add_rpmmd(repo.raw(), primary_file.get(), nullptr, 0) != 0)
    {
        return fail((dir / *primary).string() + ": cannot load: " + pool_errstr(pool.raw()));
    }
    if (filelists)
    {
        File file(solv_xfopen((dir / *filelists).c_str(), "r"));
        if (file)
        {
            repo_add_rpmmd(repo.raw(), file.get(), nullptr, REPO_EXTEND_SOLVABLES);
        }
    }
    repo.internalize();
    remember_load(repo, cached);
    return repo;
}

Expected<std::map<std::string, RepomdData, std::less<>>>
read_repomd(const fs::path& repomd, std::initializer_list<std::string_view> types)
{
    solv::ObjPool pool;
    auto repo = pool.add_repo("repomd");
    File index(std::fopen(repomd.c_str(), "r"));
    if (!index)
    {
        return fail(repomd.string() + ": cannot open");
    }
    if (repo_add_repomdxml(repo.raw(), index.get(), 0) != 0)
    {
        return fail(repomd.string() + ": " + pool_errstr(pool.raw()));
    }
    std::map<std::string, RepomdData, std::less<>> entries;
    for (const std::string_view type : types)
    {
        at_repomd_entry(
            pool, repo, std::string(type).c_str(),
            [&]
            {
                RepomdData data;
                if (const char* loc =
                        pool_lookup_str(pool.raw(), SOLVID_POS, REPOSITORY_REPOMD_LOCATION))
                {
                    data.location = loc;
                }
                Id checksum_type = 0;
                if (const char* hex = pool_lookup_checksum(
                        pool.raw(), SOLVID_POS, REPOSITORY_REPOMD_CHECKSUM, &checksum_type))
                {
                    data.checksum = hex;
                    data.checksum_type = solv_chksum_type2str(checksum_type);
                }
                // 0: no <size> (or an empty file, which the checksum pins all the same).
                if (const auto size =
                        pool_lookup_num(pool.raw(), SOLVID_POS, REPOSITORY_REPOMD_SIZE, 0);
                    size != 0)
                {
                    data.size = size;
                }
                entries.emplace(type, std::move(data));
            });
    }
    return entries;
}

Expected<solv::ObjRepoView> load_rpmdb(solv::ObjPool& pool, const fs::path& root)
{
    // libsolv reads %_dbpath; Debian's rpm sets it to ~/.rpmdb once rpmReadConfigFiles ran in
    // this process, and libsolv 0.7.23 only probes /var/lib/rpm (ext/repo_rpmdb.c). Name it.
    std::error_code ec;
    for (const char* dbpath : {"/var/lib/rpm", "/usr/lib/sysimage/rpm"})
    {
        if (fs::is_directory(root / fs::path(dbpath).relative_path(), ec))
        {
            rpmDefineMacro(nullptr, (std::string("_dbpath ") + dbpath).c_str(), 0);
            break;
        }
    }
    pool_set_rootdir(pool.raw(), root.c_str());
    auto repo = pool.add_repo("rpmdb");
    const int rc = repo_add_rpmdb(repo.raw(), nullptr, REPO_USE_ROOTDIR);
    pool_set_rootdir(pool.raw(), nullptr);
    if (rc != 0)
    {
        return fail(root.string() + ": cannot read the rpm database: " + pool_errstr(pool.raw()));
    }
    return repo;
}

solv::DependencyId parse_rpm_dependency(solv::ObjPool& pool, std::string_view text)
{
    const std::string trimmed(util::trim(text));
    if (trimmed.starts_with('('))
    {
        return pool_parserpmrichdep(pool.raw(), trimmed.c_str());
    }
    std::vector<std::string> words;
    for (auto& word : util::split(trimmed, ' '))
    {
        if (!word.empty())
        {
            words.push_back(std::move(word));
        }
    }
    if (words.size() == 1)
    {
        return pool.add_string(words[0]);
    }
    if (words.size() != 3)
    {
        return 0;
    }
    static const std::pair<std::string_view, solv::Relation> k_operators[] = {
        {"<", solv::Relation::less},           {"<=", solv::Relation::less_equal},
        {"=", solv::Relation::equal},          {"==", solv::Relation::equal},
        {">=", solv::Relation::greater_equal}, {">", solv::Relation::greater},
    };
    for (const auto& [op, relation] : k_operators)
    {
        if (words[1] == op)
        {
            return pool.add_relation(pool.add_string(words[0]), relation,
                                     pool.add_string(words[2]));
        }
    }
    return 0;
}

} // namespace pydeb::adapters::solv_repos
