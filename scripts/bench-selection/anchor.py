#!/usr/bin/env python3
"""Run the Sortition Foundation's `sortition-algorithms` (the anchor) on one
instance and print one JSON line: wall time, minimum probability, Gini,
geometric mean and the sorted probability vector.

Usage: anchor.py PEOPLE FEATURES K ALGORITHM BACKEND
ALGORITHM: maximin | leximin (leximin needs gurobipy); BACKEND: mip | highspy.
Single-threaded: run under OMP_NUM_THREADS=1 (run.sh does).
"""
import csv
import json
import math
import sys
import time

from sortition_algorithms.committee_generation.leximin import find_distribution_leximin
from sortition_algorithms.committee_generation.maximin import find_distribution_maximin
from sortition_algorithms.features import read_in_features
from sortition_algorithms.people import read_in_people
from sortition_algorithms.settings import Settings
from sortition_algorithms.utils import set_random_provider


def load(path):
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames), list(r)


def gini(v):
    v = sorted(v)
    n, total = len(v), sum(v)
    return 2 * sum((i + 1) * x for i, x in enumerate(v)) / (n * total) - (n + 1) / n


def main():
    people_path, features_path, k, algorithm, backend = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    set_random_provider(42)
    fh, fb = load(features_path)
    features, _, _ = read_in_features(fh, fb, k)
    settings = Settings(id_column="id", columns_to_keep=[], solver_backend=backend, random_number_seed=42)
    ph, pb = load(people_path)
    people, _ = read_in_people(ph, pb, features, settings)
    find = find_distribution_leximin if algorithm == "leximin" else find_distribution_maximin
    start = time.perf_counter()
    cpu = time.process_time()
    committees, probs, _ = find(features, people, k, [], backend)
    wall = time.perf_counter() - start
    marg = {pid: 0.0 for pid in people}
    for c, p in zip(committees, probs):
        for pid in c:
            marg[pid] += p
    v = sorted(marg.values())
    geo = math.exp(sum(math.log(x) for x in v) / len(v)) if min(v) > 0 else 0.0
    print(json.dumps({
        "engine": f"anchor-{algorithm}-{backend}",
        "wall_seconds": wall,
        "cpu_seconds": time.process_time() - cpu,
        "min_probability": v[0],
        "gini": gini(v),
        "geometric_mean": geo,
        "total": sum(v),
        "support_size": sum(1 for p in probs if p > 1e-8),
        "sorted_probabilities": v,
    }))


if __name__ == "__main__":
    main()
