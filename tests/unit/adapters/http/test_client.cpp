// The transfer loop over file:// URLs (no server needed); HTTP itself (status codes, basic auth,
// redirects, keep-alive) is exercised against nginx on loopback by the index and target tests.
#include "adapters/http/client.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace pydeb::adapters::http;

namespace
{

struct Scratch
{
    fs::path dir = fs::temp_directory_path() / ("pydeb-http-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() { fs::remove_all(dir); }
    std::string url(const std::string& name, const std::string& body) const
    {
        std::ofstream(dir / name, std::ios::binary) << body;
        return "file://" + (dir / name).string();
    }
};

Request request(std::string url)
{
    Request result;
    result.url = std::move(url);
    return result;
}

Download download_of(std::string url, fs::path destination, std::optional<std::string> sha256 = {})
{
    Download result;
    result.request = request(std::move(url));
    result.destination = std::move(destination);
    result.sha256 = std::move(sha256);
    return result;
}

// sha256("hello\n")
constexpr const char* hello_sha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

} // namespace

TEST_CASE("download writes the file atomically and checks its sha256")
{
    Scratch scratch;
    auto client = Client::create();
    REQUIRE(client);
    const Download good = download_of(scratch.url("a", "hello\n"), scratch.dir / "out/a", hello_sha256);
    auto result = client->download(good);
    REQUIRE(result);
    CHECK(result->sha256 == hello_sha256);
    CHECK(result->size == 6);
    CHECK(fs::file_size(scratch.dir / "out/a") == 6);

    const Download bad = download_of(scratch.url("b", "hellO\n"), scratch.dir / "out/b", hello_sha256);
    auto refused = client->download(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::hash_mismatch);
    CHECK(refused.error().message.find(hello_sha256) != std::string::npos);
    CHECK_FALSE(fs::exists(scratch.dir / "out/b"));
    // nothing partial is left beside it either
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.dir / "out"))
    {
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("download_all keeps the input order and reports each failure on its own")
{
    Scratch scratch;
    auto client = Client::create(ClientOptions{.parallel = 2, .retries = 0, .connect_timeout_seconds = 15, .low_speed_timeout_seconds = 60, .user_agent = "pydeb"});
    REQUIRE(client);
    std::vector<Download> downloads;
    for (int i = 0; i < 5; ++i)
    {
        const std::string name = std::to_string(i);
        downloads.push_back(download_of(scratch.url("f" + name, std::string(i * 1000, 'x')), scratch.dir / ("o" + name)));
    }
    downloads.push_back(download_of("file://" + (scratch.dir / "missing").string(), scratch.dir / "o-missing"));
    auto results = client->download_all(downloads);
    REQUIRE(results.size() == 6);
    for (int i = 0; i < 5; ++i)
    {
        REQUIRE(results[i]);
        CHECK(results[i]->size == static_cast<std::uint64_t>(i * 1000));
    }
    REQUIRE_FALSE(results[5]);
    CHECK(results[5].error().message.find("missing") != std::string::npos);
    CHECK_FALSE(fs::exists(scratch.dir / "o-missing"));
}

TEST_CASE("get returns the body; an unreachable host is a one-line error naming the masked URL")
{
    Scratch scratch;
    auto client = Client::create(ClientOptions{.parallel = 6, .retries = 0, .connect_timeout_seconds = 15, .low_speed_timeout_seconds = 60, .user_agent = "pydeb"});
    REQUIRE(client);
    auto page = client->get(request(scratch.url("p", "<html/>")));
    REQUIRE(page);
    CHECK(page->body == "<html/>");

    // Port 1 on loopback: nothing listens there.
    auto refused = client->get(request("http://bob:hunter2@127.0.0.1:1/simple/"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::unreachable);
    CHECK(refused.error().message.find("hunter2") == std::string::npos);
    CHECK(refused.error().message.find("bob:***@127.0.0.1:1") != std::string::npos);
    CHECK(refused.error().message.find('\n') == std::string::npos);
}

namespace
{

// nginx on loopback (tests/integration/lib/loopback-nginx.sh), basic auth for bob:hunter2.
struct Nginx
{
    Scratch scratch;
    std::string port;
    std::string base;

    Nginx()
    {
        const char* source = std::getenv("PYDEB_SOURCE_ROOT");
        REQUIRE(source != nullptr);
        const fs::path script = fs::path(source) / "tests/integration/lib/loopback-nginx.sh";
        fs::create_directories(scratch.dir / "root/simple/x");
        fs::create_directories(scratch.dir / "state");
        std::ofstream(scratch.dir / "root/simple/x/index.html") << "<a href=\"x-1.0.tar.gz\">x</a>\n";
        std::ofstream(scratch.dir / "state/extra.conf")
            << "location = /moved { return 302 /simple/x/index.html; }\n"
               "location = /away { return 302 http://localhost:1/simple/; }\n"
               "location = /broken { return 503; }\n";
        // bob:hunter2 as an APR1 hash, made by the test
        const std::string make = "openssl passwd -apr1 hunter2 | sed 's/^/bob:/' > " +
                                 (scratch.dir / "htpasswd").string() + " && bash " + script.string() +
                                 " start " + (scratch.dir / "root").string() + " " +
                                 (scratch.dir / "state").string() + " " +
                                 (scratch.dir / "htpasswd").string() + " > " +
                                 (scratch.dir / "port").string();
        REQUIRE(std::system(make.c_str()) == 0);
        std::ifstream(scratch.dir / "port") >> port;
        base = "http://127.0.0.1:" + port;
    }
    ~Nginx()
    {
        const std::string stop = "bash " + (fs::path(std::getenv("PYDEB_SOURCE_ROOT")) /
                                            "tests/integration/lib/loopback-nginx.sh").string() +
                                 " stop " + (scratch.dir / "state").string();
        CHECK(std::system(stop.c_str()) == 0);
    }
    std::string access_log() const
    {
        std::ifstream in(scratch.dir / "state/access.log");
        return {std::istreambuf_iterator<char>(in), {}};
    }
};

ClientOptions quick(int retries)
{
    ClientOptions options;
    options.retries = retries;
    return options;
}

} // namespace

TEST_CASE("HTTP: basic auth from the URL, 401 without it, same-host redirects only, keep-alive")
{
    Nginx nginx;
    auto client = Client::create(quick(0));
    REQUIRE(client);

    auto anonymous = client->get(request(nginx.base + "/simple/x/"));
    REQUIRE_FALSE(anonymous);
    CHECK(anonymous.error().kind == ErrorKind::unauthorized);
    CHECK(anonymous.error().status == 401);

    const std::string authed = "http://bob:hunter2@127.0.0.1:" + nginx.port;
    auto page = client->get(request(authed + "/simple/x/"));
    REQUIRE(page);
    CHECK(page->body.find("x-1.0.tar.gz") != std::string::npos);
    CHECK(page->content_type.find("text/html") == 0);
    CHECK(page->url.find("hunter2") == std::string::npos);

    auto wrong = client->get(request("http://bob:wrong@127.0.0.1:" + nginx.port + "/simple/x/"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().kind == ErrorKind::unauthorized);
    CHECK(wrong.error().message.find("wrong") == std::string::npos);

    auto moved = client->get(request(authed + "/moved"));
    REQUIRE(moved);
    CHECK(moved->body.find("x-1.0.tar.gz") != std::string::npos);

    auto away = client->get(request(authed + "/away"));
    REQUIRE_FALSE(away);
    CHECK(away.error().kind == ErrorKind::redirect_refused);
    CHECK(away.error().message.find("hunter2") == std::string::npos);

    // Every authenticated request above went over one connection (nginx's $connection).
    const std::string log = nginx.access_log();
    CHECK(log.find("GET /moved 302") != std::string::npos);
    std::istringstream lines(log);
    std::set<std::string> connections;
    for (std::string method, uri, status, connection, number; lines >> method >> uri >> status >> connection >> number;)
    {
        if (status != "401")
        {
            connections.insert(connection);
        }
    }
    CHECK(connections.size() == 1);
}

TEST_CASE("HTTP: 5xx is retried a bounded number of times, then named")
{
    Nginx nginx;
    auto client = Client::create(quick(2));
    REQUIRE(client);
    auto broken = client->get(request("http://bob:hunter2@127.0.0.1:" + nginx.port + "/broken"));
    REQUIRE_FALSE(broken);
    CHECK(broken.error().status == 503);
    // nginx logs a request after it has sent the response: give the last line a moment.
    const auto attempts = [&]
    {
        const std::string log = nginx.access_log();
        std::size_t count = 0;
        for (auto at = log.find("/broken 503"); at != std::string::npos; at = log.find("/broken 503", at + 1))
        {
            ++count;
        }
        return count;
    };
    for (int i = 0; i < 50 && attempts() < 3; ++i)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(attempts() == 3);
}
