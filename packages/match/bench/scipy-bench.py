"""scipy side of the Klik matching benchmark (driven by bench/run.ts).

Usage: python3 scipy-bench.py <job.json>. The job names raw little-endian array files written by
run.ts and how often to repeat; prints one JSON object with the timings (seconds) on stdout.
  dense:       {"kind": "dense", "n", "cost": path(int32, n*n), "repeats"}
  capacitated: {"kind": "capacitated", "rows", "cols", "rowStart": path(int32), "arcCol": path(int32),
                "arcWeight": path(float64), "cap": path(int32), "repeats"}
The capacitated case is solved as scipy's min_weight_full_bipartite_matching (LAPJVsp) on the
slot-expanded graph: mentor j becomes cap[j] slot columns, and each mentee gets a private
"unmatched" column so that a full matching (every mentee) always exists. Weights are the same
lexicographic weights Klik uses (bigM + score, +1 on every column so no weight is zero).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def dense(job):
    n = job["n"]
    cost = np.fromfile(job["cost"], dtype=np.int32).reshape(n, n).astype(np.float64)
    times = []
    cpu = []
    total = None
    for _ in range(job["repeats"]):
        c0 = time.process_time()
        t0 = time.perf_counter()
        r, c = linear_sum_assignment(cost)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        total = float(cost[r, c].sum())
    return {"times": times, "cpuTimes": cpu, "cost": total}


def capacitated(job):
    rows, cols = job["rows"], job["cols"]
    row_start = np.fromfile(job["rowStart"], dtype=np.int32)
    arc_col = np.fromfile(job["arcCol"], dtype=np.int32)
    arc_weight = np.fromfile(job["arcWeight"], dtype=np.float64)
    cap = np.fromfile(job["cap"], dtype=np.int32).astype(np.int64)
    t0 = time.perf_counter()
    slot_start = np.concatenate(([0], np.cumsum(cap)))
    n_slots = int(slot_start[-1])
    arc_row = np.repeat(np.arange(rows), np.diff(row_start))
    reps = cap[arc_col]
    e_row = np.repeat(arc_row, reps)
    e_w = np.repeat(arc_weight, reps) + 1.0
    offs = np.arange(len(e_row)) - np.repeat(np.cumsum(reps) - reps, reps)
    e_col = np.repeat(slot_start[arc_col], reps) + offs
    d_row = np.arange(rows)
    d_col = n_slots + d_row
    all_row = np.concatenate((e_row, d_row))
    all_col = np.concatenate((e_col, d_col))
    all_w = np.concatenate((e_w, np.ones(rows)))
    graph = csr_matrix((all_w, (all_row, all_col)), shape=(rows, n_slots + rows))
    expand = time.perf_counter() - t0
    times = []
    cpu = []
    weight = None
    matched = None
    for _ in range(job["repeats"]):
        c0 = time.process_time()
        t0 = time.perf_counter()
        r, c = min_weight_full_bipartite_matching(graph, maximize=True)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        w = np.asarray(graph[r, c]).ravel()
        weight = float(w.sum() - len(r))
        matched = int((c < n_slots).sum())
    return {"times": times, "cpuTimes": cpu, "expandSeconds": expand, "weight": weight, "matched": matched,
            "edges": int(graph.nnz)}


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    out = dense(job) if job["kind"] == "dense" else capacitated(job)
    import scipy
    out["scipy"] = scipy.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
