"""The package's import graph: no two modules need each other, and `import pipeline` stays light.

The graph is read from the source, not from a running interpreter, so an import made inside a
function (the lazy kind, run only when called) counts as much as one at the top: a cycle hidden
that way still ties the two modules together for a reader and for every refactoring. Two kinds of
import are not edges: those under `if TYPE_CHECKING:` (never run), and a module's import of a
package it sits in (Python always runs a package's `__init__` first, so that never waits on itself).
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"

# Known cycles left to their owners, as the one edge that closes each. Keep this short: every
# entry is a debt. The gazetteer's group recognizer asks for all mentions inside a group's
# member list, and the mentions module runs every recognizer.
ALLOWED_EDGES = {("pipeline.gazetteer.groups", "pipeline.gazetteer.mentions")}


def module_files(root: Path = PACKAGE) -> dict[str, Path]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(nodes: list[ast.AST]):
    """Every import statement among the nodes, at any depth, except those under `if TYPE_CHECKING:`."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node):
            yield from _imports(node.orelse)
        else:
            yield from _imports(list(ast.iter_child_nodes(node)))


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Each module → the modules of the package it imports."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name in modules)
                continue
            if node.level:  # relative: from . import x, from ..load import y
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                # `from pipeline.extract import bodies` imports the module bodies; `from pipeline.core.doc
                # import Doc` imports a name of pipeline.core.doc.
                submodule = f"{source}.{alias.name}"
                if submodule in modules:
                    targets.add(submodule)
                elif source in modules:
                    targets.add(source)
        graph[name] = {t for t in targets if t != name and not name.startswith(t + ".")}
    return graph


def cycles(graph: dict[str, set[str]], allowed: set[tuple[str, str]] = frozenset()) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    edges = {v: sorted(w for w in ws if (v, w) not in allowed and w in graph) for v, ws in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(edges[w])))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    for name, source in files.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return module_files(tmp_path / "pkg")


def test_the_pipeline_has_no_import_cycle():
    found = cycles(import_graph(module_files()), ALLOWED_EDGES)
    assert not found, "modules that import each other (directly or round a loop): " + \
        "; ".join(" ↔ ".join(c) for c in found)


def stage_of(module: str) -> str | None:
    """The extraction stage a module belongs to: pipeline.extract.tasks.walk → pipeline.extract.tasks."""
    parts = module.split(".")
    return ".".join(parts[:3]) if parts[:2] == ["pipeline", "extract"] and len(parts) > 2 else None


def test_a_stage_uses_another_only_through_its_front_door():
    # A stage may lend another what it knows (the document stage names issuers for the references
    # stage), through its package's names; its modules stay free to change.
    reaching = []
    for module, targets in import_graph(module_files()).items():
        for target in targets:
            stage = stage_of(target)
            if stage and stage_of(module) not in (None, stage) and target != stage:
                reaching.append(f"{module} → {target}")
    assert not reaching, "import the stage's package instead: " + "; ".join(sorted(reaching))


def test_allowed_edges_are_still_there():
    # An allowance outliving its cycle would hide the next one: drop it when the owner breaks the loop.
    graph = import_graph(module_files())
    stale = [edge for edge in ALLOWED_EDGES if edge[1] not in graph.get(edge[0], set())]
    assert not stale, f"no longer imported, remove from ALLOWED_EDGES: {stale}"


@pytest.mark.parametrize("files, expected", [
    # a lazy import inside a function closes a cycle as surely as one at the top
    ({"__init__.py": "", "batch.py": "def run():\n    from pkg.cluster import go\n",
      "cluster.py": "from pkg.batch import run\n"}, [["pkg.batch", "pkg.cluster"]]),
    # round a loop of three, through a package's front door and a relative import
    ({"__init__.py": "", "a.py": "from pkg import b\n", "b.py": "from .c import x\n",
      "c.py": "import pkg.a\nx = 1\n"}, [["pkg.a", "pkg.b", "pkg.c"]]),
    # a name taken from a sibling package's __init__ is an edge to that __init__
    ({"__init__.py": "", "s/__init__.py": "from pkg.t.m import y\n", "t/__init__.py": "",
      "t/m.py": "from pkg.s import z\n"}, [["pkg.s", "pkg.t.m"]]),
    # not cycles: an import only for type checkers, and a module reading its own package's names
    ({"__init__.py": "", "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
      "b.py": "from pkg.a import A\n"}, []),
    ({"__init__.py": "def f():\n    from pkg.a import g\n", "a.py": "from pkg import f\n"}, []),
    ({"__init__.py": "", "a.py": "import json\nfrom pkg.b import x\n", "b.py": "x = 1\n"}, []),
])
def test_cycles_are_found(tmp_path, files, expected):
    assert cycles(import_graph(_package(tmp_path, files))) == expected


def test_import_pipeline_loads_no_heavy_library():
    # `import pipeline` is what every caller of the front door and the command line pays first.
    heavy = ["underthesea", "spacy", "pdfplumber", "pandas", "pydantic", "docx", "lxml", "numpy", "pyarrow"]
    probe = (f"import sys, pipeline; print(' '.join(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
