"""Hostile input, each kind at small scale: read, checked, skipped with its numbered reason or coded within
the stated limits; exit codes; worker processes that die with their parent.

The corpus generator is ``benchmarks/hostile_corpus.py`` (the benchmark runs 10,000+ of these documents).
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import logging
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from tidings.errors import (
    BinaryDocument,
    CodingFailed,
    CodingTooSlow,
    DocumentTooLarge,
    EmptyDocument,
    ExpandsTooFar,
    InputError,
    MalformedInput,
    MarkupTooComplex,
    NotProse,
    OutsideInput,
    UnreadableInput,
    contained,
)
from tidings.ingest.base import Document, ReadOptions
from tidings.ingest.registry import kind_of, read_bytes, read_paths, scan
from tidings.validate import Budget, Limits, check_text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile_corpus as hc  # noqa: E402

SMALL = Limits(max_decompressed_bytes=4 * 2**20)


def outcomes(corpus: Path, options: ReadOptions | None = None) -> dict[str, str]:
    """Every document of a folder -> "ok" or the code it was skipped with (reading and checking only)."""
    options = options or ReadOptions(limits=SMALL)
    out: dict[str, str] = {}
    for item in read_paths([str(corpus)], options):
        if isinstance(item, InputError):
            out[str(item.doc_id)] = item.code
        elif isinstance(item, Document):
            try:
                check_text(item.text, item.name, limits=options.limits)
                out[item.name] = "ok"
            except InputError as exc:
                out[item.name] = exc.code
    return {k.removeprefix(str(corpus) + "/"): v for k, v in out.items()}


LIGHT = [f for f in hc.LIGHT if f not in (hc.long_sentence,)]


@pytest.mark.parametrize("make", [*LIGHT, hc.huge_line, hc.tiny_lines, hc.deep_html, hc.huge_attributes,
                                  hc.tiny], ids=lambda f: f.__name__)
def test_each_kind_is_skipped_with_a_number_or_read(tmp_path: Path,
                                                   make: Callable[[hc.Writer], None]) -> None:
    w = hc.Writer(tmp_path / "corpus", seed=3)
    (tmp_path / "corpus").mkdir()
    make(w)
    found = outcomes(tmp_path / "corpus")
    assert w.entries
    for entry in w.entries:
        got = found.get(entry.name)
        if entry.expect == "skip":  # the document, or a record of the file, skipped with a number
            codes = [c for k, c in found.items() if k == entry.name or k.startswith(f"{entry.name}#")]
            assert any(c.startswith("T0") for c in codes), (entry, codes)
        elif entry.expect in ("good", "coded"):
            assert got == "ok", (entry, got)


def test_gzip_bomb_is_refused_at_the_limit(tmp_path: Path) -> None:
    bomb = hc._bomb(64 * 2**20, b"The army said so.\n")
    assert len(bomb) < 2**20
    [item] = read_bytes(bomb, "bomb.txt.gz", ReadOptions(limits=SMALL))
    assert isinstance(item, ExpandsTooFar) and item.code == "T010" and "bomb.txt.gz" in str(item)


def test_broken_gzip_and_empty_containers_are_reported(tmp_path: Path) -> None:
    data = gzip.compress(b'{"text": "The minister said the talks would go on."}\n')
    [cut] = read_bytes(data[:-6], "a.jsonl.gz", ReadOptions())
    assert isinstance(cut, MalformedInput) and "truncated" in str(cut)
    for name, blob in [("e.jsonl", b""), ("e.csv", b"id,text\n"), ("e.warc.gz", b""), ("e.json", b"[]")]:
        [item] = read_bytes(blob, name, ReadOptions(), kind_of(name))
        assert isinstance(item, EmptyDocument), name


def test_late_nul_is_removed_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    text = ("The minister said on Tuesday that the talks would resume next week. " * 80).encode()
    data = text[:5_000] + b"\x00" + text[5_000:]
    with caplog.at_level(logging.WARNING, logger="tidings"):
        [doc] = read_bytes(data, "late.txt", ReadOptions())
    assert isinstance(doc, Document) and "\x00" not in doc.text
    assert "[W001]" in caplog.text and "late.txt" in caplog.text
    with pytest.raises(BinaryDocument):
        check_text("The minister said so.\x00" * 3, "nul")


def test_utf16_with_bom_is_read() -> None:
    text = "The minister said on Tuesday that the talks would resume next week in the capital."
    [doc] = read_bytes(b"\xff\xfe" + text.encode("utf-16-le"), "u.txt", ReadOptions())
    assert isinstance(doc, Document) and doc.text == text


def test_huge_number_and_bad_date_keep_their_article(caplog: pytest.LogCaptureFixture) -> None:
    text = "The minister said on Tuesday that the talks would resume next week in the capital."
    lines = ['{"id": ' + "7" * 5_000 + ', "text": ' + json.dumps(text) + "}",
             json.dumps({"text": text + " Again.", "published": "the day before yesterday"}),
             "[" * 50_000 + "]" * 50_000]
    with caplog.at_level(logging.WARNING, logger="tidings"):
        items = list(read_bytes("\n".join(lines).encode(), "w.jsonl", ReadOptions(), "jsonl"))
    first, second, deep = items
    assert isinstance(first, Document) and first.doc_id == "7" * 5_000
    assert isinstance(second, Document) and second.published is None and "[W002]" in caplog.text
    assert isinstance(deep, MalformedInput) and "nested too deeply" in str(deep)


def test_one_long_csv_field_costs_only_its_row() -> None:
    text = "The minister said on Tuesday that the talks would resume next week in the capital."
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([["id", "text"], ["a", text], ["b", "x " * 200_000], ["c", "=1+1 " + text]])
    items = list(read_bytes(out.getvalue().encode(), "s.csv", ReadOptions(limits=Limits(max_chars=100_000)),
                            "csv"))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentTooLarge", "Document"]
    assert items[1].doc_id == "s.csv:3"


def test_feed_entities_are_refused_before_parsing() -> None:
    lol = "<!DOCTYPE rss [<!ENTITY a0 'lol'>" + "".join(
        f"<!ENTITY a{i} '{('&a' + str(i - 1) + ';') * 10}'>" for i in range(1, 10)) + "]>"
    feed = hc._feed([("x &a9;", "The minister said the talks would go on. &a9;")], doctype=lol)
    [item] = read_bytes(feed.encode(), "lol.rss", ReadOptions())
    assert isinstance(item, MarkupTooComplex) and "entities" in str(item)
    xxe = hc._feed([("x", "&xxe;")], doctype="<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>")
    [item] = read_bytes(xxe.encode(), "xxe.rss", ReadOptions())
    assert isinstance(item, MarkupTooComplex)


def test_markup_limits() -> None:
    page = hc._html("The minister said the talks would go on in the capital next week, officials said.")
    wide = page.replace("<article>", "<article " + " ".join(f"a{i}=1" for i in range(300)) + ">")
    [item] = read_bytes(wide.encode(), "w.html", ReadOptions())
    assert isinstance(item, MarkupTooComplex) and "300 attributes" in str(item)
    deep = page.replace("<article>", "<article>" + "<div>" * 300).replace("</article>", "</div>" * 300)
    [item] = read_bytes(deep.encode(), "d.html", ReadOptions())
    assert isinstance(item, MarkupTooComplex) and "deep" in str(item)


def test_prose_checks() -> None:
    with pytest.raises(NotProse):
        check_text(" ".join(hc.EMOJI) * 20, "emoji")
    with pytest.raises(DocumentTooLarge, match="without a space"):
        check_text("The army said " + hc.EMOJI * 40, "glued")
    with pytest.raises(DocumentTooLarge, match="lines"):
        check_text("He left.\n" * 6_000, "lines")
    check_text("The army said \U0001F525 that the talks \U0001F525 would go on in the capital.", "mixed")


def test_folder_walk_reports_links_out_and_loops_and_unreadable(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    w = hc.Writer(corpus, seed=1)
    hc.links(w)
    found = {str(e.doc_id).removeprefix(str(corpus) + "/"): e for e in scan(corpus)
             if isinstance(e, InputError)}
    assert isinstance(found["links/out.txt"], OutsideInput) and isinstance(found["links/etc"], OutsideInput)
    for name in ("links/dangling.txt", "links/a.txt", "links/b.txt", "links/self"):
        assert isinstance(found[name], UnreadableInput), name
    paths = [p for p in scan(corpus) if isinstance(p, Path)]
    assert corpus / "links" / "inside-link.txt" in paths  # a link to a file inside the folder is read
    os.mkfifo(corpus / "pipe.txt")
    assert any(isinstance(e, UnreadableInput) and "FIFO" in str(e) for e in scan(corpus))
    real_walk = os.walk

    def no_listing(top: str, onerror: Callable[[OSError], None], followlinks: bool) -> object:
        onerror(PermissionError(13, "Permission denied", str(corpus / "locked")))
        return real_walk(top, onerror=onerror, followlinks=followlinks)

    monkeypatch.setattr(os, "walk", no_listing)  # root reads anything: simulate an unreadable folder
    assert any(isinstance(e, UnreadableInput) and "locked" in str(e) for e in scan(corpus))


# ---------------------------------------------------------------------------------------- the pipeline
@pytest.fixture(scope="module")
def pipeline() -> object:
    from tidings.pipeline import Options, Pipeline

    return Pipeline(Options(limits=Limits(max_events=3, max_sentence_tokens=60)))


def test_long_sentence_is_not_parsed_and_events_are_capped(pipeline: object,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    from tidings.record import Article

    long = "The minister said " + " and ".join(["France met Germany"] * 40) + "."
    lines = [f"The army of {a} attacked {b} on Monday, the ministry said." for (a, _, _), (b, _, _) in
             zip(hc.COUNTRIES[:8], hc.COUNTRIES[8:16], strict=True)]
    with caplog.at_level(logging.WARNING, logger="tidings"):
        article = Article("cap", "\n\n".join([long, *lines]), None)
        events = pipeline.extract(article)  # type: ignore[attr-defined]
    assert len(events) == 3
    assert "[W003]" in caplog.text and "[W004]" in caplog.text
    assert all(e.sentence > 0 for e in events)


def attacks(count: int) -> str:
    """``count`` sentences, each an attack between two made-up sides (a paragraph each)."""
    pairs = itertools.islice(itertools.cycle(zip(hc.COUNTRIES[:8], hc.COUNTRIES[8:16], strict=True)), count)
    return "\n\n".join(f"The army of {a} attacked {b} on Monday, the ministry said." for (a, _, _), (b, _, _)
                       in pairs)


def test_budget_meters_only_the_stretches_it_runs() -> None:
    ticks = iter([0.0, 2.0, 100.0, 101.0, 102.0])
    budget = Budget("doc-7", 3.5, clock=lambda: next(ticks)).start()
    budget.stop()  # 2 s spent
    budget.start()  # 98 s passed elsewhere: not this document's
    budget.check()  # 3 s: within
    with pytest.raises(CodingTooSlow, match=r"\[T014\].*4 CPU seconds; the budget is 3.5.*'doc-7'"):
        budget.check()


def test_time_budget_skips_the_slow_document_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock that charges one second a look makes work proportional to a document's sentences: the long
    document runs out of its budget, the short ones before and after it are coded."""
    from tidings import validate
    from tidings.pipeline import Options, Pipeline
    from tidings.record import Article

    counter = itertools.count()
    monkeypatch.setattr(validate, "cpu_clock", lambda: float(next(counter)))
    pipeline = Pipeline(Options(limits=Limits(max_seconds=30)))
    articles = [Article("short-1", attacks(2)), Article("long", attacks(40)), Article("short-2", attacks(3))]
    results = {r.article.id: r for r in pipeline.process(articles)}
    assert isinstance(results["long"].error, CodingTooSlow) and results["long"].error.doc_id == "long"
    assert results["short-1"].error is None and results["short-1"].events
    assert results["short-2"].error is None and results["short-2"].events


def test_words_to_parse_are_bounded() -> None:
    from tidings.pipeline import Options, Pipeline
    from tidings.record import Article

    pipeline = Pipeline(Options(limits=Limits(max_parsed_tokens=200)))
    articles = [Article("many", attacks(30)), Article("few", attacks(3))]
    results = {r.article.id: r for r in pipeline.process(articles)}
    assert isinstance(results["many"].error, DocumentTooLarge)
    assert "words in its sentences to parse" in str(results["many"].error)
    assert results["few"].error is None and results["few"].events


def made_up(seed: int, count: int) -> list[str]:
    """Articles of attacks between made-up places, padded with made-up words (new to the vocabulary)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 5)))

    lead = "The army of {} attacked {} near {} on Monday, the ministry said."
    filler = "It was said that the {} of the {} and the {} were in the {} with their {}."
    return [" ".join([lead.format(word().title(), word().title(), word().title()),
                      *(filler.format(*(word() for _ in range(5))) for _ in range(8))]) for _ in range(count)]


def test_the_vocabulary_does_not_grow_and_the_events_are_the_same() -> None:
    from tidings.nlp.model import parser
    from tidings.pipeline import Options, Pipeline
    from tidings.record import Article

    articles = [Article(f"m{i}", text) for i, text in enumerate(made_up(15, 12))]
    zoned = Pipeline(Options())
    list(zoned.process(articles[:2], batch=2))  # whatever loads lazily is loaded before counting
    strings = len(parser().vocab.strings)
    with_zone = [r.events for r in zoned.process(articles, batch=4)]
    assert len(parser().vocab.strings) == strings  # three chunks of new words, none kept
    without = [r.events for r in Pipeline(Options(memory_zone=False)).process(articles, batch=4)]
    assert len(parser().vocab.strings) > strings  # (the words were new)
    assert with_zone == without and any(with_zone)


def test_the_parser_gets_bounded_batches() -> None:
    from tidings.nlp.segment import PARSE_BATCH_WORDS, Sentence, _batches

    sizes = [3_000, 3_000, 10, 5_000, 10, *([20] * 70)]
    sentences = [Sentence(i, 0, 0, 1, "x", ["w"] * n) for i, n in enumerate(sizes)]
    groups = [[len(s.words) for s in g] for g in _batches(sentences, 64)]
    assert groups[:4] == [[3_000], [3_000, 10], [5_000], [10, *([20] * 63)]] and groups[4] == [20] * 7
    assert all(sum(g) <= PARSE_BATCH_WORDS or len(g) == 1 for g in groups)
    assert [n for g in groups for n in g] == sizes  # every sentence once, in order


def test_no_stage_of_the_pipeline_parses_a_sentence_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The claim and lead sentences are chosen for parsing too: they keep to ``max_sentence_tokens``."""
    from tidings import pipeline as module
    from tidings.record import Article

    seen: list[int] = []
    real = module.parse

    def parse(sentences: Iterable[Any], batch_size: int = 64) -> None:
        todo = list(sentences)
        seen.extend(len(s.words) for s in todo)
        real(todo, batch_size)

    monkeypatch.setattr(module, "parse", parse)
    listed = ", ".join(f"{w} said" for w in made_up(3, 1)[0].split()[:80])
    text = f"Officials said {listed}. The army of Chile attacked Peru on Monday, the ministry said."
    pipe = module.Pipeline(module.Options(limits=Limits(max_sentence_tokens=60)))
    result = next(pipe.process([Article("long", text, title=f"Reports said {listed}")], claims=True,
                               summary=True))
    assert result.error is None and seen and max(seen) <= 60


def test_an_unplanned_error_becomes_a_numbered_skip() -> None:
    def boom(_: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    with pytest.raises(CodingFailed, match=r"\[T013\].*RecursionError.*'doc-9'"):
        contained(boom, None, "doc-9")


# ---------------------------------------------------------------------------------------- exit codes
def test_a_crash_exits_3_not_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from tidings import cli
    from tidings.ingest import runner

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(runner, "ingest", broken)
    (tmp_path / "a.txt").write_text("The minister said the talks would go on.", "utf-8")
    monkeypatch.setattr(sys, "argv", ["tidings", "ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == cli.EXIT_INTERNAL == 3
    assert "internal error" in capsys.readouterr().err


# ---------------------------------------------------------------------------------- orphans after kill -9
def _descendants(pid: int) -> list[int]:
    import psutil

    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    import psutil

    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def _kill_and_check(cmd: list[str], want_children: int, tmp_path: Path) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
                            start_new_session=True)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            children = _descendants(proc.pid)
            if len(children) >= want_children:
                break
            time.sleep(0.5)
        assert proc.poll() is None and len(children) >= want_children, "the workers never started"
        time.sleep(3)  # let every worker reach its initializer
        children = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 30
        while _alive(children) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _alive(children) == [], "worker processes outlived their parent"
    finally:  # leave nothing behind, whatever failed
        if proc.poll() is None:
            children = _descendants(proc.pid)
            proc.kill()
            proc.wait()
        for pid in _alive(children):
            os.kill(pid, signal.SIGKILL)


def _corpus(folder: Path, n: int) -> Path:
    w = hc.Writer(folder, seed=5)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(w.article(6), "utf-8")
    return folder


@pytest.mark.slow
def test_pool_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 200)
    tidings = str(Path(sys.executable).with_name("tidings"))
    _kill_and_check([tidings, "ingest", str(corpus), "--db", str(tmp_path / "s.duckdb"), "--workers", "2",
                     "--batch", "4"], 2, tmp_path)


@pytest.mark.slow
def test_dask_workers_die_with_a_killed_client(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 40)
    tidings = str(Path(sys.executable).with_name("tidings"))
    _kill_and_check([tidings, "ingest", str(corpus), "--db", str(tmp_path / "s.duckdb"), "--engine", "dask",
                     "--local-workers", "2", "--partition-size", "2"], 2, tmp_path)


def test_lifeline_ends_a_child_whose_parent_is_killed(tmp_path: Path) -> None:
    """Fast: a parent that starts a child calling die_with_parent, then is killed with SIGKILL."""
    marker = tmp_path / "child.pid"
    (tmp_path / "child.py").write_text(
        "import os, sys, time\n"
        "from tidings.scale.lifeline import die_with_parent\n"
        "die_with_parent()\n"
        "open(sys.argv[1], 'w').write(str(os.getpid()))\n"
        "time.sleep(120)\n", "utf-8")
    (tmp_path / "parent.py").write_text(
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, sys.argv[1], sys.argv[2]])\n"
        "time.sleep(120)\n", "utf-8")
    parent = subprocess.Popen([sys.executable, str(tmp_path / "parent.py"), str(tmp_path / "child.py"),
                               str(marker)], start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() or not marker.read_text():
            assert time.monotonic() < deadline, "the child never started"
            time.sleep(0.2)
        child = int(marker.read_text())
        assert _alive([child]) == [child]
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive([child]) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _alive([child]) == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
