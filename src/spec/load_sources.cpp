// install.indexes, install.find-links, install.only-binary: where distributions come from besides
// the wheelhouses (pip's --index-url/--extra-index-url, --find-links and --only-binary); and
// install.sdist-sandbox, what confines the builds of sdists from them.
#include "spec/loader.hpp"

#include <cctype>

namespace pydeb::spec::detail
{

namespace
{

bool is_http_url(std::string_view text)
{
    return (text.starts_with("https://") && text.size() > 8) ||
           (text.starts_with("http://") && text.size() > 7);
}

// A variable name as POSIX defines it (Base Definitions §3.235): letters, digits, underscore,
// not starting with a digit.
bool is_variable_name(std::string_view text)
{
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front())))
    {
        return false;
    }
    for (const char c : text)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
        {
            return false;
        }
    }
    return true;
}

void read_url(Loader& loader, const YAML::Node& node, std::string_view key, std::string& out)
{
    if (auto text = loader.reader.string(node, key))
    {
        if (!is_http_url(*text))
        {
            loader.reader.report(node, std::string(key) + ": '" + *text +
                                           "' is not an http:// or https:// URL");
            return;
        }
        out = *text;
    }
}

void read_variable(Loader& loader, const YAML::Node& node, std::string_view key, std::string& out)
{
    if (!node.IsDefined())
    {
        return;
    }
    if (auto text = loader.reader.string(node, key))
    {
        if (!is_variable_name(*text))
        {
            loader.reader.report(node, std::string(key) + ": '" + *text +
                                           "' is not an environment variable name (the spec "
                                           "names the variable that holds the secret, e.g. "
                                           "INDEX_PASSWORD)");
            return;
        }
        out = *text;
    }
}

void read_index(Loader& loader, const YAML::Node& item)
{
    PackageIndex index;
    index.where = loader.reader.where(item);
    if (item.IsScalar())
    {
        read_url(loader, item, "indexes", index.url);
    }
    else if (item.IsMap())
    {
        loader.reader.check_keys(item, {"url", "username-env", "password-env"}, "an index");
        if (!item["url"].IsDefined())
        {
            loader.reader.report(item, "an index needs 'url' (the simple repository's root, "
                                       "e.g. https://pypi.org/simple/)");
            return;
        }
        read_url(loader, item["url"], "url", index.url);
        read_variable(loader, item["username-env"], "username-env", index.username_env);
        read_variable(loader, item["password-env"], "password-env", index.password_env);
    }
    else
    {
        loader.reader.report(item, "an index is a URL or a mapping {url, username-env, "
                                   "password-env}");
        return;
    }
    if (!index.url.empty())
    {
        loader.spec.indexes.push_back(std::move(index));
    }
}

} // namespace

void read_sources(Loader& loader, const YAML::Node& install)
{
    if (const YAML::Node indexes = install["indexes"]; indexes.IsDefined())
    {
        if (indexes.IsScalar())
        {
            read_index(loader, indexes);
        }
        else
        {
            loader.each_item(indexes, "'indexes' must be a URL or a list of indexes",
                             [](Loader& l, const YAML::Node& item) { read_index(l, item); });
        }
    }
    if (const YAML::Node links = install["find-links"]; links.IsDefined())
    {
        if (auto urls = loader.reader.string_list(links, "find-links"))
        {
            for (const auto& url : *urls)
            {
                if (!is_http_url(url))
                {
                    loader.reader.report(links, "find-links: '" + url +
                                                    "' is not an http:// or https:// URL (a "
                                                    "local directory goes under 'wheelhouse')");
                    continue;
                }
                loader.spec.find_links.push_back(url);
            }
        }
    }
    if (const YAML::Node only = install["only-binary"]; only.IsDefined())
    {
        if (auto value = loader.reader.boolean(only, "only-binary"))
        {
            loader.spec.only_binary = *value ? OnlyBinary::yes : OnlyBinary::no;
        }
    }
    if (const YAML::Node sandbox = install["sdist-sandbox"]; sandbox.IsDefined())
    {
        if (auto value = loader.reader.choice<SdistSandbox>(
                sandbox, "sdist-sandbox", {{"bwrap", SdistSandbox::bwrap}, {"none", SdistSandbox::none}}))
        {
            loader.spec.sdist_sandbox = *value;
        }
    }
}

} // namespace pydeb::spec::detail
