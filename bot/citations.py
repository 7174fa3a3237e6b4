"""The citation format, defined once: `[n]` markers in answer text."""

from __future__ import annotations

import re

MARKER_RE = re.compile(r"\[(\d{1,3})\]")


def format_marker(n: int) -> str:
    """The marker that cites source n."""
    return f"[{n}]"


def find_markers(text: str) -> list[int]:
    """Citation numbers in the order they first appear in text."""
    seen: list[int] = []
    for match in MARKER_RE.finditer(text):
        n = int(match.group(1))
        if n not in seen:
            seen.append(n)
    return seen


def strip_markers(text: str, keep: set[int] | None = None) -> str:
    """Remove markers (all, or those not in keep), tidying the space they leave."""

    def repl(match: re.Match[str]) -> str:
        return match.group(0) if keep is not None and int(match.group(1)) in keep else ""

    return re.sub(r"\s+([.,;:!?।])", r"\1", re.sub(r" ?" + MARKER_RE.pattern, repl, text)).strip()


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rewrite markers through mapping (old number -> new number)."""
    return MARKER_RE.sub(lambda m: format_marker(mapping.get(int(m.group(1)), int(m.group(1)))), text)
