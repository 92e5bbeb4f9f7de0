"""The WSGI application, for `heard run` (waitress) or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

# Files the web process makes (the SQLite -wal and -shm among them) are the running user's alone,
# as with the `heard` command (heard/cli.py).
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
application = get_wsgi_application()
