// The transfer loop: one curl multi handle runs up to ClientOptions::parallel transfers at once
// on the calling thread (curl_multi_poll(3)); its connection cache outlives each call, so the
// next request to the same host reuses the connection (HTTP/1.1 keep-alive, or HTTP/2
// multiplexing when the server offers it, curl's default CURLPIPE_MULTIPLEX).
//
// Redirects are followed here, not by curl, so the same-host policy is checked on every hop and
// credentials given for one origin are never sent to another. Retries (unreachable, 5xx, 429,
// truncated) back off 0.5 s, 1 s, 2 s, as pip's urllib3 Retry does with backoff_factor 0.25-0.5.
#include "adapters/http/client.hpp"
#include "adapters/http/curl_handles.hpp"

#include "util/fd.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <thread>

namespace fs = std::filesystem;

namespace pydeb::adapters::http
{

namespace
{

using Clock = std::chrono::steady_clock;
constexpr int max_redirects = 10;

struct Transfer
{
    std::size_t index = 0;
    const Request* request = nullptr;
    const Download* download = nullptr;   // null for get()
    std::string url;                      // the current hop, without userinfo
    std::optional<Credentials> credentials;
    std::string first_origin;
    int attempt = 0;
    int redirects = 0;
    Clock::time_point not_before{};

    EasyHandle easy;
    HeaderList headers;
    char error_buffer[CURL_ERROR_SIZE] = {};
    std::string body;
    std::optional<util::AtomicOutput> output;
    util::Fd fd;
    std::optional<util::Hasher> hasher;
    std::uint64_t received = 0;
    int write_errno = 0;

    std::optional<std::expected<Downloaded, HttpError>> result;
    Response response;
};

std::string status_reason(long status)
{
    switch (status)
    {
    case 401: return "401 Unauthorized";
    case 403: return "403 Forbidden";
    case 404: return "404 Not Found";
    case 410: return "410 Gone";
    case 429: return "429 Too Many Requests";
    default: return std::to_string(status);
    }
}

HttpError make_error(ErrorKind kind, const Transfer& transfer, long status, std::string what)
{
    std::string url = mask_url(transfer.request->url);
    return HttpError{kind, status, url, "GET " + url + ": " + std::move(what)};
}

size_t write_callback(char* data, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    transfer.received += bytes;
    if (transfer.hasher)
    {
        transfer.hasher->update(std::string_view(data, bytes));
    }
    if (!transfer.fd)
    {
        transfer.body.append(data, bytes);
        return bytes;
    }
    size_t done = 0;
    while (done < bytes)
    {
        const ssize_t n = ::write(transfer.fd.get(), data + done, bytes - done);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n <= 0)
        {
            transfer.write_errno = n < 0 ? errno : ENOSPC;
            return 0;  // curl aborts with CURLE_WRITE_ERROR
        }
        done += static_cast<size_t>(n);
    }
    return bytes;
}

// (Re)start the sink and the easy handle for the transfer's current URL.
std::expected<void, HttpError> prepare(Transfer& transfer, const ClientOptions& options)
{
    transfer.body.clear();
    transfer.received = 0;
    transfer.write_errno = 0;
    transfer.error_buffer[0] = '\0';
    if (transfer.download)
    {
        if (!transfer.output)
        {
            auto output = util::AtomicOutput::create(transfer.download->destination);
            if (!output)
            {
                return std::unexpected(make_error(ErrorKind::io, transfer, 0, output.error().message));
            }
            transfer.output.emplace(std::move(*output));
        }
        transfer.fd = util::Fd(::open(transfer.output->temporary_path().c_str(),
                                      O_WRONLY | O_TRUNC | O_CLOEXEC));
        if (!transfer.fd)
        {
            return std::unexpected(make_error(ErrorKind::io, transfer, 0,
                                              transfer.output->temporary_path().string() + ": " +
                                                  std::strerror(errno)));
        }
        transfer.hasher.emplace(util::HashAlgorithm::sha256);
    }

    transfer.easy.reset(curl_easy_init());
    CURL* easy = transfer.easy.get();
    if (easy == nullptr)
    {
        return std::unexpected(make_error(ErrorKind::io, transfer, 0, "curl_easy_init failed"));
    }
    curl_easy_setopt(easy, CURLOPT_URL, transfer.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error_buffer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_callback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options.low_speed_timeout_seconds);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
    // Index pages may come compressed; artifacts are hashed as served, so ask for them as they
    // are (pip sends "Accept-Encoding: identity" for downloads for the same reason).
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, transfer.download ? "identity" : "");
    if (transfer.credentials)
    {
        curl_easy_setopt(easy, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(easy, CURLOPT_USERNAME, transfer.credentials->user.c_str());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, transfer.credentials->password.c_str());
    }
    else
    {
        curl_easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
        if (const char* netrc = std::getenv("NETRC"); netrc != nullptr && *netrc != '\0')
        {
            curl_easy_setopt(easy, CURLOPT_NETRC_FILE, netrc);
        }
    }
    curl_slist* list = nullptr;
    for (const auto& header : transfer.request->headers)
    {
        if (curl_slist* longer = curl_slist_append(list, header.c_str()))
        {
            list = longer;
        }
    }
    transfer.headers.reset(list);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers.get());
    std::string range;
    if (transfer.request->range)
    {
        range = std::to_string(transfer.request->range->first) + "-" +
                std::to_string(transfer.request->range->second);
        curl_easy_setopt(easy, CURLOPT_RANGE, range.c_str());  // copied by curl
    }
    return {};
}

bool retryable(CURLcode code)
{
    switch (code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
        return true;
    default:
        return false;
    }
}

enum class Next
{
    done,
    again,   // re-run now (a redirect)
    retry,   // re-run after a back-off
};

// Decide what a finished attempt means: a result, a redirect, or a retry.
Next finish(Transfer& transfer, CURLcode code, const ClientOptions& options)
{
    CURL* easy = transfer.easy.get();
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    const bool can_retry = transfer.attempt < options.retries;

    if (code != CURLE_OK)
    {
        if (code == CURLE_WRITE_ERROR && transfer.write_errno != 0)
        {
            transfer.result = std::unexpected(make_error(
                ErrorKind::io, transfer, 0,
                transfer.output->temporary_path().string() + ": " + std::strerror(transfer.write_errno)));
            return Next::done;
        }
        if (retryable(code) && can_retry)
        {
            return Next::retry;
        }
        const std::string detail = transfer.error_buffer[0] != '\0' ? transfer.error_buffer : curl_easy_strerror(code);
        const ErrorKind kind = code == CURLE_PARTIAL_FILE ? ErrorKind::truncated : ErrorKind::unreachable;
        transfer.result = std::unexpected(make_error(
            kind, transfer, 0,
            (kind == ErrorKind::truncated ? "the transfer ended early (" : "unreachable (") + detail + ")" +
                (transfer.attempt > 0 ? ", after " + std::to_string(transfer.attempt + 1) + " attempts" : "")));
        return Next::done;
    }

    if (status >= 300 && status < 400 && status != 304)
    {
        char* location = nullptr;
        curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
        if (location == nullptr)
        {
            transfer.result = std::unexpected(make_error(ErrorKind::http_status, transfer, status,
                                                         "HTTP " + std::to_string(status) + " without a Location"));
            return Next::done;
        }
        const std::string target = split_credentials(location).url;
        const bool same_origin = origin_of(target) == transfer.first_origin;
        if (transfer.request->redirects == Redirects::none ||
            (transfer.request->redirects == Redirects::same_host && !same_origin) ||
            ++transfer.redirects > max_redirects)
        {
            transfer.result = std::unexpected(make_error(
                ErrorKind::redirect_refused, transfer, status,
                "redirected to " + mask_url(target) +
                    (transfer.redirects > max_redirects ? " (more than 10 redirects)"
                                                        : ", another host; redirects are followed only "
                                                          "within the same host")));
            return Next::done;
        }
        if (!same_origin)
        {
            transfer.credentials.reset();  // never send one origin's credentials to another
        }
        transfer.url = target;
        return Next::again;
    }
    if (status >= 400)
    {
        if ((status >= 500 || status == 429) && can_retry)
        {
            return Next::retry;
        }
        ErrorKind kind = ErrorKind::http_status;
        std::string what = "HTTP " + status_reason(status);
        if (status == 401)
        {
            kind = ErrorKind::unauthorized;
            what += ": credentials are missing or were refused";
        }
        else if (status == 403)
        {
            kind = ErrorKind::forbidden;
            what += ": access refused for these credentials";
        }
        else if (status == 404 || status == 410)
        {
            kind = ErrorKind::not_found;
        }
        transfer.result = std::unexpected(make_error(kind, transfer, status, what));
        return Next::done;
    }

    Response response;
    response.status = status == 0 ? 200 : status;  // file:// has no status line
    response.partial = status == 206;
    response.url = mask_url(transfer.url);
    if (char* type = nullptr; curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
    {
        response.content_type = type;
    }
    Downloaded downloaded;
    downloaded.size = transfer.received;
    if (transfer.download)
    {
        downloaded.sha256 = util::to_hex(transfer.hasher->finish());
        transfer.hasher.reset();
        if (const int error = transfer.fd.close(); error != 0)
        {
            transfer.result = std::unexpected(make_error(ErrorKind::io, transfer, 0,
                                                         transfer.output->temporary_path().string() + ": " +
                                                             std::strerror(error)));
            return Next::done;
        }
        if (transfer.download->sha256 && *transfer.download->sha256 != downloaded.sha256)
        {
            transfer.result = std::unexpected(make_error(
                ErrorKind::hash_mismatch, transfer, status,
                "sha256 mismatch: expected " + *transfer.download->sha256 + ", got " + downloaded.sha256 +
                    " (the file was changed or damaged; nothing was kept)"));
            return Next::done;
        }
        if (auto committed = transfer.output->commit(); !committed)
        {
            transfer.result = std::unexpected(make_error(ErrorKind::io, transfer, 0, committed.error().message));
            return Next::done;
        }
    }
    else
    {
        response.body = std::move(transfer.body);
    }
    downloaded.response = std::move(response);
    transfer.result = std::move(downloaded);
    return Next::done;
}

std::chrono::milliseconds back_off(int attempt)
{
    return std::chrono::milliseconds(500) * (1 << std::min(attempt, 4));
}

} // namespace

struct Client::State
{
    ClientOptions options;
    MultiHandle multi;

    std::vector<std::expected<Downloaded, HttpError>> run(std::span<const Request* const> requests,
                                                          std::span<const Download> downloads);
};

std::vector<std::expected<Downloaded, HttpError>>
Client::State::run(std::span<const Request* const> requests, std::span<const Download> downloads)
{
    const std::size_t count = requests.size();
    std::deque<Transfer> transfers(count);
    std::deque<Transfer*> waiting;
    for (std::size_t i = 0; i < count; ++i)
    {
        Transfer& transfer = transfers[i];
        transfer.index = i;
        transfer.request = requests[i];
        transfer.download = downloads.empty() ? nullptr : &downloads[i];
        SplitUrl split = split_credentials(transfer.request->url);
        transfer.url = std::move(split.url);
        transfer.credentials = transfer.request->credentials ? transfer.request->credentials : split.credentials;
        transfer.first_origin = origin_of(transfer.url);
        waiting.push_back(&transfer);
    }

    int running = 0;
    auto start = [&](Transfer& transfer) {
        if (auto prepared = prepare(transfer, options); !prepared)
        {
            transfer.result = std::unexpected(prepared.error());
            return;
        }
        curl_multi_add_handle(multi.get(), transfer.easy.get());
        ++running;
    };

    std::size_t finished = 0;
    while (finished < count)
    {
        // Start what may start: up to `parallel` at once, retries after their back-off.
        const auto now = Clock::now();
        for (auto it = waiting.begin(); it != waiting.end() && running < options.parallel;)
        {
            Transfer& transfer = **it;
            if (transfer.not_before > now)
            {
                ++it;
                continue;
            }
            it = waiting.erase(it);
            start(transfer);
            if (transfer.result)
            {
                ++finished;
            }
        }
        if (finished == count)
        {
            break;
        }

        int still_running = 0;
        curl_multi_perform(multi.get(), &still_running);
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued))
        {
            if (message->msg != CURLMSG_DONE)
            {
                continue;
            }
            Transfer* transfer = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
            const CURLcode code = message->data.result;
            curl_multi_remove_handle(multi.get(), message->easy_handle);
            --running;
            switch (finish(*transfer, code, options))
            {
            case Next::done:
                transfer->easy.reset();
                ++finished;
                break;
            case Next::again:
                waiting.push_front(transfer);
                break;
            case Next::retry:
                transfer->not_before = Clock::now() + back_off(transfer->attempt);
                ++transfer->attempt;
                waiting.push_back(transfer);
                break;
            }
        }
        if (running > 0)
        {
            curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
        }
        else if (!waiting.empty() && finished < count)
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    std::vector<std::expected<Downloaded, HttpError>> results;
    results.reserve(count);
    for (auto& transfer : transfers)
    {
        results.push_back(std::move(*transfer.result));
    }
    return results;
}

Expected<Client> Client::create(ClientOptions options)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)  // thread-safe since curl 7.84
    {
        return fail("libcurl could not be initialised");
    }
    MultiHandle multi(curl_multi_init());
    if (!multi)
    {
        return fail("libcurl: curl_multi_init failed");
    }
    curl_multi_setopt(multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options.parallel));
    auto state = std::make_unique<State>();
    state->options = std::move(options);
    state->multi = std::move(multi);
    return Client(std::move(state));
}

Client::Client(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

std::expected<Response, HttpError> Client::get(const Request& request)
{
    const Request* one[] = {&request};
    auto results = m_state->run(one, {});
    if (!results.front())
    {
        return std::unexpected(std::move(results.front()).error());
    }
    return std::move(results.front()->response);
}

std::expected<Downloaded, HttpError> Client::download(const Download& download)
{
    return std::move(download_all(std::span(&download, 1)).front());
}

std::vector<std::expected<Downloaded, HttpError>> Client::download_all(std::span<const Download> downloads)
{
    std::vector<const Request*> requests;
    requests.reserve(downloads.size());
    for (const auto& download : downloads)
    {
        requests.push_back(&download.request);
    }
    return m_state->run(requests, downloads);
}

} // namespace pydeb::adapters::http
