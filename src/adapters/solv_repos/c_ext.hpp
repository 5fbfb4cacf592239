// libsolvext's C headers for this adapter's .cpp files only: they lack extern "C" guards
// (libsolv 0.7.23's ext/*.h) and pull in solvable.h, whose `requires` member is a C++20 keyword.
#pragma once

#include "adapters/solv/c_api.hpp"

#define requires solv_requires_
extern "C"
{
#include <solv/chksum.h>
#include <solv/dataiterator.h>
#include <solv/pool_parserpmrichdep.h>
#include <solv/repo_deb.h>
#include <solv/repo_repomdxml.h>
#include <solv/repo_rpmdb.h>
#include <solv/repo_rpmmd.h>
#include <solv/repo_solv.h>
#include <solv/repo_write.h>
#include <solv/solv_xfopen.h>
}
#undef requires

#include <cstdio>
#include <memory>

namespace pydeb::adapters::solv_repos
{

// The FILE* the loaders hand to libsolv (repo_add_* take a FILE*), closed on scope exit.
struct FileCloser
{
    void operator()(FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<FILE, FileCloser>;

} // namespace pydeb::adapters::solv_repos
