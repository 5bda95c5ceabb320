"""Ingest: read any news source (text, JSON, JSONL, CSV, HTML, RSS/Atom, WARC, folders, stdin) and code it
into the event store.

    registry.read_paths(paths) ─> Document | InputError ─> runner.ingest() ─> Pipeline ─> Store.write_batch()
"""

from __future__ import annotations

from tidings.ingest.base import Document, Ignored, ReadOptions, parse_fields, text_key
from tidings.ingest.registry import READERS, kind_of, read_bytes, read_paths, register, sniff

__all__ = ["READERS", "Document", "Ignored", "ReadOptions", "kind_of", "parse_fields", "read_bytes",
           "read_paths", "register", "sniff", "text_key"]
