"""Bad input gets a clear, numbered error naming the document; readers never stop a batch."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from tidings.errors import (
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncodingError,
    InputError,
    MalformedInput,
    NotEnglish,
)
from tidings.readers import read_paths, read_stream
from tidings.record import Article
from tidings.validate import check_text, decode

ENGLISH = ("The minister said on Tuesday that the two countries would hold talks next week in the capital, "
           "and that he expected an agreement on trade to be signed before the year was out.")


def test_english_text_passes() -> None:
    check_text(ENGLISH, "a")


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty(text: str) -> None:
    with pytest.raises(EmptyDocument, match=r"\[T001\].*'doc-1'"):
        check_text(text, "doc-1")


def test_not_english() -> None:
    german = ("Der Minister sagte am Dienstag, dass die beiden Länder nächste Woche in der Hauptstadt "
              "Gespräche führen würden und dass er bis Ende des Jahres mit einem Handelsabkommen rechne, "
              "das unterzeichnet werden solle, wie die Regierung mitteilte.")
    with pytest.raises(NotEnglish, match="de-1"):
        check_text(german, "de-1")
    russian = "Министр заявил во вторник, что две страны проведут переговоры на следующей неделе " * 3
    with pytest.raises(NotEnglish):
        check_text(russian, "ru-1")


def test_too_large() -> None:
    with pytest.raises(DocumentTooLarge, match="big"):
        check_text(ENGLISH * 10, "big", max_chars=500)


def test_binary_and_encoding() -> None:
    with pytest.raises(BinaryDocument):
        decode(gzip.compress(ENGLISH.encode()) + b"\x00\x00", "bin")
    with pytest.raises(EncodingError, match="latin"):
        decode("Café au lait in Besançon".encode("latin-1"), "latin")
    assert decode("\ufeffhello".encode(), "bom") == "hello"
    with pytest.raises(BinaryDocument):
        check_text("\x01\x02\x03\x04" * 50 + ENGLISH, "ctl")


def test_read_paths_mixed_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "set.jsonl").write_text(
        json.dumps({"id": "x1", "text": ENGLISH, "published": "2021-03-04", "title": "T"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "x3"}) + "\n"
        + json.dumps({"id": "x4", "text": ENGLISH, "published": "yesterday"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "one.json").write_text(json.dumps({"id": "j1", "text": ENGLISH}), encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")], published=dt.date(2020, 1, 1)))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    # an unparseable date does not cost the article: it is dated by the default, with warning W002
    assert sorted(a.id for a in articles) == ["good", "j1", "x1", "x4"]
    by_id = {a.id: a for a in articles}
    assert by_id["x1"].published == dt.date(2021, 3, 4) and by_id["x1"].title == "T"
    assert by_id["good"].published == by_id["x4"].published == dt.date(2020, 1, 1)
    assert len(errors) == 4
    messages = " ".join(str(e) for e in errors)
    assert "set.jsonl:2" in messages and "no 'text' field" in messages
    assert "missing.txt" in messages and "bad.txt" in messages
    assert all(isinstance(e, (MalformedInput, BinaryDocument)) for e in errors)


def test_stdin_jsonl_and_plain() -> None:
    lines = b'{"id": "s1", "text": "hello there"}\n{"id": "s2", "text": "again"}\n'
    assert [a.id for a in read_stream(lines, "<stdin>") if isinstance(a, Article)] == ["s1", "s2"]
    plain = list(read_stream(ENGLISH.encode(), "<stdin>"))
    assert len(plain) == 1 and isinstance(plain[0], Article) and plain[0].text == ENGLISH
