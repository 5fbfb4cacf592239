#include "adapters/solv_repos/control_stream.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <strings.h>
#include <vector>

namespace pydeb::adapters::solv_repos
{

namespace
{

constexpr std::size_t k_chunk_size = 64 * 1024;

// repo_deb.c control2solvable's switch, less what only fills repodata the solver never reads
// (Description, Filename, Homepage, Installed-Size, MD5sum, SHA*). libsolv compares field names
// case-insensitively, and so does this.
constexpr std::array<std::string_view, 15> k_solver_fields{
    "Package",  "Version",   "Architecture", "Depends",  "Pre-Depends",
    "Provides", "Conflicts", "Breaks",       "Replaces", "Recommends",
    "Suggests", "Enhances",  "Multi-Arch",   "Source",   "Status",
};

} // namespace

bool solver_field(std::string_view name)
{
    for (const auto field : k_solver_fields)
    {
        if (field.size() == name.size() &&
            ::strncasecmp(field.data(), name.data(), field.size()) == 0)
        {
            return true;
        }
    }
    return false;
}

void ControlFieldFilter::line(std::string_view text, std::string& out)
{
    if (text.empty())
    {
        m_keeping = false; // the blank line between stanzas
    }
    else if (text.front() != ' ' && text.front() != '\t')
    {
        const auto colon = text.find(':');
        m_keeping = colon != std::string_view::npos && solver_field(text.substr(0, colon));
    }
    else if (!m_keeping)
    {
        return; // a continuation line of a dropped field
    }
    if (text.empty() || m_keeping)
    {
        out.append(text);
        out.push_back('\n');
    }
}

void ControlFieldFilter::feed(std::string_view chunk, std::string& out)
{
    std::size_t pos = 0;
    if (!m_partial.empty())
    {
        const auto newline = chunk.find('\n');
        if (newline == std::string_view::npos)
        {
            m_partial.append(chunk);
            return;
        }
        m_partial.append(chunk.substr(0, newline));
        line(m_partial, out);
        m_partial.clear();
        pos = newline + 1;
    }
    for (;;)
    {
        const auto newline = chunk.find('\n', pos);
        if (newline == std::string_view::npos)
        {
            m_partial.assign(chunk.substr(pos));
            return;
        }
        line(chunk.substr(pos, newline - pos), out);
        pos = newline + 1;
    }
}

void ControlFieldFilter::finish(std::string& out)
{
    if (!m_partial.empty())
    {
        line(m_partial, out);
        m_partial.clear();
    }
}

struct ControlStream::State
{
    explicit State(DecompressingReader from) : reader(std::move(from)) {}

    DecompressingReader reader;
    ControlFieldFilter filter;
    std::vector<char> chunk = std::vector<char>(k_chunk_size);
    std::string out; // filtered bytes not handed to libsolv yet, from out_pos
    std::size_t out_pos = 0;
    bool at_end = false;
    std::optional<Error> error;

    // fread's source: fills data, 0 at the end, -1 on an error (kept for error()).
    ssize_t read(char* data, std::size_t size)
    {
        while (out_pos == out.size())
        {
            if (at_end)
            {
                return 0;
            }
            out.clear();
            out_pos = 0;
            auto count = reader.read(std::as_writable_bytes(std::span(chunk)));
            if (!count)
            {
                error = std::move(count.error());
                return -1;
            }
            if (*count == 0)
            {
                filter.finish(out);
                at_end = true;
            }
            else
            {
                filter.feed(std::string_view(chunk.data(), *count), out);
            }
        }
        const auto n = std::min(size, out.size() - out_pos);
        std::memcpy(data, out.data() + out_pos, n);
        out_pos += n;
        return static_cast<ssize_t>(n);
    }
};

void ControlStream::Closer::operator()(FILE* file) const
{
    std::fclose(file);
}

ControlStream::ControlStream(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ControlStream::ControlStream(ControlStream&&) noexcept = default;
ControlStream::~ControlStream() = default;

Expected<ControlStream> ControlStream::open(const std::filesystem::path& path)
{
    auto state = std::make_unique<State>(PYDEB_TRY(DecompressingReader::open(path)));
    // A C callback: nothing may throw out of it (an allocation failure terminates).
    const cookie_io_functions_t functions{
        .read = [](void* cookie, char* data, std::size_t size) noexcept -> ssize_t
        { return static_cast<State*>(cookie)->read(data, size); },
        .write = nullptr,
        .seek = nullptr,
        .close = nullptr,
    };
    ControlStream stream(std::move(state));
    stream.m_file.reset(::fopencookie(stream.m_state.get(), "r", functions));
    if (!stream.m_file)
    {
        return fail(path.string() + ": cannot open a stream: " + std::strerror(errno));
    }
    return stream;
}

Expected<void> ControlStream::error() const
{
    if (m_state->error)
    {
        return std::unexpected(*m_state->error);
    }
    if (std::ferror(m_file.get()) != 0)
    {
        return fail(m_state->reader.path().string() + ": read error");
    }
    return {};
}

} // namespace pydeb::adapters::solv_repos
