#include "adapters/rpm/package_reader.hpp"

#include <mutex>
#include <rpm/rpmio.h>
#include <rpm/rpmlib.h>
#include <rpm/rpmts.h>

namespace pydeb::adapters::rpm
{

namespace
{

// rpmReadPackageFile consults macros (%_pkgverify_level); load rpm's defaults once per process.
bool read_config_once()
{
    static std::once_flag once;
    static bool loaded = false;
    std::call_once(once, [] { loaded = rpmReadConfigFiles(nullptr, nullptr) == 0; });
    return loaded;
}

} // namespace

Expected<Header> read_package_header(const std::filesystem::path& path)
{
    if (!read_config_once())
    {
        return fail("librpm could not read its configuration (rpmrc, macros)");
    }
    FD_t fd = Fopen(path.c_str(), "r.ufdio");
    if (fd == nullptr || Ferror(fd) != 0)
    {
        if (fd != nullptr)
        {
            Fclose(fd);
        }
        return fail(path.string() + ": cannot open");
    }
    rpmts ts = rpmtsCreate();
    ::Header h = nullptr;
    const rpmRC rc = rpmReadPackageFile(ts, fd, path.c_str(), &h);
    rpmtsFree(ts);
    Fclose(fd);
    if (rc == RPMRC_OK || rc == RPMRC_NOKEY || rc == RPMRC_NOTTRUSTED)
    {
        return Header::adopt(h);
    }
    if (h != nullptr)
    {
        headerFree(h);
    }
    return fail(path.string() + (rc == RPMRC_NOTFOUND ? ": not an rpm package"
                                                      : ": rpm reports the package as damaged"));
}

} // namespace pydeb::adapters::rpm
