"""The README documents every CLI option and every field of the output contract."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from tidings.cli import app
from tidings.record import Cameo, Event

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, Any]]:
    # typer builds on its own copy of click: read the command objects by their attributes
    group = typer.main.get_command(app)
    commands: dict[str, Any] = group.commands  # type: ignore[attr-defined]
    return sorted(commands.items())


def _options() -> list[tuple[str, str]]:
    out = []
    for name, command in _commands():
        for param in command.params:
            if param.param_type_name == "option":
                out.extend((name, opt) for opt in param.opts if opt.startswith("--") and opt != "--help")
    return out


def test_commands_are_found() -> None:
    names = [name for name, _ in _commands()]
    assert {"extract", "eval", "version"} <= set(names)
    assert ("extract", "--published") in _options()


@pytest.mark.parametrize(("command", "option"), _options())
def test_option_is_documented(command: str, option: str) -> None:
    usage = [line for line in README.splitlines() if line.startswith(f"tidings {command}")]
    assert usage, f"no usage line for `tidings {command}` in README.md"
    assert any(re.search(rf"{re.escape(option)}\b", line) for line in usage), (command, option)


@pytest.mark.parametrize("command", [name for name, _ in _commands()])
def test_command_is_documented(command: str) -> None:
    assert re.search(rf"^tidings {command}\b", README, re.M), command


def _contract_fields() -> list[str]:
    section = README.split("## Output contract", 1)[1].split("\n## ", 1)[0]
    fields: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            fields += re.findall(r"`([a-z_]+)`", line.split("|")[1])
    return fields


def test_output_contract_table_matches_event_to_dict() -> None:
    event = Event("d", "e", 0, "x", (0, 1), None, None, None, None, None,
                  Cameo("010", "01", "Make statement", 1, 0.0), None, None, None, "asserted", "r",
                  "tidings-x")
    documented = _contract_fields()
    assert len(documented) == len(set(documented))
    assert set(documented) == set(event.to_dict())
