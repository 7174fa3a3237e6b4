"""The learned reader: two logistic models and the numbers chosen with them, read from a JSON weights file.

In: feature rows (bot.reader.features, bot.reader.abstention). Out: the probability that a sentence
holds the answer, and the probability that the composed answer is right (`Answer.confidence`).
`python -m bot.train` writes the file; nothing here was set by hand.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.errors import ReaderModelError
from bot.reader.features import Rules

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
FORMAT = 1


@dataclass(frozen=True)
class LinearModel:
    """A standardised logistic regression over named features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probability(self, rows: np.ndarray, names: Sequence[str]) -> np.ndarray:
        """P(label = 1) for each row; `names` are the rows' columns, of which the model reads its own."""
        if len(rows) == 0:
            return np.zeros(0)
        columns = [names.index(name) for name in self.features]
        z = ((rows[:, columns] - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def as_dict(self) -> dict[str, Any]:
        """The model as plain JSON values, one weight per named feature."""
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        """Inverse of as_dict; raises ReaderModelError when the lists do not line up."""
        features = tuple(str(f) for f in data["features"])
        arrays = [np.asarray(data[key], dtype=np.float64) for key in ("mean", "scale", "coef")]
        if any(a.shape != (len(features),) for a in arrays) or not all(np.isfinite(a).all() for a in arrays):
            raise ReaderModelError("the weights file's feature lists do not line up")
        mean, scale, coef = arrays
        return cls(features, mean, np.where(scale > 0, scale, 1.0), coef, float(data["intercept"]))


@dataclass(frozen=True)
class ReaderModel:
    """Sentence scorer, confidence model, refusal threshold and answer length, with their provenance."""

    sentence: LinearModel
    confidence: LinearModel
    threshold: float
    extra_ratio: float
    max_sentences: int = 3
    rules: Rules = field(default_factory=Rules)
    provenance: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The whole model as JSON values."""
        return {
            "format": FORMAT,
            "rules": self.rules.as_dict(),
            "sentence": self.sentence.as_dict(),
            "confidence": self.confidence.as_dict(),
            "threshold": round(self.threshold, 6),
            "extra_ratio": round(self.extra_ratio, 6),
            "max_sentences": self.max_sentences,
            **self.provenance,
        }

    def save(self, path: Path) -> None:
        """Write the weights file (atomically: a crash leaves the old one)."""
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.as_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReaderModel:
        """A model from parsed JSON; raises ReaderModelError on another format or missing parts."""
        if data.get("format") != FORMAT:
            raise ReaderModelError(f"weights format {data.get('format')!r}, this code reads {FORMAT}")
        try:
            known = {"format", "rules", "sentence", "confidence", "threshold", "extra_ratio", "max_sentences"}
            threshold, ratio = float(data["threshold"]), float(data["extra_ratio"])
            if not (math.isfinite(threshold) and math.isfinite(ratio)):
                raise ReaderModelError("the threshold and extra_ratio must be numbers")
            return cls(
                sentence=LinearModel.from_dict(data["sentence"]),
                confidence=LinearModel.from_dict(data["confidence"]),
                threshold=threshold,
                extra_ratio=ratio,
                max_sentences=int(data.get("max_sentences", 3)),
                rules=Rules.from_dict(data.get("rules", {})),
                provenance={k: v for k, v in data.items() if k not in known},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ReaderModelError(f"the weights file lacks or garbles {exc}") from exc


def read_model(path: Path) -> ReaderModel:
    """Load a weights file, or raise ReaderModelError saying how to get a good one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReaderModelError(
            f"Cannot read the reader's weights {path} ({exc}). Restore it from the repository "
            "(`git checkout -- bot/reader/weights.json`) or retrain with `python -m bot.train`."
        ) from exc
    try:
        return ReaderModel.from_dict(data)
    except ReaderModelError as exc:
        raise ReaderModelError(
            f"The reader's weights {path} do not fit this version of newsbot: {exc}. "
            "Restore the file from the repository or retrain with `python -m bot.train`."
        ) from exc


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS_PATH) -> ReaderModel:
    """The shipped reader model, read once per process."""
    return read_model(path)
