"""The WSGI application, for `heard run` (waitress) or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

from heard.languages.catalogues import compile_stale_quietly

# Files the web process makes (the SQLite -wal and -shm among them) are the running user's alone,
# as with the `heard` command (heard/cli.py).
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
# Under another WSGI server too, a catalogue edited since the last start is compiled.
compile_stale_quietly()
application = get_wsgi_application()
