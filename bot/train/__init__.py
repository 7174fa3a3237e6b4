"""Training: the reader's weights learned from question sets newsbot is not tested on (`python -m bot.train`).

In: question sets in the eval format, each over its own article folder (xquad-dev as given,
mirrored, withheld and split across languages, the seeds' dev set, news-dev; two more sets with
answer sentences withheld are only scored), read through
the same steps as `bot.answer`. Out:
`bot/reader/weights.json` with its provenance and cross-validated figures, or an ablation table of
what each rule family is worth. Scores answers as `bot.evaluate` does.
"""

from bot.train.derived import default_sets
from bot.train.training import cross_validate, fit_reader
from bot.train.trainsets import Example, TrainSet, examples

__all__ = ["Example", "TrainSet", "cross_validate", "default_sets", "examples", "fit_reader"]
