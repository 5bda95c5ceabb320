"""A generator of hostile input for ``tidings ingest``, mixed with good articles (nothing here is committed
data: every file is made from a seed).

``generate(folder, documents=N)`` writes two folders and returns a :class:`Manifest`:

    folder/corpus/   everything, hostile and good, in every format tidings reads (the mixed batch)
    folder/alone/    only the good articles (the same files, and the good records that the hostile
                     containers carry, as one JSONL file): what the mixed batch must not lose

The hostile kinds (see ``KINDS``): empty files and containers, binary data, NUL bytes (early and late), bad
UTF-8, UTF-16, a 1.48-million-character line, 100,000 tiny lines, deep HTML, script-only pages, huge
attributes and too many elements, oversized markup, broken and truncated WARC and gzip, gzip bombs (1.2 GB
from a few MB), wrong JSON types, 5,000-digit numbers, deep JSON, lone surrogates, CSV formulas and an
over-long CSV field among good rows, unparseable dates, XXE and billion laughs in feeds, symbolic link loops
and links out of the folder, unreadable files and folders, FIFOs, 10,000-word sentences, emoji floods,
mixed scripts, enumerations of thousands of countries, non-English text and exact duplicates.

The good articles are written here from templates (our own sentences, with country names filled in), so that
every one is different and holds events.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

COUNTRIES = [
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
    ("Egypt", "Egyptian", "Cairo"), ("Turkey", "Turkish", "Ankara"), ("Mexico", "Mexican", "Mexico City"),
    ("Canada", "Canadian", "Ottawa"), ("Australia", "Australian", "Canberra"),
    ("Nigeria", "Nigerian", "Abuja"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Peru", "Peruvian", "Lima"),
    ("Poland", "Polish", "Warsaw"), ("Spain", "Spanish", "Madrid"), ("Italy", "Italian", "Rome"),
    ("Sweden", "Swedish", "Stockholm"), ("Norway", "Norwegian", "Oslo"), ("Chile", "Chilean", "Santiago"),
    ("Ghana", "Ghanaian", "Accra"), ("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok"),
    ("Greece", "Greek", "Athens"), ("Ukraine", "Ukrainian", "Kyiv"), ("Iran", "Iranian", "Tehran"),
    ("Iraq", "Iraqi", "Baghdad"), ("Israel", "Israeli", "Jerusalem"), ("Jordan", "Jordanian", "Amman"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Colombia", "Colombian", "Bogota"), ("Philippines", "Philippine", "Manila"),
    ("China", "Chinese", "Beijing"),
    ("Russia", "Russian", "Moscow"), ("Morocco", "Moroccan", "Rabat"), ("Algeria", "Algerian", "Algiers"),
    ("Senegal", "Senegalese", "Dakar"), ("Portugal", "Portuguese", "Lisbon"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Our own sentence patterns: {a}/{b} countries, {da}/{db} demonyms, {ca} a capital, {d} a day, {n} a number.
TEMPLATES = [
    "{a} and {b} signed an agreement on trade in {ca} on {d}, officials said.",
    "The {da} foreign minister met his {db} counterpart in {ca} on {d} to discuss border security.",
    "{a} accused {b} of violating the ceasefire along their shared frontier, the ministry said.",
    "{b} rejected the accusation and said its troops had not fired a single shot.",
    "Police in {ca} arrested {n} protesters after demonstrations against the {db} embassy turned violent.",
    "The {da} government said it would send {n} tonnes of food aid to {b} within the month.",
    "{a} expelled two {db} diplomats on {d}, saying they had engaged in activities incompatible with their "
    "status.",
    "Officials from {a} praised {b} for its help in the rescue of {n} sailors stranded at sea.",
    "{b} threatened to impose sanctions on {a} if the talks collapsed, a spokesman said.",
    "The {da} president visited {b} on {d} for talks on energy and investment.",
    "{a} and {b} agreed to resume flights between their capitals, which were halted {n} months ago.",
    "{a} demanded that {b} release the fishermen it detained near the disputed islands.",
    "Troops from {b} attacked positions held by rebels near the border with {a}, killing {n} fighters.",
    "The {db} prime minister called the {da} leader on {d} to offer condolences after the floods.",
    "{a} offered to mediate between {b} and its neighbours, according to a statement released on {d}.",
    "Both governments said the meeting in {ca} had been constructive and that further talks would follow.",
    "Analysts said the agreement could raise trade between the two countries by {n} percent within a year.",
    "Residents of {ca} said shops reopened on {d} after a week of closures.",
    "A spokesman for the {da} foreign ministry said the ambassador had been summoned over the remarks.",
    "{b} denied that its aircraft had entered {da} airspace on {d}.",
    "The two sides will meet again in {ca} next month, a diplomat said.",
    "{a} pledged {n} million dollars to rebuild schools in {b} that were damaged in the fighting.",
    "Lawmakers in {a} voted on {d} to approve a defence pact with {b}.",
    "The {db} navy said it had intercepted a vessel carrying weapons bound for {a}.",
]
EMOJI = "".join(chr(c) for c in range(0x1F600, 0x1F640))
GOOD_DATE = "2024-03-14"


@dataclass(slots=True)
class Entry:
    """One document (or file) of the corpus and what ingest should make of it."""

    name: str  # path relative to the corpus folder, with "#n" / ":line" for records of a container
    kind: str  # the generator kind
    expect: str  # "good" (a good article), "coded" (hostile but codable), "skip" (must be skipped)
    why: str = ""


@dataclass(slots=True)
class Manifest:
    corpus: Path
    alone: Path
    entries: list[Entry] = field(default_factory=list)
    good_texts: list[str] = field(default_factory=list)  # texts of the good records inside containers

    @property
    def documents(self) -> int:
        return len(self.entries)

    def count(self, expect: str) -> int:
        return sum(1 for e in self.entries if e.expect == expect)


class Writer:
    """Writes the files of one corpus, with a random source and a counter for unique names."""

    def __init__(self, corpus: Path, seed: int) -> None:
        self.corpus = corpus
        self.rng = random.Random(seed)
        self.entries: list[Entry] = []
        self.embedded: list[str] = []  # good records inside hostile containers
        self.n = 0

    def name(self, folder: str, stem: str, ext: str) -> Path:
        self.n += 1
        path = self.corpus / folder / f"{stem}-{self.n:05d}{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.corpus))

    def add(self, path: Path | str, kind: str, expect: str, why: str = "") -> None:
        self.entries.append(Entry(path if isinstance(path, str) else self.rel(path), kind, expect, why))

    # ------------------------------------------------------------------ text
    def article(self, sentences: int = 6) -> str:
        """A new article of a few paragraphs, from our templates."""
        rng = self.rng
        picks = rng.sample(TEMPLATES, sentences)
        paras = []
        for i in range(0, len(picks), 2):
            part = []
            for template in picks[i:i + 2]:
                (a, da, ca), (b, db, _) = rng.sample(COUNTRIES, 2)
                part.append(template.format(a=a, b=b, da=da, db=db, ca=ca, d=rng.choice(DAYS),
                                            n=rng.randint(2, 9_999)))
            paras.append(" ".join(part))
        return "\n\n".join(paras) + "\n"


def _html(body: str, *, title: str = "News", head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"{paras}</article><footer>Contact us</footer></body></html>")


def _feed(items: list[tuple[str, str]], *, doctype: str = "") -> str:
    entries = "".join(f"<item><title>{t}</title><link>https://news.example.org/{n}</link>"
                      f"<description><![CDATA[{''.join(f'<p>{p}</p>' for p in b.split(chr(10) * 2))}]]>"
                      f"</description></item>" for n, (t, b) in enumerate(items))
    return (f"<?xml version='1.0' encoding='utf-8'?>{doctype}<rss version='2.0'><channel>"
            f"<title>Example wire</title><link>https://news.example.org/</link>{entries}</channel></rss>")


def _warc(pages: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, media, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", media)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
        record.raw_stream.close()
    return out.getvalue()


def _bomb(size: int, line: bytes) -> bytes:
    """Gzip data that expands to ``size`` bytes: one compressed 1 MiB block, repeated as gzip members."""
    block = (line * (2**20 // len(line) + 1))[:2**20]
    member = gzip.compress(block, 9)
    return member * (size // len(block))


# ---------------------------------------------------------------------------------------------- kinds
def good_txt(w: Writer) -> None:
    path = w.name("good", "article", ".txt")
    path.write_text(w.article(w.rng.randint(4, 8)), "utf-8")
    w.add(path, "good_txt", "good")


def good_jsonl(w: Writer) -> None:
    path = w.name("good", "wire", ".jsonl")
    lines = [json.dumps({"id": f"w{w.n}-{i}", "title": f"Report {i}", "text": w.article(5)})
             for i in range(20)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    for i in range(20):
        w.add(f"{w.rel(path)}:{i + 1}", "good_jsonl", "good")


def good_csv(w: Writer) -> None:
    path = w.name("good", "sheet", ".csv")
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "title", "text"])
        for i in range(10):
            out.writerow([f"c{w.n}-{i}", f"Row {i}", w.article(4)])
            w.add(f"{w.rel(path)}:{i + 2}", "good_csv", "good")


def good_html(w: Writer) -> None:
    path = w.name("good", "page", ".html")
    path.write_text(_html(w.article(6), title=f"Page {w.n}"), "utf-8")
    w.add(path, "good_html", "good")


def good_feed(w: Writer) -> None:
    path = w.name("good", "wire", ".rss")
    path.write_text(_feed([(f"Item {i}", w.article(4)) for i in range(5)]), "utf-8")
    for i in range(5):
        w.add(f"{w.rel(path)}#{i + 1}", "good_feed", "good")


def good_warc(w: Writer) -> None:
    path = w.name("good", "crawl", ".warc.gz")
    pages = [(f"https://news.example.org/{w.n}/{i}", "text/html",
              _html(w.article(5), title=f"Crawl {i}").encode()) for i in range(3)]
    path.write_bytes(_warc(pages))
    for i in range(3):
        w.add(f"{w.rel(path)}#{i + 1}", "good_warc", "good")


def empty(w: Writer) -> None:
    for ext, data in [(".txt", b""), (".txt", b"  \n\n \t\n"), (".jsonl", b""), (".jsonl", b"\n\n\n"),
                      (".csv", b""), (".csv", b"id,text\n"), (".json", b""), (".json", b"[]"),
                      (".html", b""), (".rss", b""), (".warc.gz", b""), (".jsonl.gz", gzip.compress(b"")),
                      ("", b"")]:
        path = w.name("empty", "empty", ext)
        path.write_bytes(data)
        w.add(path, "empty", "skip", "empty")


def binary(w: Writer) -> None:
    path = w.name("binary", "noise", ".txt")
    path.write_bytes(w.rng.randbytes(w.rng.randint(10, 30_000)))
    w.add(path, "binary", "skip", "binary")
    path = w.name("binary", "image", "")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + w.rng.randbytes(5_000))
    w.add(path, "binary", "skip", "binary")
    path = w.name("binary", "zip", ".json")
    path.write_bytes(b"PK\x03\x04" + w.rng.randbytes(2_000))
    w.add(path, "binary", "skip", "binary")


def nul(w: Writer) -> None:
    path = w.name("nul", "early", ".txt")
    path.write_bytes(b"\x00\x00" + w.article().encode())
    w.add(path, "nul", "skip", "NUL at the start")
    text = w.article(8)
    while len(text.encode()) < 5_000:
        text += w.article(3)
    path = w.name("nul", "late", ".txt")
    cut = len(text) - 30
    path.write_bytes(text[:cut].encode() + b"\x00" + text[cut:].encode())
    w.add(path, "nul", "coded", "one NUL after byte 4,096: removed (W001)")
    path = w.name("nul", "json", ".jsonl")
    record = {"text": w.article(4).replace(". ", ".\u0000 ", 1), "title": "a\u0000b"}
    path.write_text(json.dumps(record) + "\n", "utf-8")
    w.add(f"{w.rel(path)}:1", "nul", "coded", "JSON \\u0000: removed (W001)")


def bad_utf8(w: Writer) -> None:
    path = w.name("encoding", "latin1", ".txt")
    path.write_bytes(w.article().replace("said", "said caf\u00e9").encode("latin-1", "replace"))
    w.add(path, "bad_utf8", "skip", "latin-1")
    path = w.name("encoding", "cut", ".txt")
    path.write_bytes(w.article().encode() + "\u00e9".encode()[:1])
    w.add(path, "bad_utf8", "skip", "truncated multibyte")
    path = w.name("encoding", "surrogate", ".jsonl")
    path.write_text(json.dumps({"text": w.article(4) + " \ud800"}) + "\n", "utf-8")
    w.add(f"{w.rel(path)}:1", "bad_utf8", "coded", "lone surrogate: replaced (W005)")
    path = w.name("encoding", "badline", ".jsonl")
    path.write_bytes(b'{"text": "caf\xe9 ' + w.article(3).replace("\n", " ").encode() + b'"}\n')
    w.add(f"{w.rel(path)}:1", "bad_utf8", "skip", "bad UTF-8 in a JSONL line")


def utf16(w: Writer) -> None:
    path = w.name("encoding", "utf16", ".txt")
    path.write_bytes(b"\xff\xfe" + w.article().encode("utf-16-le"))
    w.add(path, "utf16", "coded", "UTF-16 with BOM")
    path = w.name("encoding", "utf16nobom", ".txt")
    path.write_bytes(w.article().encode("utf-16-le"))
    w.add(path, "utf16", "skip", "UTF-16 without BOM: NUL bytes")


def huge_line(w: Writer) -> None:
    path = w.name("huge", "line", ".txt")
    sentence = w.article(3).replace("\n", " ")
    path.write_text((sentence * (1_480_000 // len(sentence) + 1))[:1_480_000], "utf-8")
    w.add(path, "huge_line", "skip", "1.48M characters on one line")


def tiny_lines(w: Writer) -> None:
    path = w.name("huge", "tiny", ".txt")
    words = ["The army said so.", "Talks went on.", "He left.", "France agreed.", "Nobody spoke."]
    path.write_text("\n".join(w.rng.choice(words) for _ in range(100_000)), "utf-8")
    w.add(path, "tiny_lines", "skip", "100,000 tiny lines")


def deep_html(w: Writer) -> None:
    path = w.name("html", "deep", ".html")
    depth = 100_000
    path.write_text("<html><body>" + "<div>" * depth + w.article(4) + "</div>" * depth + "</body></html>",
                    "utf-8")
    w.add(path, "deep_html", "skip", "100,000 nested elements")


def script_only(w: Writer) -> None:
    path = w.name("html", "script", ".html")
    path.write_text("<html><head><script>" + "var x = 1;" * 2_000 + "</script></head><body><script>"
                    "document.write('hi')</script></body></html>", "utf-8")
    w.add(path, "script_only", "skip", "no text")


def huge_attributes(w: Writer) -> None:
    path = w.name("html", "attrs", ".html")
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(200_000))
    path.write_text(_html(w.article()).replace("<article>", f"<article {attrs}>"), "utf-8")
    w.add(path, "huge_attributes", "skip", "200,000 attributes")
    path = w.name("html", "elements", ".html")
    spans = "<span>x</span>" * 200_000
    path.write_text(_html(w.article()).replace("</article>", spans + "</article>"), "utf-8")
    w.add(path, "huge_attributes", "skip", "200,000 elements")
    path = w.name("html", "big", ".html")
    filler = "<!-- " + "x" * (11 * 2**20) + " -->"
    path.write_text(_html(w.article()).replace("<body>", "<body>" + filler), "utf-8")
    w.add(path, "huge_attributes", "skip", "11 MiB of markup")


def broken_warc(w: Writer) -> None:
    pages = [(f"https://news.example.org/b{w.n}/{i}", "text/html", _html(w.article(4)).encode())
             for i in range(3)]
    data = _warc(pages)
    for cut in (len(data) - 40, len(data) // 2, 30):
        path = w.name("warc", "truncated", ".warc.gz")
        path.write_bytes(data[:cut])
        w.add(path, "broken_warc", "skip", f"truncated at byte {cut}")
    raw = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100000\r\n\r\nHTTP/1.1 200 OK\r\nContent"
    for body in (raw, b"WARC/1.0\r\n\r\n", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n",
                 b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/1"):
        path = w.name("warc", "garbled", ".warc")
        path.write_bytes(body)
        w.add(path, "broken_warc", "skip", "garbled WARC")


def broken_gzip(w: Writer) -> None:
    data = gzip.compress(json.dumps({"text": w.article()}).encode())
    for ext, blob in ((".jsonl.gz", data[:len(data) // 2]), (".txt.gz", b"\x1f\x8b" + w.rng.randbytes(400)),
                      (".jsonl.gz", data + b"trailing junk")):
        path = w.name("gzip", "broken", ext)
        path.write_bytes(blob)
        w.add(path, "broken_gzip", "skip", "broken gzip")


def gzip_bomb(w: Writer) -> None:
    line = json.dumps({"text": "The army said so. " * 20}).encode() + b"\n"
    path = w.name("gzip", "bomb", ".jsonl.gz")
    path.write_bytes(_bomb(1_200 * 2**20, line))
    w.add(path, "gzip_bomb", "skip", "1.2 GB JSONL")
    path = w.name("gzip", "bomb", ".txt.gz")
    path.write_bytes(_bomb(600 * 2**20, b"\n"))
    w.add(path, "gzip_bomb", "skip", "600 MB of newlines")


def json_types(w: Writer) -> None:
    path = w.name("json", "types", ".jsonl")
    bad: list[object] = [123, "text", None, [1, 2], {"text": 42}, {"text": ["a", "b"]}, {"text": {"a": 1}},
                         {"text": None}, {"text": True}, {"body": "no text field"}, {}]
    lines = [json.dumps(x) for x in bad]
    lines.append("{not json")
    lines.append('{"text": "unterminated')
    lines.append("[" * 100_000 + "]" * 100_000)
    for i in range(len(lines)):  # a list of strings is joined, "body" is a text field: either outcome
        w.add(f"{w.rel(path)}:{i + 1}", "json_types", "either", "wrong JSON type")
    good = [w.article(4) for _ in range(4)]
    weird = [{"text": good[0], "title": {"a": 1}, "published": 20240314, "url": 7, "author": ["A", None]},
             {"text": good[1], "id": {"x": 1}, "language": ["en"]},
             {"text": good[2], "views": 0},
             {"text": good[3], "published": "last Tuesday"}]
    text = "\n".join(lines + [json.dumps(x) for x in weird])
    text = text.replace('"views": 0', '"views": ' + "9" * 5_000)
    path.write_text(text + "\n", "utf-8")
    for i in range(len(weird)):
        w.add(f"{w.rel(path)}:{len(lines) + i + 1}", "json_types", "good", "odd fields, good text")
    w.embedded.extend(good)
    path = w.name("json", "one", ".json")
    path.write_text(json.dumps({"text": 5}), "utf-8")
    w.add(path, "json_types", "skip", "text is a number")
    path = w.name("json", "deep", ".json")
    path.write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}", "utf-8")
    w.add(path, "json_types", "skip", "deep JSON")


def huge_number(w: Writer) -> None:
    path = w.name("json", "number", ".jsonl")
    text = w.article(4)
    path.write_text('{"id": ' + "4" * 5_000 + ', "text": ' + json.dumps(text) + "}\n", "utf-8")
    w.add(f"{w.rel(path)}:1", "huge_number", "good", "a 5,000-digit id")
    w.embedded.append(text)


def csv_formula(w: Writer) -> None:
    import csv

    path = w.name("csv", "formula", ".csv")
    goods = [w.article(4) for _ in range(3)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "title", "text"])
        out.writerow(["f1", "=HYPERLINK(\"http://evil.example\",\"click\")", goods[0]])
        out.writerow(["f2", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+2 " + goods[1]])
        out.writerow(["f3", "long", "x " * 400_000])
        out.writerow(["f4", "+cmd", goods[2]])
    w.add(f"{w.rel(path)}:2", "csv_formula", "good", "formula title")
    w.add(f"{w.rel(path)}:3", "csv_formula", "coded", "formula in text")
    w.add(f"{w.rel(path)}:4", "csv_formula", "skip", "over-long field")  # named by its first line
    w.add(f"{w.rel(path)}:5", "csv_formula", "good", "after the over-long field")
    w.embedded.extend([goods[0], goods[2]])


def bad_date(w: Writer) -> None:
    path = w.name("json", "dates", ".jsonl")
    texts = [w.article(4) for _ in range(3)]
    records = [{"text": texts[0], "published": "not a date"}, {"text": texts[1], "published": "2024-13-45"},
               {"text": texts[2], "date_publish": "99999-01-01T00:00"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    for i in range(3):
        w.add(f"{w.rel(path)}:{i + 1}", "bad_date", "coded", "unparseable date: default used (W002)")


def feed_attacks(w: Writer) -> None:
    xxe = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
    path = w.name("feed", "xxe", ".rss")
    path.write_text(_feed([("XXE &xxe;", w.article(4) + " &xxe;")], doctype=xxe), "utf-8")
    w.add(path, "feed_xxe", "either", "external entity: never resolved")
    lol = "<!DOCTYPE rss [<!ENTITY a0 'lol'>" + "".join(
        f"<!ENTITY a{i} '{('&a' + str(i - 1) + ';') * 10}'>" for i in range(1, 10)) + "]>"
    path = w.name("feed", "lol", ".rss")
    path.write_text(_feed([("Laughs &a9;", "&a9; " + w.article(4))], doctype=lol), "utf-8")
    w.add(path, "feed_billion_laughs", "either", "billion laughs: never expanded")
    path = w.name("feed", "broken", ".xml")
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>cut", "utf-8")
    w.add(path, "feed_broken", "skip", "broken feed")


def links(w: Writer) -> None:
    folder = w.corpus / "links"
    folder.mkdir(exist_ok=True)
    outside = w.corpus.parent / "outside-secret.txt"
    outside.write_text(w.article(), "utf-8")
    pairs = [("loop", ".."), ("self", "self"), ("out.txt", str(outside)), ("etc", "/etc"),
             ("dangling.txt", "no-such-file.txt"), ("a.txt", "b.txt"), ("b.txt", "a.txt")]
    for name, target in pairs:
        link = folder / f"{name}"
        if not link.is_symlink():
            link.symlink_to(target)
    w.add("links/out.txt", "symlink", "skip", "link out of the folder")
    w.add("links/etc", "symlink", "skip", "link to a folder outside")
    w.add("links/dangling.txt", "symlink", "skip", "dangling link")
    w.add("links/a.txt", "symlink", "skip", "link loop")
    w.add("links/b.txt", "symlink", "skip", "link loop")
    w.add("links/self", "symlink", "skip", "link loop")
    inside = folder / "inside-target.txt"
    inside.write_text(w.article(5), "utf-8")
    w.add("links/inside-target.txt", "symlink", "coded", "a file")
    (folder / "inside-link.txt").symlink_to("inside-target.txt")
    w.add("links/inside-link.txt", "symlink", "either", "a link to a file inside: a duplicate")


def unreadable(w: Writer) -> None:
    folder = w.corpus / "locked"
    folder.mkdir(exist_ok=True)
    path = folder / "secret.txt"
    path.write_text(w.article(), "utf-8")
    path.chmod(0)
    w.add(path, "unreadable", "either", "mode 000 (readable by root)")
    sub = folder / "closed"
    sub.mkdir(exist_ok=True)
    (sub / "inner.txt").write_text(w.article(), "utf-8")
    sub.chmod(0)
    w.add(sub, "unreadable", "either", "folder mode 000 (listable by root)")
    fifo = folder / "pipe.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    w.add(fifo, "unreadable", "skip", "a FIFO: reading it would block")


def long_sentence(w: Writer) -> None:
    path = w.name("nlp", "sentence", ".txt")
    words = []
    for i in range(10_000):
        words.append(w.rng.choice(["and", "France", "met", "Germany", "the", "talks", "said", "of", "troops"])
                     if i % 7 else w.rng.choice(COUNTRIES)[0])
    good = w.article(4)
    path.write_text(good + "\n\n" + "The minister said " + " ".join(words) + ".\n", "utf-8")
    w.add(path, "long_sentence", "coded", "a 10,000-word sentence: not parsed (W003)")


def emoji(w: Writer) -> None:
    path = w.name("emoji", "flood", ".txt")
    path.write_text(" ".join(w.rng.choice(EMOJI) * w.rng.randint(1, 5) for _ in range(50_000)), "utf-8")
    w.add(path, "emoji", "skip", "emoji flood")
    path = w.name("emoji", "glued", ".txt")
    path.write_text("The army said " + EMOJI * 6_000, "utf-8")
    w.add(path, "emoji", "skip", "emoji with no space")
    path = w.name("emoji", "mixed", ".txt")
    text = w.article(5)
    path.write_text(" ".join(word + (w.rng.choice(EMOJI) if w.rng.random() < 0.2 else "")
                             for word in text.split(" ")), "utf-8")
    w.add(path, "emoji", "coded", "emoji between words")
    path = w.name("emoji", "scripts", ".txt")
    text = w.article(5)
    path.write_text(text.replace("a", "\u0430", 3) + "\n\n\u0627\u0644\u062d\u0631\u0628 \u6218\u4e89 "
                    "\u202eevil\u202c \u200b\u200d" + text[:80], "utf-8")
    w.add(path, "emoji", "coded", "mixed scripts, bidi and zero-width characters")


def many_countries(w: Writer) -> None:
    path = w.name("nlp", "countries", ".txt")
    lines = []
    for i in range(2_000):
        (a, _, _), (b, _, _) = w.rng.sample(COUNTRIES, 2)
        lines.append(f"The army of {a} attacked {b} on {w.rng.choice(DAYS)}, the ministry said.")
        if i % 10 == 9:
            lines.append("")
    path.write_text("\n".join(lines), "utf-8")
    w.add(path, "many_countries", "coded", "4,000 country names: events capped (W004)")
    path = w.name("nlp", "countries", ".txt")
    path.write_text(" ".join(f"{w.rng.choice(COUNTRIES)[0]} met {w.rng.choice(COUNTRIES)[0]} in the capital."
                             for _ in range(5_000)), "utf-8")
    w.add(path, "many_countries", "skip", "10,000 country names in 5,000 sentences")


def not_english(w: Writer) -> None:
    path = w.name("lang", "german", ".txt")
    path.write_text("Die Regierung teilte am Dienstag mit, dass die Gespräche mit den Nachbarn in der "
                    "kommenden Woche fortgesetzt werden sollen, obwohl die Lage an der Grenze angespannt "
                    "bleibt und weitere Verhandlungen notwendig sind.", "utf-8")
    w.add(path, "not_english", "skip", "German")


def duplicate(w: Writer) -> None:
    good = sorted((w.corpus / "good").glob("article-*.txt"))
    if good:
        src = w.rng.choice(good)
        path = w.name("dup", "copy", ".txt")
        path.write_bytes(src.read_bytes())
        w.add(path, "duplicate", "either", "an exact copy of a good article")


def tiny(w: Writer) -> None:
    """Many tiny hostile records in one container: the bulk of the document count, cheap to read."""
    path = w.name("bulk", "records", ".jsonl")
    rng = w.rng
    makers: list[tuple[str, Callable[[], str]]] = [
        ("skip", lambda: json.dumps({"text": ""})), ("skip", lambda: json.dumps({"text": "   "})),
        ("skip", lambda: json.dumps({"text": rng.choice(EMOJI) * 80})),
        ("skip", lambda: json.dumps({"text": 1e308})),
        ("skip", lambda: json.dumps({"text": "\u0000\u0001\u0002" * 50})), ("skip", lambda: "{broken"),
        ("either", lambda: json.dumps({"text": "=cmd|' /C calc'!A0 " * 10})),  # a formula is text
        ("skip", lambda: json.dumps([{"text": "x"}])),
        ("skip", lambda: json.dumps({"text": "Die Regierung teilte mit, dass die Gespräche in der kommenden "
                                             "Woche fortgesetzt werden sollen und die Lage an der Grenze "
                                             "angespannt bleibt, obwohl weitere Verhandlungen notwendig sind "
                                             "und niemand etwas sagt."})),
        ("skip", lambda: json.dumps({"text": "0123456789 " * 40})),
    ]
    chosen = [rng.choice(makers) for _ in range(200)]
    path.write_text("\n".join(make() for _, make in chosen) + "\n", "utf-8")
    for i, (expect, _) in enumerate(chosen):
        w.add(f"{w.rel(path)}:{i + 1}", "tiny", expect, "a tiny bad record")


HEAVY: list[Callable[[Writer], None]] = [huge_line, tiny_lines, deep_html, huge_attributes, gzip_bomb,
                                         many_countries, links, unreadable]
LIGHT: list[Callable[[Writer], None]] = [empty, binary, nul, bad_utf8, utf16, script_only, broken_warc,
                                         broken_gzip, json_types, huge_number, csv_formula, bad_date,
                                         feed_attacks, long_sentence, emoji, not_english]
GOOD: list[Callable[[Writer], None]] = [good_txt, good_txt, good_txt, good_txt, good_jsonl, good_csv,
                                        good_html, good_html, good_feed, good_warc]
KINDS = [f.__name__ for f in (*GOOD, *HEAVY, *LIGHT, duplicate, tiny)]


def generate(folder: Path, *, documents: int = 10_000, seed: int = 15, good_share: float = 0.06,
             heavy: bool = True) -> Manifest:
    """Write at least ``documents`` documents (about ``good_share`` of them good articles) under
    ``folder``."""
    corpus, alone = folder / "corpus", folder / "alone"
    corpus.mkdir(parents=True, exist_ok=True)
    w = Writer(corpus, seed)
    if heavy:
        for make in HEAVY:
            make(w)
    rounds = 0
    while len(w.entries) < documents or rounds == 0:
        rounds += 1
        for make in LIGHT:
            make(w)
        while sum(1 for e in w.entries if e.expect == "good") < good_share * max(len(w.entries), 1):
            w.rng.choice(GOOD)(w)
        duplicate(w)
        if len(w.entries) < documents * 0.9:
            for _ in range(3):
                tiny(w)
    _alone(corpus, alone, w.embedded)
    return Manifest(corpus, alone, w.entries, w.embedded)


def _alone(corpus: Path, alone: Path, embedded: list[str]) -> None:
    """The good articles by themselves: the good files (hard-linked copies) and the embedded good records."""
    alone.mkdir(parents=True, exist_ok=True)
    for path in sorted((corpus / "good").iterdir()):
        target = alone / path.name
        if not target.exists():
            os.link(path, target)
    lines = [json.dumps({"text": t}) for t in embedded]
    (alone / "embedded.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def restore(folder: Path) -> None:
    """Make the unreadable parts of a generated corpus removable again (``shutil.rmtree`` needs it)."""
    for base, dirs, _ in os.walk(folder):
        for name in dirs:
            path = Path(base) / name
            if not path.is_symlink():
                path.chmod(stat.S_IRWXU)
        for name in os.listdir(base):
            path = Path(base) / name
            if not path.is_symlink() and path.is_file():
                path.chmod(stat.S_IRUSR | stat.S_IWUSR)


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    manifest = generate(target, documents=int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    print(f"{manifest.documents} documents ({manifest.count('good')} good) in {manifest.corpus}")
