"""The dates a user filters by (``--from``/``--to`` on the command line, ``date_from``/``date_to``
in the API): YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day. One rule for both
front ends; each words its own error around the problem this module names."""

from __future__ import annotations

import re
from datetime import date, datetime

FORMAT_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day (2025-13 and 2024-02-30
    are not)."""
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.strptime(value, _FORMATS[len(value)])
    except ValueError:
        return False
    return True


def first_day(value: str) -> date:
    """The first day a valid date value covers (2025-03 → 2025-03-01)."""
    return date.fromisoformat((value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10])


def last_day(value: str) -> date:
    """The last day a valid date value covers (2024-02 → 2024-02-29)."""
    if len(value) == 10:
        return date.fromisoformat(value)
    y, m = int(value[:4]), int(value[5:7]) if len(value) == 7 else 12
    nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def period_problem(
    date_from: str | None, date_to: str | None, names: tuple[str, str] = ("--from", "--to")
) -> str | None:
    """What is wrong with a from/to pair, in one line naming the parameter; None if nothing."""
    for name, value in zip(names, (date_from, date_to), strict=True):
        if value is not None and not is_date(value):
            return f"{name} {value!r} is not a date: {FORMAT_HINT}"
    if date_from and date_to and first_day(date_from) > last_day(date_to):
        return f"{names[0]} {date_from} is after {names[1]} {date_to}"
    return None


def in_period(day: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether an ISO date (or date-time) falls within a checked from/to pair; an undated row
    is outside any bounded period."""
    if not date_from and not date_to:
        return True
    if not day:
        return False
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return False
    return (not date_from or d >= first_day(date_from)) and (not date_to or d <= last_day(date_to))


def overlaps(
    first: str | None, last: str | None, date_from: str | None, date_to: str | None
) -> bool:
    """Whether a dated span (a story's first and last event) meets a checked from/to pair."""
    if not date_from and not date_to:
        return True
    if not first or not last:
        return False
    return in_period(last, date_from, None) and in_period(first, None, date_to)


def parse_date(value: str | None) -> date | None:
    """The day of an ISO value (YYYY-MM-DD, with or without a time); None for a month, a year
    or anything else: only day precision counts as a day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_number(value: str | None) -> int | None:
    """``parse_date`` as a day ordinal, for day arithmetic."""
    d = parse_date(value)
    return d.toordinal() if d else None
