"""Benchmarks, run by hand (``python -m bench``); they report ratios and are never asserted.

Threaded OpenBLAS busy-waits between calls; on a loaded machine with few cores that slows
every other step several-fold. The benchmarks therefore run with one BLAS thread unless the
caller set ``OPENBLAS_NUM_THREADS`` (the tables print the value used). This must happen
before numpy is first imported, hence here.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
