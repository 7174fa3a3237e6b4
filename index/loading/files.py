"""Article files on disk: read within the size limit, never through a link out of the articles folder,
and written under a name that overwrites nothing.

In: paths and bytes. Out: bytes read, or the name a file was kept under in the articles folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bot.errors import ArticleError


def too_large(name: str, size: int, max_bytes: int) -> ArticleError:
    """The error for a file over the size limit."""
    return ArticleError(
        f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit "
        "(NEWSBOT_MAX_UPLOAD_BYTES); split the file or raise the limit."
    )


def read_limited(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, refused before reading when it is over `max_bytes`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(path.name, size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since it was measured
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot read the file ({exc.strerror or exc}).") from exc
    if len(data) > max_bytes:
        raise too_large(path.name, len(data), max_bytes)
    return data


def links_outside(folder: Path, path: Path) -> bool:
    """True when `path` is a symbolic link whose target lies outside `folder`."""
    if not path.is_symlink():
        return False
    return not path.resolve().is_relative_to(folder.resolve())


def keep(data: bytes, name: str, folder: Path) -> tuple[str, bool]:
    """Write `data` into `folder` as `name`, or as `stem-2.ext`, `stem-3.ext`... when that name holds
    another article; returns (the name it is kept under, whether anything was written).

    A file with the same name and the same bytes is left as it is. Nothing is overwritten and no link
    is written through: each name is created new, and an existing link counts as taken.
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        candidate = name if n == 1 else f"{stem}-{n}{suffix}"
        target = folder / candidate
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            if _holds(target, data):
                return candidate, False
            n += 1
            continue
        except OSError as exc:
            raise ArticleError(
                f"{name}: cannot write it into {folder} ({exc.strerror or exc}); check the folder."
            ) from exc
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise ArticleError(
                f"{name}: writing it into {folder} failed ({exc.strerror or exc}); free some space and retry."
            ) from exc
        return candidate, True


def _holds(target: Path, data: bytes) -> bool:
    """True when `target` is a regular file (not a link) with exactly these bytes."""
    try:
        info = target.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False
