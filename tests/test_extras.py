"""The core install and its extras: what `tidings extract` imports, what each extra brings, the numbered error
naming the extra a command needs, and the packaging metadata that says so."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tidings.errors import MissingExtra
from tidings.extras import EXTRAS, missing, require

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("fastapi", "starlette", "uvicorn", "dask", "distributed", "duckdb", "trafilatura", "feedparser",
         "warcio", "datasketch", "vaderSentiment", "tidings.serve.app", "tidings.store")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)


def test_extract_and_the_cli_import_no_optional_part() -> None:
    """The modules `tidings extract` loads (the CLI, the pipeline, the readers) import none of the extras."""
    code = ("import sys, tidings, tidings.cli, tidings.pipeline, tidings.readers, tidings.serve.cli; "
            "from tidings.pipeline import Pipeline, Options; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_extract_runs_with_every_extra_missing(tmp_path: Path) -> None:
    """`tidings extract` works when no extra is installed (each module made unimportable)."""
    article = tmp_path / "a.txt"
    article.write_text("The Kenyan government criticised Uganda over the border dispute on Monday.\n",
                       encoding="utf-8")
    blocked = [m for modules in EXTRAS.values() for m in modules]
    code = (f"import sys\nfor m in {blocked!r}: sys.modules[m] = None\n"
            "from tidings.cli import main\n"
            f"sys.argv = ['tidings', '-q', 'extract', {str(article)!r}, '--published', '2024-03-06']\n"
            "main()")
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert '"root": "11"' in result.stdout or '"cameo"' in result.stdout


@pytest.mark.parametrize(("argv", "extra"), [
    (["events"], "store"), (["export", "--format", "csv", "--out", "x.csv"], "store"),
    (["ingest", "demo"], "ingest"), (["serve"], "serve"), (["ingest", "demo", "--engine", "dask"], "scale"),
])
def test_a_command_names_the_extra_it_misses(argv: list[str], extra: str, tmp_path: Path) -> None:
    """A subprocess in which one extra's modules cannot be imported: exit code 2 and [T501] naming it."""
    code = (f"import sys\nfor m in {list(EXTRAS[extra])!r}: sys.modules[m] = None\n"
            "from tidings.cli import main\n"
            f"sys.argv = ['tidings', *{argv!r}, '--db', {str(tmp_path / 'x.duckdb')!r}]\n"
            "main()")
    result = _python(code)
    assert result.returncode == 2, result.stdout + result.stderr
    message = " ".join(result.stderr.split())
    assert "[T501]" in message and f"[{extra}] extra" in message and "pip install 'tidings[" in message


def test_require_and_missing() -> None:
    assert missing("store") == []
    require("store", "ingest", "serve", "scale", command="tidings test")
    with pytest.raises(KeyError):
        missing("nonsense")


def test_missing_extra_is_a_numbered_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtra, match=r"\[T501\] `tidings events` needs the \[store\] extra.*duckdb"):
        require("store", command="tidings events")


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_pyproject_extras_cover_the_lock_inputs() -> None:
    """Every package of requirements.in is in the core or an extra, and [all] brings every extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras: dict[str, list[str]] = project["optional-dependencies"]
    declared = _names(project["dependencies"]) | {n for deps in extras.values() for n in _names(deps)}
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.in").read_text().splitlines()]
    wanted = _names([line for line in lines if line])
    assert wanted <= declared, wanted - declared
    assert set(extras) == {*EXTRAS, "all"}
    assert extras["all"] == [f"tidings[{','.join(EXTRAS)}]"]
    core = _names(project["dependencies"])
    assert not core & {"duckdb", "fastapi", "uvicorn", "dask", "trafilatura", "feedparser", "warcio"}
