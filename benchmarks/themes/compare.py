"""Heard, BERTopic and TF-IDF + k-means side by side: quality on ArgKP, time and memory at scale.

One command runs every method on the same data in one go and writes RESULTS-compare.md:

    .venv/bin/python benchmarks/themes/compare.py --repeats 3

(about 30 minutes on 2 cores; first ``bash benchmarks/themes/setup_bertopic_env.sh`` for
BERTopic's own environment). A quick smoke run: ``--sizes 2000 --methods heard,tfidf``;
``--parts quality`` or ``--parts scale`` runs only one half.

* Embeddings: every ArgKP argument is embedded once with Heard's embedder (``default_embedder()``,
  the multilingual Universal Sentence Encoder, ``MODEL_ID`` in heard/analysis/embed.py) and
  cached outside the repo (``$HEARD_BENCH_CACHE``, default ``~/.cache/heard-bench``).
  Heard and BERTopic get the very same vectors; TF-IDF + k-means reads the texts only.
* Quality: topic level (all arguments of a split, truth = motion) and key-point level (inside one
  motion and stance, the arguments humans matched to exactly one key point, truth = that key
  point; all 56 groups, as quality.py scores them, though one holds a single key point).
  NMI is scikit-learn's (arithmetic mean); a method's unclear notes (-1) count as one more group.
* Scale: 2,000 / 20,000 / 100,000 notes. 2,000 is a random sample of the real arguments; the larger
  sets hold all 6,515 real arguments plus copies of randomly drawn ones whose vectors get Gaussian
  noise and are re-normalised (texts repeat the original's). Each (method, size) runs in its own
  process, so peak memory (VmHWM, the process's own high-water mark) is that run's; the clock
  covers the theming call only.

Every method runs in a separate process: Heard and TF-IDF + k-means under this Python, BERTopic
under ``benchmarks/themes/.venv-bertopic/bin/python`` (its own dependencies, never Heard's).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from runner_io import write_texts  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "argkp"
DEFAULT_CACHE = Path(os.environ.get("HEARD_BENCH_CACHE", "~/.cache/heard-bench")).expanduser()
BERTOPIC_PYTHON = HERE / ".venv-bertopic" / "bin" / "python"
METHODS = ("heard", "bertopic", "tfidf")
LABELS = {
    "heard": "Heard",
    "bertopic": "BERTopic",
    "bertopic-cold": "BERTopic, cold",
    "heard-flat": "Heard, themes only",
    "heard-embedder": "Heard + embedder",
    "tfidf": "TF-IDF + k-means",
}
SPLITS = ("train", "dev")
#: A synthetic note lies at a random point between a real argument and one of its NEIGHBOURS
#: nearest real arguments, plus Gaussian noise of this standard deviation per dimension, then is
#: re-normalised: it stays among real notes of the same kind. (Noise alone was tried first: at
#: σ = 0.02 every argument's ~15 copies formed a tight clump, and BERTopic found 5,549 "topics"
#: at 100,000 notes; at σ = 0.03 the copies were mostly isotropic noise, off the data's shape,
#: and BERTopic's nearest-neighbour search did not finish in 15 minutes.)
NOISE_SIGMA = 0.01
NEIGHBOURS = 10
#: A run is stopped after --timeout seconds plus this, for start-up (imports, loading the data,
#: BERTopic's warm-up), so that the time-out is about the theming itself.
STARTUP_ALLOWANCE = 150.0
#: Quality runs of a method (all tasks in one process) get this long before they are stopped.
QUALITY_TIMEOUT = 3600.0


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Argument:
    uid: str  # split-prefixed arg_id (arg_ids repeat across splits)
    split: str
    text: str
    topic: str
    stance: str
    key_point: str | None  # the one key point humans matched it to, if exactly one


def load_argkp(data_dir: Path) -> list[Argument]:
    arguments: list[Argument] = []
    for split in SPLITS:
        matched: dict[str, list[str]] = defaultdict(list)
        with open(data_dir / f"labels_{split}.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["label"].strip() == "1":
                    matched[row["arg_id"]].append(row["key_point_id"])
        with open(data_dir / f"arguments_{split}.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                points = matched.get(row["arg_id"], [])
                arguments.append(
                    Argument(
                        uid=f"{split}:{row['arg_id']}",
                        split=split,
                        text=row["argument"],
                        topic=row["topic"],
                        stance=row["stance"].strip(),
                        key_point=f"{split}:{points[0]}" if len(points) == 1 else None,
                    )
                )
    return arguments


def embed_arguments(arguments: Sequence[Argument], cache_dir: Path) -> tuple[np.ndarray, str]:
    """Heard's embedding of every argument, computed once and kept in the cache directory."""
    from heard.analysis.embed import MODEL_ID, default_embedder

    texts = [argument.text for argument in arguments]
    digest = hashlib.sha256("\n".join([MODEL_ID, *texts]).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"argkp-{MODEL_ID}-{digest}.npy"
    if path.exists():
        return np.load(path), digest
    print(f"embedding {len(texts)} arguments with {MODEL_ID} (once; cached at {path})", flush=True)
    start = time.perf_counter()
    vectors = default_embedder().embed(texts)
    print(f"  embedded in {time.perf_counter() - start:.1f} s", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors.astype(np.float32))
    return vectors.astype(np.float32), digest


@dataclass
class Task:
    name: str
    kind: str  # "topic" | "keypoint" | "scale"
    split: str
    indices: np.ndarray | None = None  # into the arguments (quality tasks)
    truth: list[str] = field(default_factory=list)
    size: int = 0


def quality_tasks(arguments: Sequence[Argument]) -> tuple[list[Task], int]:
    """Topic-level tasks (one per split) and key-point-level tasks (one per motion and stance)."""
    tasks: list[Task] = []
    skipped = 0
    for split in SPLITS:
        rows = [i for i, a in enumerate(arguments) if a.split == split]
        tasks.append(
            Task(
                name=f"topic-{split}",
                kind="topic",
                split=split,
                indices=np.array(rows),
                truth=[arguments[i].topic for i in rows],
            )
        )
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, argument in enumerate(arguments):
        if argument.key_point is not None:
            groups[(argument.split, argument.topic, argument.stance)].append(i)
    topic_numbers = {topic: n for n, topic in enumerate(sorted({a.topic for a in arguments}))}
    for (split, topic, stance), rows in sorted(groups.items()):
        truth = [arguments[i].key_point or "" for i in rows]
        if len(set(truth)) < 2:
            skipped += 1  # kept, as in quality.py: NMI is 0 there for any split of the group
        tasks.append(
            Task(
                name=f"kp-{split}-{topic_numbers[topic]:02d}-{stance}",
                kind="keypoint",
                split=split,
                indices=np.array(rows),
                truth=truth,
            )
        )
    return tasks, skipped


def median_neighbour_cosine(vectors: np.ndarray) -> float:
    """Median cosine between a real argument and its nearest other real argument."""
    best = np.full(len(vectors), -1.0, dtype=np.float32)
    for start in range(0, len(vectors), 1024):
        block = vectors[start : start + 1024] @ vectors.T
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -1.0
        best[start : start + len(block)] = block.max(axis=1)
    return float(np.median(best))


def scale_set(
    vectors: np.ndarray, texts: Sequence[str], size: int, seed: int, sigma: float
) -> tuple[np.ndarray, list[str]]:
    """``size`` notes: real arguments first, then synthetic ones between real neighbours.

    Up to 6,515 notes the set is a random sample of the real arguments. Beyond, each synthetic
    note takes a random real argument a, one of a's NEIGHBOURS nearest real arguments b and
    t ~ U(0, 1): its vector is normalise(a + t (b - a) + N(0, σ²)), its text a's text.
    """
    rng = np.random.default_rng([seed, size])
    n = len(vectors)
    if size <= n:
        rows = rng.choice(n, size=size, replace=False)
        return vectors[rows].copy(), [texts[i] for i in rows]
    neighbours = np.empty((n, NEIGHBOURS), dtype=np.int64)
    for start in range(0, n, 1024):
        block = vectors[start : start + 1024] @ vectors.T
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -2.0
        top = np.argpartition(-block, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
        neighbours[start : start + len(block)] = top
    extra = rng.integers(0, n, size=size - n)
    partner = neighbours[extra, rng.integers(0, NEIGHBOURS, size=len(extra))]
    t = rng.uniform(0.0, 1.0, size=(len(extra), 1)).astype(np.float32)
    copies = vectors[extra] + t * (vectors[partner] - vectors[extra])
    copies += rng.normal(0.0, sigma, size=copies.shape).astype(np.float32)
    copies /= np.linalg.norm(copies, axis=1, keepdims=True)
    order = rng.permutation(size)
    rows = np.concatenate([np.arange(n), extra])[order]
    stacked = np.concatenate([vectors, copies.astype(np.float32)])[order]
    return stacked.astype(np.float32), [texts[i] for i in rows]


# ---------------------------------------------------------------------------------------------
# Running one job in its own process


@dataclass
class Run:
    method: str
    status: str  # "ok" | "timeout" | "memory cap" | "failed"
    wall_seconds: float
    tree_peak_rss: int  # sampled every 0.1 s over the process and its children
    output: dict[str, Any] | None
    stderr_tail: str = ""


def _tree_rss(pid: int) -> int:
    total = 0
    stack = [pid]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_job(
    method: str,
    tasks: list[dict[str, str]],
    workdir: Path,
    name: str,
    *,
    seed: int,
    timeout: float,
    memory_cap: int,
    bertopic_python: Path,
    unseeded: bool,
    embedder_cache: Path,
) -> Run:
    job_path = workdir / f"{name}.job.json"
    out_path = workdir / f"{name}.out.json"
    log_path = workdir / f"{name}.log"
    out_path.unlink(missing_ok=True)
    runner_method = "bertopic" if method == "bertopic-cold" else method
    job_path.write_text(json.dumps({"method": runner_method, "seed": seed, "tasks": tasks}))
    if runner_method == "bertopic":
        command = [str(bertopic_python), str(HERE / "bertopic_runner.py")]
        if unseeded:
            command.append("--unseeded")
        if method == "bertopic-cold":
            command.append("--cold")
    else:
        command = [sys.executable, str(HERE / "method_runner.py")]
    command += [str(job_path), str(out_path)]
    environment = dict(
        os.environ,
        PYTHONPATH=str(HERE),
        TOKENIZERS_PARALLELISM="false",
        HEARD_BENCH_EMBEDDER_CACHE=str(embedder_cache),
    )
    start = time.perf_counter()
    peak = 0
    status = "ok"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(  # noqa: S603 - our own runner scripts
            command, stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True
        )
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            elapsed = time.perf_counter() - start
            if elapsed > timeout + STARTUP_ALLOWANCE or peak > memory_cap:
                status = "timeout" if elapsed > timeout + STARTUP_ALLOWANCE else "memory cap"
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                break
            time.sleep(0.1)
    wall = time.perf_counter() - start
    output = json.loads(out_path.read_text()) if out_path.exists() else None
    if status == "ok" and (process.returncode != 0 or output is None):
        status = "failed"
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    return Run(method, status, wall, peak, output, tail)


# ---------------------------------------------------------------------------------------------
# Scoring


def nmi(truth: Sequence[str], labels: Sequence[int]) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    return float(normalized_mutual_info_score(truth, labels))


def nmi_placed(truth: Sequence[str], labels: Sequence[int]) -> float | None:
    """NMI over the notes the method placed in a theme (its unclear notes left out)."""
    kept = [(t, label) for t, label in zip(truth, labels, strict=True) if label != -1]
    if len(kept) < 2:
        return None
    return nmi([t for t, _ in kept], [label for _, label in kept])


def unclear_share(labels: Sequence[int]) -> float:
    return sum(1 for label in labels if label == -1) / max(1, len(labels))


def theme_count(labels: Sequence[int]) -> int:
    return len({label for label in labels if label != -1})


@dataclass
class Quality:
    method: str
    status: str
    topic_nmi: dict[str, float] = field(default_factory=dict)
    topic_unclear: dict[str, float] = field(default_factory=dict)
    topic_themes: dict[str, int] = field(default_factory=dict)
    topic_nmi_placed: dict[str, float | None] = field(default_factory=dict)
    kp_nmi_placed: dict[str, list[float]] = field(default_factory=dict)
    kp_nmi: dict[str, list[float]] = field(default_factory=dict)
    kp_unclear: dict[str, tuple[int, int]] = field(default_factory=dict)
    kp_themes: dict[str, list[int]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def score_quality(method: str, tasks: Sequence[Task], run: Run) -> Quality:
    quality = Quality(method, run.status)
    if run.output is None:
        quality.failures.append(f"{run.status}: {run.stderr_tail[-500:]}")
        return quality
    by_name = {record["name"]: record for record in run.output["tasks"]}
    for task in tasks:
        record = by_name.get(task.name)
        labels = record.get("labels") if record else None
        if record is None or labels is None or record.get("error"):
            error = record.get("error") if record else "not run"
            quality.failures.append(f"{task.name}: {error}")
            labels = [-1] * len(task.truth)  # a failed run found nothing
        quality.seconds += float(record["seconds"]) if record else 0.0
        if task.kind == "topic":
            quality.topic_nmi[task.split] = nmi(task.truth, labels)
            quality.topic_unclear[task.split] = unclear_share(labels)
            quality.topic_themes[task.split] = theme_count(labels)
            quality.topic_nmi_placed[task.split] = nmi_placed(task.truth, labels)
        else:
            quality.kp_nmi.setdefault(task.split, []).append(nmi(task.truth, labels))
            unclear, total = quality.kp_unclear.get(task.split, (0, 0))
            quality.kp_unclear[task.split] = (
                unclear + sum(1 for label in labels if label == -1),
                total + len(labels),
            )
            quality.kp_themes.setdefault(task.split, []).append(theme_count(labels))
            placed = nmi_placed(task.truth, labels)
            if placed is not None:
                quality.kp_nmi_placed.setdefault(task.split, []).append(placed)
    return quality


@dataclass
class ScaleResult:
    method: str
    size: int
    run: Run
    seconds: float | None = None
    peak_rss: int | None = None
    rss_before: int | None = None
    unclear: float | None = None
    themes: int | None = None
    error: str | None = None
    warm_up_seconds: float | None = None
    all_seconds: list[float] = field(default_factory=list)


def merge_repeats(results: Sequence[ScaleResult]) -> ScaleResult:
    """Repeated runs of one (method, size): the fastest time, the highest peak memory."""
    done = [r for r in results if r.seconds is not None]
    if not done:
        return results[-1]
    best = min(done, key=lambda r: r.seconds or 0.0)
    best.all_seconds = [r.seconds for r in done if r.seconds is not None]
    best.peak_rss = max((r.peak_rss or 0) for r in done) or None
    return best


def score_scale(method: str, size: int, run: Run) -> ScaleResult:
    result = ScaleResult(method, size, run)
    if run.output is None:
        return result
    record = run.output["tasks"][0]
    result.peak_rss = int(run.output["peak_rss_bytes"])
    result.rss_before = int(record["rss_before_bytes"])
    if run.output.get("warm_up_seconds") is not None:
        result.warm_up_seconds = float(run.output["warm_up_seconds"])
    if record.get("error") or record.get("labels") is None:
        result.error = record.get("error") or "no labels"
        return result
    result.seconds = float(record["seconds"])
    result.unclear = unclear_share(record["labels"])
    result.themes = theme_count(record["labels"])
    return result


# ---------------------------------------------------------------------------------------------
# Report


def _mb(value: int | None) -> str:
    return "—" if value is None else f"{value / 2**20:,.0f} MB"


def _f(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _median(values: Sequence[float]) -> float | None:
    return float(np.median(values)) if values else None


def _machine() -> dict[str, str]:
    info = {"nproc": str(os.cpu_count())}
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        info["nproc"] = subprocess.run(  # noqa: S603
            ["nproc"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(
            next(line for line in meminfo.splitlines() if line.startswith("MemTotal")).split()[1]
        )
        info["ram"] = f"{kb / 2**20:.1f} GiB"
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    info["os"] = f"{platform.system()} {platform.release()}"
    return info


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _analysis_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "heard" / "analysis").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _analysis_dirty() -> bool:
    try:
        status = subprocess.run(  # noqa: S603
            ["git", "-C", str(REPO), "status", "--porcelain", "heard/analysis"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return False
    return bool(status.strip())


def _git_commit() -> str:
    try:
        commit = subprocess.run(  # noqa: S603
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return commit


def write_report(
    path: Path,
    *,
    command: str,
    started: dt.datetime,
    finished: dt.datetime,
    load_start: str,
    load_end: str,
    methods: Sequence[str],
    sizes: Sequence[int],
    qualities: dict[str, Quality],
    scale: dict[tuple[str, int], ScaleResult],
    tasks: Sequence[Task],
    skipped_groups: int,
    n_arguments: int,
    versions: dict[str, dict[str, str]],
    args: argparse.Namespace,
) -> None:
    lines: list[str] = []
    add = lines.append
    machine = _machine()
    add("# Theme finding: Heard vs BERTopic vs TF-IDF + k-means")
    add("")
    add("Made by one run of:")
    add("")
    add("```")
    add(command)
    add("```")
    add("")
    add(
        f"- Date: {started:%Y-%m-%d %H:%M} – {finished:%H:%M} UTC "
        f"({(finished - started).total_seconds() / 60:.0f} min), repo at commit {_git_commit()}; "
        f"`heard/analysis/*.py` as run: sha256 {args.analysis_digest}"
        + (" (uncommitted changes)" if args.analysis_dirty else "")
        + "."
    )
    add(
        f"- Machine: {machine.get('nproc')} cores (`nproc`), {machine.get('ram', '?')} RAM, "
        f"{machine.get('cpu', '?')}, {machine.get('os')}. Load average at start {load_start}, "
        f"at end {load_end}: the machine is shared, so times are noisy ("
        + (
            f"each scale time is the fastest of {args.repeats} runs"
            if args.repeats > 1
            else "each number is one run"
        )
        + ")."
    )
    environments: dict[str, list[str]] = {}
    for method in methods:
        if method in versions:
            pinned = ", ".join(f"{k} {v}" for k, v in versions[method].items())
            environments.setdefault(pinned, []).append(LABELS[method])
    for pinned, names in environments.items():
        add(f"- {' and '.join(names)} ran with: {pinned}.")
    from heard.analysis.embed import MODEL_ID

    add(
        "- Data: `../shared/data/argkp` (IBM Debater ArgKP, CDLA-Sharing 1.0), "
        f"{n_arguments:,} arguments. Embeddings: Heard's embedder ({MODEL_ID}), computed once "
        "and cached; Heard and BERTopic get the same vectors, TF-IDF + k-means reads the texts."
    )
    add("")
    add("## Targets")
    add("")
    add("| target | measured | met? |")
    add("| --- | --- | --- |")
    for row in _targets(methods, sizes, qualities, scale):
        add(row)
    add("")
    if qualities:
        _quality_section(add, list(qualities), qualities, tasks, skipped_groups)
    if scale:
        with_cold = list(methods)
        if "heard" in with_cold and any(m == "heard-flat" for m, _ in scale):
            with_cold.insert(with_cold.index("heard") + 1, "heard-flat")
        if "bertopic" in with_cold and any(m == "bertopic-cold" for m, _ in scale):
            with_cold.insert(with_cold.index("bertopic") + 1, "bertopic-cold")
        _scale_section(add, with_cold, sizes, scale, args)
    add("## How each method was run")
    add("")
    add(
        "- **Heard**: `heard.analysis.pipeline.find_themes(texts, embeddings=vectors)`, defaults; "
        "the clock covers everything after embedding (themes, the sub-themes of each theme, "
        "names, quotes). Topic level and scale: the theme ids (`note_themes`). Key-point level "
        "(one motion and stance at a time): the finest level Heard shows, a note's sub-theme "
        "(`note_subthemes`), or its theme when it has none."
    )
    add(
        "- **Heard + embedder** (quality only): the same call also given "
        "`embedder=CachedEmbedder(default_embedder(), SqliteEmbeddingCache(...))`, as `heard "
        "themes` (the CLI) runs it: sub-themes then also look at the notes re-embedded without "
        "their theme's shared words (embedded once, then cached; the cache is outside the "
        "repo). The app's Themes page runs plain **Heard** (no embedder, see "
        "`heard/themes/grouping.py`). Not run at scale, where it would add embedding time to "
        "the clock on a first run."
    )
    add(
        "- **Heard, themes only** (scale only): `find_themes(..., subthemes=False)`: one flat "
        "level of themes with names and quotes, the like-for-like of BERTopic's topics."
    )
    add(
        "- **BERTopic** (in `benchmarks/themes/.venv-bertopic`, made by `setup_bertopic_env.sh`): "
        "`BERTopic(embedding_model=None, umap_model=UMAP(n_neighbors=15, n_components=5, "
        "min_dist=0.0, metric='cosine', low_memory=False, random_state="
        + ("None" if args.bertopic_unseeded else str(args.seed))
        + "), calculate_probabilities=False).fit_transform(texts, embeddings=vectors)`: "
        "BERTopic's defaults (HDBSCAN min_cluster_size 10, c-TF-IDF topic words) with the UMAP "
        "it builds by default"
        + (
            " (unseeded, as BERTopic ships it)"
            if args.bertopic_unseeded
            else ", seeded so runs repeat (umap-learn then optimises on one thread)"
        )
        + ". A warm-up fit on 4,200 random vectors runs in each process before the clock, so "
        "numba's compilation is not counted (except in *BERTopic, cold*). Outliers (topic -1) "
        "count as unclear."
    )
    add(
        "- **TF-IDF + k-means**: scikit-learn `TfidfVectorizer(stop_words='english', "
        "sublinear_tf=True)` on the texts, `KMeans(n_init=3)` for k from 2 to min(50, √n) "
        "(at most 25 values of k), keeping the k with the best cosine silhouette on a sample of "
        "at most 2,000 notes. Every note gets a group (no unclear)."
    )
    add(
        "- Each method runs in its own process (quality: one process per method for all tasks; "
        "scale: one process per method and size). Time = wall time of the theming call, with "
        "texts and vectors already in memory and libraries imported. Peak memory = the process's "
        "own high-water mark (`VmHWM` in /proc/self/status; not `ru_maxrss`, which on Linux "
        "keeps the size of the parent that started the process), so it includes the "
        "interpreter, the imported libraries and the loaded vectors (154 MB at 100,000 "
        "notes); the memory before the call is shown beside it."
    )
    add("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _targets(
    methods: Sequence[str],
    sizes: Sequence[int],
    qualities: dict[str, Quality],
    scale: dict[tuple[str, int], ScaleResult],
) -> list[str]:
    rows: list[str] = []

    def row(target: str, measured: str, met: bool | None) -> None:
        rows.append(
            f"| {target} | {measured} | {'—' if met is None else ('yes' if met else 'no')} |"
        )

    heard_20k = scale.get(("heard", 20000))
    bert_20k = scale.get(("bertopic", 20000))
    if heard_20k and bert_20k:
        if heard_20k.seconds is not None and bert_20k.seconds is not None:
            ratio = heard_20k.seconds / bert_20k.seconds
            row(
                "20,000 notes, embeddings cached: Heard ≤ 1/8 of BERTopic's time (same run), "
                "BERTopic warm (numba compiled before the clock)",
                f"Heard {heard_20k.seconds:.2f} s, BERTopic warm {bert_20k.seconds:.1f} s: "
                f"ratio {ratio:.3f} (1/{1 / ratio:.1f})",
                ratio <= 1 / 8,
            )
            cold = scale.get(("bertopic-cold", 20000))
            if cold and cold.seconds:
                cold_ratio = heard_20k.seconds / cold.seconds
                row(
                    "the same against BERTopic cold (a fresh process's first fit, compilation "
                    "inside the clock; comparable to the 75-90 s quoted for BERTopic here)",
                    f"Heard {heard_20k.seconds:.2f} s, BERTopic cold {cold.seconds:.1f} s: "
                    f"ratio {cold_ratio:.3f} (1/{1 / cold_ratio:.1f})",
                    cold_ratio <= 1 / 8,
                )
            flat = scale.get(("heard-flat", 20000))
            if flat and flat.seconds is not None:
                flat_ratio = flat.seconds / bert_20k.seconds
                row(
                    "(reference) the same for Heard's themes only, `subthemes=False`, the "
                    "like-for-like of BERTopic's one level of topics",
                    f"{flat.seconds:.2f} s against BERTopic warm {bert_20k.seconds:.1f} s: "
                    f"ratio {flat_ratio:.3f} (1/{1 / flat_ratio:.1f})",
                    flat_ratio <= 1 / 8,
                )
        else:
            row("20,000 notes: Heard ≤ 1/8 of BERTopic's time", "a run did not finish", None)
    heard_100k = scale.get(("heard", 100000))
    if heard_100k:
        if heard_100k.peak_rss is not None:
            row(
                "Heard's peak memory ≤ 1 GB at 100,000 notes",
                f"{_mb(heard_100k.peak_rss)} (process peak, `VmHWM`)",
                heard_100k.peak_rss <= 2**30,
            )
        else:
            row("Heard's peak memory ≤ 1 GB at 100,000 notes", heard_100k.run.status, False)
    heard = qualities.get("heard")
    if heard:
        compare = {m: q for m, q in qualities.items() if m != "heard"}
        values = [heard.topic_nmi.get(s) for s in SPLITS]
        if all(v is not None for v in values):
            others = "; ".join(
                f"{LABELS[m]} {_f(q.topic_nmi.get('train'))} / {_f(q.topic_nmi.get('dev'))}"
                for m, q in compare.items()
            )
            row(
                "topic-level NMI ≥ 0.95 (train / dev)",
                f"Heard {_f(values[0])} / {_f(values[1])}" + (f" ({others})" if others else ""),
                min(v for v in values if v is not None) >= 0.95,
            )
        median_all = _median([v for s in SPLITS for v in heard.kp_nmi.get(s, [])])
        if median_all is not None:
            others = "; ".join(
                f"{LABELS[m]} {_f(_median([v for s in SPLITS for v in q.kp_nmi.get(s, [])]))}"
                for m, q in compare.items()
            )
            per_split = " / ".join(_f(_median(heard.kp_nmi.get(s, []))) for s in SPLITS)
            row(
                "key-point-level median NMI ≥ 0.50",
                f"Heard {_f(median_all)} (train / dev: {per_split})"
                + (f" ({others})" if others else ""),
                median_all >= 0.50,
            )
        kp_unclear = _kp_unclear(heard)
        topic_unclear = max(heard.topic_unclear.values()) if heard.topic_unclear else None
        if kp_unclear is not None and topic_unclear is not None:
            others = "; ".join(
                f"{LABELS[m]} {_pct(_kp_unclear(q))} / "
                f"{_pct(max(q.topic_unclear.values(), default=None))}"
                for m, q in compare.items()
            )
            row(
                "unclear ≤ 5% (key-point level / topic level, worse split)",
                f"Heard {_pct(kp_unclear)} / {_pct(topic_unclear)}"
                + (f" ({others})" if others else ""),
                max(kp_unclear, topic_unclear) <= 0.05,
            )
    if not rows:
        row("(no target measured in this run)", "", None)
    return rows


def _kp_unclear(quality: Quality) -> float | None:
    unclear = sum(u for u, _ in quality.kp_unclear.values())
    total = sum(t for _, t in quality.kp_unclear.values())
    return unclear / total if total else None


def _quality_section(
    add: Any,
    methods: Sequence[str],
    qualities: dict[str, Quality],
    tasks: Sequence[Task],
    skipped_groups: int,
) -> None:
    kp_tasks = [t for t in tasks if t.kind == "keypoint"]
    counts = Counter(t.split for t in kp_tasks)
    kp_notes = Counter()
    for t in kp_tasks:
        kp_notes[t.split] += len(t.truth)
    topic_notes = {t.split: len(t.truth) for t in tasks if t.kind == "topic"}
    topic_truths = {t.split: len(set(t.truth)) for t in tasks if t.kind == "topic"}
    add("## Quality on ArgKP")
    add("")
    add(
        "NMI against the human labels (scikit-learn, arithmetic normalisation; unclear notes "
        "count as one more group). Topic level: "
        + ", ".join(
            f"{s} {topic_notes.get(s, 0):,} arguments / {topic_truths.get(s, 0)} motions"
            for s in SPLITS
        )
        + ". Key-point level: "
        + ", ".join(
            f"{s} {counts.get(s, 0)} groups ({kp_notes.get(s, 0):,} arguments)" for s in SPLITS
        )
        + f", one group per motion and stance (all of them, as `quality.py` scores them; "
        f"{skipped_groups} group(s) hold a single key point, where NMI is 0 for any split). "
        "`quality.py` scores Heard's sub-theme stage (`subgroup`) directly on each group; here "
        "Heard runs whole, through `find_themes`."
    )
    add("")
    add(
        "| method | topic NMI train | topic NMI dev | themes train / dev | unclear (topic) "
        "| key-point median NMI | train | dev | unclear (key point) | median themes per group "
        "| time for all quality tasks |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for method in methods:
        q = qualities.get(method)
        if q is None:
            continue
        all_kp = [v for s in SPLITS for v in q.kp_nmi.get(s, [])]
        themes = [v for s in SPLITS for v in q.kp_themes.get(s, [])]
        topic_unclear = " / ".join(_pct(q.topic_unclear.get(s)) for s in SPLITS)
        add(
            f"| {LABELS[method]} | {_f(q.topic_nmi.get('train'))} | {_f(q.topic_nmi.get('dev'))} "
            f"| {q.topic_themes.get('train', '—')} / {q.topic_themes.get('dev', '—')} "
            f"| {topic_unclear} | **{_f(_median(all_kp))}** "
            f"| {_f(_median(q.kp_nmi.get('train', [])))} | {_f(_median(q.kp_nmi.get('dev', [])))} "
            f"| {_pct(_kp_unclear(q))} | {_f(_median(themes), 1)} | {q.seconds:.1f} s |"
        )
    add("")
    for method in methods:
        q = qualities.get(method)
        if q and q.failures:
            shown = "; ".join(q.failures[:5])
            more = f" (and {len(q.failures) - 5} more)" if len(q.failures) > 5 else ""
            add(f"- {LABELS[method]} failures ({q.status}): {shown}{more}")
    if any(q.failures for q in qualities.values()):
        add("")
    add(
        "The same NMI counting only the notes each method placed in a theme (its unclear notes "
        "left out; a method that leaves many notes unclear looks better this way): topic level "
        "train / dev, key-point median. "
        + "; ".join(
            f"{LABELS[m]} {_f(qualities[m].topic_nmi_placed.get('train'))} / "
            f"{_f(qualities[m].topic_nmi_placed.get('dev'))}, "
            f"{_f(_median([v for s in SPLITS for v in qualities[m].kp_nmi_placed.get(s, [])]))}"
            for m in methods
            if m in qualities
        )
        + "."
    )
    add("")
    add(
        "Key-point-level NMI per group (quartiles, min–max): "
        + "; ".join(
            f"{LABELS[m]} " + _spread([v for s in SPLITS for v in qualities[m].kp_nmi.get(s, [])])
            for m in methods
            if m in qualities
        )
        + "."
    )
    add("")


def _spread(values: Sequence[float]) -> str:
    if not values:
        return "—"
    q1, q2, q3 = np.percentile(values, [25, 50, 75])
    return f"{q1:.2f} / {q2:.2f} / {q3:.2f} ({min(values):.2f}–{max(values):.2f})"


def _scale_section(
    add: Any,
    methods: Sequence[str],
    sizes: Sequence[int],
    scale: dict[tuple[str, int], ScaleResult],
    args: argparse.Namespace,
) -> None:
    add("## Time and peak memory at scale (embeddings given)")
    add("")
    add(
        "2,000 notes: a random sample of the real arguments. 20,000 and 100,000: all 6,515 real "
        "arguments plus synthetic notes, each at a random point t ~ U(0, 1) on the way from a "
        f"random real argument a to one of a's {NEIGHBOURS} nearest real arguments b, plus "
        f"Gaussian noise (σ = {args.noise} per dimension), re-normalised: "
        "normalise(a + t (b − a) + ε); its text is a's. More notes of the same kinds, lying "
        "among the real ones (a real argument's nearest real neighbour is at a median cosine "
        f"of {args.neighbour_cosine:.2f}). Noise alone made either tight clumps of copies "
        "(σ = 0.02) or vectors off the data's shape (σ = 0.03; BERTopic then timed out at "
        "100,000), so it was not used. One process per method and "
        f"size, stopped after {args.timeout:.0f} s (+{STARTUP_ALLOWANCE:.0f} s for start-up) or "
        f"above {args.memory_cap_gb:g} GB."
        + (
            f" Each ran {args.repeats} times, the rounds interleaved across methods; the time "
            "shown is the fastest (every run's time in brackets, in seconds), the peak memory "
            "the highest."
            if args.repeats > 1
            else ""
        )
    )
    add("")
    add(
        "| notes | method | theming time | peak memory | memory before the call "
        "| themes | unclear | status |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        for method in methods:
            r = scale.get((method, size))
            if r is None:
                continue
            status = r.run.status if r.error is None else f"error: {r.error}"
            if r.run.status in ("timeout", "memory cap"):
                status += (
                    f" after {r.run.wall_seconds:.0f} s (sampled peak {_mb(r.run.tree_peak_rss)})"
                )
            seconds = "—" if r.seconds is None else f"{r.seconds:,.2f} s"
            if len(r.all_seconds) > 1:
                seconds += " (" + " / ".join(f"{t:.1f}" for t in r.all_seconds) + ")"
            add(
                f"| {size:,} | {LABELS[method]} | {seconds} | {_mb(r.peak_rss)} "
                f"| {_mb(r.rss_before)} | {r.themes if r.themes is not None else '—'} "
                f"| {_pct(r.unclear)} | {status} |"
            )
    add("")
    warm = [r.warm_up_seconds for r in scale.values() if r.warm_up_seconds is not None]
    if warm:
        add(
            "Not in BERTopic's times above: each fresh BERTopic process first spent "
            f"{min(warm):.0f}–{max(warm):.0f} s (imports, numba compiling UMAP and pynndescent, "
            "and a fit on 4,200 random vectors) in a warm-up before the clock started. "
            "*BERTopic, cold* is the same fit in a fresh process without that warm-up (imports "
            "still outside the clock), so numba's compilation falls inside the clock, as for a "
            "user who runs BERTopic once. The targets table shows Heard against both; the warm "
            "time is the stricter comparison."
        )
        add("")
    others = [m for m in methods if not m.startswith("heard")]
    mine = [m for m in methods if m.startswith("heard")]
    if mine and others:
        add(
            "Heard relative to the others, same size, same run (time ratio, below 1 is faster, "
            "with its inverse; then peak-memory ratio):"
        )
        add("")
        add("| notes | Heard run | " + " | ".join(f"/ {LABELS[m]}" for m in others) + " |")
        add("| --- | --- | " + " | ".join("---" for _ in others) + " |")
        for size in sizes:
            for variant in mine:
                heard = scale.get((variant, size))
                if heard is None:
                    continue
                cells = [_ratio(heard, scale.get((other, size))) for other in others]
                add(f"| {size:,} | {LABELS[variant]} | " + " | ".join(cells) + " |")
        add("")


def _ratio(heard: ScaleResult, other: ScaleResult | None) -> str:
    if other is None or heard.seconds is None or other.seconds is None:
        return "—"
    ratio = heard.seconds / other.seconds
    time_text = f"time {ratio:.3f} (1/{1 / ratio:.1f})" if ratio < 1 else f"time {ratio:.2f}"
    if heard.peak_rss and other.peak_rss:
        time_text += f", memory {heard.peak_rss / other.peak_rss:.2f}"
    return time_text


# ---------------------------------------------------------------------------------------------
# Main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--methods", default=",".join(METHODS), help="comma list of " + ",".join(METHODS)
    )
    parser.add_argument("--sizes", default="2000,20000,100000", help="comma list of note counts")
    parser.add_argument("--parts", default="quality,scale", help="quality, scale or both")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the argkp folder")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="embeddings, scale sets")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS-compare.md")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--noise", type=float, default=NOISE_SIGMA, help="σ of the copies' noise")
    parser.add_argument(
        "--repeats", type=int, default=1, help="runs per method and size (fastest kept)"
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per scale run")
    parser.add_argument("--memory-cap-gb", type=float, default=16.0, help="kill a run above this")
    parser.add_argument("--bertopic-python", type=Path, default=BERTOPIC_PYTHON)
    parser.add_argument(
        "--bertopic-cold-sizes",
        default="20000",
        help="sizes where BERTopic also runs cold (compiling inside the clock); '' for none",
    )
    parser.add_argument(
        "--no-heard-flat",
        dest="heard_flat",
        action="store_false",
        help="skip the scale runs of Heard without sub-themes",
    )
    parser.add_argument(
        "--no-heard-embedder",
        dest="heard_embedder",
        action="store_false",
        help="skip the quality run of Heard given an embedder for sub-themes",
    )
    parser.add_argument(
        "--bertopic-unseeded", action="store_true", help="BERTopic's unseeded (parallel) UMAP"
    )
    args = parser.parse_args(argv)
    args.methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = set(args.methods) - set(METHODS)
    if unknown:
        parser.error(f"unknown method(s): {', '.join(sorted(unknown))}")
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.bertopic_cold_sizes = [int(s) for s in args.bertopic_cold_sizes.split(",") if s.strip()]
    args.parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    if not args.parts <= {"quality", "scale"}:
        parser.error("--parts takes quality, scale or both")
    if "bertopic" in args.methods and not args.bertopic_python.exists():
        parser.error(
            f"{args.bertopic_python} is missing: run bash benchmarks/themes/setup_bertopic_env.sh"
        )
    return args


def _command(argv: Sequence[str] | None) -> str:
    words = list(sys.argv[1:] if argv is None else argv)
    python = Path(sys.executable)
    with contextlib.suppress(ValueError):
        python = python.relative_to(REPO)
    script = Path(__file__).resolve().relative_to(REPO)
    return " ".join(shlex.quote(str(w)) for w in [python, script, *words])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    load_start = _load()
    args.analysis_digest = _analysis_digest()
    args.analysis_dirty = _analysis_dirty()
    command = _command(argv)
    arguments = load_argkp(args.data)
    vectors, digest = embed_arguments(arguments, args.cache)
    texts = [a.text for a in arguments]
    args.neighbour_cosine = median_neighbour_cosine(vectors)
    workdir = args.cache / "runs" / started.strftime("%Y%m%dT%H%M%S")
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"work files in {workdir}", flush=True)
    run_options = {
        "seed": args.seed,
        "memory_cap": int(args.memory_cap_gb * 2**30),
        "bertopic_python": args.bertopic_python,
        "unseeded": args.bertopic_unseeded,
        "embedder_cache": args.cache / "sqlite",
    }
    versions: dict[str, dict[str, str]] = {}

    tasks: list[Task] = []
    skipped = 0
    qualities: dict[str, Quality] = {}
    if "quality" in args.parts:
        tasks, skipped = quality_tasks(arguments)
        files = []
        for task in tasks:
            assert task.indices is not None
            text_path = workdir / f"{task.name}.jsonl"
            vector_path = workdir / f"{task.name}.npy"
            write_texts(text_path, [texts[i] for i in task.indices])
            np.save(vector_path, vectors[task.indices])
            files.append(
                {
                    "name": task.name,
                    "level": task.kind,
                    "texts": str(text_path),
                    "embeddings": str(vector_path),
                }
            )
        quality_methods = list(args.methods)
        if "heard" in quality_methods and args.heard_embedder:
            quality_methods.insert(quality_methods.index("heard") + 1, "heard-embedder")
        for method in quality_methods:
            print(f"quality: {method} on {len(tasks)} tasks", flush=True)
            run = run_job(
                method, files, workdir, f"quality-{method}", timeout=QUALITY_TIMEOUT, **run_options
            )
            qualities[method] = score_quality(method, tasks, run)
            if run.output:
                versions[method] = run.output["versions"]
            q = qualities[method]
            print(
                f"  {run.status} in {run.wall_seconds:.0f} s: topic NMI "
                + ", ".join(f"{s} {v:.3f}" for s, v in q.topic_nmi.items())
                + "; key-point median NMI "
                + ", ".join(f"{s} {_f(_median(v))}" for s, v in q.kp_nmi.items()),
                flush=True,
            )

    scale: dict[tuple[str, int], ScaleResult] = {}
    if "scale" in args.parts:
        for size in args.sizes:
            name = f"scale-{size}-s{args.seed}-between-n{args.noise:g}-{digest}"
            text_path = args.cache / f"{name}.jsonl"
            vector_path = args.cache / f"{name}.npy"
            if not (text_path.exists() and vector_path.exists()):
                set_vectors, set_texts = scale_set(vectors, texts, size, args.seed, args.noise)
                write_texts(text_path, set_texts)
                np.save(vector_path, set_vectors)
                del set_vectors, set_texts
            files = [{"name": name, "texts": str(text_path), "embeddings": str(vector_path)}]
            scale_methods = list(args.methods)
            if "heard" in scale_methods and args.heard_flat:
                scale_methods.insert(scale_methods.index("heard") + 1, "heard-flat")
            if "bertopic" in scale_methods and size in args.bertopic_cold_sizes:
                scale_methods.insert(scale_methods.index("bertopic") + 1, "bertopic-cold")
            repeats: dict[str, list[ScaleResult]] = defaultdict(list)
            for round_ in range(args.repeats):
                for method in scale_methods:
                    if repeats[method] and repeats[method][-1].run.status != "ok":
                        continue  # a time-out or memory cap is not tried again
                    print(f"scale: {method} on {size:,} notes, run {round_ + 1}", flush=True)
                    run = run_job(
                        method,
                        files,
                        workdir,
                        f"scale-{size}-{method}-{round_ + 1}",
                        timeout=args.timeout,
                        **run_options,
                    )
                    result = score_scale(method, size, run)
                    repeats[method].append(result)
                    scale[(method, size)] = merge_repeats(repeats[method])
                    if run.output:
                        versions.setdefault(method, run.output["versions"])
                    print(
                        f"  {run.status}: {_f(result.seconds, 2)} s, "
                        f"peak {_mb(result.peak_rss)}, {result.themes} themes, "
                        f"unclear {_pct(result.unclear)}"
                        + (f", error {result.error}" if result.error else ""),
                        flush=True,
                    )
                    if run.status == "failed":
                        print(run.stderr_tail[-1500:], flush=True)

    finished = dt.datetime.now(dt.UTC)
    write_report(
        args.output,
        command=command,
        started=started,
        finished=finished,
        load_start=load_start,
        load_end=_load(),
        methods=args.methods,
        sizes=args.sizes,
        qualities=qualities,
        scale=scale,
        tasks=tasks,
        skipped_groups=skipped,
        n_arguments=len(arguments),
        versions=versions,
        args=args,
    )
    print(f"wrote {args.output}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
