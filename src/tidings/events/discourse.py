"""Moved to :mod:`tidings.mentions.discourse` (the article's coreference belongs to the mentions stage)."""

from tidings.mentions.discourse import Discourse

__all__ = ["Discourse"]
