"""Evaluate newsbot on the canned question set: metrics, report, baseline, CI floors.

In: a question set (`seeds/qa.jsonl` by default, or any set in the same format, see QA.md) and
an answer function (`bot.answer` by default). Out: per-question records, metrics overall and by
breakdown (beside the LangChain tutorial baseline with --baseline), a table, JSON and HTML reports,
and an exit code that fails below the floors (`python -m bot.evaluate --check`).
"""

from bot.evaluate.dataset import DEFAULT_EVAL_SET, QUESTION_TYPES, QAItem, load_eval_set
from bot.evaluate.report import (
    FLOORS,
    EvalReport,
    FloorCheck,
    MetricSummary,
    SystemReport,
    build_report,
    build_system_report,
    check_floors,
    summarise,
)
from bot.evaluate.runner import AnswerFn, QuestionRecord, run_eval, score

__all__ = [
    "DEFAULT_EVAL_SET",
    "FLOORS",
    "QUESTION_TYPES",
    "AnswerFn",
    "EvalReport",
    "FloorCheck",
    "MetricSummary",
    "QAItem",
    "QuestionRecord",
    "SystemReport",
    "build_report",
    "build_system_report",
    "check_floors",
    "load_eval_set",
    "run_eval",
    "score",
    "summarise",
]
