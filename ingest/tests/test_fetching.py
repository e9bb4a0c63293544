import pytest

from ingest import fetching


def test_loopback_is_refused_by_default(web):
    web.add("/a", "<p>hello</p>")
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.fetch(web.url("/a"))
    assert web.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.10/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_and_link_local_addresses_are_refused(url):
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.check_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "not a url"])
def test_only_http_and_https(url):
    with pytest.raises(fetching.FetchError):
        fetching.check_url(url)


def test_an_allowed_host_is_fetched(web, allow_local):
    web.add("/a", "<p>hello</p>")
    page = fetching.fetch(web.url("/a"))
    assert page.body == b"<p>hello</p>"
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"


def test_redirects_are_followed_and_checked_again(web, allow_local):
    web.add("/b", "<p>final</p>")
    web.add("/a", status=302, Location="/b")
    assert fetching.fetch(web.url("/a")).url == web.url("/b")
    # A redirect to 127.0.0.1 is refused even though "localhost" is allowed.
    web.add("/sneaky", status=301, Location=web.ip_url("/b"))
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.fetch(web.url("/sneaky"))


def test_a_redirect_loop_stops(web, allow_local):
    web.add("/loop", status=302, Location="/loop")
    with pytest.raises(fetching.FetchError, match="Too many redirects"):
        fetching.fetch(web.url("/loop"))


def test_a_page_that_never_answers_times_out(web, allow_local):
    with pytest.raises(fetching.TransientFetchError, match="[Tt]imed out"):
        fetching.fetch(web.url("/hang"))


def test_a_page_over_the_size_cap_is_refused(web, allow_local, settings):
    settings.INGEST_MAX_DOCUMENT_BYTES = 1000
    web.add("/big", "x" * 5000)
    with pytest.raises(fetching.FetchError, match="larger than"):
        fetching.fetch(web.url("/big"))


def test_other_content_types_are_refused(web, allow_local):
    web.add("/pic", b"\x89PNG....", Content_Type="image/png")
    with pytest.raises(fetching.FetchError, match="image/png"):
        fetching.fetch(web.url("/pic"))


def test_server_errors_are_transient_and_not_found_is_not(web, allow_local):
    web.add("/down", "oops", status=503)
    with pytest.raises(fetching.TransientFetchError):
        fetching.fetch(web.url("/down"))
    with pytest.raises(fetching.FetchError, match="404"):
        fetching.fetch(web.url("/missing"))


# --- The deadline holds against a server that answers a byte at a time --------------------


@pytest.fixture
def short_deadline(allow_local):
    # Each read may wait far longer than the whole fetch may take: only the deadline can
    # stop a server that keeps sending one byte at a time.
    allow_local.INGEST_FETCH_TIMEOUT_SECONDS = 20.0
    allow_local.INGEST_FETCH_DEADLINE_SECONDS = 0.5
    return allow_local


@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body"])
def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(web, short_deadline, path):
    with pytest.raises(fetching.TransientFetchError, match="[Tt]imed out"):
        fetching.fetch(web.url(path))
    # The server sends for 30 s; the fetch hung up on it long before the end.
    assert web.trickle_done[path].wait(timeout=60)
    assert web.hung_up[path], f"the client read all {web.trickled[path]} bytes"


# --- INGEST_FETCH_ALLOWED_HOSTS: host and port, never carried to another host --------------


def test_an_allowed_host_is_allowed_on_its_port_only(web, allow_local):
    fetching.check_url(web.url("/a"))
    other_port = web.port + 1 if web.port < 65535 else web.port - 1
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.check_url(f"http://localhost:{other_port}/a")


def test_an_allowed_host_without_a_port_means_the_default_port(web, settings):
    settings.INGEST_FETCH_ALLOWED_HOSTS = ["localhost"]
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.check_url(web.url("/a"))


def test_a_redirect_to_another_allowed_host_is_checked_like_any_address(web, allow_local):
    # Both names of the test server are allowed, yet a redirect from one to the other is
    # refused: the allowed list covers the submitted URL and redirects within its own host.
    allow_local.INGEST_FETCH_ALLOWED_HOSTS = [f"localhost:{web.port}", f"127.0.0.1:{web.port}"]
    web.add("/b", "<p>final</p>")
    web.add("/elsewhere", status=302, Location=web.ip_url("/b"))
    with pytest.raises(fetching.FetchError, match="private or local"):
        fetching.fetch(web.url("/elsewhere"))
    assert "/b" not in web.hits
    assert fetching.fetch(web.ip_url("/b")).body == b"<p>final</p>"
