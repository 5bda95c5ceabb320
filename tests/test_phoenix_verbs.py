"""Importing PETRARCH / TABARI CAMEO verb dictionaries into lexicon entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tidings.dictionaries.verbs import load_cameo_verbs, parse_cameo_verbs, read_cameo_verbs
from tidings.errors import DictionaryError
from tidings.events.lexicon import Entry, Lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"
CAMEO_VERBS = SHARED / "dicts" / "phoenix" / "CAMEO.2.0.txt"
FIXTURES = SHARED / "eval" / "petrarch" / "fixtures"
needs_shared = pytest.mark.skipif(not CAMEO_VERBS.exists(),
                                  reason=f"shared dictionaries not found at {SHARED} (not part of the repo)")

SAMPLE = """\
# a small dictionary in the PETRARCH format
####### SYNONYM SETS #######
&MILITARY
+TROOPS
+ARMED_FORCES
+SOLDIER

&AID_
+AID
+RELIEF

####### VERB PATTERNS #######
---  SEND   [---]  ---
SEND {SENDS SENT SENDING}
DISPATCH
- * &MILITARY (TO +)                  [154]   # troops sent to the target
- * {HUMANITARIAN AID} TO +           [073]
- * LETTER (TO +)                     [010]
- + * &AID_ FROM $                    [070]   # receive-like: source after FROM
- * OUT INVITATIONS                   [036]
- &MILITARY * TO +                    [154]   # subject constraint: skipped
- * DELEGATION                        [042:043]
- * OBSERVERS                         [:0862]
- * SIGNAL                            [---]

---  ARREST   [173]  ---
ARREST
DETAIN [173]
+ROUND_UP {+ROUNDS_UP +ROUNDED_UP +ROUNDING_UP}
WIRE_+TAP
- * (FOR &MILITARY)                   [1121]
- * ACTIVISTS                         [abc]   # not a CAMEO code: skipped

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def by(entries: list[Entry], lemma: str, code: str) -> list[Entry]:
    return [entry for entry in entries if entry.lemma == lemma and entry.code == code]


def test_inline_dictionary() -> None:
    result = parse_cameo_verbs(SAMPLE, source="sample.txt")
    entries, report = result.entries, result.report
    [troops] = by(entries, "send", "154")
    assert troops.obj == {"troop", "armed force", "soldier"} and troops.prep == "to"
    assert "sent" in troops.forms
    assert by(entries, "dispatch", "154")  # every verb of the block gets the pattern
    [aid] = by(entries, "send", "073")
    assert aid.obj == {"humanitarian aid"} and aid.prep == "to"
    [letter] = by(entries, "send", "010")
    assert letter.obj == {"letter"} and letter.prep == "to"
    [received] = by(entries, "send", "070")
    assert received.swap and received.prep == "from" and received.obj == {"aid", "relief"}
    [invite] = by(entries, "send", "036")
    assert invite.particle == "out" and invite.obj == {"invitation"}
    [delegation] = by(entries, "send", "042")
    assert delegation.reverse == "043"
    [observers] = by(entries, "send", "0862")
    assert observers.swap
    [null] = by(entries, "send", "---")
    assert null.is_null
    assert by(entries, "arrest", "173") and by(entries, "detain", "173")
    [round_up] = [entry for entry in entries if entry.lemma == "round" and entry.code == "173"]
    assert round_up.particle == "up" and "rounded" in round_up.forms
    [charged] = by(entries, "arrest", "1121")
    assert charged.particle == "for" and charged.obj == {"troop", "armed force", "soldier"}
    assert report.skipped["pattern: words before the verb"] == 1
    assert report.skipped["pattern: not a CAMEO code"] == 1
    assert report.skipped["transformation rule"] == 1
    assert report.skipped["verb: verb-final multi-word verb"] == 1
    assert report.skipped["verb: no code of its own"] == 2  # SEND, DISPATCH
    assert report.patterns == 11 and report.imported_patterns == 9
    assert report.synsets == 2
    assert "sample.txt" in report.summary()


def test_imported_entries_drive_the_lexicon() -> None:
    entries = parse_cameo_verbs(SAMPLE).entries
    lexicon = Lexicon.default().extend(entries)
    sent = lexicon.verb("dispatch", obj="soldiers", preps=["to"])
    assert sent is not None and sent.code == "154"
    assert lexicon.verb("send", obj="signal") is None  # the [---] pattern blocks it
    assert "dispatched" in lexicon.surface_forms


@pytest.mark.parametrize(("text", "message"), [
    ("--- SEND ---\nSEND\n", "block header"),
    ("--- SEND [010] ---\nSEND\n- * LETTER\n", "without a [code]"),
    ("--- SEND [010] ---\nSEND {SENT\n", "unbalanced"),
    ("+TROOPS\n", "outside a synonym set"),
    ("- * LETTER [010]\n", "outside a verb block"),
])
def test_malformed_lines_raise(text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=rf"\[T101\].*bad\.txt, line \d+: .*{re.escape(message)}"):
        parse_cameo_verbs(text, source="bad.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match=r"nope\.txt"):
        load_cameo_verbs(tmp_path / "nope.txt")


@needs_shared
def test_cameo_2_0_loads_and_merges() -> None:
    result = read_cameo_verbs(CAMEO_VERBS)
    lexicon = Lexicon.default().extend(result.entries)
    report = result.report
    assert report.patterns > 4500 and report.imported_patterns > 4000
    assert len(result.entries) > 30000
    visit = lexicon.verb("visit")
    assert visit is not None and visit.code == "042" and visit.reverse == "043"
    assert lexicon.verb("meet", preps=["with"]) is not None
    assert all(entry.is_null or len(entry.code) in (2, 3, 4) for entry in result.entries)


@needs_shared
@pytest.mark.parametrize("name", ["petrarch_unittest/PETR.Validate.verbs.txt",
                                  "udpetrarch_2_02/PETR_Validate_verbs_2_02.txt"])
def test_validation_fixtures_load(name: str) -> None:
    result = read_cameo_verbs(FIXTURES / name)
    assert result.entries
    assert result.report.skipped["pattern: not a CAMEO code"] > 0  # the fixtures use WEIS codes
