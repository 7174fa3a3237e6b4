"""A small ONNX model writer: nodes, constant tensors and one input and output, encoded as protobuf.

onnxruntime runs a model from its bytes. The `onnx` package would write them too, but importing it
takes about 1.5 s here (most of it in `ml_dtypes`), on the path of a first question; the few
message types a graph of plain tensors needs are simple to encode. Field numbers are those of
onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

IR_VERSION = 9
OPSETS = (("", 18), ("com.microsoft", 1))
_ELEM_TYPE = {np.dtype(np.float32): 1, np.dtype(np.uint8): 2, np.dtype(np.int64): 7}
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64s are ten bytes of two's complement
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _int(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def _bytes(field: int, value: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(value)) + value


def _str(field: int, value: str) -> bytes:
    return _bytes(field, value.encode("utf-8"))


def _attribute(name: str, value: int | float | Sequence[int]) -> bytes:
    if isinstance(value, bool | int):
        return _str(1, name) + _int(3, int(value)) + _int(20, _ATTR_INT)
    if isinstance(value, float):
        return _str(1, name) + _varint(2 << 3 | 5) + struct.pack("<f", value) + _int(20, _ATTR_FLOAT)
    return _str(1, name) + b"".join(_int(8, v) for v in value) + _int(20, _ATTR_INTS)


def _value_info(name: str, shape: Sequence[int | None]) -> bytes:
    dims = b"".join(_bytes(1, _int(1, d) if d is not None else _str(2, f"d{i}")) for i, d in enumerate(shape))
    tensor_type = _int(1, _ELEM_TYPE[np.dtype(np.float32)]) + _bytes(2, dims)
    return _str(1, name) + _bytes(2, _bytes(1, tensor_type))


class GraphWriter:
    """Collects nodes and constants; `model()` returns the serialized ModelProto."""

    def __init__(self) -> None:
        self._nodes: list[bytes] = []
        self._consts: list[bytes] = []
        self._count = 0

    def _name(self, op: str) -> str:
        self._count += 1
        return f"{op}_{self._count}"

    def const(self, name: str, value: np.ndarray) -> str:
        """Add a constant tensor; returns its name."""
        arr = np.ascontiguousarray(value)
        if arr.dtype not in _ELEM_TYPE:
            raise TypeError(f"no ONNX element type written for {arr.dtype}")
        body = b"".join(_int(1, d) for d in arr.shape) + _int(2, _ELEM_TYPE[arr.dtype])
        self._consts.append(
            body + _str(8, name) + _bytes(9, arr.astype(arr.dtype.newbyteorder("<")).tobytes())
        )
        return name

    def node_n(
        self, op: str, inputs: Sequence[str], outputs: int, domain: str = "", **attrs: object
    ) -> list[str]:
        """Add a node with `outputs` outputs; returns their names."""
        name = self._name(op)
        outs = [f"{name}:{i}" for i in range(outputs)]
        body = b"".join(_str(1, i) for i in inputs) + b"".join(_str(2, o) for o in outs)
        body += _str(3, name) + _str(4, op)
        body += b"".join(_bytes(5, _attribute(k, v)) for k, v in attrs.items())  # type: ignore[arg-type]
        if domain:
            body += _str(7, domain)
        self._nodes.append(body)
        return outs

    def node(self, op: str, inputs: Sequence[str], domain: str = "", **attrs: object) -> str:
        """Add a node with one output; returns its name."""
        return self.node_n(op, inputs, 1, domain, **attrs)[0]

    def model(
        self,
        x: str,
        x_shape: Sequence[int | None],
        y: str,
        y_shape: Sequence[int | None],
        *more: tuple[str, Sequence[int | None]],
    ) -> bytes:
        """The ModelProto bytes of a graph from input `x` to output `y` (and any `more` outputs)."""
        graph = b"".join(_bytes(1, n) for n in self._nodes) + _str(2, "graph")
        graph += b"".join(_bytes(5, c) for c in self._consts)
        graph += _bytes(11, _value_info(x, x_shape)) + _bytes(12, _value_info(y, y_shape))
        graph += b"".join(_bytes(12, _value_info(name, shape)) for name, shape in more)
        opsets = b"".join(_bytes(8, (_str(1, d) if d else b"") + _int(2, v)) for d, v in OPSETS)
        return _int(1, IR_VERSION) + _str(2, "newsbot") + _bytes(7, graph) + opsets
