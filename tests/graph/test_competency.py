"""Every competency question returns exactly its expected answer (rows compared as a multiset)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from .competency import Question, all_questions, answer

QUESTIONS = all_questions()


def test_there_are_enough_questions() -> None:
    assert len(QUESTIONS) >= 25


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.name for q in QUESTIONS])
def test_competency_question(graph: ox.Store, question: Question) -> None:
    assert question.expected_path.is_file(), f"{question.name}: write {question.expected_path.name}"
    expected_header, expected_rows = question.expected()
    header, rows = answer(graph, question)
    assert header == expected_header, f"{question.name}: variables {header}, expected file says {expected_header}"
    missing = expected_rows - rows
    extra = rows - expected_rows
    assert not missing and not extra, (
        f"{question.name} ({question.question})\n  missing rows: {sorted(missing)}\n  unexpected rows: {sorted(extra)}")
