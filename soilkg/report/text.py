"""Small wording helpers shared by the composer and the sentence generator: dates, numbers, lists."""

from __future__ import annotations

import re
from datetime import date

from soilkg.report.model import Run
from soilkg.textfmt import format_number as number  # noqa: F401 - the site's rule; the report imports it here

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# Numbers FAO writes in words in running text.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def human_date(lexical: str) -> str:
    """An xsd:date, gYearMonth or gYear as FAO documents write it: '24 March 2025', 'June 2024', '2024'."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", lexical.strip()[:10])
    if not match:
        return lexical
    year, month, day = match.groups()
    if month is None:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def when(lexical: str) -> str:
    """'on 15 May 2026' for a day, 'in April 2026' for a month, 'in 2026' for a year."""
    written = human_date(lexical)
    return f"on {written}" if written[:1].isdigit() and " " in written else f"in {written}"


def date_range(start: str | None, end: str | None) -> str:
    """'24–28 March 2025' for a meeting in one month; the full dates otherwise."""
    if not start:
        return human_date(end) if end else ""
    if not end or end == start:
        return human_date(start)
    try:
        first, last = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except ValueError:
        return f"{human_date(start)}–{human_date(end)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    return f"{human_date(start)} – {human_date(end)}"


def join_words(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' (FAO style: no serial comma)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def split_marks(text: str, note_key: dict[int, str]) -> list[Run]:
    """Verbatim text whose footnote marks are superscript digits, as runs with footnote references."""
    runs: list[Run] = []
    position = 0
    for match in SUPERSCRIPT_RUN.finditer(text):
        key = note_key.get(int(match.group(0).translate(SUPERSCRIPTS)))
        if key is None:
            continue
        if match.start() > position:
            runs.append(Run(text[position:match.start()]))
        runs.append(Run(note=key))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return italicise(runs)


def italicise(runs: list[Run]) -> list[Run]:
    """Turn *asterisk* emphasis kept in verbatim text (titles of works) into italic runs."""
    out: list[Run] = []
    for run in runs:
        if run.note is not None or run.href is not None or "*" not in run.text:
            out.append(run)
            continue
        for index, piece in enumerate(re.split(r"\*([^*]+)\*", run.text)):
            if piece:
                out.append(Run(piece, italic=index % 2 == 1))
    return out


def with_titles(text: str, titles: list[str]) -> list[Run]:
    """Italicise the titles of cited works (the graph keeps text without the source's italics)."""
    for title in titles:
        if f"*{title}*" not in text:
            text = text.replace(title, f"*{title}*")
    return linkify(italicise([Run(text)]))


URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;)]")


def linkify(runs: list[Run]) -> list[Run]:
    """Web addresses in quoted text become links, as in the source's footnotes."""
    out: list[Run] = []
    for run in runs:
        if run.note is not None or run.href is not None:
            out.append(run)
            continue
        position = 0
        for match in URL.finditer(run.text):
            if match.start() > position:
                out.append(Run(run.text[position:match.start()], italic=run.italic))
            out.append(Run(match.group(0), italic=run.italic, href=match.group(0)))
            position = match.end()
        if position < len(run.text):
            out.append(Run(run.text[position:], italic=run.italic))
    return out


def plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def identifiers(text: str) -> set[str]:
    """What a citation must keep: URLs, DOIs, handles, numbers and words (names of authors, annexes...)."""
    found = set(re.findall(r"https?://[^\s<>]+", text))
    found |= set(re.findall(r"\b10\.\d{4,9}/[^\s<>]+", text))
    found |= set(re.findall(r"\b20\.500\.\d+/[^\s<>]+", text))
    found |= set(re.findall(r"\b\d+\b", re.sub(r"https?://[^\s<>]+", " ", text)))
    found |= {w.lower() for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"https?://[^\s<>]+", " ", text))}
    return {f.rstrip(".,;)") for f in found}


def capitalised(runs: list[Run]) -> list[Run]:
    """A sentence's runs with its first letter a capital."""
    first = runs[0]
    if first.text[:1].islower():
        runs[0] = Run(first.text[:1].upper() + first.text[1:], first.italic, first.href, first.note)
    return runs


def plural(label: str) -> bool:
    """Whether a name is plural: its head noun, before any 'for', 'of', 'on' or 'in' ('National benchmark sites
    for soil biodiversity monitoring' is; 'Global Soil Doctors Programme' is not)."""
    head = re.split(r" (?:for|of|on|in|to) ", label, maxsplit=1)[0].split()[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))
