"""The public surface: ``__all__`` lists exactly the public names, and each of them resolves."""

from __future__ import annotations

import subprocess
import sys

import tidings
import tidings.errors
import tidings.pipeline
import tidings.record

EXPECTED = {
    "extract", "Pipeline", "Options", "Result", "Article", "Event", "Actor", "Cameo", "Plover", "Location",
    "Attribution", "TidingsError", "InputError", "__version__",
}


def test_all_lists_the_public_names() -> None:
    assert set(tidings.__all__) == EXPECTED
    assert len(tidings.__all__) == len(set(tidings.__all__))


def test_exported_members_resolve_to_their_definitions() -> None:
    for name in tidings.__all__:
        value = getattr(tidings, name)
        if name == "__version__":
            assert isinstance(value, str) and value.count(".") == 2
            continue
        home = {"tidings.pipeline": tidings.pipeline, "tidings.record": tidings.record,
                "tidings.errors": tidings.errors}[value.__module__]
        assert getattr(home, name) is value, name
        assert value.__name__ == name


def test_public_names_in_dir_and_unknown_names_fail() -> None:
    assert set(tidings.__all__) <= set(dir(tidings))
    try:
        _ = tidings.no_such_name  # type: ignore[attr-defined]
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("tidings.no_such_name resolved")


def test_import_is_light() -> None:
    """``import tidings`` must not load spaCy; that happens when a pipeline is built."""
    code = "import sys, tidings; tidings.Event; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
