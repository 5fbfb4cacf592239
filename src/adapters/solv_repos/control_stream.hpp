// Debian control stanzas (an apt Packages list, the dpkg status) as the FILE* repo_add_debpackages
// reads, decompressed on the fly (adapters/archive's DecompressingReader) and cut down to the
// fields libsolv turns into solver data. Internal to adapters/solv_repos.
//
// Why cut: three fifths of a Packages file are fields the solver never looks at (Description,
// Filename, checksums, Maintainer, Tag, ...), and libsolv's parser pays for the long ones twice
// (each continuation line of a Description moves the stanza parsed so far, repo_deb.c
// control2solvable), then stores them, internalizes them and writes them to the .solv cache.
// Dropping them halves the load of bookworm's lists and shrinks the .solv cache by two thirds.
#pragma once

#include "adapters/archive/decompressing_reader.hpp"
#include "util/expected.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::adapters::solv_repos
{

// Whether a deb-control(5) field reaches libsolv: the fields repo_deb.c's control2solvable maps to
// a solvable's name, version, architecture, relations, Multi-Arch, source and dpkg Status.
[[nodiscard]] bool solver_field(std::string_view name);

// Lines of control stanzas in, only the solver's fields (with their continuation lines) and the
// blank lines between stanzas out. Input may be split anywhere.
class ControlFieldFilter
{
public:
    // Filter `chunk`, appending to out; a line is decided once it is complete, so the tail of a
    // chunk waits for the next call. finish() flushes a last line without a newline.
    void feed(std::string_view chunk, std::string& out);
    void finish(std::string& out);

private:
    void line(std::string_view text, std::string& out);

    std::string m_partial;
    bool m_keeping = false; // the current field is kept: so are its continuation lines
};

class ControlStream
{
public:
    [[nodiscard]] static Expected<ControlStream> open(const std::filesystem::path& path);
    ControlStream(ControlStream&&) noexcept;
    ControlStream& operator=(ControlStream&&) = delete;
    ~ControlStream();

    [[nodiscard]] FILE* get() const { return m_file.get(); }
    // repo_add_debpackages stops at the first short fread, which cannot tell a read error from
    // the end of the input: after it returned, this names the error the stream hit, if any.
    [[nodiscard]] Expected<void> error() const;

private:
    struct State;
    struct Closer
    {
        void operator()(FILE* file) const;
    };
    explicit ControlStream(std::unique_ptr<State> state);

    // The FILE* reads from m_state: declared after it, so it is closed first.
    std::unique_ptr<State> m_state;
    std::unique_ptr<FILE, Closer> m_file;
};

} // namespace pydeb::adapters::solv_repos
