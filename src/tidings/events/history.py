"""History told as history: an act dated by its own words long before the report is background, not news.

Event data records what happens in the period a report covers. A report that recalls an old act ("Germany
invaded the Soviet Union in 1941", "the treaty signed in March 2009") tells history; the field's datasets
(ACLED, GDELT's event table, ``evaluation/gold/GUIDE.md`` section 1) do not record it as an event of the
report's day. Recent past acts told as background stay: only an act whose own date expression places the
whole of its period (the year of "in 2019", the month of "in March 2024") more than
:attr:`tidings.pipeline.Options.history_days` days before the publication date is dropped. An act dated
only by the publication date, an article without a publication date, and a date the resolver could not
read are never history.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from tidings.record import Event

__all__ = ["drop_history", "period_end"]


def period_end(date: dt.date, precision: str | None) -> dt.date:
    """The last day of the period a date names at ``precision`` ("year", "month", else the day itself)."""
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return date


def drop_history(events: Sequence[Event], published: dt.date | None, days: int | None) -> list[Event]:
    """``events`` without those whose own date lies wholly more than ``days`` days before ``published``."""
    if published is None or days is None:
        return list(events)
    limit = published - dt.timedelta(days=days)
    return [e for e in events if not _historic(e, limit)]


def _historic(event: Event, limit: dt.date) -> bool:
    if event.date is None or event.date_text is None or event.extra.get("date_from_publication"):
        return False
    return period_end(event.date, event.date_precision) < limit
