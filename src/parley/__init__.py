"""Parley: a structured, source-attributed record of diplomacy and conflict news."""

__version__ = "0.1.0"

__all__ = ["__version__"]
