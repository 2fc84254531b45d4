"""clusterrank: choose pilot industrial and innovation clusters, and compare their regions.

The product's folders (``criteria/``, ``methods/``, ``analysis/``, ``reports/``, ``panel/``,
``store/``, ``cli/``, ``ui/``, ``configs/``) install under this one namespace
(``clusterrank.criteria``, ...). In a checkout this folder holds symlinks to them, so
``import clusterrank.criteria`` works there as it does from an installed wheel.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("clusterrank")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"
