"""Stage: resolve date expressions against the publication date (dateparser underneath), and pick the one
that dates an event."""

from tidings.dates.attach import event_date
from tidings.dates.resolver import DateResolver, anchored_on_event, is_date_expression

__all__ = ["DateResolver", "anchored_on_event", "event_date", "is_date_expression"]
