"""Each reader on small fixtures; bad inputs are reported and skipped while the batch goes on."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.errors import BinaryDocument, EmptyDocument, InputError, MalformedInput, UnsupportedInput
from tidings.ingest import (
    Document,
    Ignored,
    ReadOptions,
    kind_of,
    parse_fields,
    read_bytes,
    read_paths,
    sniff,
)

TEXT = ("The foreign minister of Kenya met his Ugandan counterpart in Kampala on Monday, and the two "
        "governments agreed to reopen the border to trade, officials said.")
HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Border talks | Lake Times</title>
<link rel="canonical" href="https://lake.example.org/news/border-talks">
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Lake Times">
<meta property="article:published_time" content="2024-02-05"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav>
<div class="ad">ADVERTISEMENT: cheap flights to anywhere</div>
<article><h1>Border talks</h1><p>{TEXT}</p><p>{TEXT.replace("Monday", "Tuesday")}</p></article>
<ul class="related"><li><a href="/x">Read more: ten things to know about rain</a></li></ul>
<footer>Copyright Lake Times</footer></body></html>"""


def docs(items: list[object]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[object]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_kinds_by_extension_and_sniffing() -> None:
    assert kind_of("a/b.JSONL") == "jsonl" and kind_of("crawl.warc.gz") == "warc"
    assert kind_of("x.rss") == "feed"
    assert kind_of("page.htm") == "html" and kind_of("noext") is None
    assert sniff(b"WARC/1.1\r\n") == "warc" and sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl" and sniff(b"plain words") == "txt"


def test_text_json_jsonl() -> None:
    opts = ReadOptions(published=dt.date(2020, 1, 2))
    [txt] = docs(list(read_bytes(TEXT.encode(), "dir/story.txt", opts, "txt")))
    assert txt.doc_id == "story" and txt.published == dt.date(2020, 1, 2) and txt.kind == "txt"
    lines = json.dumps({"id": "a", "text": TEXT, "published": "2021-05-06T10:00:00Z", "url": "https://www.x.org/a"})
    [j] = docs(list(read_bytes(lines.encode(), "c.jsonl", opts, "jsonl")))
    assert j.published == dt.date(2021, 5, 6) and j.site == "x.org" and j.doc_id == "a"


def test_news_please_layout_and_language() -> None:
    record = {"title": "T", "maintext": TEXT, "date_publish": "2023-09-16 10:20:00", "url": "https://n.example/a",
              "source_domain": "n.example", "language": "en", "authors": ["A One", "B Two"]}
    [d] = docs(list(read_bytes(json.dumps(record).encode(), "np.json", ReadOptions(), "json")))
    assert (d.title, d.published, d.site, d.language, d.author) == (
        "T", dt.date(2023, 9, 16), "n.example", "en", "A One, B Two")


def test_csv_with_configured_fields() -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["key", "body", "pubdate"])
    writer.writerow(["r1", TEXT, "2024-01-31"])
    writer.writerow(["r2", "", "2024-01-31"])
    opts = ReadOptions(fields=parse_fields("text=body,published=pubdate,id=key"))
    items = list(read_bytes(buf.getvalue().encode(), "c.csv", opts, "csv"))
    [d] = docs(items)
    assert d.doc_id == "r1" and d.published == dt.date(2024, 1, 31) and d.name == "c.csv:2"
    assert len(errors(items)) == 1
    with pytest.raises(ValueError, match="ATTRIBUTE"):
        parse_fields("nonsense=x")


def test_html_main_text_and_metadata() -> None:
    [d] = docs(list(read_bytes(HTML.encode(), "p.html", ReadOptions(), "html")))
    assert "reopen the border" in d.text
    for noise in ("Subscribe", "ADVERTISEMENT", "Read more", "Copyright"):
        assert noise not in d.text
    assert d.url == "https://lake.example.org/news/border-talks" and d.author == "Jane Doe"
    assert d.published == dt.date(2024, 2, 5) and d.site == "Lake Times" and d.language == "en"


FEED = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lake Times</title><link>https://lake.example.org</link><language>en</language>
<item><title>Full</title><link>https://lake.example.org/1</link>
<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate><description>short teaser</description>
<content:encoded><![CDATA[<p>{TEXT}</p><p>Second paragraph.</p>]]></content:encoded>
</item>
<item><title>Summary only</title><link>https://lake.example.org/2</link>
<pubDate>Tue, 06 Feb 2024 10:00:00 GMT</pubDate><description>{TEXT}</description></item>
</channel></rss>"""


def test_feed_entries_content_else_summary() -> None:
    items = list(read_bytes(FEED.encode(), "f.rss", ReadOptions(), "feed"))
    first, second = docs(items)
    assert first.text.startswith("The foreign minister") and "Second paragraph." in first.text
    assert "\n\n" in first.text and "teaser" not in first.text
    assert first.url == "https://lake.example.org/1" and first.published == dt.date(2024, 2, 5)
    assert second.text == TEXT and second.published == dt.date(2024, 2, 6)
    assert second.site == "lake.example.org"


def _write(writer: WARCWriter, record: Any) -> None:
    writer.write_record(record)
    record.raw_stream.close()  # warcio spools the payload to a temporary file for its digest


def _warc(pages: list[tuple[str, str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, media, body in pages:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        _write(writer, writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", media)], protocol="HTTP/1.1")
        _write(writer, writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_html_responses_become_articles_others_skipped_and_counted() -> None:
    data = _warc([("https://lake.example.org/a", "text/html", HTML.encode()),
                  ("https://lake.example.org/logo.png", "image/png", b"\x89PNG" + bytes(20))])
    items = list(read_bytes(data, "c.warc.gz", ReadOptions(), "warc"))
    [d] = docs(items)
    assert d.kind == "warc" and "reopen the border" in d.text
    assert [type(e) for e in errors(items)] == [UnsupportedInput]
    [tally] = [i for i in items if isinstance(i, Ignored)]
    assert tally.counts == {"request": 2}


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    warc = _warc([("https://lake.example.org/a", "text/html", HTML.encode())] * 3)
    (tmp_path / "a-truncated.warc.gz").write_bytes(warc[:-50])  # inside the last gzip member
    (tmp_path / "b-truncated.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:40])
    (tmp_path / "c-invalid.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti", "utf-8")
    (tmp_path / "d-empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                           "utf-8")
    (tmp_path / "e-binary.txt").write_bytes(gzip.compress(TEXT.encode()) + b"\x00\x00")
    (tmp_path / "f-good.txt").write_text(TEXT, "utf-8")
    items = list(read_paths([str(tmp_path)]))
    good = docs(items)
    bad = {Path(e.doc_id or "").name.split("#")[0]: e for e in errors(items)}
    assert "f-good.txt" in {Path(d.name).name for d in good}
    assert any(d.kind == "warc" for d in good)  # the records before the break are read
    assert isinstance(bad["a-truncated.warc.gz"], MalformedInput)
    assert isinstance(bad["b-truncated.jsonl.gz"], MalformedInput)
    assert "gzip" in str(bad["b-truncated.jsonl.gz"])
    assert isinstance(bad["c-invalid.rss"], MalformedInput) and "feed" in str(bad["c-invalid.rss"])
    assert isinstance(bad["d-empty.html"], EmptyDocument)
    assert isinstance(bad["e-binary.txt"], BinaryDocument)


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(HTML.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    [d] = docs(list(read_paths(["-"])))
    assert d.kind == "html"


def test_demo_corpus_reads(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[1] / "demo"
    items = list(read_paths([str(demo)]))
    kinds = {d.kind for d in docs(items)}
    assert {"txt", "json", "jsonl", "csv", "html", "feed", "warc"} <= kinds
    assert len(docs(items)) >= 30
