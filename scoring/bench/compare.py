"""Plain vectorised numpy versions of the scoring methods, timed on the same
problem sizes as the Go benchmarks (BenchmarkMethods), to keep the claim
"faster than what an analyst would write in Python" honest.

Usage: python3 compare.py [--quick] [--e2e]   prints "method size milliseconds"
lines. Each timing is the best of several runs and includes the ranking, as
the Go methods do.

With --e2e it times the end-to-end work that BenchmarkEndToEnd times in Go,
data in memory to a ranking, for every method at 1000x10 and 1000000x10
(PROMETHEE II at 1000x10 and 2000x10), and prints the median of the runs:
wall time, then the process's CPU time. The data is a float64 ndarray in
memory before the clock starts, the form a numpy user holds it in (the Go
side starts from its natural form, [][]float64 rows); np.asarray of it is
a no-op, kept to show where a conversion would go. Timed: the formula and
a stable argsort to ranks. Not done on the numpy side, and timed on the Go
side: checking that values are finite, copying the matrix, the default
alternative names A1…Am a Go result carries (the Go side is given no
names). Data: uniform values in [1, 100), every third criterion a cost,
weights uniform in [0.5, 1.5) normalised - the same shape as the Go
benchmark's data (not the same numbers: the timings do not depend on them).
"""
import sys
import time

import numpy as np


def ranks_desc(scores):
    order = np.argsort(-scores, kind="stable")
    r = np.empty(len(scores), dtype=np.int64)
    r[order] = np.arange(1, len(scores) + 1)
    return r


def wsm(x, w, cost):
    r = np.where(cost, x.min(axis=0) / x, x / x.max(axis=0))
    contrib = r * w
    s = contrib.sum(axis=1)
    return ranks_desc(s)


def wpm(x, w, cost):
    r = np.where(cost, x.min(axis=0) / x, x / x.max(axis=0))
    s = np.prod(r ** w, axis=1)
    return ranks_desc(s)


def topsis(x, w, cost):
    v = x / np.sqrt((x * x).sum(axis=0)) * w
    best = np.where(cost, v.min(axis=0), v.max(axis=0))
    worst = np.where(cost, v.max(axis=0), v.min(axis=0))
    dp = np.sqrt(((v - best) ** 2).sum(axis=1))
    dm = np.sqrt(((v - worst) ** 2).sum(axis=1))
    return ranks_desc(dm / (dp + dm))


def vikor(x, w, cost, v=0.5):
    fstar = np.where(cost, x.min(axis=0), x.max(axis=0))
    fminus = np.where(cost, x.max(axis=0), x.min(axis=0))
    g = w * (fstar - x) / (fstar - fminus)
    s, r = g.sum(axis=1), g.max(axis=1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return ranks_desc(-q)


def promethee2(x, w, cost, q=5.0, p=20.0):
    m, n = x.shape
    pi = np.zeros((m, m))
    for j in range(n):
        col = -x[:, j] if cost[j] else x[:, j]
        d = col[:, None] - col[None, :]
        pi += w[j] * np.clip((d - q) / (p - q), 0.0, 1.0)
    phi = (pi.sum(axis=1) - pi.sum(axis=0)) / (m - 1)
    return ranks_desc(phi)


def copras(x, w, cost):
    d = x / x.sum(axis=0) * w
    splus = d[:, ~cost].sum(axis=1)
    sminus = d[:, cost].sum(axis=1)
    q = splus + sminus.sum() / (sminus * (1.0 / sminus).sum())
    return ranks_desc(q / q.max() * 100)


def edas(x, w, cost):
    av = x.mean(axis=0)
    above = np.where(cost, av - x, x - av) / av
    pda, nda = np.maximum(0, above), np.maximum(0, -above)
    sp, sn = (pda * w).sum(axis=1), (nda * w).sum(axis=1)
    return ranks_desc((sp / sp.max() + 1 - sn / sn.max()) / 2)


def mabac(x, w, cost):
    lo, hi = x.min(axis=0), x.max(axis=0)
    r = np.where(cost, (x - hi) / (lo - hi), (x - lo) / (hi - lo))
    v = w * (r + 1)
    g = np.exp(np.log(v).mean(axis=0))  # the geometric mean, without underflow
    return ranks_desc((v - g).sum(axis=1))


def spotis(x, w, cost):
    lo, hi = x.min(axis=0), x.max(axis=0)
    ideal = np.where(cost, lo, hi)
    d = (np.abs(x - ideal) / (hi - lo) * w).sum(axis=1)
    return ranks_desc(-d)


def moora(x, w, cost):
    r = x / np.sqrt((x * x).sum(axis=0))
    return ranks_desc((r * (w * np.where(cost, -1, 1))).sum(axis=1))


METHODS = {"wsm": wsm, "wpm": wpm, "topsis": topsis, "vikor": vikor, "promethee2": promethee2, "copras": copras}
E2E_METHODS = dict(METHODS, edas=edas, mabac=mabac, spotis=spotis, moora=moora)
SIZES = {m: [(10, 8), (1000, 10), (1000000, 10)] for m in METHODS}
SIZES["promethee2"] = [(10, 8), (1000, 10), (2000, 10)]


def best_of(fn, runs):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def median_of(fn, runs):
    """Median wall time and median CPU time (this process) of fn."""
    times, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return float(np.median(times)), float(np.median(cpus))


def end_to_end(quick):
    rng = np.random.default_rng(1)
    for name, fn in E2E_METHODS.items():
        sizes = [(1000, 10), (2000, 10)] if name == "promethee2" else [(1000, 10), (1000000, 10)]
        for m, n in sizes:
            if quick and m * n > 20000:
                continue
            rows = 1 + 99 * rng.random((m, n))
            cost = np.array([j % 3 == 2 for j in range(n)])
            w = 0.5 + rng.random(n)
            w /= w.sum()
            runs = 7 if m * n >= 1_000_000 else 51
            t, c = median_of(lambda: fn(np.asarray(rows, dtype=np.float64), w, cost), runs)
            print(f"{name} {m}x{n} {t * 1e3:.4f} {c * 1e3:.4f}", flush=True)


def main():
    quick = "--quick" in sys.argv
    if "--e2e" in sys.argv:
        end_to_end(quick)
        return
    rng = np.random.default_rng(1)
    for name, fn in METHODS.items():
        for m, n in SIZES[name]:
            if quick and m * n > 20000:
                continue
            x = 1 + 99 * rng.random((m, n))
            cost = np.array([j % 3 == 2 for j in range(n)])
            w = 0.5 + rng.random(n)
            w /= w.sum()
            runs = 5 if m * n >= 1_000_000 else 50
            t = best_of(lambda: fn(x, w, cost), runs)
            print(f"{name} {m}x{n} {t * 1e3:.4f}", flush=True)


if __name__ == "__main__":
    main()
