#include "elf/object_memo.hpp"

#include "util/cache_dir.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <charconv>

namespace fs = std::filesystem;

namespace pydeb::elf
{

namespace
{

// Bump when the key's inputs, the file's layout or what counts as an ELF object change: older
// memos then never match.
constexpr std::string_view k_format = "pydeb elf objects 1";
// Memos kept; each set of wheels (each application, each lock change) makes one.
constexpr std::size_t k_kept = 64;

// Fields length-prefixed, so no two different inputs hash the same text; fed to the hasher in
// small pieces (a few thousand files make half a megabyte of text).
class KeyText
{
public:
    KeyText() { m_text.reserve(k_chunk + 4096); }

    void field(std::string_view value)
    {
        char size[24];
        const auto end = std::to_chars(size, size + sizeof size, value.size()).ptr;
        m_text.append(size, end).append(":").append(value).append("\n");
        if (m_text.size() >= k_chunk)
        {
            m_hasher.update(m_text);
            m_text.clear();
        }
    }

    [[nodiscard]] std::string finish()
    {
        m_hasher.update(m_text);
        return util::to_hex(m_hasher.finish());
    }

private:
    static constexpr std::size_t k_chunk = 32768;
    util::Hasher m_hasher{util::HashAlgorithm::sha256};
    std::string m_text;
};

} // namespace

std::optional<ObjectMemo> ObjectMemo::for_files(const std::vector<StagedFile>& files)
{
    std::vector<const StagedFile*> named;
    for (const auto& file : files)
    {
        if (file.content_key.empty())
        {
            continue;
        }
        if (file.install_path.find('\n') != std::string_view::npos)
        {
            return std::nullopt; // one path per line in the memo
        }
        named.push_back(&file);
    }
    const auto dir = util::cache_directory("elf-objects");
    if (named.empty() || !dir)
    {
        return std::nullopt;
    }
    // A listing comes sorted (package entries are); sorting paths that share 50-byte prefixes
    // again would cost more than hashing them.
    const auto by_path = [](const StagedFile* file) { return file->install_path; };
    if (!std::ranges::is_sorted(named, {}, by_path))
    {
        std::ranges::sort(named, {}, by_path);
    }
    KeyText text;
    text.field(k_format);
    for (const auto* file : named)
    {
        text.field(file->install_path);
        text.field(file->content_key);
    }
    const auto key = text.finish();
    return ObjectMemo(*dir / (key + ".txt"));
}

std::optional<ObjectMemo::Paths> ObjectMemo::read() const
{
    // "FORMAT\nCOUNT\n" then COUNT install paths, one per line.
    const auto text = util::read_file(m_path);
    const std::string header = std::string(k_format) + "\n";
    if (!text || !text->starts_with(header))
    {
        return std::nullopt;
    }
    std::size_t pos = header.size();
    const auto count_end = text->find('\n', pos);
    std::size_t count = 0;
    if (count_end == std::string::npos ||
        std::from_chars(text->data() + pos, text->data() + count_end, count).ptr !=
            text->data() + count_end)
    {
        return std::nullopt;
    }
    Paths objects;
    for (pos = count_end + 1; pos < text->size();)
    {
        const auto end = text->find('\n', pos);
        if (end == std::string::npos)
        {
            return std::nullopt;
        }
        objects.emplace(text->substr(pos, end - pos));
        pos = end + 1;
    }
    if (objects.size() != count)
    {
        return std::nullopt;
    }
    return objects;
}

void ObjectMemo::write(const std::vector<std::string>& objects) const
{
    std::string text = std::string(k_format) + "\n" + std::to_string(objects.size()) + "\n";
    for (const auto& path : objects)
    {
        text += path + "\n";
    }
    std::error_code ec;
    fs::create_directories(m_path.parent_path(), ec);
    if (!ec && util::write_file_atomic(m_path, text))
    {
        util::prune_cache_directory(m_path.parent_path(), k_kept);
    }
}

} // namespace pydeb::elf
