"""Tests of methods.sensitivity."""
