"""A hand-off (``tidings ingest --db X`` while X is served) codes with the options the user gave: user actor
and lexicon files, dictionaries, the date, the field map and every input limit reach the server, which codes
the batch with them (in a coding process of the run's own when they are not the server's) or refuses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tidings.ingest.runner import IngestOptions
from tidings.serve.errors import ApiError
from tidings.serve.handoff import ENDPOINT, options_from, options_payload
from tidings.validate import with_limits

PEOPLE = "name\taliases\tactor\trole\tstart\tend\nTamsin Oakridge\tOakridge\tIRL\tGOV\t2019-01-01\t\n"
# Tamsin Oakridge is made up: with the packaged actors alone she is nobody, and this text gives no event.
TWO_EVENTS = ("Tamsin Oakridge criticised the government of Portugal on Monday over its fishing quotas. "
              "Later that day, Oakridge praised Spain for its offer of talks.\n")


def _user_files(folder: Path) -> tuple[Path, Path]:
    people, verbs = folder / "people.tsv", folder / "verbs.tsv"
    people.write_text(PEOPLE, encoding="utf-8")
    verbs.write_text("lemma\tparticle\tobj\tprep\txcomp\tcode\treverse\tflags\tnegated_code\tnote\n"
                     "glimmerate\t-\t-\t-\t-\t111\t-\t-\t-\tmade up\n", encoding="utf-8")
    return people, verbs


def test_every_ingest_option_survives_the_hand_off(tmp_path: Path) -> None:
    people, verbs = _user_files(tmp_path)
    given = IngestOptions(published=dt.date(2024, 4, 8), fields={"text": ("body",)}, workers=2, batch=7,
                          dictionaries=tmp_path, near_threshold=0.75, actors=(people,), lexicons=(verbs,),
                          limits=with_limits(["max_events=3", "max_wall_seconds=9.5", "max_chars=1234"]))
    defaults = IngestOptions()
    changed = [f.name for f in dataclasses.fields(IngestOptions)
               if getattr(given, f.name) == getattr(defaults, f.name)]
    assert changed == [], "give every option a value of its own, so that a dropped one is seen"
    assert options_from(options_payload(given)) == given


def test_relative_files_are_sent_as_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    people, _ = _user_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    payload = options_payload(IngestOptions(actors=(Path("people.tsv"),)))
    assert payload["actors"] == [str(people.resolve())]


@pytest.mark.parametrize(("change", "says"), [
    ({"colour": "red"}, "does not know colour"),  # an option of a newer CLI: refused, not ignored
    ({"limits": {"max_charz": 5}}, "bad limit"),
    ({"limits": {"max_chars": -1}}, "bad limit"),
    ({"actors": ["/no/such/people.tsv"]}, "cannot read the file"),
    ({"lexicons": ["relative.tsv"]}, "cannot read the file"),
    ({"dictionaries": "/no/such/folder"}, "cannot read the folder"),
    ({"published": "yesterday"}, "not ingest options"),
])
def test_options_the_server_cannot_honour_are_refused(change: dict[str, object], says: str) -> None:
    payload = {**options_payload(IngestOptions()), **change}
    with pytest.raises(ApiError) as refused:
        options_from(payload)
    assert refused.value.status == 400 and says in refused.value.message


def test_the_server_codes_a_hand_off_with_the_users_actors_and_limits(tmp_path: Path) -> None:
    """Through the writer endpoint of a served store: a user actor file makes a made-up person an actor,
    ``max_events=1`` keeps one of her two events (the limit reached the coding process), and
    ``max_chars`` skips a longer article with T005 (it reached the reader on the writer thread)."""
    from fastapi.testclient import TestClient

    from tidings.serve import create_app
    from tidings.store.db import Store

    db = tmp_path / "served.duckdb"
    Store.open(db).close()
    people, _ = _user_files(tmp_path)
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(TWO_EVENTS, encoding="utf-8")
    long.write_text(TWO_EVENTS * 4, encoding="utf-8")
    options = IngestOptions(published=dt.date(2024, 4, 8), actors=(people,),
                            limits=with_limits(["max_events=1", f"max_chars={len(TWO_EVENTS) + 10}"]))
    app = create_app(db, writer=True, rate=0, coding=True)
    with TestClient(app) as client:
        token = app.state.handoff_token
        answer = client.post(ENDPOINT, headers={"Authorization": f"Bearer {token}"},
                             json={"paths": [str(short), str(long)], "options": options_payload(options)})
        assert answer.status_code == 200, answer.text
        report = answer.json()
        assert (report["articles"], report["events"], report["skipped"]) == (1, 1, 1)
        assert report["reasons"] == {"DocumentTooLarge": 1}
        rows = client.get("/api/events").json()["rows"]
        assert [(r["source_code"], r["cameo_code"]) for r in rows] == [("IRLGOV", "111")]
        refused = client.post(ENDPOINT, headers={"Authorization": f"Bearer {token}"},
                              json={"paths": [str(short)], "options": {"limits": {"max_charz": 1}}})
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_parameter"
