"""Stage: resolve date expressions against the publication date (dateparser underneath)."""

from tidings.dates.resolver import DateResolver, is_date_expression

__all__ = ["DateResolver", "is_date_expression"]
