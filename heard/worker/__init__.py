"""The background worker and its queue (django-tasks with the database backend, django-tasks-db).

`queue.py`: the rules that keep the queue small, for any app's tasks: `enqueue_once` (no second
waiting task for the same work) and `one_at_a_time` (no two tasks doing the same work at once).
`backlog.py`: what is waiting, running and finished, and pruning the finished.
`heard worker` (management/commands/worker.py) is django-tasks-db's worker plus `--status` and
a housekeeping thread; `heard prune-tasks` prunes by hand.

This app imports no other app of Heard: the apps above it use it.
"""
