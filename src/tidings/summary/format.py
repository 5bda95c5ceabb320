"""Text renderings of summaries (the JSONL rendering is ``Summary.to_dict``)."""

from __future__ import annotations

from collections.abc import Iterable

from tidings.summary.core import QUESTIONS, Summary


def format_table(summaries: Iterable[Summary], *, width: int = 60) -> str:
    """One block per article: the doc id, then one line per question."""
    lines: list[str] = []
    for summary in summaries:
        lines.append(summary.doc_id)
        for q in QUESTIONS:
            answer = summary.answer(q)
            text = "-" if answer is None else answer.text
            if len(text) > width:
                text = text[:width - 1] + "…"
            extra = "" if answer is None else " ".join(f"{k}={v}" for k, v in answer.values if v is not None)
            lines.append(f"  {q:<5} {text}{'  [' + extra + ']' if extra else ''}")
    return "\n".join(lines)
