"""Arrows downhill only: the layers of the `soilkg` package, written down once (LAYERS), and tests that no
module imports a layer above its own, that each layer imports with the layers above it made
unimportable, and that no two modules import each other.

A module may import its own layer and the layers below. Reading the code, the order that is true:

    core        the modules directly in soilkg/ (paths, errors, namespaces, store, visibility, queries...)
    validation  SHACL shapes and named checks over a store
    curation    the curators' commands' logic (new files, spreadsheets, the review workflow)
    report      report drafts
    sitegen     the catalogue site (it cites the report's helpers)
    api         the SPARQL API and linked data
    commands    one module per `soilkg` sub-command
    cli         the `soilkg` entry point, which finds the commands by name
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "soilkg"
LAYERS = ("core", "validation", "curation", "report", "sitegen", "api", "commands", "cli")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The layer of a soilkg module: its sub-package, or core for the modules directly in soilkg/."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "core"
    return LAYERS.index(name) if name in LAYERS else LAYERS.index("core")


def imports(path: Path, *, typing_only: bool = True) -> list[tuple[int, str]]:
    """(line, module) for every import of a soilkg module in the file, inside functions too; with
    `typing_only` False, those under `if TYPE_CHECKING:` are left out (they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if not typing_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped |= {id(inner) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from soilkg.x import y` imports soilkg.x.y when y is a module, else soilkg.x.
            found += [(node.lineno, f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES
                       else node.module) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name == "soilkg" or name.startswith("soilkg.")]


def test_the_layers_name_every_sub_package() -> None:
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert packages <= set(LAYERS), f"sub-packages with no layer: {sorted(packages - set(LAYERS))}"


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [f"{path.relative_to(PACKAGE.parent)}:{line} ({LAYERS[layer(module)]}) imports {target} "
              f"({LAYERS[layer(target)]})"
              for module, path in MODULES.items() for line, target in imports(path)
              if layer(target) > layer(module)]
    assert upward == [], "\n".join(upward)


# Imports each layer's modules bottom-up; the layers above the one being imported cannot be found.
BOTTOM_UP = """
import importlib, importlib.abc, sys
LAYERS, MODULES, LAYER_OF = {layers!r}, {modules!r}, {layer_of!r}
allowed = 0

class AboveTheLayer(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in LAYER_OF and LAYER_OF[name] > allowed:
            raise ImportError(f"{{name}} ({{LAYERS[LAYER_OF[name]]}}) imported while importing the "
                              f"{{LAYERS[allowed]}} layer")
        return None

sys.meta_path.insert(0, AboveTheLayer())
for allowed in range(len(LAYERS)):
    for module in MODULES:
        if LAYER_OF[module] == allowed:
            importlib.import_module(module)
"""


def test_each_layer_imports_without_the_layers_above() -> None:
    layer_of = {module: layer(module) for module in MODULES}
    code = BOTTOM_UP.format(layers=LAYERS, modules=sorted(MODULES), layer_of=layer_of)
    done = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]


def test_no_two_modules_import_each_other() -> None:
    """No import cycle between modules (package __init__ files aside, which gather their modules), by
    what runs: imports for type checking only are left out."""
    edges = {module: {target for _, target in imports(path, typing_only=False)
                      if target in MODULES and target != module and MODULES[target].name != "__init__.py"}
             for module, path in MODULES.items()}
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as error:
        raise AssertionError(f"an import cycle: {' -> '.join(error.args[1])}") from None
