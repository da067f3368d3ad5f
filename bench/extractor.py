"""Extractor benchmark: articles/s, MB/s and peak memory of the pipeline on synthetic
Korean articles, measured in a fresh process of its own.

    python -m bench.extractor FOLDER   (prints one JSON result)
"""

from __future__ import annotations

import contextlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpus import load_registry_entries, write_articles
from bench.server import ROOT, WORK


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not getrusage: ru_maxrss survives exec on Linux, so a
    child of a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(folder: Path) -> dict[str, Any]:
    t = time.perf_counter()
    from allygraph.loaders.pipeline import default_extractor, extract_path

    default_extractor()
    setup = time.perf_counter() - t
    paths = sorted(folder.glob("*.txt"))
    rss_before = peak_rss_mb()
    size = sum(p.stat().st_size for p in paths)
    extract_path(paths[0])  # first-call costs (lazy imports, regex compilation)
    failed, relations = 0, 0
    t = time.perf_counter()
    for path in paths:
        try:
            relations += len(extract_path(path).relations)
        except Exception:
            failed += 1
    seconds = time.perf_counter() - t
    peak = peak_rss_mb()
    # tracemalloc's peak of Python allocations over a sample (it slows Python down, so it
    # is measured apart from the throughput)
    import tracemalloc

    tracemalloc.start()
    for path in paths[:50]:
        with contextlib.suppress(Exception):
            extract_path(path)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "pool": _pool_throughput(paths),
        "scaling": _scaling(),
        "articles": len(paths),
        "bytes": size,
        "failed": failed,
        "relations": relations,
        "seconds": round(seconds, 3),
        "setup_seconds": round(setup, 3),
        "articles_per_s": round(len(paths) / seconds, 1),
        "mb_per_s": round(size / seconds / 1e6, 3),
        "peak_rss_mb": round(peak, 1),
        "rss_after_setup_mb": round(rss_before, 1),
        "tracemalloc_peak_mb_50_articles": round(traced_peak / 1e6, 2),
    }


def _pool_throughput(paths: list[Path]) -> dict[str, Any]:
    """The same articles through ``allygraph load``'s worker processes (each within the
    time budget), one worker and one per core; warm-up (the fork server) not counted."""
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.workers import WorkerPool

    out: dict[str, Any] = {}
    for size in (1, 2):
        with WorkerPool(size, budget=60.0) as pool:
            list(pool.map(extract_path, [(p,) for p in paths[:size]], ["warm"] * size))
            t = time.perf_counter()
            results = list(pool.map(extract_path, [(p,) for p in paths], [str(p) for p in paths]))
            seconds = time.perf_counter() - t
        failed = sum(isinstance(r, Exception) for r in results)
        out[f"workers_{size}"] = {
            "articles_per_s": round(len(paths) / seconds, 1),
            "failed": failed,
        }
    return out


# Mention-dense text: the shape that made extraction quadratic (issue 12). Sizes double, so
# a linear extractor shows a ratio near 2 between neighbours.
_DENSE_UNIT = "KT와 LG전자가 협력했다. " * 10 + "\n"


def _scaling() -> list[dict[str, Any]]:
    from allygraph.loaders.pipeline import extract_text

    rows: list[dict[str, Any]] = []
    for lines in (100, 200, 400, 800, 1600):
        text = _DENSE_UNIT * lines
        t = time.perf_counter()
        extract_text(text, {"title": "제목", "published": "2020-06-03"})
        seconds = time.perf_counter() - t
        ratio = round(seconds / rows[-1]["seconds"], 2) if rows else None
        kb = round(len(text.encode()) / 1024)
        rows.append({"kb": kb, "seconds": round(seconds, 3), "ratio": ratio})
    return rows


def run(n: int) -> dict[str, Any]:
    folder = WORK / "articles"
    if folder.exists():
        for old in folder.glob("*.txt"):
            old.unlink()
    write_articles(folder, n, registry=load_registry_entries(ROOT / "data" / "registry.yaml"))
    done = subprocess.run(
        [sys.executable, "-m", "bench.extractor", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
