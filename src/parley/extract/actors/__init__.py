"""Actors: mentions resolved to knowledge-base actors, and the per-article actor records."""
