"""The session a report is drafted for, and the date its updates start from, read from meeting resources.

Session facts (number, place, dates, agenda item) come from the meeting (``meeting:cgrfa-21``); the updates
start the day after the previous session (number N-1 of the same body) closed, unless ``--since`` says
otherwise. When a meeting or one of its facts is missing, the error gives the exact command or line to add.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from soilkg.errors import SoilkgError
from soilkg.namespaces import ID
from soilkg.periods import parse
from soilkg.report.gather import QueryRunner
from soilkg.report.text import human_date

BODY = ID + "organisation/cgrfa"  # the Commission: its progress reports are what `soilkg report` drafts
NEW_MEETING = ("soilkg new meeting --body {body} --session {number} --place PLACE --start YYYY-MM-DD "
               "--end YYYY-MM-DD [--agenda-item N.N] --source PASSAGE")
PASSAGE_HINT = ("PASSAGE is what announces the session: a paragraph such as document:<slug>/p3, or a web page "
                "added first with `soilkg new web-page --url URL --title T --accessed YYYY-MM-DD` (then "
                "web-page:<slug>). Then run `soilkg build`.")


@dataclass(frozen=True)
class Session:
    meeting: str
    number: int
    label: str  # "Twenty-first Regular Session of the Commission ..."
    body: str
    body_label: str
    place: str
    start: str
    end: str
    agenda_item: str | None

    @property
    def slug(self) -> str:
        return self.meeting.rsplit("/", 1)[-1]

    @property
    def short(self) -> str:
        """'Twentieth Regular Session', as the title block and the text name it."""
        return self.label.split(" of the ", 1)[0]


@dataclass(frozen=True)
class Window:
    start: date | None  # first day of the cycle
    end: date | None  # first day after it
    how: str  # what the draft says about the start ("since the Commission's Twentieth Regular Session closed ...")
    chosen: bool = False  # the start is the reporter's --since, not the close of the previous session

    def holds(self, *lexicals: str | None) -> bool:
        """Whether the first of these dates that is a date at all lies in the window."""
        period = next((p for p in (parse(v) for v in lexicals if v) if p is not None), None)
        return period is not None and period.within(self.start, self.end)


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def find(runner: QueryRunner, number: int, body: str = BODY) -> Session | None:
    rows = runner.rows("report-meeting", session=str(number), body=body)
    if not rows:
        return None
    merged: dict[str, str] = {}
    for row in rows:
        for key, value in row.items():
            merged.setdefault(key, value)
    return Session(meeting=merged["meeting"], number=number, label=merged.get("label", f"Session {number}"),
                   body=body, body_label=merged.get("bodyLabel", _slug(body)), place=merged.get("place", ""),
                   start=merged.get("start", ""), end=merged.get("end", ""),
                   agenda_item=merged.get("agendaItem") or merged.get("documentAgendaItem"))


def require(runner: QueryRunner, number: int, body: str = BODY) -> Session:
    """The session's meeting with the facts a title block needs; otherwise what exactly to add."""
    session = find(runner, number, body)
    if session is None:
        command = NEW_MEETING.format(body=_slug(body), number=number)
        raise SoilkgError(
            f"The graph has no meeting for session {number} of organisation:{_slug(body)}, so the report has no "
            f"session number, dates or place. Add it:\n  {command}\n{PASSAGE_HINT}", exit_code=2)
    missing = [f"skg:{name} {example}" for name, value, example in (
        ("place", session.place, '"Rome"'), ("startDate", session.start, '"YYYY-MM-DD"^^xsd:date'),
        ("endDate", session.end, '"YYYY-MM-DD"^^xsd:date')) if not value]
    if missing:
        raise SoilkgError(
            f"meeting:{session.slug} (data/meeting/{session.slug}.ttl) lacks what the title block prints. Add "
            + " ; ".join(missing) + " to it, then run `soilkg build`.", exit_code=2)
    return session


def window_for(runner: QueryRunner, session: Session, since: date | None = None,
               until: date | None = None, strict: bool = True) -> Window:
    """The report cycle of a session: from the day after the previous session closed (or ``--since``) to the
    day before the session's own meeting opens (or ``--until``, inclusive). ``strict``: a missing close of the
    previous session is an error (the next report) rather than an open start (a regenerated one)."""
    opened = parse(session.start)
    end = until + timedelta(days=1) if until is not None else (opened.first if opened else None)
    if since is not None:
        return Window(since, end, f"since {human_date(since.isoformat())}", chosen=True)
    previous = find(runner, session.number - 1, session.body)
    closed = parse(previous.end) if previous is not None and previous.end else None
    if closed is None:
        if not strict:
            return Window(None, end, "")
        where = "add its meeting" if previous is None else f"add skg:endDate to data/meeting/{previous.slug}.ttl"
        raise SoilkgError(
            f"The report for session {session.number} tells what changed since session {session.number - 1} "
            f"closed, and the graph does not say when that was: {where}"
            + (f" ({NEW_MEETING.format(body=_slug(session.body), number=session.number - 1)})"
               if previous is None else "")
            + ", or give the date yourself with --since YYYY-MM-DD.", exit_code=2)
    assert previous is not None
    return Window(closed.last + timedelta(days=1), end,
                  f"since the Commission's {previous.short} closed on {human_date(previous.end)}")


__all__ = ["BODY", "Session", "Window", "find", "require", "window_for"]
