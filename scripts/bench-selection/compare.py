#!/usr/bin/env python3
"""Compare result JSON lines (from run.sh) and print a Markdown table.

For each instance: wall time and minimum probability of each engine, the
Withus certified bound and gap, Gini and geometric mean, and the sorted
probability vectors against the anchor: lower-half max |diff|, the first
rank where they differ by more than 1e-4 and which side is higher there.
"""
import json
import sys


def first_diff(a, b, tol=1e-4):
    for i, (x, y) in enumerate(zip(a, b)):
        if abs(x - y) > tol:
            return i, ("withus" if x > y else "anchor")
    return None, "equal"


def main():
    rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
    by = {}
    for r in rows:
        by.setdefault(r["instance"], []).append(r)
    print("|instance|engine|wall s|CPU s|load|min p|certified bound|gap|Gini|geo-mean|sum p|lower-half max abs diff vs anchor|first rank off > 1e-4 (higher)|")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for inst, rs in by.items():
        anchor = next((r for r in rs if r["engine"].startswith("anchor") and "sorted_probabilities" in r), None)
        for r in rs:
            if "error" in r or "timeout" in r:
                print(f"|{inst}|{r['engine']}|{r.get('wall_seconds', float('nan')):.1f}|||{r.get('error', 'timeout')}||||||||")
                continue
            if r["engine"] == "withus":
                c, s = r["certificate"], r["summary"]
                minp, bound, gap = c["min_probability"], c["upper_bound"], c["gap"]
                g, geo, tot = s["gini"], s["geometric_mean"], s["total"]
                if r.get("mode") == "maximin":
                    extra = ", maximin only"
                else:
                    extra = ", full leximin" if c["leximin_complete"] else " (budget hit)"
            else:
                minp, bound, gap = r["min_probability"], float("nan"), float("nan")
                g, geo, tot = r["gini"], r["geometric_mean"], r["total"]
                extra = ""
            cmp_half, cmp_first = "", ""
            if anchor is not None and r is not anchor:
                a, b = r["sorted_probabilities"], anchor["sorted_probabilities"]
                half = len(a) // 2
                cmp_half = f"{max(abs(x - y) for x, y in zip(a[:half], b[:half])):.2e}"
                i, side = first_diff(a, b)
                cmp_first = f"{i} ({side})" if i is not None else "none"
            print(f"|{inst}|{r['engine']}{extra}|{r['wall_seconds']:.1f}|{r.get('cpu_seconds', float('nan')):.1f}|{r.get('load', '')}|{minp:.6f}|{bound:.6f}|{gap:.2e}|{g:.3f}|{geo:.5f}|{tot:.4f}|{cmp_half}|{cmp_first}|")
    print()
    print("|instance|types|levels|maximin done s|panels|LP solves (s)|simplex pivots|MIP solves (s)|initial columns s|peak RSS MB|")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for inst, rs in by.items():
        for r in rs:
            st = r.get("stats")
            if r["engine"] != "withus" or st is None:
                continue
            print(f"|{inst}|{st['types']}|{st['levels']}|{st.get('maximin_seconds', float('nan')):.1f}|{st['panels_generated']}|"
                  f"{st['lp_solves']} ({st['lp_seconds']:.1f})|{st.get('lp_pivots', '')}|{st['mip_solves']} ({st['mip_seconds']:.1f})|"
                  f"{st['initial_seconds']:.1f}|{r.get('peak_rss_mb', float('nan')):.0f}|")


if __name__ == "__main__":
    main()
