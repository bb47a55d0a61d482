"""The web surface: a JSON API (``/api/v1``) and server-rendered pages over a store.

Build the app with :func:`create_app` and run it with uvicorn (``parley serve``).
"""

from parley.serve.app import create_app

__all__ = ["create_app"]
