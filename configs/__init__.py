"""The shipped criteria sets, scenarios, panels and data.

Package data, found through ``importlib.resources`` (see
:data:`clusterrank.criteria.files.SHIPPED_CONFIGS`).
"""
