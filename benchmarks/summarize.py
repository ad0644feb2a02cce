#!/usr/bin/env python3
"""Summarizes JMH JSON results of the hot path benchmarks: the table, the ratios and the targets.

Usage: python3 benchmarks/summarize.py RESULT.json [RESULT.json ...] [--strict]

Each file is one pass over all the benchmarks (benchmarks/run.sh makes several, one fork each,
so that a burst of load from other processes hits every benchmark alike). A ratio is computed
within each pass, from the scores (average ns per call per thread) of that pass; the ratio given
is the median over the passes, with their range. With --strict, exits 1 when a target is missed.
"""
import json
import statistics
import sys

ALLOC_MAX = 0.5  # B/op: "about zero"; one object per call would be 16 B or more
IN_FLIGHT_MAX = 1.1  # "unchanged" while a refresh is in flight: within 10%


def load(path):
    results = {}
    for r in json.load(open(path)):
        method = r["benchmark"].split(".")[-1]
        pm = r["primaryMetric"]
        secondary = r.get("secondaryMetrics", {})
        alloc = secondary.get("gc.alloc.rate.norm", {}).get("score")
        cpu = secondary.get("cpu.time.norm", {}).get("score")
        results[(method, r["threads"])] = dict(score=pm["score"], alloc=alloc, cpu=cpu)
    return results


def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--")] or ["benchmarks/target/jmh-results.json"]
    strict = "--strict" in sys.argv
    passes = [load(p) for p in paths]
    keys = sorted(set().union(*passes), key=lambda k: (k[1], k[0]))

    print("%d pass(es): %s" % (len(passes), " ".join(paths)))
    print()
    print("%-24s %3s %9s %9s %9s %10s %9s   %s" % ("benchmark", "thr", "median", "min", "max", "B/op max",
                                                  "CPU ns/op", "ns/op of each pass"))
    for key in keys:
        scores = [p[key]["score"] for p in passes if key in p]
        allocs = [p[key]["alloc"] for p in passes if key in p and p[key]["alloc"] is not None]
        cpus = [p[key]["cpu"] for p in passes if key in p and p[key]["cpu"] is not None]
        print("%-24s %3d %9.2f %9.2f %9.2f %10s %9s   %s" % (
            key[0], key[1], statistics.median(scores), min(scores), max(scores),
            ("%.4f" % max(allocs)) if allocs else "n/a", ("%.2f" % statistics.median(cpus)) if cpus else "n/a",
            " ".join("%.2f" % s for s in scores)))
    print()

    checks = []

    def ratios(a, b, metric="score"):
        return [p[a][metric] / p[b][metric] for p in passes
                if a in p and b in p and p[a][metric] is not None and p[b][metric]]

    def line(label, values, limit=None, note=""):
        if not values:
            return
        value = statistics.median(values)
        text = "%-60s %6.3f  [%5.3f..%5.3f]" % (label, value, min(values), max(values))
        if limit is not None:
            ok = value <= limit
            checks.append((label, ok))
            text += "  target <= %.2f  %s" % (limit, "HOLDS" if ok else "MISSED")
        print(text + note)

    def th(t):
        return "%d thread%s" % (t, "s" if t > 1 else "")

    print("Ratios, median over the passes [min..max]:")
    for t in (1, 2):
        line("getToken / baseline (%s)" % th(t), ratios(("getToken", t), ("baseline", t)), 1.5)
    for t in (1, 2):
        line("getTokenGuarded / baseline (%s)" % th(t), ratios(("getTokenGuarded", t), ("baseline", t)), None,
             "  (reference: the guarded phase, two clock reads)")
    for t in (1, 2):
        line("nanoTime / currentTimeMillis (%s)" % th(t), ratios(("nanoTime", t), ("currentTimeMillis", t)), None,
             "  (reference)")
    for t in (1, 2):
        line("getToken / CachedSupplier.get (%s)" % th(t), ratios(("getToken", t), ("cachedSupplier", t)), 0.6)
    line("getToken, 2 threads / 1 thread", ratios(("getToken", 2), ("getToken", 1)), 1.3)
    line("baseline, 2 threads / 1 thread", ratios(("baseline", 2), ("baseline", 1)), None, "  (reference)")
    line("currentTimeMillis, 2 threads / 1 thread",
         ratios(("currentTimeMillis", 2), ("currentTimeMillis", 1)), None, "  (reference)")
    scaling = [p[("getToken", 2)]["score"] / p[("getToken", 1)]["score"]
               / (p[("currentTimeMillis", 2)]["score"] / p[("currentTimeMillis", 1)]["score"])
               for p in passes if all(k in p for k in [("getToken", 2), ("getToken", 1),
                                                        ("currentTimeMillis", 2), ("currentTimeMillis", 1)])]
    line("getToken 2/1 threads over currentTimeMillis 2/1 threads", scaling, None, "  (load-normalized)")
    line("getToken, 2 threads / 1 thread, in CPU time per call", ratios(("getToken", 2), ("getToken", 1), "cpu"),
         None, "  (load-robust)")
    line("baseline, 2 threads / 1 thread, in CPU time per call", ratios(("baseline", 2), ("baseline", 1), "cpu"),
         None, "  (load-robust)")
    for t in (1, 2):
        line("getToken / baseline in CPU time per call (%s)" % th(t),
             ratios(("getToken", t), ("baseline", t), "cpu"), None, "  (load-robust)")
        line("getToken / CachedSupplier.get in CPU time per call (%s)" % th(t),
             ratios(("getToken", t), ("cachedSupplier", t), "cpu"), None, "  (load-robust)")
    for t in (1, 2):
        line("refresh in flight / fresh getToken (%s)" % th(t),
             ratios(("getTokenRefreshInFlight", t), ("getToken", t)), IN_FLIGHT_MAX)
    for t in (1, 2):
        line("Clock.systemUTC().millis() / currentTimeMillis (%s)" % th(t),
             ratios(("systemClockMillis", t), ("currentTimeMillis", t)), None, "  (reference)")
    for t in (1, 2):
        line("baseline / currentTimeMillis (%s)" % th(t),
             ratios(("baseline", t), ("currentTimeMillis", t)), None, "  (reference)")
    print()
    print("Allocation per call (gc.alloc.rate.norm, largest over the passes):")
    for method in ("getToken", "getTokenRefreshInFlight"):
        for t in (1, 2):
            allocs = [p[(method, t)]["alloc"] for p in passes
                      if (method, t) in p and p[(method, t)]["alloc"] is not None]
            if not allocs:
                continue
            ok = max(allocs) <= ALLOC_MAX
            label = "%s (%s)" % (method, th(t))
            checks.append((label + " allocation", ok))
            print("%-60s %8.4f B/op  target <= %.1f  %s" % (label, max(allocs), ALLOC_MAX,
                                                            "HOLDS" if ok else "MISSED"))
    print()
    missed = [label for label, ok in checks if not ok]
    print("%d of %d targets hold%s" % (len(checks) - len(missed), len(checks),
                                       (": missed " + "; ".join(missed)) if missed else ""))
    if strict and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
