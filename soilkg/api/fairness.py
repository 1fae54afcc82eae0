"""Fairness between clients, the part that is about queries: which are cheap (past timings of their
shape, or a text that can only be cheap), and who may try an unknown one on a worker kept for
cheap queries.

The lanes and the per-client share of the general lane are in soilkg/api/pool.py; how they fit
together is in server/README.md ("Fairness").
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Literal

from soilkg.sparqltext import Token, tokens

Cost = Literal["cheap", "slow", "unknown"]
# The lookahead lets the engine skip to a quote or digit before trying the alternatives (a third faster).
_LITERAL = re.compile(r"(?=['\"\d])(?:'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
                      r"|\d+(?:\.\d+)?)", re.DOTALL)
MAX_SHAPES = 10_000
SLOW_SECONDS = 1.0  # a run this long marks its shape slow, whatever ran faster before
TRY_PAUSE = 30.0  # seconds a client whose unknown query overran its try waits before trying again


SHAPE_CACHE_MAX_CHARS = 16_384  # longer texts are shaped each time (the cache holds its keys)


def shape(query: str) -> str:
    """The query with its literals and numbers blanked and spaces squeezed: `?s ?p "a"` and `?s ?p "b"`
    cost about the same, so they share a record of past timings."""
    return _shape_cached(query) if len(query) <= SHAPE_CACHE_MAX_CHARS else _shape(query)


@lru_cache(maxsize=1024)  # the same texts come again (dashboards, named queries)
def _shape_cached(query: str) -> str:
    return _shape(query)


def _shape(query: str) -> str:
    # str.split is many times faster than a regex over the spaces, and only drops the text's two ends.
    return hashlib.blake2b(" ".join(_LITERAL.sub("_", query).split()).encode(), digest_size=12).hexdigest()


# What a text that can only be cheap looks like: ASK, or SELECT of plain variables with a small LIMIT,
# over one triple pattern (the engine streams it and stops at the first answer or at the limit).
CHEAP_LIMIT = 1000
_TERM_KINDS = ("var", "iri", "pname", "string")
_NO_DATASET_CLAUSE = -1


def reads_cheap(query: str) -> bool:
    """True when the text can only be cheap to answer, whatever ran before: no history needed, so a
    client whose other queries are slow still gets its `ASK { ?s ?p ?o }` answered at once."""
    return len(query) <= SHAPE_CACHE_MAX_CHARS and _reads_cheap(query)


@lru_cache(maxsize=1024)
def _reads_cheap(query: str) -> bool:
    toks = tokens(query)
    i = 0
    while i < len(toks) and toks[i].text.upper() in ("PREFIX", "BASE"):  # the prologue
        i += 3 if toks[i].text.upper() == "PREFIX" else 2
    if i >= len(toks):
        return False
    head = toks[i].text.upper()
    i += 1
    if head == "SELECT":
        if i < len(toks) and toks[i].text == "*":
            i += 1
        else:
            start = i
            while i < len(toks) and toks[i].kind == "var":
                i += 1
            if i == start:
                return False  # DISTINCT, expressions, aggregates: not bounded by the pattern alone
    elif head != "ASK":
        return False
    i = _skip_dataset(toks, i)
    if i < len(toks) and toks[i].text.upper() == "WHERE":
        i += 1
    end = _one_pattern(toks, i)
    if end < 0:
        return False
    return end == len(toks) if head == "ASK" else _small_limit(toks[end:])


def _skip_dataset(toks: list[Token], i: int) -> int:
    while i + 1 < len(toks) and toks[i].text.upper() == "FROM":
        i += 3 if toks[i + 1].text.upper() == "NAMED" else 2
    return i


def _one_pattern(toks: list[Token], i: int) -> int:
    """The index after `{ s p o . }` at i, or -1 when the group is anything else."""
    if i >= len(toks) or toks[i].text != "{":
        return -1
    i += 1
    for position in range(3):
        if i >= len(toks):
            return -1
        tok = toks[i]
        if not (tok.kind in _TERM_KINDS or (position == 1 and tok.text == "a")):
            return -1
        i += 1
        if tok.kind == "string" and i + 1 < len(toks) and toks[i].text in ("@", "^"):
            i += 2 if toks[i].text == "@" else 3  # @lang, or ^^datatype
    if i < len(toks) and toks[i].text == ".":
        i += 1
    return i + 1 if i < len(toks) and toks[i].text == "}" else -1


def _small_limit(rest: list[Token]) -> bool:
    """LIMIT n, with an optional OFFSET, both at most CHEAP_LIMIT (numbers are one token per digit)."""
    words: dict[str, int] = {}
    i = 0
    while i < len(rest):
        word = rest[i].text.upper()
        if word not in ("LIMIT", "OFFSET") or word in words:
            return False
        i += 1
        digits = ""
        while i < len(rest) and rest[i].text.isdigit():
            digits += rest[i].text
            i += 1
        if not digits:
            return False
        words[word] = int(digits)
    return "LIMIT" in words and all(n <= CHEAP_LIMIT for n in words.values())


class Timings:
    """The last time each query shape took (bounded, least recently used dropped)."""

    def __init__(self, cheap_seconds: float) -> None:
        self.cheap_seconds = cheap_seconds
        self.seconds: OrderedDict[str, float] = OrderedDict()

    def cost(self, key: str) -> Cost:
        took = self.seconds.get(key)
        if took is None:
            return "unknown"
        self.seconds.move_to_end(key)
        return "cheap" if took < self.cheap_seconds else "slow"

    def record(self, key: str, seconds: float) -> None:
        """Keep the fastest run of a shape (a busy machine only makes runs slower), unless this run was
        slow outright: then the shape is slow (a literal that makes it costly, or an overrun)."""
        old = self.seconds.get(key)
        if old is None or seconds >= SLOW_SECONDS or seconds < old:
            self.seconds[key] = seconds
        self.seconds.move_to_end(key)
        while len(self.seconds) > MAX_SHAPES:
            self.seconds.popitem(last=False)

    def clear(self) -> None:
        self.seconds.clear()


class Trials:
    """Which clients may try a query of unknown cost on an idle fast worker: one try at a time each, and
    none for TRY_PAUSE seconds after a try that overran (so a stream of new slow shapes costs the fast
    lane one short budget per pause, not one per query)."""

    def __init__(self) -> None:
        self.trying: set[str] = set()
        self.overran: dict[str, float] = {}

    def may_try(self, client: str) -> bool:
        return client not in self.trying and time.monotonic() >= self.overran.get(client, 0.0)

    @asynccontextmanager
    async def trial(self, client: str) -> AsyncIterator[None]:
        self.trying.add(client)
        try:
            yield
        finally:
            self.trying.discard(client)

    def overran_try(self, client: str) -> None:
        now = time.monotonic()
        if len(self.overran) > MAX_SHAPES:
            self.overran = {c: t for c, t in self.overran.items() if t > now}
        self.overran[client] = now + TRY_PAUSE
