"""The job protocol shared by the benchmark's method runners (stdlib + numpy only).

``compare.py`` writes a job file and starts one runner process per job, in the method's own
environment (Heard's venv for Heard and TF-IDF + k-means, ``.venv-bertopic`` for BERTopic), so
each job's peak memory is its own. A job is JSON::

    {"method": "heard", "seed": 42, "tasks": [{"name": "...", "level": "topic",
                                                "texts": "a.jsonl", "embeddings": "a.npy"}]}

``texts`` is one JSON string per line; ``embeddings`` a float32 ``(n, d)`` array of L2-normalised
rows, the same for every method (TF-IDF + k-means reads only the texts). The runner answers with
JSON: per task the labels (one theme id per note, ``-1`` = unclear / outlier), the wall time of the
theming call alone (the data is loaded before the clock starts), and the process's resident memory
before that call; per process its peak resident memory (VmHWM, which includes the Python
interpreter, the imported libraries and the loaded data) and the versions of the packages used.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

#: A method: (texts, embeddings, seed, level) -> one label per note (-1 = unclear). ``level`` is
#: the task's "level" ("topic", "keypoint" or "scale"); only Heard, which shows two levels
#: (themes and their sub-themes), uses it.
Method = Callable[[Sequence[str], np.ndarray, int, str], Sequence[int]]


def write_texts(path: Path, texts: Sequence[str]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps(text) + "\n")


def read_texts(path: Path | str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def current_rss_bytes() -> int:
    """VmRSS of this process now (Linux), 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def peak_rss_bytes(who: int = resource.RUSAGE_SELF) -> int:
    """This process's peak resident memory in bytes.

    On Linux, read VmHWM from /proc/self/status: ru_maxrss survives exec, so a runner started
    by compare.py (which holds the 100,000-note set) would report the parent's size whenever
    that was larger than its own peak. VmHWM belongs to the process's own memory map.
    """
    if who == resource.RUSAGE_SELF:
        own = _vm_hwm_bytes()
        if own is not None:
            return own
    peak = resource.getrusage(who).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def _vm_hwm_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def versions(packages: Sequence[str]) -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in packages:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def run_job(
    methods: dict[str, Method],
    packages: Sequence[str],
    argv: Sequence[str],
    extra: dict[str, Any] | None = None,
) -> None:
    """Entry point of a runner: ``runner.py JOB.json OUT.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    job = json.loads(args.job.read_text())
    method = methods[job["method"]]
    seed = int(job.get("seed", 42))
    results: list[dict[str, Any]] = []
    for task in job["tasks"]:
        texts = read_texts(task["texts"])
        embeddings = np.load(task["embeddings"])
        gc.collect()
        record: dict[str, Any] = {"name": task["name"], "n": len(texts)}
        record["rss_before_bytes"] = current_rss_bytes()
        start = time.perf_counter()
        try:
            labels = method(texts, embeddings, seed, task.get("level", "scale"))
        except Exception as error:  # a failure is a result too; the other tasks go on
            record["seconds"] = time.perf_counter() - start
            record["error"] = f"{type(error).__name__}: {error}"
            record["traceback"] = traceback.format_exc()
            record["labels"] = None
        else:
            record["seconds"] = time.perf_counter() - start
            record["labels"] = [int(label) for label in labels]
            if len(record["labels"]) != len(texts):
                record["error"] = f"{len(record['labels'])} labels for {len(texts)} notes"
        results.append(record)
        del texts, embeddings
    output = {
        "method": job["method"],
        "tasks": results,
        "peak_rss_bytes": peak_rss_bytes(resource.RUSAGE_SELF),
        "peak_rss_children_bytes": peak_rss_bytes(resource.RUSAGE_CHILDREN),
        "versions": versions(packages),
        **(extra or {}),
    }
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(output))
    tmp.replace(args.out)
