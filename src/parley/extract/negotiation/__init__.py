"""Negotiation: tracks, rounds, positions (stances) and agreements."""
