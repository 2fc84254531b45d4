"""The lock file `make` installs from pins every dependency pyproject.toml declares.

Invariant: each runtime and dev requirement of pyproject.toml is pinned (``==``) in
requirements.lock at a version its specifier admits, so a fresh machine installs what CI
tested and a loosened or forgotten pin is caught here, not on a user's machine.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, version = line.partition("==")
        assert version, f"requirements.lock: {line!r} is not pinned with =="
        pins[canonicalize_name(name)] = Version(version)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(r) for r in [*project["dependencies"], *extras.get("dev", [])]]


def test_every_declared_dependency_is_pinned_within_its_specifier() -> None:
    pins = _pins()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is declared in pyproject.toml but not in the lock"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{req.name}=={pins[name]} in the lock does not satisfy {req.specifier}"
        )


def _third_party_imports(folder: Path) -> set[str]:
    """Top-level modules imported anywhere under ``folder`` that are not ours or stdlib."""
    ours = {p.name for p in REPO.iterdir() if (p / "__init__.py").is_file()}
    ours |= {p.stem for p in REPO.glob("*.py")}
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in ours and m not in sys.stdlib_module_names}


def test_every_package_the_tests_import_is_declared() -> None:
    """A test importing a package that only arrives transitively breaks when that changes."""
    declared = {canonicalize_name(r.name) for r in _declared()}
    dists = packages_distributions()
    for module in sorted(_third_party_imports(REPO / "tests")):
        owners = {canonicalize_name(d) for d in dists.get(module, [])}
        assert owners, f"tests import {module!r}, which no installed distribution provides"
        assert owners & declared, f"tests import {module!r} ({owners}) but pyproject omits it"
