"""Mentions: who each noun phrase and pronoun of an article is, resolved once per article in reading order.

:func:`tidings.mentions.stage.resolve_mentions` gives an article's :class:`~tidings.mentions.stage.Mention`
records (and the phrase resolver of each parsed sentence) that the event coder, the claims and the summary
read; :mod:`tidings.mentions.discourse` keeps what the article has said so far and
:mod:`tidings.mentions.names` puts it before the knowledge base ("Hillary Clinton ... Clinton").
"""

from __future__ import annotations

from tidings.mentions.discourse import Discourse

__all__ = ["Discourse"]
