import pytest

from cases.errors import DomainError
from ingest import intake

SCRIPTED_PAGE = """<!doctype html><html><head><title>Trader held - Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger">
<meta charset="utf-8"><script>document.write('tracking')</script>
<style>body{color:red}</style></head>
<body onload="steal()"><script src="https://ads.example.org/x.js"></script>
<article><h1>Trader held at the border</h1>
<p>A trader named Ivor Quill was detained at the border crossing on Monday, officials said.</p>
<p>He was taken to a detention centre in the capital and questioned for hours.</p>
<script>alert('injected')</script><img src=x onerror="alert(1)">
<p>His family says he is innocent and has asked the consul for help.</p></article>
</body></html>"""


def test_utf8_is_read_first():
    assert intake.decode_bytes("Café Ünïcode".encode()) == "Café Ünïcode"


def test_a_byte_order_mark_is_dropped():
    assert intake.decode_bytes(b"\xef\xbb\xbfplain") == "plain"


def test_the_charset_declared_in_a_page_meta_tag_is_used():
    html = '<html><head><meta charset="windows-1251"></head><body>Задержан в Москве</body>'
    assert "Задержан в Москве" in intake.decode_bytes(html.encode("cp1251"), html=True)


def test_a_declared_charset_from_the_server_is_used():
    data = "Olá, São Paulo".encode("latin-1")
    assert intake.decode_bytes(data, declared="iso-8859-1") == "Olá, São Paulo"


def test_text_in_another_encoding_is_detected():
    text = "Журналист был задержан на границе и доставлен в следственный изолятор. " * 3
    assert intake.decode_bytes(text.encode("koi8-r")).startswith("Журналист")


def test_binary_data_is_refused():
    with pytest.raises(DomainError, match="binary"):
        intake.decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_html_is_read_to_its_main_text_without_scripts():
    content = intake.read_html(SCRIPTED_PAGE, url="https://ledger.example.org/a")
    assert "Ivor Quill was detained" in content.text
    assert "alert" not in content.text and "tracking" not in content.text
    assert content.outlet == "Daily Ledger"
    assert "<script" not in content.html and "onerror" not in content.html
    assert "onload" not in content.html


def test_a_page_without_text_is_refused():
    with pytest.raises(DomainError, match="No article text"):
        intake.read_html("<html><body><script>x()</script></body></html>")


def test_sanitising_removes_scripts_handlers_and_javascript_links():
    cleaned = intake.sanitise_html(
        '<p onclick="x()">Hi<script>evil()</script><a href="javascript:evil()">l</a></p>'
    )
    assert "script" not in cleaned and "onclick" not in cleaned and "javascript" not in cleaned
    assert "Hi" in cleaned


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "HTTPS://News.Example.org:443/a?utm_source=x&b=2&a=1#top",
            "https://news.example.org/a?a=1&b=2",
        ),
        ("http://news.example.org", "http://news.example.org/"),
        ("http://news.example.org:8080/x?fbclid=1", "http://news.example.org:8080/x"),
    ],
)
def test_canonical_urls(given, canonical):
    assert intake.canonical_url(given) == canonical


def test_text_hash_ignores_case_and_spacing_but_not_words():
    assert intake.text_hash("A man  was\n held.") == intake.text_hash("a MAN was held.")
    assert intake.text_hash("A man was held.") != intake.text_hash("A man was freed.")


def test_language_is_detected():
    assert intake.detect_language("The court sentenced him to six years in prison.") == "en"
    assert intake.detect_language("Суд приговорил его к шести годам лишения свободы.") == "ru"
