// WriteOptions whose inputs_read removes the stage, as `pydeb build` does beside its last writer
// (pipeline/run.cpp): a writer that read a staged file after telling would fail or change bytes.
// Shared by the .deb and .rpm writers' tests.
#pragma once

#include "package/write_options.hpp"

#include <filesystem>

namespace pydeb::package::test
{

struct StageRemoval
{
    std::filesystem::path stage;
    int told = 0; // inputs_read calls; exactly one is expected

    [[nodiscard]] WriteOptions options()
    {
        WriteOptions options;
        options.inputs_read = [this]
        {
            ++told;
            std::filesystem::remove_all(stage);
        };
        return options;
    }
};

} // namespace pydeb::package::test
