"""Benchmarks, run by hand (``python -m bench``); they report ratios and are never asserted."""
