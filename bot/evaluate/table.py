"""The terminal view of a report: metric tables side by side, breakdowns, failing cases, floors."""

from __future__ import annotations

from collections.abc import Sequence

from bot.evaluate.report import EvalReport, MetricSummary, SystemReport
from bot.evaluate.runner import QuestionRecord

# (field, label, kind) in display order; kind picks the number format.
OVERALL_ROWS: tuple[tuple[str, str, str], ...] = (
    ("questions", "questions", "int"),
    ("accuracy", "answer accuracy", "rate"),
    ("first_sentence_accuracy", "first-sentence accuracy", "rate"),
    ("mean_sentences", "sentences per answer", "rate"),
    ("f1", "token F1", "rate"),
    ("hit_at_1", "source hit@1", "rate"),
    ("hit_at_k", "source hit@k", "rate"),
    ("mrr", "source MRR", "rate"),
    ("citation_validity", "citation validity", "rate"),
    ("citation_precision", "citation precision", "rate"),
    ("refusal_recall", "refusal recall", "rate"),
    ("false_refusal_rate", "false-refusal rate", "rate"),
    ("errors", "errors", "int"),
    ("latency_p50_ms", "latency p50 (ms)", "ms"),
    ("latency_p95_ms", "latency p95 (ms)", "ms"),
)
BREAKDOWN_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("accuracy", "acc", "rate"),
    ("f1", "F1", "rate"),
    ("hit_at_1", "hit@1", "rate"),
    ("mrr", "MRR", "rate"),
    ("citation_validity", "cite ok", "rate"),
    ("refusal_recall", "refuse", "rate"),
    ("false_refusal_rate", "false ref", "rate"),
    ("latency_p50_ms", "p50 ms", "ms"),
)


def fmt(value: float | int | None, kind: str) -> str:
    """Format one metric value; a dash where the metric does not apply."""
    if value is None:
        return "-"
    if kind == "int":
        return str(int(value))
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.2f}"


def grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain aligned text table: first column left-aligned, the rest right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [cells[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def overall_table(systems: Sequence[SystemReport]) -> str:
    """Every overall metric, one column per system."""
    header = ["metric", *(s.name for s in systems)]
    rows = []
    for field, label, kind in OVERALL_ROWS:
        shown = label.replace("@k", f"@{systems[0].k}") if systems else label
        rows.append([shown, *(fmt(getattr(s.overall, field), kind) for s in systems)])
    return grid(header, rows)


def breakdown_table(title: str, groups: Sequence[dict[str, MetricSummary]]) -> str:
    """One row per group; each cell shows every system's value, ours first (a / b)."""
    names = sorted({g for summary in groups for g in summary})
    header = [title, "n", *(label for _, label, _ in BREAKDOWN_COLUMNS)]
    rows = []
    for name in names:
        present = [summary.get(name) for summary in groups]
        n = next(s.questions for s in present if s is not None)
        cells = [
            " / ".join(fmt(getattr(s, field), kind) if s else "-" for s in present)
            for field, _, kind in BREAKDOWN_COLUMNS
        ]
        rows.append([name, str(n), *cells])
    return grid(header, rows)


def _clip(text: str, limit: int = 180) -> str:
    """One line, at most limit characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def failure_lines(records: Sequence[QuestionRecord]) -> str:
    """The failing cases with what was expected and what came back."""
    out = []
    for r in records:
        out.append(f"- {r.id} [{r.lang}/{r.type}] {'; '.join(r.reasons)}")
        out.append(f"    Q: {_clip(r.question)}")
        expected = " | ".join(r.gold_answers) or "(abstain)"
        out.append(f"    expected: {_clip(expected)}  gold: {', '.join(r.gold_sources) or '-'}")
        got = r.error or ("(abstained) " if r.abstained else "") + r.answer_text
        out.append(f"    got: {_clip(got)}")
        out.append(f"    sources: {', '.join(r.returned_sources) or '-'}")
    return "\n".join(out)


def reliability_table(system: SystemReport) -> str:
    """Confidence bins against observed accuracy, then the refusal curve, for one system."""
    bins = [
        [f"{b.low:.1f}-{b.high:.1f}", str(b.questions), f"{b.confidence:.2f}", f"{b.accuracy:.2f}"]
        for b in system.reliability
    ]
    curve = [
        [f"{p.threshold:.2f}", fmt(p.refusal_recall, "rate"), fmt(p.false_refusal_rate, "rate")]
        for p in system.refusal_curve[::2]
    ]
    return "\n".join(
        [
            grid(["confidence", "n", "mean conf", "accuracy"], bins),
            "",
            grid(["refuse below", "refusal recall", "false refusals"], curve),
        ]
    )


def render_table(report: EvalReport) -> str:
    """The whole terminal report as text."""
    systems = report.systems
    names = " / ".join(s.name for s in systems)
    parts = [
        f"Eval set {report.eval_set}: {report.questions} questions; "
        + "; ".join(f"{k}={v}" for k, v in report.settings.items()),
        "",
        overall_table(systems),
        "",
        f"By language ({names})",
        breakdown_table("language", [s.by_lang for s in systems]),
        "",
        f"By type ({names})",
        breakdown_table("type", [s.by_type for s in systems]),
    ]
    for s in systems:
        parts.append("")
        parts.append(
            f"{s.name}: {s.description}; warm-up {s.warmup_seconds:.1f} s, "
            f"run {s.run_seconds:.1f} s, {len(s.failures)} failing cases"
        )
    if systems and systems[0].reliability:
        parts += ["", f"Confidence against accuracy ({systems[0].name})", reliability_table(systems[0])]
    if systems and systems[0].failures:
        parts += ["", f"Failing cases ({systems[0].name})", failure_lines(systems[0].failures)]
    if report.floors:
        parts += ["", "CI floors (" + (systems[0].name if systems else "") + ")"]
        for f in report.floors:
            sign = ">=" if f.bound == "min" else "<="
            state = "ok" if f.ok else "BELOW FLOOR (known shortfall)" if f.shortfall else "BELOW FLOOR"
            parts.append(f"  {f.metric} {fmt(f.value, 'rate')} {sign} {f.limit:.2f}  {state}")
    return "\n".join(parts)
