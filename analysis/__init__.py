"""Use cases shared by the CLI and the UI.

Rank a scenario, compare methods, compute weights, analyse sensitivity, and report AHP
judgments and regional statistics.
"""
