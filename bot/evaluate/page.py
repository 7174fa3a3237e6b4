"""The one-page HTML report: inline SVG bar charts (matplotlib) and the tables, no external files."""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from bot.evaluate.report import EvalReport, MetricSummary, SystemReport
from bot.evaluate.table import BREAKDOWN_COLUMNS, OVERALL_ROWS, fmt

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_COLORS = ("#2f6db5", "#d9822b", "#5a9e4b", "#9b59b6")
_CHART_METRICS = (
    ("accuracy", "accuracy"),
    ("f1", "token F1"),
    ("hit_at_1", "hit@1"),
    ("hit_at_k", "hit@k"),
    ("mrr", "MRR"),
    ("citation_validity", "citations valid"),
    ("citation_precision", "citation precision"),
    ("refusal_recall", "refusal recall"),
    ("false_refusal_rate", "false refusals"),
)
_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:right}
td:first-child,th:first-child{text-align:left}
.ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}
details{margin:.3rem 0}summary{cursor:pointer}
.case{font-size:.85rem;margin:.2rem 0 .6rem 1rem}.case div{margin:.1rem 0}
figure{margin:1rem 0}svg{max-width:100%;height:auto}
"""


def _svg(fig: Figure) -> str:
    """Serialise a matplotlib figure to inline SVG markup and close it."""
    from matplotlib import pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]


def _value(summary: MetricSummary | None, metric: str) -> float | None:
    """A metric of a group, None where the group lacks it."""
    value = getattr(summary, metric) if summary is not None else None
    return float(value) if value is not None else None


Series = Sequence[tuple[str, Sequence[float | None]]]


def _panel(ax: Axes, title: str, groups: Sequence[str], series: Series, *, horizontal: bool) -> None:
    """Draw grouped bars (one bar per system in each group), each labelled with its value."""
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series):
        where = [p - 0.4 + width * (i + 0.5) for p in range(len(groups))]
        heights = [v or 0.0 for v in values]
        color = _COLORS[i % len(_COLORS)]
        if horizontal:
            bars = ax.barh(where, heights, height=width, label=name, color=color)
        else:
            bars = ax.bar(where, heights, width=width, label=name, color=color)
        labels = ["" if v is None else f"{v:.2f}" for v in values]
        ax.bar_label(bars, labels=labels, fontsize=7, padding=2)
    ticks = list(range(len(groups)))
    if horizontal:
        ax.set_yticks(ticks, list(groups))
        ax.invert_yaxis()
        ax.set_xlim(0, 1.1)
    else:
        ax.set_xticks(
            ticks,
            list(groups),
            rotation=30 if len(groups) > 3 else 0,
            ha="right" if len(groups) > 3 else "center",
        )
        ax.set_ylim(0, 1.1)
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x" if horizontal else "y", alpha=0.3)


def _figure(panels: Sequence[tuple[str, Sequence[str], Series]], *, horizontal: bool = False) -> str:
    """One figure of side-by-side panels as SVG, with one shared legend."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"
    most = max(len(groups) for _, groups, _ in panels)
    if horizontal:
        size = (5.0 * len(panels), 0.5 * most + 1.2)
    else:
        size = (max(4.0, 0.9 * most + 1.5) * len(panels), 3.4)
    fig, axes = plt.subplots(1, len(panels), figsize=size, squeeze=False)
    for ax, (title, groups, series) in zip(axes[0], panels, strict=True):
        _panel(ax, title, groups, series, horizontal=horizontal)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", fontsize="small")
    fig.tight_layout(rect=(0, 0, 0.93, 1))
    return _svg(fig)


def _applicable(systems: Sequence[SystemReport], dimension: str, metric: str) -> tuple[list[str], Series]:
    """Groups of a breakdown where the metric applies for some system, and each system's values."""

    def table(s: SystemReport) -> dict[str, MetricSummary]:
        return s.by_lang if dimension == "lang" else s.by_type

    groups = sorted({g for s in systems for g, m in table(s).items() if getattr(m, metric) is not None})
    return groups, [(s.name, [_value(table(s).get(g), metric) for g in groups]) for s in systems]


def charts(systems: Sequence[SystemReport]) -> list[tuple[str, str]]:
    """(caption, svg) for every chart in the page."""
    k = systems[0].k if systems else 0
    labels = [label.replace("@k", f"@{k}") for _, label in _CHART_METRICS]
    overall: Series = [(s.name, [_value(s.overall, m) for m, _ in _CHART_METRICS]) for s in systems]
    out = [
        (
            "Every metric, overall (higher is better, except false refusals)",
            _figure([("Overall", labels, overall)]),
        )
    ]
    by_lang = [
        (label, *_applicable(systems, "lang", metric))
        for metric, label in (
            ("accuracy", "Answer accuracy"),
            ("hit_at_1", "Source hit@1"),
            ("refusal_recall", "Refusal recall"),
        )
    ]
    out.append(("By language", _figure(by_lang)))
    by_type = [
        (label, *_applicable(systems, "type", metric))
        for metric, label in (
            ("accuracy", "Answer accuracy"),
            ("hit_at_1", "Source hit@1"),
            ("mrr", "Source MRR"),
        )
    ]
    out.append(("By question type (answerable types)", _figure(by_type, horizontal=True)))
    refusals = [("False refusals (lower is better)", *_applicable(systems, "type", "false_refusal_rate"))]
    out.append(("Abstentions on answerable questions, by type", _figure(refusals, horizontal=True)))
    return out


def calibration_chart(system: SystemReport) -> str:
    """Reliability diagram beside the refusal curve, as inline SVG ('' without confidences)."""
    if not system.reliability:
        return ""
    from matplotlib import pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfectly calibrated")
    left.plot(
        [b.confidence for b in system.reliability],
        [b.accuracy for b in system.reliability],
        marker="o",
        color=_COLORS[0],
        label=system.name,
    )
    for b in system.reliability:
        left.annotate(
            str(b.questions),
            (b.confidence, b.accuracy),
            fontsize=7,
            xytext=(3, -9),
            textcoords="offset points",
        )
    left.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="predicted confidence",
        ylabel="observed accuracy",
        title="Reliability (n per point)",
    )
    left.legend(fontsize=8)
    curve = system.refusal_curve
    right.plot(
        [p.threshold for p in curve],
        [p.refusal_recall or 0 for p in curve],
        color=_COLORS[2],
        label="refusal recall",
    )
    right.plot(
        [p.threshold for p in curve],
        [p.false_refusal_rate or 0 for p in curve],
        color=_COLORS[1],
        label="false refusals",
    )
    right.set(xlim=(0, 1), ylim=(0, 1), xlabel="refuse below this confidence", title="Refusals by threshold")
    right.legend(fontsize=8)
    return _svg(fig)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table from already-formatted cells."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _breakdown(groups: Sequence[dict[str, MetricSummary]], title: str) -> str:
    """Breakdown table with one 'ours / baseline' cell per metric."""
    names = sorted({g for summary in groups for g in summary})
    rows = []
    for name in names:
        present = [summary.get(name) for summary in groups]
        n = next(s.questions for s in present if s is not None)
        rows.append(
            [
                name,
                str(n),
                *(
                    " / ".join(fmt(getattr(s, f), kind) if s else "-" for s in present)
                    for f, _, kind in BREAKDOWN_COLUMNS
                ),
            ]
        )
    return _table([title, "n", *(label for _, label, _ in BREAKDOWN_COLUMNS)], rows)


def _failures(system: SystemReport) -> str:
    """Failing cases as collapsible entries showing what was expected and returned."""
    items = []
    for r in system.failures:
        got = r.error or ("(abstained) " if r.abstained else "") + r.answer_text
        items.append(
            f"<details><summary><b>{escape(r.id)}</b> [{escape(r.lang)}/{escape(r.type)}] "
            f"{escape('; '.join(r.reasons))}</summary><div class='case'>"
            f"<div><b>Q:</b> {escape(r.question)}</div>"
            f"<div><b>expected:</b> {escape(' | '.join(r.gold_answers) or '(abstain)')} "
            f"&middot; gold: {escape(', '.join(r.gold_sources) or '-')}</div>"
            f"<div><b>got:</b> {escape(got)}</div>"
            f"<div><b>sources:</b> {escape(', '.join(r.returned_sources) or '-')}</div></div></details>"
        )
    return "".join(items) or "<p>None.</p>"


def render_html(report: EvalReport) -> str:
    """The complete self-contained HTML page."""
    systems = report.systems
    names = " / ".join(s.name for s in systems)
    overall_rows = [
        [label, *(fmt(getattr(s.overall, f), kind) for s in systems)] for f, label, kind in OVERALL_ROWS
    ]
    floors = "".join(
        f"<li class='{'ok' if f.ok else 'bad'}'>{escape(f.metric)} {fmt(f.value, 'rate')} "
        f"{'&ge;' if f.bound == 'min' else '&le;'} {f.limit:.2f}: {'ok' if f.ok else 'below floor'}"
        f"{escape(f' (known shortfall: {f.shortfall})') if f.shortfall else ''}</li>"
        for f in report.floors
    )
    figures = "".join(
        f"<figure>{svg}<figcaption>{escape(cap)}</figcaption></figure>" for cap, svg in charts(systems)
    )
    calibration = calibration_chart(systems[0]) if systems else ""
    if calibration:
        figures += (
            f"<figure>{calibration}<figcaption>Confidence against accuracy, and refusals by threshold "
            f"({escape(systems[0].name)})</figcaption></figure>"
        )
    runs = "".join(
        f"<li><b>{escape(s.name)}</b>: {escape(s.description)}; warm-up {s.warmup_seconds:.1f} s, "
        f"run {s.run_seconds:.1f} s, {len(s.failures)} failing cases</li>"
        for s in systems
    )
    settings = ", ".join(f"{k}={v}" for k, v in report.settings.items())
    failure_sections = "".join(
        f"<h3>{escape(s.name)} ({len(s.failures)})</h3>{_failures(s)}" for s in systems
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>newsbot eval</title><style>{_CSS}</style></head><body>"
        f"<h1>newsbot eval: {report.questions} canned questions</h1>"
        f"<p>Set {escape(report.eval_set)} &middot; {escape(settings)} &middot; "
        f"{escape(report.created_at)}</p>"
        f"<ul>{runs}</ul><h2>CI floors</h2><ul>{floors}</ul>"
        f"<h2>Charts</h2>{figures}"
        f"<h2>Overall</h2>{_table(['metric', *(s.name for s in systems)], overall_rows)}"
        f"<h2>By language ({escape(names)})</h2>{_breakdown([s.by_lang for s in systems], 'language')}"
        f"<h2>By type ({escape(names)})</h2>{_breakdown([s.by_type for s in systems], 'type')}"
        f"<h2>Failing cases</h2>{failure_sections}</body></html>"
    )
