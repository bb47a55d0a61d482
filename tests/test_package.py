"""Package hygiene a user relies on: importable modules, honest ``__all__``, shipped data."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import parley

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(parley.__path__, prefix="parley.")
    if ".migrations" not in m.name
)


@pytest.mark.parametrize("name", MODULES)
def test_every_name_in_all_exists(name: str) -> None:
    module = importlib.import_module(name)
    missing = [n for n in getattr(module, "__all__", []) if not hasattr(module, n)]
    assert missing == [], f"{name}.__all__ lists names it does not define: {missing}"


def test_the_package_ships_its_type_marker_and_data() -> None:
    from importlib import resources

    root = resources.files("parley")
    assert (root / "py.typed").is_file()
    for name in ("agreements.json", "cues.json", "demonyms.json", "plover.json", "titles.json"):
        assert (root / "data" / name).is_file(), name
    assert any(p.name.endswith(".json") for p in (root / "data" / "actors").iterdir())
