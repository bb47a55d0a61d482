"""Imported by the worker pool's fork server, and by nothing else: it builds the workers'
pipeline once, before the server forks any worker (:func:`parley.batch.preload`).

The driver passes the workers' settings in the environment as it starts the server (module
names are all a fork server's preload list can carry); importing this module elsewhere, where
that variable is unset, does nothing.
"""

from __future__ import annotations

import os

from parley.batch import PRELOAD_ENV, preload

preload(os.environ.get(PRELOAD_ENV))
