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
