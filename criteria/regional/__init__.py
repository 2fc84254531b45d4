"""Regional statistics.

Location quotients, HHI, per-capita and marketability coefficients, screening rules and the
specialisation report (seed 003, second part; issue 5).

Pure functions over pandas/numpy, vectorised over regions and sectors. Imports only
``errors`` and this package (never ``methods``).
"""

from clusterrank.criteria.regional._cells import GAP
from clusterrank.criteria.regional._table_checks import RESERVED_WIDE_COLUMNS
from clusterrank.criteria.regional.coefficients import (
    CoefficientResult,
    marketability_coefficient,
    per_capita_production_coefficient,
)
from clusterrank.criteria.regional.hhi import HHIResult, hhi, hhi_table, normalised_hhi
from clusterrank.criteria.regional.indicators import regional_indicator_values
from clusterrank.criteria.regional.location_quotient import LocationQuotients, location_quotients
from clusterrank.criteria.regional.report import SpecialisationReport, specialisation_report
from clusterrank.criteria.regional.screening import ScreeningResult, screen
from clusterrank.criteria.regional.screening_rules import (
    DEFAULT_RULES_PATH,
    ScreeningRules,
    load_screening_rules,
    screening_rules_from_text,
)
from clusterrank.criteria.regional.table import (
    RegionSectorTable,
    read_region_sector_table,
    read_tidy_csv,
    region_sector_table_from_frame,
)

__all__ = [
    "DEFAULT_RULES_PATH",
    "GAP",
    "RESERVED_WIDE_COLUMNS",
    "CoefficientResult",
    "HHIResult",
    "LocationQuotients",
    "RegionSectorTable",
    "ScreeningResult",
    "ScreeningRules",
    "SpecialisationReport",
    "hhi",
    "hhi_table",
    "load_screening_rules",
    "location_quotients",
    "marketability_coefficient",
    "normalised_hhi",
    "per_capita_production_coefficient",
    "read_region_sector_table",
    "read_tidy_csv",
    "region_sector_table_from_frame",
    "regional_indicator_values",
    "screen",
    "screening_rules_from_text",
    "specialisation_report",
]
