"""constraints.txt pins every package pyproject.toml asks for, at a version its range admits."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def pins() -> dict[str, Version]:
    out: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            out[canonicalize_name(name)] = Version(version)
    return out


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    named = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        named += extra
    return [Requirement(r) for r in named]


def test_every_requirement_is_pinned_within_its_range() -> None:
    pinned = pins()
    for req in requirements():
        version = pinned.get(canonicalize_name(req.name))
        assert version is not None, f"{req.name} is not in constraints.txt: run `make lock`"
        assert req.specifier.contains(version, prereleases=True), (
            f"constraints.txt pins {req.name} {version}, outside pyproject.toml's {req.specifier}: "
            "run `make lock`"
        )


def test_torch_is_the_cpu_build_the_makefile_installs() -> None:
    assert pins()["torch"] == Version("2.13.0+cpu")
