"""Dates as the periods they name: `xsd:date` is a day, `xsd:gYearMonth` a month, `xsd:gYear` a year.

A status change recorded as "2026-03" happened some time in March 2026; compared as text it sorts
before "2026-03-01" and a `--since 2026-03-01` would drop it. Everything that compares, orders or
bounds dates (`--since`, a session's window, the latest value of a figure, the `new` commands'
flags) goes through `Period`, so the rule is written once.

Rules, for a period P and a day d:
- P is *on or after* d when P's last day is on or after d (it may have happened on d or later);
- P is *before* d when P's last day is before d (the whole of it lies before d);
- a window [start, end) holds P when P may lie on or after start and begins before end;
- periods sort by first day, then the more precise one first;
- the latest of several is the one whose last day is latest, the more precise one on a tie (a
  resource's current status is that of its latest status change).

The named queries (server/queries) follow the same rules in SPARQL, on the dates' text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from soilkg.errors import SoilkgError

XSD = "http://www.w3.org/2001/XMLSchema#"
DATE, YEAR_MONTH, YEAR = "date", "gYearMonth", "gYear"

_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), DATE),
    (re.compile(r"^(\d{4})-(\d{2})$"), YEAR_MONTH),
    (re.compile(r"^(\d{4})$"), YEAR),
)
HOW = "Write it as YYYY-MM-DD (a day), YYYY-MM (a month, when only the month is known) or YYYY (a year)."


@dataclass(frozen=True, order=False)
class Period:
    """A day, a month or a year: `first` and `last` are its first and last days (equal for a day)."""

    first: date
    last: date
    kind: str  # DATE | YEAR_MONTH | YEAR

    @property
    def datatype(self) -> str:
        """The XSD datatype IRI that writes this period in RDF."""
        return XSD + self.kind

    @property
    def lexical(self) -> str:
        if self.kind == DATE:
            return self.first.isoformat()
        if self.kind == YEAR_MONTH:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"

    def on_or_after(self, day: date) -> bool:
        """True when the period may lie on or after `day` (its last day is not before it)."""
        return self.last >= day

    def before(self, day: date) -> bool:
        """True when the whole period lies before `day`."""
        return self.last < day

    def starts_before(self, day: date) -> bool:
        """True when the period begins before `day` (it may have happened before it)."""
        return self.first < day

    def within(self, start: date | None, end: date | None) -> bool:
        """True when the period belongs to the window [start, end): it may lie on or after `start`
        and it begins before `end`. A month that straddles `start` counts as inside, so nothing dated
        only by month or year falls between two windows; it can then appear in both, never in none."""
        return (start is None or self.on_or_after(start)) and (end is None or self.starts_before(end))

    def sort_key(self) -> tuple[date, date]:
        """Order by first day, then the more precise period first (a day before its month)."""
        return (self.first, self.last)

    def __str__(self) -> str:
        return self.lexical


def parse(value: str) -> Period | None:
    """The period a lexical form names, or None when it is not one of the three forms."""
    text = value.strip()
    for pattern, kind in _FORMS:
        match = pattern.match(text)
        if not match:
            continue
        try:
            year = int(match.group(1))
            if kind == DATE:
                day = date(year, int(match.group(2)), int(match.group(3)))
                return Period(day, day, DATE)
            if kind == YEAR_MONTH:
                month = int(match.group(2))
                first = date(year, month, 1)
                return Period(first, date(year, month, calendar.monthrange(year, month)[1]), YEAR_MONTH)
            return Period(date(year, 1, 1), date(year, 12, 31), YEAR)
        except ValueError:
            return None
    return None


def require(flag: str, value: str) -> Period:
    """The period a command-line flag gives, or a message naming the flag and the three forms (exit 2)."""
    period = parse(value)
    if period is None:
        raise SoilkgError(f"{flag} `{value}`: not a date. {HOW}", exit_code=2)
    return period


def require_day(flag: str, value: str) -> date:
    """A flag that needs a whole day (a `--since`, a meeting's first day): YYYY-MM-DD only."""
    period = parse(value)
    if period is None or period.kind != DATE:
        raise SoilkgError(f"{flag} `{value}`: not a day. Write it as YYYY-MM-DD, such as 2026-06-30.", exit_code=2)
    return period.first


def latest(periods: list[Period]) -> Period | None:
    """The latest of several periods: the one whose last day is latest, the more precise one on a tie."""
    if not periods:
        return None
    return max(periods, key=lambda p: (p.last, p.first))
