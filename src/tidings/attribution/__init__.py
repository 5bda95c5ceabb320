"""Attribution (who says so) and factuality (how firmly) of coded events.

>>> assessment = assess(trigger_token, resolve=my_resolver)
>>> assessment.attribution, assessment.factuality

The cue word lists live in :mod:`tidings.attribution.cues`.
"""

from __future__ import annotations

from tidings.attribution.assess import Assessment, ResolveFn, assess

__all__ = ["Assessment", "ResolveFn", "assess"]
