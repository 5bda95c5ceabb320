"""Build demo/crawl.warc.gz: a small news crawl as a WARC file (warcio), with pages written for tidings.

It holds a warcinfo record, a request and a response for each HTML page, one image response (skipped and
counted) and one syndicated copy of a page from another site.
Run: ``.venv/bin/python scripts/make_demo_warc.py``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "demo" / "crawl.warc.gz"
DATE = "2024-05-02T10:00:00Z"

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title} | {site}</title>
<link rel="canonical" href="{url}"><meta property="article:published_time" content="{date}">
<meta property="og:site_name" content="{site}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/live">Live</a>
<a href="/login">Sign in</a></nav>
<div class="promo">Download our app for breaking news alerts</div>
<article><h1>{title}</h1>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten recipes for a quick dinner</a></li>
<li><a href="/b">Stock markets close higher</a></li></ul></aside>
<footer>Copyright {site}</footer></body></html>"""

ARMENIA = [
    "YEREVAN - Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Almaty on "
    "Wednesday for peace talks hosted by Kazakhstan, officials said.",
    "The two leaders agreed to continue work on a peace treaty and discussed the demarcation of their "
    "border. Russia welcomed the meeting and offered to help with the talks, the Kremlin said.",
]
PAGES = [
    ("https://caucasus.example.org/news/armenia-azerbaijan-talks", "Caucasus Daily", "2024-05-01",
     "Armenia and Azerbaijan leaders hold peace talks", ARMENIA),
    ("https://reporter.example.com/world/caucasus-peace-talks", "World Reporter", "2024-05-01",
     "Armenia and Azerbaijan leaders hold peace talks",
     [ARMENIA[0].replace("YEREVAN -", "YEREVAN, May 1 (World Reporter) -"), ARMENIA[1],
      "Follow World Reporter for more coverage of the region."]),
    ("https://caucasus.example.org/news/tbilisi-protest", "Caucasus Daily", "2024-04-30",
     "Thousands protest in Tbilisi against foreign agents bill",
     ["TBILISI - Thousands of Georgians protested outside parliament in Tbilisi on Tuesday against a bill on "
      "foreign agents, witnesses said.",
      "Georgian riot police fired tear gas and arrested dozens of protesters, the interior ministry said. "
      "The European Union criticised the bill and urged Georgia to withdraw it."]),
    ("https://sahel.example.net/news/niger-us-troops", "Sahel Monitor", "2024-04-20",
     "Niger asks United States to withdraw troops",
     ["NIAMEY - The military government of Niger demanded on Friday that the United States withdraw its "
      "troops from the country, state television reported.",
      "Washington agreed to begin talks on the withdrawal, a US official said. Niger earlier ended a "
      "military cooperation agreement with the United States."]),
]


def _write(writer: WARCWriter, record: Any) -> None:
    writer.write_record(record)
    record.raw_stream.close()  # warcio spools the payload to a temporary file for its digest


def main() -> None:
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "tidings demo"}))
        for url, site, date, title, paragraphs in PAGES:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            html = PAGE.format(title=title, site=site, url=url, date=date, body=body).encode("utf-8")
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            _write(writer, writer.create_warc_record(url, "request", http_headers=request,
                                                          warc_headers_dict={"WARC-Date": DATE}))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            _write(writer, writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": DATE}))
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        _write(writer, writer.create_warc_record("https://caucasus.example.org/img/logo.png", "response",
                                                      payload=io.BytesIO(png), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": DATE}))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
