"""One BLAS thread per worker process.

numpy's OpenBLAS starts one thread per core in every process, so N workers run
N × N threads on N cores. With 2 workers on 2 cores that made `gundem run` 2–5×
slower (307 generated articles: 7–19 s against 3.6 s). Spawned workers read these
variables when they start; a value the user set wins.
"""

from __future__ import annotations

import os

BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread_per_worker() -> None:
    for var in BLAS_THREAD_VARS:
        os.environ.setdefault(var, "1")
