#!/usr/bin/python3
"""Plain vectorised numpy SMAA-2 baseline for BenchmarkSMAA/wsm/10x8/1000000.

Same work as the Go benchmark: a 10x8 problem (values uniform in [1, 100),
every third criterion a cost), linear-scale (Max) normalisation, weights
uniform on the simplex (normalised exponentials), weighted-sum scores, the
rank acceptability matrix and the central weight vectors. The data come
from numpy's own generator, so the numbers differ from Go's; only the time
is compared.

Run with Debian's python3-numpy (`apt-get install python3-numpy`):

    /usr/bin/python3 scoring/bench/smaa_numpy.py [samples] [repeats]

It prints one line, `T ms (smaa_numpy wsm 10x8, N samples, best of R)`,
where T, the first number on the line (what compare.sh reads), is the best
of R runs (default 3) in milliseconds.
"""

import sys
import time

import numpy as np


def problem(m, n, rng):
    x = 1 + 99 * rng.random((m, n))
    cost = np.arange(n) % 3 == 2
    r = np.where(cost, x.min(axis=0) / x, x / x.max(axis=0))
    return r


def smaa(r, samples, rng):
    m, n = r.shape
    w = rng.standard_exponential((samples, n))
    w /= w.sum(axis=1, keepdims=True)
    scores = w @ r.T                                # samples x m
    order = np.argsort(-scores, axis=1)             # best first
    # Column r of the acceptability matrix counts who is ranked r + 1.
    acceptability = np.stack([np.bincount(order[:, k], minlength=m) for k in range(m)], axis=1) / samples
    first = order[:, 0]
    central = np.stack([np.bincount(first, weights=w[:, j], minlength=m) for j in range(n)], axis=1)
    nfirst = np.bincount(first, minlength=m)
    with np.errstate(invalid="ignore", divide="ignore"):
        central = np.where(nfirst[:, None] > 0, central / nfirst[:, None], 0.0)
    return acceptability, central


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rng = np.random.default_rng(1)
    r = problem(10, 8, rng)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        acc, _ = smaa(r, samples, rng)
        best = min(best, time.perf_counter() - start)
    assert np.allclose(acc.sum(axis=0), 1) and np.allclose(acc.sum(axis=1), 1)
    print(f"{best * 1e3:.1f} ms (smaa_numpy wsm 10x8, {samples} samples, best of {repeats})")


if __name__ == "__main__":
    main()
