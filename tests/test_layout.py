"""The layout shows the pipeline: a folder per stage, lower stages never import higher ones, no cycles.

The import graph is read from the source with `ast`, so nothing is imported to check it and every
import counts: module-level, inside functions, and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "index")
Graph = Mapping[str, set[str]]
Stages = Sequence[tuple[str, tuple[str, ...]]]

# The stages from the bottom up: a module may import its own stage and the stages below it. A name
# covers that module or package and everything under it, except the front doors in FRONT_DOORS.
STAGES: Stages = (
    ("foundation", ("bot.settings", "bot.errors", "bot.schema", "bot.citations", "bot.messages")),
    ("text", ("index.text",)),
    ("loading", ("index.loading",)),
    ("chunking", ("index.chunking",)),
    ("embedding", ("index.embedding",)),
    ("store", ("index.store",)),
    ("sync", ("index.sync", "index", "index.__main__")),
    ("question", ("bot.question",)),
    ("retrieval", ("bot.retrieval",)),
    ("reader", ("bot.reader",)),
    ("generation", ("bot.generation",)),
    ("answering", ("bot.answering", "bot", "bot.__main__")),
    ("ui", ("bot.ui",)),
    ("evaluate", ("bot.evaluate",)),
    ("train", ("bot.train",)),
    ("bench", ("bot.bench",)),
    ("app", ("app",)),
)
# These name their own module only (`bot/__init__.py`), not the whole tree under them.
FRONT_DOORS = frozenset(PACKAGES)
MAX_TOP_MODULES = 8


def module_files(root: Path) -> dict[str, Path]:
    """Every module of bot/ and index/ (a package under its own name), and app.py, by dotted name."""
    files = {"app": root / "app.py"} if (root / "app.py").exists() else {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            files[".".join(parts)] = path
    return files


def _owner(name: str, modules: Iterable[str]) -> str | None:
    """The module a dotted name lives in: the name itself or its longest prefix that is a module."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in modules:
            return candidate
    return None


def _bound(path: Path, package: str) -> set[str]:
    """Names a package's front door binds itself (not by importing its own submodule by name)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text("utf-8"), str(path)).body:
        if isinstance(node, ast.ImportFrom) and node.module != package:
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    return names


def imports_of(module: str, path: Path, modules: set[str], fronts: Mapping[str, set[str]]) -> set[str]:
    """The modules of ours that this file imports, wherever in the file the import is."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {_owner(alias.name, modules) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # `from bot.reader import compose` takes what the front door binds (the function);
                # `from index.sync import builder` names a module the front door does not bind.
                if alias.name in fronts.get(base, ()):
                    found.add(base)
                else:
                    found.add(_owner(f"{base}.{alias.name}", modules))
    return {target for target in found if target is not None and target != module}


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module of ours and the modules of ours it imports."""
    files = module_files(root)
    fronts = {name: _bound(path, name) for name, path in files.items() if path.name == "__init__.py"}
    return {module: imports_of(module, path, set(files), fronts) for module, path in files.items()}


def cycles(graph: Graph) -> list[list[str]]:
    """Groups of modules that import one another, directly or round a loop (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            group: list[str] = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return sorted(found)


def stage_of(module: str, stages: Stages = STAGES) -> int | None:
    """The rank of the module's stage (0 at the bottom), or None if no stage names it."""
    ranks = {name: rank for rank, (_, names) in enumerate(stages) for name in names}
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in ranks and (n == len(parts) or prefix not in FRONT_DOORS):
            return ranks[prefix]
    return None


def cross_stage(graph: Graph, stages: Stages = STAGES) -> list[tuple[str, str]]:
    """Imports from one stage into another, as (importer, imported) module pairs."""
    pairs = []
    for module, targets in graph.items():
        for target in targets:
            here, there = stage_of(module, stages), stage_of(target, stages)
            if here is not None and there is not None and here != there:
                pairs.append((module, target))
    return sorted(pairs)


def upward(graph: Graph, stages: Stages = STAGES) -> list[tuple[str, str]]:
    """Imports from a lower stage into a higher one."""
    return [
        (module, target)
        for module, target in cross_stage(graph, stages)
        if (stage_of(module, stages) or 0) < (stage_of(target, stages) or 0)
    ]


@cache
def _graph() -> dict[str, set[str]]:
    return import_graph(ROOT)


def _stage_packages() -> list[str]:
    names = [name for _, names in STAGES for name in names if name not in FRONT_DOORS]
    return [name for name in names if (ROOT / name.replace(".", "/") / "__init__.py").exists()]


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = _graph()
    # answer() builds the index on first use through an import inside the function.
    assert "index.sync" in graph["bot.answering"]
    assert "bot.reader" in graph["bot.answering"] and "bot.reader.compose" not in graph["bot.answering"]
    # operations imports its sibling module `builder` by name from its own package.
    assert "index.sync.builder" in graph["index.sync.operations"]


def test_every_module_belongs_to_a_stage() -> None:
    assert [module for module in _graph() if stage_of(module) is None] == []


def test_no_import_cycles() -> None:
    assert cycles(_graph()) == []


def test_no_stage_imports_a_higher_one() -> None:
    names = [name for name, _ in STAGES]
    found = [
        f"{module} ({names[stage_of(module) or 0]}) imports {target} ({names[stage_of(target) or 0]})"
        for module, target in upward(_graph())
    ]
    assert found == []


def test_the_top_of_each_package_stays_small() -> None:
    top = sorted(p.stem for p in (ROOT / "bot").glob("*.py") if p.stem not in ("__init__", "__main__"))
    assert len(top) <= MAX_TOP_MODULES, top
    # Everything in index/ lives in a stage folder; only the front door and the command stay on top.
    assert sorted(p.name for p in (ROOT / "index").glob("*.py")) == ["__init__.py", "__main__.py"]


@pytest.mark.parametrize("package", _stage_packages())
def test_each_stage_package_says_what_goes_in_and_out(package: str) -> None:
    path = ROOT / package.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text("utf-8"))
    doc = ast.get_docstring(tree) or ""
    assert "In:" in doc and "Out:" in doc, f"{path}: the docstring says what goes in and out"
    exported = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets)
    ]
    assert exported, f"{path} has no __all__"
    names = ast.literal_eval(exported[0])
    assert names and set(names) <= _bound(path, package), f"{path}: __all__ names what it does not bind"


def test_every_stage_above_the_foundation_is_a_folder() -> None:
    # The foundation, the answer chain and app.py are single modules; every other stage is a package.
    single_modules = {"foundation", "answering", "app"}
    loose = [
        name
        for stage, names in STAGES
        if stage not in single_modules
        for name in names
        if name not in FRONT_DOORS and not name.endswith(".__main__") and name not in _stage_packages()
    ]
    assert loose == []


def _write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def test_the_checks_catch_a_cycle_and_an_upward_import(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "bot/__init__.py": "",
            "bot/errors.py": "def f():\n    from bot.answering import answer\n",
            "bot/answering.py": "from bot.errors import NewsbotError\n",
            "index/__init__.py": "",
            "index/text/__init__.py": "from index.text import unicode\n",
            "index/text/unicode.py": "import index.store.chroma as chroma\n",
            "index/store/__init__.py": "",
            "index/store/chroma.py": "from index.text.unicode import fold\n",
        },
    )
    graph = import_graph(tmp_path)
    assert graph["index.text"] == {"index.text.unicode"}
    assert cycles(graph) == [["bot.answering", "bot.errors"], ["index.store.chroma", "index.text.unicode"]]
    assert upward(graph) == [("bot.errors", "bot.answering"), ("index.text.unicode", "index.store.chroma")]


def code_after_main_guard(path: Path) -> list[int]:
    """Lines of statements after a module's `__main__` guard: run as a script, they are defined too late."""
    body = ast.parse(path.read_text("utf-8"), str(path)).body
    for i, node in enumerate(body):
        test = node.test if isinstance(node, ast.If) else None
        if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__":
            return [later.lineno for later in body[i + 1 :]]
    return []


def test_a_scripts_main_guard_comes_last() -> None:
    late = {
        name: lines for name, path in module_files(ROOT).items() if (lines := code_after_main_guard(path))
    }
    assert late == {}


def test_the_main_guard_check_sees_a_late_definition(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    lines = [
        "def main():",
        "    return helper()",
        'if __name__ == "__main__":',
        "    main()",
        "def helper():",
    ]
    script.write_text("\n".join([*lines, "    return 1", ""]))
    assert code_after_main_guard(script) == [5]
