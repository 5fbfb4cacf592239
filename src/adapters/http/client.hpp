// HTTP(S) through libcurl: the one place pydeb talks to the network (package indexes, PEP 658
// metadata, Debian archives, rpm-md repositories).
//
// One Client owns a curl share handle (DNS, TLS sessions and the connection cache are shared, so
// requests to one host reuse a keep-alive connection, or one HTTP/2 connection when the server
// offers it) and runs several transfers at once through a curl multi handle.
//
// Credentials (RFC 7617 basic auth) come, in order, from Request::credentials, from
// `user:password@` in the URL, or from the netrc file ($NETRC, else ~/.netrc; curl's netrc
// parser). They are never part of an Error or of a URL this adapter returns: every URL in a
// message goes through mask_url().
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::adapters::http
{

struct Credentials
{
    std::string user;
    std::string password;
};

enum class Redirects
{
    same_host,  // follow a redirect only to the same scheme+host+port (pip's default is to follow all; we are stricter)
    any_host,
    none,
};

struct Request
{
    std::string url;
    // Extra request headers, "Name: value" (e.g. "Accept: application/vnd.pypi.simple.v1+json").
    std::vector<std::string> headers;
    std::optional<Credentials> credentials;
    Redirects redirects = Redirects::same_host;
    // Bytes [first, last] only (RFC 9110 §14.1.2); the server may answer 200 with the whole body,
    // which Response::partial tells apart.
    std::optional<std::pair<std::uint64_t, std::uint64_t>> range;
};

struct Response
{
    long status = 0;                // 200, 206, 304, ... (4xx/5xx are Errors, never Responses)
    std::string content_type;       // as sent, parameters included
    std::string url;                // the final URL after redirects, password masked
    bool partial = false;           // 206 Partial Content
    std::string body;               // get() only
};

// Where a download goes and what it must hash to.
struct Download
{
    Request request;
    std::filesystem::path destination;   // written to a temporary in the same directory, renamed when complete
    std::optional<std::string> sha256;   // lowercase hex; a mismatch is an Error naming both hashes
};

struct Downloaded
{
    Response response;                   // body empty
    std::string sha256;                  // of the bytes written
    std::uint64_t size = 0;
};

enum class ErrorKind
{
    unreachable,        // DNS, connect, TLS, timeout: after the retries
    unauthorized,       // 401: credentials missing or refused (never echoed)
    forbidden,          // 403
    not_found,          // 404, 410
    http_status,        // any other 4xx/5xx, after the retries for 5xx
    redirect_refused,   // a redirect to another host under Redirects::same_host
    hash_mismatch,      // Download::sha256 differs from the bytes received
    truncated,          // fewer bytes than Content-Length
    io,                 // the destination could not be written
};

struct HttpError
{
    ErrorKind kind;
    long status = 0;
    std::string url;       // masked
    std::string message;   // one line: what happened, at which URL, and what to do
};

struct ClientOptions
{
    int parallel = 6;                  // transfers at once in download_all (pip downloads one at a time)
    int retries = 3;                   // for unreachable and 5xx, with 0.5 s, 1 s, 2 s back-off
    long connect_timeout_seconds = 15;
    long low_speed_timeout_seconds = 60;  // abort when under 1 byte/s for this long
    std::string user_agent = "pydeb";
};

class Client
{
public:
    [[nodiscard]] static Expected<Client> create(ClientOptions options = {});
    ~Client();
    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;

    // The whole body in memory (index pages, Release files, .metadata).
    [[nodiscard]] std::expected<Response, HttpError> get(const Request& request);
    [[nodiscard]] std::expected<Downloaded, HttpError> download(const Download& download);
    // Up to ClientOptions::parallel at once; results in the order of the input.
    [[nodiscard]] std::vector<std::expected<Downloaded, HttpError>>
    download_all(std::span<const Download> downloads);

private:
    struct State;
    explicit Client(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

// "https://user:secret@host/x" -> "https://user:***@host/x"; URLs without a password unchanged.
[[nodiscard]] std::string mask_url(std::string_view url);
// The URL without its userinfo, and the credentials it carried (percent-decoded), if any.
struct SplitUrl
{
    std::string url;
    std::optional<Credentials> credentials;
};
[[nodiscard]] SplitUrl split_credentials(std::string_view url);
// RFC 3986 §5.2 reference resolution ("../x.whl", "/simple/x/", "https://other/x") against a base.
[[nodiscard]] std::string resolve_reference(std::string_view base, std::string_view reference);
// "scheme://host:port" (default port filled in) for same-origin checks; empty when unparsable.
[[nodiscard]] std::string origin_of(std::string_view url);
// An HttpError as a pydeb Error (its message).
[[nodiscard]] Error to_error(const HttpError& error);

} // namespace pydeb::adapters::http
