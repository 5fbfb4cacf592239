#include "pipeline/sbom_stage.hpp"

#include "explain/chain.hpp"
#include "pydeb_config.h"
#include "resolve/metadata.hpp"
#include "sbom/purl.hpp"
#include "sbom/spdx_json.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <map>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

std::string package_version(const package::PackageInfo& info)
{
    return (info.epoch ? std::to_string(*info.epoch) + ":" : std::string()) + info.version +
           (info.release.empty() ? "" : "-" + info.release);
}

sbom::DeclaredLicense own_license(const package::PackageInfo& info)
{
    return sbom::declared_license({.expression = std::nullopt, .classifiers = {},
                                   .text = info.license},
                                  info.name);
}

void add_license(sbom::Document& document, const sbom::DeclaredLicense& license)
{
    if (license.extracted &&
        std::ranges::none_of(document.extracted_licenses,
                             [&](const auto& known) { return known.id == license.extracted->id; }))
    {
        document.extracted_licenses.push_back(*license.extracted);
    }
}

// The bundled interpreter, as CPython's LICENSE states it (the "Python-2.0" stack, SPDX list).
Expected<sbom::Package> interpreter_package(const Prepared& prepared)
{
    const python::InterpreterFacts& facts = prepared.facts;
    sbom::Package package;
    package.name = "cpython";
    package.version = std::to_string(facts.major) + "." + std::to_string(facts.minor) + "." +
                      std::to_string(facts.micro);
    package.purpose = sbom::Purpose::runtime;
    package.purl = "pkg:generic/cpython@" + package.version;
    package.license_declared = "Python-2.0";
    const auto& source = prepared.spec.bundle->source;
    package.comment = "Python interpreter at " + bundle_prefix(prepared.spec).string() + ", from " +
                      (source ? source->filename().string()
                              : "the build host's " + prepared.spec.interpreter.string());
    if (source && fs::is_regular_file(*source))
    {
        package.sha256 =
            util::to_hex(PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, *source)));
    }
    return package;
}

// The system packages, one per relation: dpkg's "libpq5 (>= 14)" or "libblas3 | libblas.so.3" by
// its first alternative's name; rpm's capabilities by the library they name, so the symbol
// versions of one soname (libc.so.6()(64bit), libc.so.6(GLIBC_2.34)(64bit)) are one package. The
// full relations go to the comment.
std::vector<sbom::Package> system_packages(const package::PackageInfo& info, depmap::Target target)
{
    std::vector<sbom::Package> out;
    const bool deb = target == depmap::Target::deb;
    for (const std::string& relation : deb ? info.relations.depends : info.relations.rpm_requires)
    {
        const std::string name = relation.substr(0, relation.find_first_of(deb ? " (|:" : " ("));
        if (!out.empty() && out.back().name == name)
        {
            out.back().comment += ", " + relation;
            continue;
        }
        out.push_back({.name = name,
                       .purpose = sbom::Purpose::install,
                       .comment = (deb ? "Depends: " : "Requires: ") + relation});
    }
    return out;
}

} // namespace

Expected<std::string> render_sbom(const Prepared& prepared, const python::InterpreterFacts& python,
                                  const resolve::Resolution& resolution,
                                  const package::PackageInfo& info, depmap::Target target)
{
    const bool deb = target == depmap::Target::deb;
    sbom::Document document;
    document.name = info.name + " " + package_version(info) + " (" +
                    (deb ? info.deb_architecture + " .deb" : info.rpm_architecture + " .rpm") + ")";
    document.namespace_base = "https://spdx.org/spdxdocs/pydeb-" + info.name + "-" +
                              sbom::percent_encode(package_version(info)) + "-" +
                              (deb ? info.deb_architecture : info.rpm_architecture);
    document.created = info.source_date_epoch.value_or(0);
    document.creator_tool = std::string("pydeb-") + PYDEB_VERSION;

    const sbom::DeclaredLicense license = own_license(info);
    add_license(document, license);
    const std::string self = document.add(
        {.name = info.name,
         .version = package_version(info),
         .purpose = sbom::Purpose::application,
         .supplier = sbom::person(info.maintainer),
         .license_declared = license.expression,
         .comment = "Built by pydeb; the virtualenv at " + info.venv.prefix},
        deb ? "deb" : "rpm");
    document.relationships.push_back({"SPDXRef-DOCUMENT", sbom::RelationshipType::describes, self});

    std::map<std::string, std::string> ids; // PEP 503 name -> SPDX id
    std::map<std::string, std::vector<python::Requirement>> requires_dist;
    for (const resolve::ResolvedWheel& wheel : resolution.wheels)
    {
        resolve::WheelMetadata metadata = PYDEB_TRY(resolve::read_wheel_metadata(prepared.cache, wheel.path));
        const sbom::DeclaredLicense declared = sbom::declared_license(
            {metadata.license_expression, metadata.license_classifiers, metadata.license},
            wheel.name);
        add_license(document, declared);
        const std::string version = wheel.version.to_string();
        // Every wheelhouse is a local directory: the wheel's origin is not known (§7.7). The
        // project's own wheel is built by this build, so its bytes (zip timestamps and modes
        // under the builder's umask) are no input and its sha256 is left out.
        const bool project = prepared.project_wheel && prepared.project_wheel->path == wheel.path;
        const std::string id = document.add(
            {.name = wheel.display_name,
             .version = version,
             .purpose = sbom::Purpose::library,
             .sha256 = project ? std::string() : wheel.sha256,
             .purl = sbom::pypi_purl(wheel.name, version),
             .license_declared = declared.expression,
             .comment = project ? "the project itself, built from its source by this build"
                                : (wheel.filename.ends_with(".whl") ? "wheel " : "sdist ") +
                                      wheel.filename},
            "PyPI");
        document.relationships.push_back({self, sbom::RelationshipType::contains, id});
        ids[wheel.name] = id;
        requires_dist[wheel.name] = std::move(metadata.requires_dist);
    }
    // A distribution DEPENDS_ON each one its Requires-Dist brings in for this target.
    for (const explain::Edge& edge :
         explain::requirement_edges(prepared.requirements, requires_dist, python.markers))
    {
        if (!edge.from.empty())
        {
            document.relationships.push_back(
                {ids.at(edge.from), sbom::RelationshipType::depends_on, ids.at(edge.to)});
        }
    }
    if (prepared.bundle)
    {
        const std::string id = document.add(PYDEB_TRY(interpreter_package(prepared)), "Runtime");
        document.relationships.push_back({self, sbom::RelationshipType::contains, id});
    }
    for (sbom::Package& package : system_packages(info, target))
    {
        const std::string id = document.add(std::move(package), "System");
        document.relationships.push_back({self, sbom::RelationshipType::depends_on, id});
    }
    return sbom::render_spdx_json(document);
}

} // namespace pydeb::pipeline
