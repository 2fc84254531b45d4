"""One module per subcommand; each exposes ``register(subparsers)``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from cli.commands import ahp, methods_list, rank, regions, schema, sensitivity, validate

Registrar = Callable[[Any], argparse.ArgumentParser]

REGISTRARS: list[Registrar] = [
    validate.register,
    rank.register,
    ahp.register,
    methods_list.register,
    schema.register,
    sensitivity.register,
    regions.register,
]
