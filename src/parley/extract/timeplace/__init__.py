"""Dates and places: time expressions resolved against publication, and located places."""
