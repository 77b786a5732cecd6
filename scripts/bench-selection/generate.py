#!/usr/bin/env python3
"""Generate synthetic selection instances in the Sortition Foundation CSV format.

Two kinds:
  standard  loose quotas (margin 0.1, slack 1), mild self-selection (bias power 1)
  hard      quotas at the population share with no margin (min = floor(k*share),
            max = ceil(k*share)) and a strongly self-selected pool (bias power 2):
            the shape of real assemblies (most volunteers at the minimum
            probability, some certain to be chosen).

Usage: generate.py KIND N K M SEED OUTDIR
writes OUTDIR/people.csv (id + one column per feature) and OUTDIR/features.csv
(feature,value,min,max).
"""
import csv
import math
import os
import random
import sys

# name -> [(value, population share, self-selection bias)]
FEATURES = [
    ("age", [("16-24", .14, .5), ("25-34", .17, .8), ("35-44", .16, 1.0), ("45-54", .17, 1.2),
             ("55-64", .15, 1.5), ("65-74", .12, 1.6), ("75+", .09, .7)]),
    ("gender", [("woman", .51, 1.2), ("man", .48, .9), ("other", .01, 1.5)]),
    ("ethnicity", [("white", .82, 1.1), ("asian", .09, .6), ("black", .04, .6),
                   ("mixed", .03, .8), ("other", .02, .5)]),
    ("impairment", [("mobility", .25, 1.2), ("sensory", .12, .9), ("learning", .08, .5),
                    ("mental-health", .22, 1.0), ("long-term-condition", .20, 1.1),
                    ("neurodivergent", .08, 1.3), ("other", .05, .8)]),
    ("region", [("north-east", .04, .8), ("north-west", .11, .9), ("yorkshire", .08, .9),
                ("east-midlands", .07, 1.0), ("west-midlands", .09, .9), ("east", .09, 1.0),
                ("london", .13, 1.3), ("south-east", .14, 1.2), ("south-west", .09, 1.2),
                ("wales", .05, 1.1), ("scotland", .08, 1.0), ("northern-ireland", .03, .6)]),
    ("carer", [("yes", .18, 1.3), ("no", .82, 1.0)]),
    ("employment", [("employed", .45, .8), ("unemployed", .08, 1.0), ("retired", .22, 1.4),
                    ("student", .07, .7), ("unable-to-work", .18, 1.1)]),
    ("lgbtq", [("yes", .07, 1.4), ("no", .93, 1.0)]),
    ("communication", [("none", .80, 1.0), ("bsl", .03, .6), ("easy-read", .10, .7),
                       ("other", .07, .9)]),
    ("benefits", [("yes", .45, 1.0), ("no", .55, 1.0)]),
    ("area", [("urban", .82, 1.1), ("rural", .18, .8)]),
    ("housing", [("owner", .55, 1.3), ("social-rent", .20, .7), ("private-rent", .20, .8),
                 ("other", .05, .6)]),
]

# Features whose distribution depends on the age band (index into age values).
AGE_SHIFT = {
    "impairment": lambda a, v: {"learning": 1.6 if a < 2 else .7, "mobility": .5 + .25 * a}.get(v, 1.0),
    "carer": lambda a, v: (0.5 + 0.3 * a if a < 5 else 1.0) if v == "yes" else 1.0,
    "employment": lambda a, v: {"retired": 0.01 if a < 4 else (1.0 if a == 4 else 8.0),
                                "student": 5.0 if a == 0 else .1,
                                "employed": 1.2 if 1 <= a <= 4 else .1}.get(v, 1.0),
    "lgbtq": lambda a, v: (2.0 - 0.25 * a) if v == "yes" else 1.0,
}


def pick(rng, items):
    total = sum(w for _, w in items)
    r = rng.random() * total
    for v, w in items:
        r -= w
        if r <= 0:
            return v
    return items[-1][0]


def main():
    kind, n, k, m, seed, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    margin, slack, power = (0.1, 1, 1.0) if kind == "standard" else (0.0, 0, 2.0)
    rng = random.Random(seed)
    feats = FEATURES[:m]
    os.makedirs(out, exist_ok=True)
    people = []
    for i in range(n):
        row = {"id": f"p{i:05d}"}
        age = None
        for name, values in feats:
            items = []
            for vi, (v, share, bias) in enumerate(values):
                w = share * bias ** power
                if name in AGE_SHIFT and age is not None:
                    w *= AGE_SHIFT[name](age, v)
                items.append((v, w))
            val = pick(rng, items)
            if name == "age":
                age = [v for v, _, _ in values].index(val)
            row[name] = val
        people.append(row)
    with open(os.path.join(out, "people.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id"] + [name for name, _ in feats])
        w.writeheader()
        w.writerows(people)
    with open(os.path.join(out, "features.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["feature", "value", "min", "max"])
        for name, values in feats:
            present = {p[name] for p in people}
            for v, share, _ in values:
                t = k * share
                lo = max(0, math.floor(t - margin * t) - slack)
                hi = min(k, math.ceil(t + margin * t) + slack)
                if v not in present:
                    lo = 0
                w.writerow([name, v, lo, hi])


if __name__ == "__main__":
    main()
