"""The extractive reader: which retrieved sentences answer the question, and how sure to be.

In: the question as searched and the retrieval Evidence. Out: an `Answer` quoting one to three
sentences with numbered sources and a calibrated confidence, or an abstention saying why. The
weights are learned (`python -m bot.train`) and read from `bot/reader/weights.json`.
"""

from bot.reader.compose import compose
from bot.reader.features import Rules
from bot.reader.model import ReaderModel, load_model
from bot.reader.reading import Reading, read

__all__ = ["ReaderModel", "Reading", "Rules", "compose", "load_model", "read"]
