#!/usr/bin/python3
"""Summarise bench/run.sh's per-run figures: a Markdown table on stdout, results.json and a PNG.

    report.py RUNS_TSV MACHINE_ENV CHECKS_TXT RESULTS_JSON PLOT_PNG

Medians (with min and max) over the rounds; the ratios divide medians. Only the standard library
and matplotlib (Debian python3-matplotlib), so it runs with /usr/bin/python3.
"""
import csv
import json
import statistics
import sys

ORDER = ["dhv", "pydeb-dh", "pydeb-dh-zstd", "pydeb-zstd", "pydeb-warm", "pydeb-xz", "pydeb-bundled", "pip",
         "pip-nocompile"]
LABELS = {
    "dhv": "dh-virtualenv (dpkg-buildpackage)",
    "pydeb-dh": "pydeb under dh (dpkg-buildpackage, dh-sequence-pydeb, cold)",
    "pydeb-dh-zstd": "pydeb under dh, dh_builddeb -- -Zzstd (cold)",
    "pydeb-zstd": "pydeb build (zstd, cold)",
    "pydeb-warm": "pydeb build (zstd, warm rebuild)",
    "pydeb-xz": "pydeb build (xz, cold)",
    "pydeb-bundled": "pydeb build (bundle: host, zstd, cold)",
    "pip": "venv + pip install (no package)",
    "pip-nocompile": "venv + pip install --no-compile (no package, no .pyc)",
}
METRICS = ["wall_s", "cpu_s", "maxrss_kb", "deb_bytes", "installed_size_kb", "files"]


def number(text):
    return float(text) if text not in ("", None) else None


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def load_runs(path):
    runs = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            user, sys_ = number(row["user_s"]), number(row["sys_s"])
            row["cpu_s"] = str(user + sys_)
            runs.setdefault(row["contender"], []).append({m: number(row[m]) for m in METRICS})
    return runs


def load_env(path):
    with open(path) as f:
        return dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)


def ratio(results, a, b, metric):
    sa, sb = results.get(a, {}).get(metric), results.get(b, {}).get(metric)
    if not sa or not sb or not sb["median"]:
        return None
    return sa["median"] / sb["median"]


def fmt_range(s, scale=1.0, digits=2):
    if s is None:
        return "–"
    m, lo, hi = (s[k] / scale for k in ("median", "min", "max"))
    if lo == hi:
        return f"{m:.{digits}f}"
    return f"{m:.{digits}f} ({lo:.{digits}f}–{hi:.{digits}f})"


def main():
    runs_tsv, machine_env, checks_txt, results_json, plot_png = sys.argv[1:6]
    runs = load_runs(runs_tsv)
    machine = load_env(machine_env)
    with open(checks_txt) as f:
        checks = [line.rstrip("\n") for line in f if line.strip()]
    names = [n for n in ORDER if n in runs]
    results = {n: {m: summary([r[m] for r in runs[n]]) for m in METRICS} for n in names}

    ratios = {}
    for other in ("pydeb-dh", "pydeb-dh-zstd", "pydeb-zstd", "pydeb-warm", "pydeb-xz", "pydeb-bundled", "pip"):
        for metric in ("wall_s", "cpu_s", "maxrss_kb"):
            value = ratio(results, "dhv", other, metric)
            if value is not None:
                ratios[f"dhv/{other} {metric}"] = value
    for other in ("pydeb-dh", "pydeb-zstd", "pydeb-xz"):
        for metric in ("deb_bytes", "installed_size_kb"):
            value = ratio(results, "dhv", other, metric)
            if value is not None:
                ratios[f"dhv/{other} {metric}"] = value
    # What carrying the interpreter costs: the bundled .deb and its build against the system one.
    for metric in ("deb_bytes", "installed_size_kb", "wall_s"):
        value = ratio(results, "pydeb-bundled", "pydeb-zstd", metric)
        if value is not None:
            ratios[f"pydeb-bundled/pydeb-zstd {metric}"] = value
    for other in ("pydeb-zstd", "pydeb-warm"):
        value = ratio(results, "pip", other, "wall_s")
        if value is not None:
            ratios[f"pip/{other} wall_s"] = value

    out = []
    out.append(f"Machine: {machine.get('nproc')} CPUs ({machine.get('cpu')}), {machine.get('ram_gib')} GiB RAM, "
               f"Debian {machine.get('debian')}, kernel {machine.get('kernel')}; load average "
               f"{machine.get('load_before')} before, {machine.get('load_after')} after (shared machine).")
    out.append(f"Versions: Python {machine.get('python')}, pip {machine.get('pip')} (python3-pip-whl), "
               f"dh-virtualenv {machine.get('dh_virtualenv')}, debhelper {machine.get('debhelper')}, "
               f"dpkg {machine.get('dpkg')}, pydeb {machine.get('pydeb')}.")
    out.append(f"Median of {machine.get('repeat')} rounds (min–max); contenders alternate within each round"
               + (", after one uncounted warm-up round." if machine.get("warmup") == "1" else "."))
    out.append("")
    out.append("| contender | wall s | CPU s (user+sys) | peak RSS MiB | .deb KiB | Installed-Size KiB | files |")
    out.append("|---|---|---|---|---|---|---|")
    for n in names:
        r = results[n]
        out.append(f"| {LABELS[n]} | {fmt_range(r['wall_s'])} | {fmt_range(r['cpu_s'])} | "
                   f"{fmt_range(r['maxrss_kb'], 1024, 0)} | {fmt_range(r['deb_bytes'], 1024, 0)} | "
                   f"{fmt_range(r['installed_size_kb'], 1, 0)} | {fmt_range(r['files'], 1, 0)} |")
    out.append("")
    out.append("For pip rows, Installed-Size is the venv's size (du --apparent-size) and no package is made.")
    if ratios:
        out.append("")
        out.append("| ratio (of medians) | value |")
        out.append("|---|---|")
        for key, value in ratios.items():
            out.append(f"| {key} | {value:.2f}x |")
    if checks:
        out.append("")
        out.append("Checks:")
        out.extend(f"- {c}" for c in checks)
    print("\n".join(out))

    with open(results_json, "w") as f:
        json.dump({"machine": machine, "results": results, "ratios": ratios, "checks": checks,
                   "runs": {n: runs[n] for n in names}}, f, indent=2, sort_keys=True)
        f.write("\n")
    plot(results, names, machine, plot_png)
    print(f"\nwrote {results_json} and {plot_png}", file=sys.stderr)


def plot(results, names, machine, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    medians = [results[n]["wall_s"]["median"] for n in names]
    lows = [m - results[n]["wall_s"]["min"] for n, m in zip(names, medians)]
    highs = [results[n]["wall_s"]["max"] - m for n, m in zip(names, medians)]
    colours = ["#b04030" if n == "dhv" else "#3070b0" if n.startswith("pydeb") else "#909090" for n in names]
    fig, ax = plt.subplots(figsize=(10, 4.8))
    y = range(len(names))
    ax.barh(y, medians, xerr=[lows, highs], color=colours, capsize=4)
    ax.set_yticks(list(y), [LABELS[n] for n in names])
    ax.invert_yaxis()
    for i, (n, m) in enumerate(zip(names, medians)):
        ax.text(results[n]["wall_s"]["max"], i, f"  {m:.1f} s", va="center")
    ax.set_xlabel("wall time, seconds (median; bars show min–max)")
    ax.set_title(f"Same app, same wheels (Flask, requests, psycopg2, PyYAML, six + hello)\n"
                 f"wall time, median of {machine.get('repeat')} rounds", fontsize=10)
    ax.set_xlim(0, max(medians) * 1.2)
    fig.text(0.01, 0.01, f"{machine.get('nproc')} CPUs, {machine.get('cpu')}, Debian {machine.get('debian')}, "
             f"load {machine.get('load_before')}", fontsize=7, color="#606060")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=120)


if __name__ == "__main__":
    main()
