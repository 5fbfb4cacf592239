// URL helpers over curl's RFC 3986 parser (curl_url(3)); no hand-written URL grammar.
#include "adapters/http/client.hpp"
#include "adapters/http/curl_handles.hpp"

namespace pydeb::adapters::http
{

namespace
{

std::optional<std::string> part(CURLU* url, CURLUPart which, unsigned flags = 0)
{
    char* text = nullptr;
    if (curl_url_get(url, which, &text, flags) != CURLUE_OK || text == nullptr)
    {
        return std::nullopt;
    }
    CurlString owned(text);
    return std::string(owned.get());
}

} // namespace

std::string mask_url(std::string_view url)
{
    // userinfo is between "//" and the first '@' of the authority (RFC 3986 §3.2); done on the
    // text, not a parse, so even a URL curl rejects never shows its password.
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
    {
        return std::string(url);
    }
    const auto authority = scheme_end + 3;
    const auto authority_end = url.find_first_of("/?#", authority);
    const auto at = url.rfind('@', authority_end == std::string_view::npos ? url.size() : authority_end);
    if (at == std::string_view::npos || at < authority)
    {
        return std::string(url);
    }
    const auto colon = url.find(':', authority);
    if (colon == std::string_view::npos || colon > at)
    {
        return std::string(url);
    }
    return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

SplitUrl split_credentials(std::string_view text)
{
    UrlHandle url(curl_url());
    const std::string owned(text);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    {
        return SplitUrl{mask_url(text), std::nullopt};
    }
    auto user = part(url.get(), CURLUPART_USER, CURLU_URLDECODE);
    auto password = part(url.get(), CURLUPART_PASSWORD, CURLU_URLDECODE);
    if (!user && !password)
    {
        return SplitUrl{owned, std::nullopt};
    }
    curl_url_set(url.get(), CURLUPART_USER, nullptr, 0);
    curl_url_set(url.get(), CURLUPART_PASSWORD, nullptr, 0);
    return SplitUrl{part(url.get(), CURLUPART_URL).value_or(mask_url(text)),
                    Credentials{user.value_or(""), password.value_or("")}};
}

std::string resolve_reference(std::string_view base, std::string_view reference)
{
    UrlHandle url(curl_url());
    const std::string owned_base(base);
    const std::string owned_reference(reference);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, owned_base.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
        curl_url_set(url.get(), CURLUPART_URL, owned_reference.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    {
        return owned_reference;
    }
    return part(url.get(), CURLUPART_URL).value_or(owned_reference);
}

std::string origin_of(std::string_view text)
{
    UrlHandle url(curl_url());
    const std::string owned(text);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    {
        return {};
    }
    return part(url.get(), CURLUPART_SCHEME).value_or("") + "://" +
           part(url.get(), CURLUPART_HOST).value_or("") + ":" +
           part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("");
}

Error to_error(const HttpError& error)
{
    return Error{error.message};
}

} // namespace pydeb::adapters::http
