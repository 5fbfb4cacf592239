#include "sbom/license.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::sbom
{

namespace
{

bool stated(const std::optional<std::string>& field)
{
    // Older setuptools wrote "UNKNOWN" for a License the project did not state.
    return field && !util::trim(*field).empty() && util::trim(*field) != "UNKNOWN";
}

} // namespace

DeclaredLicense declared_license(const LicenseFields& fields, std::string_view name)
{
    if (stated(fields.expression))
    {
        if (auto expression = canonical_expression(*fields.expression))
        {
            return {*expression, std::nullopt};
        }
    }
    std::vector<std::string> from_classifiers;
    for (const std::string& classifier : fields.classifiers)
    {
        const auto id = classifier_license(classifier);
        if (!id)
        {
            from_classifiers.clear();
            break;
        }
        if (std::ranges::find(from_classifiers, *id) == from_classifiers.end())
        {
            from_classifiers.emplace_back(*id);
        }
    }
    if (!from_classifiers.empty())
    {
        return {util::join(from_classifiers, " AND "), std::nullopt};
    }
    if (!stated(fields.text))
    {
        return {};
    }
    if (auto expression = canonical_expression(*fields.text))
    {
        return {*expression, std::nullopt};
    }
    // A PEP 503 name is an idstring (letters, digits, "-"); anything else is no reference.
    const std::string id = "LicenseRef-" + std::string(name);
    if (!canonical_expression(id))
    {
        return {};
    }
    return {id, ExtractedLicense{id, "License field of " + std::string(name), *fields.text}};
}

} // namespace pydeb::sbom
