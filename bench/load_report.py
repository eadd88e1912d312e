"""Figures and the Markdown report for bench/run_load.py (docs/benchmarks/README.md explains
each column). Plain Python: no Django, no Locust."""

from __future__ import annotations

BREAKING = {"errors_pct": 1.0, "p95_ms": 2000.0}  # LOAD-3: errors over 1% or p95 over 2 s

# --- Figures ---------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def category(name: str) -> str:
    return name.split(":", 1)[0]


def figures(times: list, fails: int, seconds: float) -> dict:
    n = len(times)
    return {
        "requests": n,
        "rps": n / seconds if seconds else 0.0,
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "p99": pct(times, 99),
        "errors": fails,
        "errors_pct": 100.0 * fails / n if n else 0.0,
    }


def analyse(results: dict) -> dict:
    by_stage = []
    for info in results["stages"]:
        label, seconds = info["label"], info["seconds"]
        times, fails = results["times"].get(label, {}), results["fails"].get(label, {})
        everything = [t for name, ts in times.items() for t in ts]
        row = figures(everything, sum(fails.values()), seconds)
        row.update(label=label, users=info["users"], seconds=seconds)
        groups: dict[str, list] = {}
        group_fails: dict[str, int] = {}
        for name, ts in times.items():
            groups.setdefault(category(name), []).extend(ts)
            group_fails[category(name)] = group_fails.get(category(name), 0) + fails.get(name, 0)
        row["categories"] = {
            cat: figures(ts, group_fails.get(cat, 0), seconds) for cat, ts in groups.items()
        }
        row["pages"] = {
            name: figures(ts, fails.get(name, 0), seconds) for name, ts in sorted(times.items())
        }
        row["codes"] = results["codes"].get(label, {})
        by_stage.append(row)
    return {"stages": by_stage, "knee": knee(by_stage), "recovery": recovery(results)}


def recovery(results: dict) -> list[dict]:
    """p95 in each 10 s of the recovery stage: how soon after the load drops it is quick again."""
    start = next((s["at"] for s in results["stages"] if s["label"] == "recovery"), None)
    if start is None:
        return []
    windows: dict[int, list] = {}
    for at, ms in results.get("recovery", []):
        windows.setdefault(int((at - start) // 10), []).append(ms)
    return [
        {"from": 10 * w, "requests": len(ts), "p95": pct(ts, 95)}
        for w, ts in sorted(windows.items())
    ]


def knee(rows: list[dict]) -> dict:
    """The breaking point (LOAD-3: errors over 1% or p95 over 2 s) and where throughput stopped
    growing with more users (the knee)."""
    steps = [r for r in rows if r["label"] in ("light", "target") or r["label"].startswith("step")]
    breaking = next(
        (
            r
            for r in steps
            if r["errors_pct"] > BREAKING["errors_pct"] or r["p95"] > BREAKING["p95_ms"]
        ),
        None,
    )
    best = None
    for row in steps:
        if row is breaking:
            break
        if best is None or row["rps"] >= best["rps"] * 1.1:
            best = row
    return {
        "breaking": breaking["label"] if breaking else None,
        "breaking_users": breaking["users"] if breaking else None,
        "knee": best["label"] if best else None,
        "knee_users": best["users"] if best else None,
        "knee_rps": best["rps"] if best else None,
    }


def verdicts(summary: dict, writes: dict) -> list[tuple[str, str, bool]]:
    target = next(r for r in summary["stages"] if r["label"] == "target")
    cats = target["categories"]
    signed_in = [cats[c]["p95"] for c in ("citizen", "staff", "write") if c in cats]
    public_p95 = cats.get("public", {}).get("p95", 0.0)
    five_hundreds = sum(
        n
        for row in summary["stages"]
        for code, n in row["codes"].items()
        if code.startswith("5") and code != "503"
    )
    return [
        ("50 requests a second at the target load", f"{target['rps']:.1f}", target["rps"] >= 50),
        ("0% errors at the target load", f"{target['errors_pct']:.2f}%", target["errors"] == 0),
        (
            "p95 signed in ≤ 500 ms",
            f"{max(signed_in, default=0):.0f} ms",
            max(signed_in, default=0) <= 500,
        ),
        ("p95 public ≤ 200 ms", f"{public_p95:.0f} ms", public_p95 <= 200),
        ("overload gives 503, never 500", f"{five_hundreds} other 5xx", five_hundreds == 0),
        (
            "every acknowledged write present exactly once",
            f"{writes['acknowledged']} acknowledged, {len(writes['missing'])} missing, "
            f"{len(writes['duplicated'])} duplicated",
            not writes["missing"] and not writes["duplicated"],
        ),
        (
            "ledger-check after the run",
            "in order" if writes["ledger_clean"] else "NOT in order",
            writes["ledger_clean"],
        ),
    ]


def baseline_flags(summary: dict, previous: dict | None) -> list[str]:
    """LOAD-1: pages more than 20% slower (p95) or the target stage 20% less throughput."""
    if not previous:
        return []
    flags = []
    now = next(r for r in summary["stages"] if r["label"] == "target")
    before = next((r for r in previous["stages"] if r["label"] == "target"), None)
    if before is None:
        return []
    if now["rps"] < 0.8 * before["rps"]:
        flags.append(f"target throughput {now['rps']:.1f} rps, was {before['rps']:.1f}")
    for name, page in now["pages"].items():
        old = before["pages"].get(name)
        if old and old["p95"] >= 5 and page["p95"] > 1.2 * old["p95"]:
            flags.append(f"{name}: p95 {page['p95']:.0f} ms, was {old['p95']:.0f} ms")
    return flags


def row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def ceiling_lines(ceiling: dict, summary: dict) -> list[str]:
    """The stack's ceiling (hello-world alone, with wrk) and how close the journeys came to it."""
    if not ceiling.get("rps"):
        return ["", "Ceiling: not measured (wrk is not installed)."]
    best = max(r["rps"] for r in summary["stages"])
    steps = ", ".join(f"{s['connections']} connections: {s['rps']:.0f}/s" for s in ceiling["steps"])
    return [
        "",
        f"**Ceiling** (the hello-world view alone, measured with wrk in this run): "
        f"**{ceiling['rps']:.0f} requests a second** ({steps}). The mixed journeys' best stage "
        f"reached {best:.1f} requests a second: **{100 * best / ceiling['rps']:.0f}% of the "
        "ceiling** (issue 20 asks for 50% or more at scale 100).",
    ]


def markdown(meta: dict, summary: dict, writes: dict, samples: list, flags: list) -> str:
    m, k = meta["machine"], summary["knee"]
    target = next(r for r in summary["stages"] if r["label"] == "target")
    light = next((r for r in summary["stages"] if r["label"] == "light"), target)
    hello = light["pages"].get("hello: /healthz", {}).get("p50") or 1.0
    lines = [
        f"# Load test, {meta['date']}, scale {meta['scale']} ({meta['mode']})",
        "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, {m['os']}; Python "
        f"{m['python']}, Django {m['django']}, PostgreSQL {m['postgresql']} "
        f"(max_connections {m['max_connections']}), {m['gunicorn']} with {m['workers']} sync "
        f"workers. Locust, gunicorn and PostgreSQL all on this one machine, over loopback.",
        f"Load average before the run: {m['load_before']:.2f}. {meta['note']}",
        "",
        f"Data: `copro demo` + `copro generate_data --scale {meta['scale']}` "
        f"({meta['data_counts']}).",
        "",
        "## Targets (at the target stage: 50 users, one journey step a second each)",
        "",
        row("target", "measured", "met?"),
        row("---", "---", "---"),
    ]
    lines += [row(name, value, "yes" if ok else "**no**") for name, value, ok in meta["verdicts"]]
    lines += ceiling_lines(meta.get("ceiling") or {}, summary)
    lines += [
        "",
        f"**Knee**: throughput stopped growing by 10% or more after **{k['knee']}** "
        f"({k['knee_users']} users, {k['knee_rps'] or 0:.1f} requests a second). "
        + (
            f"**Breaking point** (errors > 1% or p95 > 2 s): {k['breaking']} "
            f"({k['breaking_users']} users)."
            if k["breaking"]
            else "No stage passed the breaking point (errors > 1% or p95 > 2 s)."
        ),
        "",
        "## Each stage",
        "",
        row(
            "stage",
            "users",
            "seconds",
            "requests",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "errors %",
            "/healthz p50",
            "/healthz p95",
            "status codes",
        ),
        row(*["---"] * 12),
    ]
    for r in summary["stages"]:
        h = r["pages"].get("hello: /healthz", {})
        codes = ", ".join(f"{c}: {n}" for c, n in sorted(r["codes"].items()))
        lines.append(
            row(
                r["label"],
                r["users"],
                r["seconds"],
                r["requests"],
                f"{r['rps']:.1f}",
                f"{r['p50']:.0f}",
                f"{r['p95']:.0f}",
                f"{r['p99']:.0f}",
                f"{r['errors_pct']:.2f}",
                f"{h.get('p50', 0):.0f}",
                f"{h.get('p95', 0):.0f}",
                codes,
            )
        )
    lines += [
        "",
        f"Recovery after the load drops to {summary['stages'][-1]['users']} users (LOAD-3), "
        "p95 in each 10 seconds: "
        + (
            ", ".join(
                f"{w['from']}-{w['from'] + 10} s: {w['p95']:.0f} ms ({w['requests']} requests)"
                for w in summary["recovery"]
            )
            or "no requests."
        ),
        "",
        "## Each page type",
        "",
        f"Light load ({light['users']} users) shows what a page costs with little queueing: "
        "*cost* is its p50 "
        f"divided by the hello-world view's p50 in that stage ({hello:.0f} ms). The other "
        "columns are at the target stage.",
        "",
        row(
            "page type",
            "light p50 ms",
            "cost",
            "requests",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "errors",
        ),
        row(*["---"] * 9),
    ]
    for name in sorted(set(target["pages"]) | set(light["pages"])):
        p, q = target["pages"].get(name, figures([], 0, 1)), light["pages"].get(name)
        lines.append(
            row(
                name,
                f"{q['p50']:.0f}" if q else "-",
                f"{q['p50'] / hello:.1f}x" if q else "-",
                p["requests"],
                f"{p['rps']:.1f}",
                f"{p['p50']:.0f}",
                f"{p['p95']:.0f}",
                f"{p['p99']:.0f}",
                p["errors"],
            )
        )
    conns = [s["connections"] for s in samples] or [0]
    rss = [s["rss_mb"] for s in samples] or [0]
    loads = [s["load"] for s in samples] or [0]
    lines += [
        "",
        "## Writes and the database",
        "",
        f"- Acknowledged writes: {writes['acknowledged']} ({writes['by_kind']}); missing "
        f"{len(writes['missing'])}, duplicated {len(writes['duplicated'])}; sent without a clear "
        f"answer: {writes['unacknowledged_attempts']}.",
        f"- `ledger-check` afterwards: {'in order' if writes['ledger_clean'] else 'NOT in order'}"
        f" ({writes['ledger_transactions']} transactions).",
        f"- PostgreSQL connections to the bench database: {min(conns)} to {max(conns)} "
        f"(sampled every 5 s). gunicorn memory (all processes): {min(rss):.0f} to "
        f"{max(rss):.0f} MB. Load average: {min(loads):.1f} to {max(loads):.1f}.",
        "",
        "## Compared with the last baseline (LOAD-1: more than 20% worse is flagged)",
        "",
    ]
    lines += [f"- FLAG: {f}" for f in flags] or ["- Nothing flagged (or no earlier baseline)."]
    return "\n".join(lines) + "\n"
