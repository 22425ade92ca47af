"""Times plain vectorised numpy versions of PROMETHEE I, ELECTRE I and GAIA
against the Go methods on the same data, in the same run.

Usage (from the repository root):

    python3 scoring/bench/outrank_numpy.py [--quick] [--rounds N] [--cpu N]

--cpu N runs the Go benchmarks with GOMAXPROCS N (default: every core);
--cpu 1 compares one core with numpy's single thread.

The data is built by the same integer formula as numpyProblem in
scoring/outrank_numpy_bench_test.go: x[i][j] = 1 + k*99/997 with
k = (131i + 71j + 17ij) mod 997, every third criterion a cost, weights
1, 1.25, 1.5, ... normalised; PROMETHEE I and GAIA use the linear preference
function (q = 5, p = 20). Each Go figure comes from BenchmarkOutrankingNumpy,
which reports a "check" value (sum of the positive flows, the mean
concordance c*, delta); the script computes the same value with numpy and
prints both, so a mismatch of data or formula shows.

The numpy versions do what an analyst would write: broadcast the m x m x n
differences, reduce them with the weights, and for ELECTRE I threshold at
the mean indices (no kernel: Go's time includes the kernel and the cycle
merging, which have no numpy formula). GAIA takes the unicriterion net
flows and the eigen-decomposition of their covariance.

The Go benchmark and the numpy timings alternate for N rounds (default 3),
so a change in the machine's load hits both. The table gives medians over
the rounds: Go's wall time per call (ns/op; Go uses every core) and
numpy's best-of-5 wall time, then the CPU time per call of each (Go: all
its threads, from the process's CPU time over a long run minus a one-call
run; numpy: the process's CPU time), which is steadier on a shared machine,
and the ratios numpy/Go (above 1: Go is faster).
"""
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np


def problem(m, n):
    i = np.arange(m, dtype=np.int64)[:, None]
    j = np.arange(n, dtype=np.int64)[None, :]
    k = (131 * i + 71 * j + 17 * i * j) % 997
    x = 1 + k.astype(np.float64) * 99 / 997
    cost = (np.arange(n) % 3) == 2
    w = 1 + (np.arange(n) % 3) * 0.25
    return x, w / w.sum(), cost


def oriented(x, cost):
    return np.where(cost, -x, x)


def linear_pref(d, q=5.0, p=20.0):
    return np.clip((d - q) / (p - q), 0.0, 1.0)


def promethee1(x, w, cost):
    g = oriented(x, cost)
    m = len(g)
    d = g[:, None, :] - g[None, :, :]
    pi = linear_pref(d) @ w
    plus = pi.sum(axis=1) / (m - 1)
    minus = pi.sum(axis=0) / (m - 1)
    # PROMETHEE I: a P b when a is at least as good on both flows and
    # better on one; incomparable when the flows disagree.
    ge_p = plus[:, None] >= plus[None, :]
    le_m = minus[:, None] <= minus[None, :]
    strict = (plus[:, None] > plus[None, :]) | (minus[:, None] < minus[None, :])
    pref = ge_p & le_m & strict
    indifferent = (plus[:, None] == plus[None, :]) & (minus[:, None] == minus[None, :])
    incomparable = ~(pref | pref.T | indifferent)
    return plus, minus, pref, incomparable, plus.sum()


def electre1(x, w, cost):
    g = oriented(x, cost)
    m = len(g)
    d = g[:, None, :] - g[None, :, :]
    conc = (d >= 0) @ w
    v = w * x / np.sqrt((x * x).sum(axis=0))
    av = np.abs(v[:, None, :] - v[None, :, :])
    den = av.max(axis=2)
    num = np.where(d < 0, av, 0.0).max(axis=2)
    disc = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    off = ~np.eye(m, dtype=bool)
    cstar = conc[off].mean()
    dstar = disc[off].mean()
    outranks = (conc >= cstar - 1e-12) & (disc <= dstar + 1e-12) & off
    return conc, disc, outranks, cstar


def gaia(x, w, cost):
    g = oriented(x, cost)
    m = len(g)
    d = g[:, None, :] - g[None, :, :]
    p = linear_pref(d)
    phi = (p.sum(axis=1) - p.sum(axis=0)) / (m - 1)  # m x n unicriterion net flows
    c = phi - phi.mean(axis=0)
    cov = c.T @ c / (m - 1)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[:, order]
    u = vecs[:, :2]
    points = c @ u
    stick = w @ u
    delta = vals[:2].sum() / vals.sum()
    return points, u, stick, delta


METHODS = {
    "promethee1": lambda x, w, c: promethee1(x, w, c)[4],
    "electre1": lambda x, w, c: electre1(x, w, c)[3],
    "gaia": lambda x, w, c: gaia(x, w, c)[3],
}


def time_numpy(fn, x, w, cost, reps):
    """Best wall time and median CPU time of reps calls, in ms."""
    walls, cpus = [], []
    for _ in range(reps):
        c0, t0 = time.process_time(), time.perf_counter()
        check = fn(x, w, cost)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls) * 1e3, statistics.median(cpus) * 1e3, check


BENCH_LINE = re.compile(r"^BenchmarkOutrankingNumpy/(\w+)/(\d+x\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([-\d.e+]+) check")

# Calls per timed Go run: enough for a few tenths of a second.
GO_CALLS = {"10x8": 2000, "1000x10": 10}


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_go(binary, name, size, calls, cpu_flag):
    """Runs one Go benchmark for calls calls: its ns/op in ms, its check
    value and the CPU seconds of the whole process."""
    c0 = child_cpu()
    out = subprocess.run(
        [binary, "-test.run", "^$", "-test.bench", f"^BenchmarkOutrankingNumpy$/^{name}$/^{size}$",
         "-test.benchtime", f"{calls}x"] + cpu_flag,
        check=True, capture_output=True, text=True).stdout
    cpu = child_cpu() - c0
    for line in out.splitlines():
        mt = BENCH_LINE.match(line)
        if mt:
            return float(mt.group(3)) / 1e6, float(mt.group(4)), cpu
    raise RuntimeError(f"no benchmark line for {name}/{size} in:\n{out}")


def main():
    quick = "--quick" in sys.argv
    rounds = 3
    if "--rounds" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--rounds") + 1])
    cpu_flag = []
    if "--cpu" in sys.argv:
        cpu_flag = ["-test.cpu", sys.argv[sys.argv.index("--cpu") + 1]]
    sizes = [(10, 8)] if quick else [(10, 8), (1000, 10)]
    tmp = tempfile.mkdtemp()
    binary = os.path.join(tmp, "scoring.test")
    subprocess.run(["go", "test", "-c", "-o", binary, "./scoring/"], check=True)
    res = {}
    try:
        for _ in range(rounds):
            for name, fn in METHODS.items():
                for m, n in sizes:
                    size = f"{m}x{n}"
                    calls = GO_CALLS[size]
                    # CPU per call: the difference between a run of calls
                    # calls and a run of one, which share the start-up.
                    wall, gcheck, cpu_k = run_go(binary, name, size, calls, cpu_flag)
                    _, _, cpu_1 = run_go(binary, name, size, 1, cpu_flag)
                    x, w, cost = problem(m, n)
                    nwall, ncpu, ncheck = time_numpy(fn, x, w, cost, 5)
                    r = res.setdefault((name, size), {"go": [], "gocpu": [], "np": [], "npcpu": []})
                    r["go"].append(wall)
                    r["gocpu"].append(max(cpu_k - cpu_1, 0) / (calls - 1) * 1e3)
                    r["np"].append(nwall)
                    r["npcpu"].append(ncpu)
                    r["check"] = (gcheck, ncheck)
    finally:
        shutil.rmtree(tmp)
    print(f"{'method':<12} {'size':<9} {'go_ms':>9} {'numpy_ms':>9} {'numpy/go':>9} {'go_cpu':>9} {'np_cpu':>9} {'cpu_ratio':>9}  {'go_check':>10} {'np_check':>10}")
    med = statistics.median
    for (name, size), r in res.items():
        g, p, gc, pc = med(r["go"]), med(r["np"]), med(r["gocpu"]), med(r["npcpu"])
        gk, nk = r["check"]
        ratio = f"{pc / gc:9.2f}" if gc > 0 else f"{'-':>9}"
        print(f"{name:<12} {size:<9} {g:9.3f} {p:9.3f} {p / g:9.2f} {gc:9.3f} {pc:9.3f} {ratio}  {gk:10.4g} {nk:10.4g}")


if __name__ == "__main__":
    main()
