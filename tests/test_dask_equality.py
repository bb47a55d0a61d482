"""A Dask cluster gives exactly the records of a sequential run (issue 15).

Batches come back from the workers in whatever order they finish, and the driver saves them as
they come; the stored analyses and everything resolved from them (tracks, agreements, stories)
must not depend on that order.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from parley.settings import Settings
from parley.store import Store, open_store


def _everything(store: Store) -> dict[str, Any]:
    ids = sorted(a.id for a in store.articles(limit=None))
    return {
        "analyses": {i: store.analysis(i).model_dump(mode="json") for i in ids},
        "tracks": [t.model_dump(mode="json") for t in store.tracks()],
        "agreements": [a.model_dump(mode="json") for a in store.agreements()],
        "stories": [s.model_dump(mode="json") for s in store.stories()],
        "counts": store.counts(),
    }


@pytest.mark.dask
@pytest.mark.model
def test_two_dask_workers_store_exactly_what_one_process_does(
    tmp_path: Path, pipeline: Any
) -> None:
    distributed = pytest.importorskip("distributed")
    from parley.batch import ingest, ingest_dask

    settings = Settings()
    with resources.as_file(resources.files("parley") / "demo" / "articles") as corpus:
        with open_store(str(tmp_path / "one.db")) as one:
            ingest([corpus], one, pipeline, progress=False)
            expected = _everything(one)
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
            open_store(str(tmp_path / "dask.db")) as two,
        ):
            report = ingest_dask([corpus], two, settings, client)
            found = _everything(two)
    assert report.new == len(expected["analyses"]) > 10
    assert found == expected
