#!/usr/bin/python3
"""The pandas baseline of bench/analytics_bench.cc: the same analyses (trend,
top_applicants, technology, competitor_matrix, concentration, core_patents by
forward citations) as an analyst's notebook would write them, over the same
data (the snapshot's columns exported to CSV by the benchmark).

Only the analyses are timed (the CSV loading is not); each runs 3 times and
the median is reported. Prints one JSON object: {"set": {name: ms}, "all":
{name: ms}, "check": {...}} where "set" is the patent set of set.csv and
"all" the whole corpus; "check" holds a few results the benchmark compares
with its own.
"""
import json
import statistics
import sys
import time

import pandas as pd


def trend(P, A, G):
    d = P[P.filing_year > 0]
    filings = d.groupby("filing_year").size()
    priority = P[P.priority_year > 0].groupby("priority_year").size()
    publications = P[P.publication_year > 0].groupby("publication_year").size()
    by_country = d.groupby(["filing_year", "country"]).size().unstack(fill_value=0)
    out = pd.concat([filings.rename("count"), priority.rename("priority"), publications.rename("publications")],
                    axis=1).fillna(0).astype(int)
    return out.join(by_country)


def top_applicants(P, A, G, last_year, top=20):
    AP = A.merge(P[["row", "filing_year", "forward"]], on="row")
    counts = AP.groupby("applicant").size()
    top_ids = counts.sort_values(ascending=False, kind="stable").head(top)
    sub = AP[AP.applicant.isin(top_ids.index)]
    dated = sub[sub.filing_year > 0]
    first = dated.groupby("applicant").filing_year.min()
    last = dated.groupby("applicant").filing_year.max()
    mean_forward = sub.groupby("applicant").forward.mean()
    per_year = dated.groupby(["applicant", "filing_year"]).size().unstack(fill_value=0)
    a = per_year.get(last_year - 5, pd.Series(0, index=per_year.index))
    b = per_year.get(last_year, pd.Series(0, index=per_year.index))
    growth = ((b / a.where(a > 0)) ** 0.2 - 1)
    sg = sub[["row", "applicant"]].merge(G[["row", "subclass"]], on="row").drop_duplicates(["row", "applicant", "subclass"])
    main_ipc = (sg.groupby(["applicant", "subclass"]).size().rename("n").reset_index()
                .sort_values(["applicant", "n", "subclass"], ascending=[True, False, True])
                .groupby("applicant").head(3).groupby("applicant").subclass.apply(list))
    out = pd.DataFrame({"count": top_ids, "share": top_ids / len(P), "first_year": first, "last_year": last,
                        "growth": growth, "mean_forward_citations": mean_forward, "main_ipc": main_ipc})
    return out.loc[top_ids.index]


def technology(P, A, G):
    n = len(P)
    out = []
    for level in ["section", "class", "subclass", "group"]:
        c = G[["row", level]].drop_duplicates().groupby(level).size().sort_values(ascending=False, kind="stable").head(100)
        out.append(pd.DataFrame({"level": level, "code": c.index, "count": c.values, "share": c.values / n}))
    return pd.concat(out)


def competitor_matrix(P, A, G):
    top_a = A.groupby("applicant").size().sort_values(ascending=False, kind="stable").head(10).index
    top_g = G.groupby("group").size().sort_values(ascending=False, kind="stable").head(10).index
    m = A[A.applicant.isin(top_a)].merge(G[G.group.isin(top_g)], on="row")
    return pd.crosstab(m.applicant, m.group).reindex(index=top_a, columns=top_g, fill_value=0)


def concentration(P, A, G):
    AP = A.merge(P[["row", "filing_year"]], on="row")
    AP = AP[AP.filing_year > 0]
    k = AP.groupby("row").applicant.transform("size")
    AP = AP.assign(part=1.0 / k)
    patents = AP.drop_duplicates("row").groupby("filing_year").size()
    shares = AP.groupby(["filing_year", "applicant"]).part.sum()
    shares = shares / patents.reindex(shares.index.get_level_values(0)).values
    s = shares.rename("s").reset_index().sort_values(["filing_year", "s"], ascending=[True, False])
    g = s.groupby("filing_year")
    return pd.DataFrame({"patents": patents, "applicants": g.size(),
                         "cr4": g.head(4).groupby("filing_year").s.sum(),
                         "cr8": g.head(8).groupby("filing_year").s.sum(),
                         "hhi": (10000 * s.s ** 2).groupby(s.filing_year).sum()})


def core_patents(P, A, G):
    mean = P.groupby(["filing_year", "cohort"]).forward.transform("mean")
    normalized = (P.forward / mean).where(mean > 0, 0.0)
    return P.assign(normalized=normalized).nlargest(50, ["normalized", "forward"])


def timed(fn, runs=3):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main():
    d = sys.argv[1]
    last_year = int(sys.argv[2])
    P_all = pd.read_csv(f"{d}/patents.csv", keep_default_na=False,
                        dtype={"country": "category", "cohort": "category"})
    A_all = pd.read_csv(f"{d}/applicants.csv")
    G_all = pd.read_csv(f"{d}/groups.csv", keep_default_na=False,
                        dtype={"group": "category", "subclass": "category", "class": "category", "section": "category"})
    set_rows = pd.read_csv(f"{d}/set.csv").row
    out = {"check": {}}
    for name in ["set", "all"]:
        times = {}
        if name == "set":
            ms, (P, A, G) = timed(lambda: (P_all[P_all.row.isin(set_rows)], A_all[A_all.row.isin(set_rows)],
                                           G_all[G_all.row.isin(set_rows)]))
            times["select"] = ms
        else:
            P, A, G = P_all, A_all, G_all
        ms, t = timed(lambda: trend(P, A, G)); times["trend"] = ms
        ms, top = timed(lambda: top_applicants(P, A, G, last_year)); times["top_applicants"] = ms
        ms, tech = timed(lambda: technology(P, A, G)); times["technology"] = ms
        ms, cm = timed(lambda: competitor_matrix(P, A, G)); times["competitor_matrix"] = ms
        ms, conc = timed(lambda: concentration(P, A, G)); times["concentration"] = ms
        ms, core = timed(lambda: core_patents(P, A, G)); times["core_patents"] = ms
        out[name] = times
        out["check"][name] = {
            "filings": int(t["count"].sum()),
            "top_applicant_count": int(top["count"].iloc[0]),
            "sections": int((tech.level == "section").sum()),
            "matrix_total": int(cm.values.sum()),
            "hhi_last": round(float(conc.hhi.loc[last_year]), 3) if last_year in conc.index else None,
            "max_forward": int(core.forward.max()),
        }
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
