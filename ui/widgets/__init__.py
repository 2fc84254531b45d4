"""Reusable widgets (weight sliders, AHP judgments, charts) and their pure logic."""
