"""History told as history: an act dated by its own words long before the report is background, not news.

Event data records what happens in the period a report covers. A report that recalls an old act ("Germany
invaded the Soviet Union in 1941", "the treaty signed in March 2009") tells history; the field's datasets
(ACLED, GDELT's event table, ``evaluation/gold/GUIDE.md`` section 1) do not record it as an event of the
report's day. Recent past acts told as background stay: only an act whose own date expression places the
whole of its period (the year of "in 2019", the month of "in March 2024") more than
:attr:`tidings.pipeline.Options.history_days` days before the publication date is dropped. An article
without a publication date is no older than the newest act it dates itself (a report of "talks on 3 April
2018" that recalls "the war of 1991" was written in 2018 or later): that newest own date stands in for the
publication date. An act dated only by the publication date and a date the resolver could not read are
never history.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from tidings.record import Event

__all__ = ["drop_history", "newest_own_date", "period_end"]


def period_end(date: dt.date, precision: str | None) -> dt.date:
    """The last day of the period a date names at ``precision`` ("year", "month", else the day itself)."""
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return date


def drop_history(events: Sequence[Event], published: dt.date | None, days: int | None) -> list[Event]:
    """``events`` without those whose own date lies wholly more than ``days`` days before ``published``."""
    reference = published if published is not None else newest_own_date(events)
    if reference is None or days is None:
        return list(events)
    limit = reference - dt.timedelta(days=days)
    return [e for e in events if not _historic(e, limit)]


def _own_date(event: Event) -> bool:
    return event.date is not None and event.date_text is not None and \
        not event.extra.get("date_from_publication")


def newest_own_date(events: Sequence[Event]) -> dt.date | None:
    """The latest date the acts of an article carry by their own words (planned acts left out: a report may
    name a date to come), or None."""
    dates = [e.date for e in events if _own_date(e) and e.factuality != "hypothetical" and e.date is not None]
    return max(dates, default=None)


def _historic(event: Event, limit: dt.date) -> bool:
    if not _own_date(event) or event.date is None:
        return False
    return period_end(event.date, event.date_precision) < limit
