"""Evaluate newsbot on the canned question set: metrics, report, baseline, CI floors."""

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
