"""Dates compared as the periods they name (soilkg/periods.py)."""

from datetime import date

import pytest

from soilkg.errors import SoilkgError
from soilkg.periods import YEAR_MONTH, latest, parse, require, require_day


def test_three_forms_and_their_bounds() -> None:
    day, month, year = parse("2026-03-15"), parse("2026-02"), parse("2024")
    assert day and (day.first, day.last) == (date(2026, 3, 15), date(2026, 3, 15))
    assert month and (month.first, month.last, month.kind) == (date(2026, 2, 1), date(2026, 2, 28), YEAR_MONTH)
    assert year and (year.first, year.last) == (date(2024, 1, 1), date(2024, 12, 31))
    assert month.datatype.endswith("#gYearMonth") and month.lexical == "2026-02"


def test_a_month_is_kept_by_a_since_inside_it() -> None:
    march = parse("2026-03")
    assert march and march.on_or_after(date(2026, 3, 1)) and march.on_or_after(date(2026, 3, 31))
    assert not march.on_or_after(date(2026, 4, 1))
    assert march.within(date(2026, 3, 10), date(2027, 1, 1)) and not march.within(None, date(2026, 3, 1))


def test_latest_prefers_the_later_end_then_precision() -> None:
    a, b, c = parse("2026-05-31"), parse("2026-05"), parse("2025")
    assert a and b and c
    assert latest([c, b]) == b and latest([b, a]) == a and latest([]) is None


@pytest.mark.parametrize("text", ["2026-13", "2026-02-30", "26-01-01", "March 2026", ""])
def test_bad_forms_name_the_flag_and_the_forms(text: str) -> None:
    assert parse(text) is None
    with pytest.raises(SoilkgError) as caught:
        require("--date", text)
    assert "--date" in str(caught.value) and "YYYY-MM" in str(caught.value) and caught.value.exit_code == 2


def test_a_day_flag_refuses_a_month() -> None:
    with pytest.raises(SoilkgError):
        require_day("--since", "2026-03")
    assert require_day("--since", "2026-03-01") == date(2026, 3, 1)
