"""Tasks for the queue's tests: they write down each time they run, so a test can see whether a
task ran twice. Importable by path, as the worker imports a task it claims."""

import os
import threading

from django_tasks import TaskContext, task

RUNS: list[str] = []
RUNS_FILE = "HEARD_TEST_RUNS_FILE"
_lock = threading.Lock()


@task(takes_context=True)
def note_run(context: TaskContext, label: str) -> str:
    with _lock:
        RUNS.append(str(context.task_result.id))
    if written_to := os.environ.get(RUNS_FILE):  # workers in other processes
        with open(written_to, "a") as handle:
            handle.write(f"{context.task_result.id}\n")
    return label


@task()
def fail(label: str) -> None:
    raise RuntimeError(label)
