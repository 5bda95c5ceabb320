"""Reading PETRARCH/Phoenix actor and agent dictionaries and adding them to the knowledge base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.actors import KnowledgeBase
from tidings.dictionaries.actors import load_phoenix_actors, load_phoenix_agents, read_phoenix_directory
from tidings.errors import DictionaryError

SHARED = Path(__file__).resolve().parents[2] / "shared"
PHOENIX = SHARED / "dicts" / "phoenix"
FIXTURES = SHARED / "eval" / "petrarch" / "fixtures" / "petrarch_unittest"

ACTORS = """\
# a small test dictionary
<!-- a comment
over two lines -->
GONDOR_  [GON]
+MINAS_TIRITH_
+GONDORIAN  # trailing comment

DENETHOR_II_  # steward
+LORD_DENETHOR
\t[GONGOV 30050101-30190315]
\t[GONELI >30190316]
\t[GON]
ORC_HORDE_ [MORREB]
WHITE_COUNCIL_
+THE_WISE
\t[IGOWIS <29530101]
UNITED_NATIONS_ [XXXUNO]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
HORSE!PERSON! [~CAV]
RANGER [~RNG]
WARDEN {WARDENS_OF_THE_MARCH} [~GRD]
SHEEP {} [~AGR]
LOREMASTERS_GUILD [NGO~]
"""


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    (tmp_path / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def test_read_actor_blocks(small: Path) -> None:
    actors = load_phoenix_actors(small / "Test.actors.txt")
    by_name = {a.names[0]: a for a in actors}
    assert by_name["GONDOR"].names == ("GONDOR", "MINAS TIRITH", "GONDORIAN")
    assert by_name["GONDOR"].default == "GON"
    denethor = by_name["DENETHOR II"]
    assert denethor.code_at(dt.date(3010, 1, 1)) == "GONGOV"
    assert denethor.code_at(dt.date(3019, 3, 15)) == "GONGOV"  # end dates are inclusive
    assert denethor.code_at(dt.date(3019, 3, 20)) == "GONELI"
    assert denethor.code_at(dt.date(2000, 1, 1)) == "GON"
    assert by_name["WHITE COUNCIL"].names == ("WHITE COUNCIL", "THE WISE")
    assert by_name["WHITE COUNCIL"].code_at(dt.date(2000, 1, 1)) == "IGOWIS"
    assert by_name["WHITE COUNCIL"].code_at(dt.date(2960, 1, 1)) is None


def test_read_agents_with_plurals_and_markers(small: Path) -> None:
    agents = {a.forms[0]: a for a in load_phoenix_agents(small / "Test.agents.txt")}
    assert agents["RANGER"].forms == ("RANGER", "RANGERS")
    assert agents["WARDEN"].forms == ("WARDEN", "WARDENS OF THE MARCH")
    assert agents["SHEEP"].forms == ("SHEEP",)
    assert {"HORSEMAN", "HORSEWOMEN"} <= set(agents)
    assert agents["HORSEMAN"].code == "CAV" and not agents["HORSEMAN"].prefix
    assert agents["LOREMASTERS GUILD"].prefix and agents["LOREMASTERS GUILD"].code == "NGO"


def test_dictionary_entries_override_and_extend(small: Path) -> None:
    kb = KnowledgeBase.packaged()
    assert kb.resolve(["the", "United", "Nations"]) is not None
    added = kb.add_phoenix(small)
    assert added > 5
    gondor = kb.resolve(["Minas", "Tirith"])
    assert gondor is not None and gondor.code == "GON" and gondor.name == "Gondor"
    assert kb.resolve(["Gondorian", "rangers"]) is not None
    ranger = kb.resolve(["Gondorian", "rangers"])
    assert ranger is not None and ranger.code == "GONRNG"
    steward = kb.resolve(["Lord", "Denethor"], dt.date(3015, 1, 1))
    assert steward is not None and steward.code == "GONGOV"
    un = kb.resolve(["the", "United", "Nations"])
    assert un is not None and un.code == "XXXUNO"  # the user's dictionary wins
    assert KnowledgeBase.default().resolve(["the", "United", "Nations"]) is not None
    default_un = KnowledgeBase.default().resolve(["the", "United", "Nations"])
    assert default_un is not None and default_un.code == "IGOUNO"  # the shared default is untouched


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("GONDOR_ [GON\n", 1),
        ("\t[GONGOV 300101-290101]\n", 1),
        ("GONDOR_\n\t[GONGOV 3001011-300202]\n", 2),
        ("GONDOR_ [GON]\n+ROHAN\n\t[GON 12]\n", 3),
        ("+MINAS_TIRITH\n", 1),
        ("GONDOR_ [GON]\nROHAN_\n", 0),
    ],
)
def test_malformed_actor_lines_raise(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "Bad.actors.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_phoenix_actors(path)
    assert "Bad.actors.txt" in str(info.value) and f"line {line}" in str(info.value)
    assert "[T101]" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line"),
    [("RANGER\n", 1), ("RANGER [~RNG}\n", 1), ("!PEOPLE!_OF_ROHAN [~ROH]\n", 1), ("RANGER [RNG]\n", 1)],
)
def test_malformed_agent_lines_raise(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "Bad.agents.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=rf"Bad\.agents\.txt line {line}"):
        load_phoenix_agents(path)


def test_lenient_mode_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "Bad.actors.txt"
    path.write_text("GONDOR_ [GON]\n\t[GONGOV 1-2-3]\nROHAN_ [ROH]\n", encoding="utf-8")
    problems: list[str] = []
    actors = load_phoenix_actors(path, strict=False, problems=problems)
    assert [a.default for a in actors] == ["GON", "ROH"]
    assert len(problems) == 1 and "line 2" in problems[0]


def test_missing_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        read_phoenix_directory(tmp_path / "nowhere")


NO_PHOENIX = "the shared Phoenix dictionaries (../shared/dicts/phoenix) are not present"


@pytest.mark.skipif(not PHOENIX.is_dir(), reason=NO_PHOENIX)
def test_shared_international_and_agents() -> None:
    international = load_phoenix_actors(PHOENIX / "Phoenix.International.actors.txt", strict=False)
    names = {name: actor for actor in international for name in actor.names}
    assert names["UN"].code_at(dt.date(2010, 1, 1)) == "IGOUNO"
    assert names["BAN KI-MOON"].code_at(dt.date(2010, 1, 1)) == "IGOUNO"
    armed = load_phoenix_actors(PHOENIX / "Phoenix.MilNonState.actors.txt")  # this one is clean
    assert len(armed) > 500
    agents = load_phoenix_agents(PHOENIX / "Phoenix.agents.txt", strict=False)
    assert any(a.forms[0] == "POLICE" and a.code == "COP" for a in agents)
    with pytest.raises(DictionaryError, match=r"Phoenix\.International\.actors\.txt line 40"):
        load_phoenix_actors(PHOENIX / "Phoenix.International.actors.txt")  # a 7-digit date


@pytest.mark.slow
@pytest.mark.skipif(not PHOENIX.is_dir(), reason=NO_PHOENIX)
def test_add_whole_shared_phoenix_directory() -> None:
    kb = KnowledgeBase.packaged()
    kb.add_phoenix(PHOENIX, strict=False)
    assert any("Phoenix.Countries.actors.txt line" in p for p in kb.problems)  # reported, not fatal
    putin = kb.resolve(["Prime", "Minister", "Vladimir", "Putin"], dt.date(2010, 1, 1))
    assert putin is not None and putin.code == "RUSGOV"
    assert kb.resolve(["Vladimir", "Putin"], dt.date(1990, 1, 1)) is not None
    old = kb.resolve(["Vladimir", "Putin"], dt.date(1990, 1, 1))
    assert old is not None and old.code == "RUSELI"  # their dated roles now apply
    kim = kb.resolve(["Kim", "Jong-un"], dt.date(2020, 1, 1))  # not in Phoenix: ours still answers
    assert kim is not None and kim.code == "PRKGOV"
    police = kb.resolve(["Kenyan", "police"])
    assert police is not None and police.code == "KENCOP"


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="the shared PETRARCH fixtures (../shared) are not present")
def test_petrarch_validation_fixtures() -> None:
    data = read_phoenix_directory(FIXTURES, strict=False)
    names = {name: actor for actor in data.actors for name in actor.names}
    assert names["HAMAS"].default == "PSEREBHMS"
    assert names["AUSTRALIAN"].default == "AUS"
    assert any(a.default == "PSE" and "PALESTINIAN" in a.names for a in data.actors)  # "[pse]" upper-cased
    forms = {form for agent in data.agents for form in agent.forms}
    assert {"CONGRESSMAN", "CONGRESSWOMEN", "ATTORNEYS GENERAL", "MINISTRIES OF SILLY WALKS"} <= forms
    kb = KnowledgeBase.packaged()
    kb.add_phoenix(FIXTURES, strict=False)
    troops = kb.resolve(["Israeli", "troops"])
    assert troops is not None and troops.code == "ISRMIL"
