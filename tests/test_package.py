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


MODULE_NAMES = {m.name.split(".")[1] for m in pkgutil.iter_modules(parley.__path__, "parley.")}


def test_the_public_api_is_what_the_package_exports() -> None:
    public = {n for n in dir(parley) if not n.startswith("_")} - MODULE_NAMES
    assert set(parley.__all__) - {"__version__"} == public
    for name in parley.__all__:
        assert getattr(parley, name) is not None, name
    assert parley.Pipeline.__module__ == "parley.pipeline"
    assert parley.open_store.__module__ == "parley.store.store"
    with pytest.raises(AttributeError):
        parley.no_such_name  # noqa: B018


def test_importing_parley_loads_no_heavy_library() -> None:
    import subprocess
    import sys

    code = "import sys, parley; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                text=True).stdout.split())  # fmt: skip
    assert not {"spacy", "sqlalchemy", "pydantic", "parley.pipeline", "parley.models"} & loaded


@pytest.mark.model
def test_analyze_from_a_notebook_resolves_dates_against_the_given_day() -> None:
    text = "Envoys of Norway and Finland met in Oslo on Monday to discuss a ceasefire."
    analysis = parley.analyze(text, published_at="2026-03-04", title="Envoys meet", outlet="Wire")
    assert isinstance(analysis, parley.Analysis)
    assert analysis.article.title == "Envoys meet" and analysis.article.outlet == "Wire"
    assert [d.value for d in analysis.dates] == ["2026-03-02"]
    assert {"NOR", "FIN"} <= {a.id for a in analysis.actors}
    assert parley.default_pipeline() is parley.default_pipeline()
