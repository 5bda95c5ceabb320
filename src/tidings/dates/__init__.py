"""Stage: resolve date expressions against the publication date (dateparser underneath)."""

from tidings.dates.resolver import DateResolver, anchored_on_event, is_date_expression

__all__ = ["DateResolver", "anchored_on_event", "is_date_expression"]
