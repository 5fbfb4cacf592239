// InstalledPackages' memo in $XDG_CACHE_HOME/pydeb/dpkg-status (dpkg_status.hpp).
#include "depmap/dpkg_status.hpp"
#include "util/cache_dir.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// First line of a memo; bump when its layout or meaning changes.
constexpr std::string_view k_format = "pydeb dpkg status 1";
// Memos kept; every dpkg run orphans the previous one.
constexpr std::size_t k_kept = 20;

} // namespace

// The memo: "FORMAT\n", then one line per answer, "NAME" for no installed package or
// "NAME\tARCHITECTURE\tVERSION\tMULTI-ARCH". A line that does not parse drops the memo.
void InstalledPackages::load_memo()
{
    if (m_memo_loaded)
    {
        return;
    }
    m_memo_loaded = true;
    const auto dir = util::cache_directory("dpkg-status");
    const auto identity = util::stable_identity(m_status);
    if (!dir || !identity)
    {
        return;
    }
    const std::string key = std::string(k_format) + "\n" + *identity;
    m_memo_file = *dir / (util::to_hex(util::digest(util::HashAlgorithm::sha256, key)) + ".txt");
    const auto text = util::read_file(*m_memo_file);
    if (!text || !text->starts_with(std::string(k_format) + "\n"))
    {
        return;
    }
    decltype(m_answers) answers;
    for (const auto& line : util::split(std::string_view(*text).substr(k_format.size() + 1), '\n'))
    {
        const auto fields = util::split(line, '\t');
        if (fields.size() == 1 && !line.empty())
        {
            answers.emplace(line, std::nullopt);
        }
        else if (fields.size() == 4)
        {
            answers.emplace(fields[0],
                            InstalledPackage{fields[0], fields[1], fields[2], fields[3]});
        }
        else if (!line.empty())
        {
            return;
        }
    }
    m_answers = std::move(answers);
}

void InstalledPackages::save_memo() const
{
    if (!m_memo_file)
    {
        return;
    }
    std::string text = std::string(k_format) + "\n";
    for (const auto& [name, package] : m_answers)
    {
        std::string line = name;
        if (package)
        {
            line +=
                "\t" + package->architecture + "\t" + package->version + "\t" + package->multi_arch;
        }
        if (std::ranges::count(line, '\t') != (package ? 3 : 0) || line.empty() ||
            line.find('\n') != std::string::npos)
        {
            return; // not representable: no memo
        }
        text += line + "\n";
    }
    std::error_code ec;
    fs::create_directories(m_memo_file->parent_path(), ec);
    if (!ec && util::write_file_atomic(*m_memo_file, text))
    {
        util::prune_cache_directory(m_memo_file->parent_path(), k_kept);
    }
}

} // namespace pydeb::depmap
