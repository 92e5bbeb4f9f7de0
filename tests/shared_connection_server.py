"""The live server the browser tests drive, safe with the in-memory SQLite test database.

pytest-django's live server is Django's threaded WSGI server, and with an in-memory SQLite
database every request thread is handed the *same* connection as the test itself (a second
connection would see an empty database). Two requests at once (a page and its service worker, a
page and the outbox's retry) then interleave on one connection: in a fresh-clone CI two request
threads were found blocked in SQLite for good, and the test after them waited on the connection
until CI's time ran out. So, while the connection is shared, the application takes one request
at a time. Connections are still accepted on their own threads (Chromium keeps several alive), and
the response is read whole inside the lock, since a streamed body may still query as it goes.
On PostgreSQL each request has its own connection and nothing is held back.
"""

import threading


def one_request_at_a_time(application):
    """`application` (a WSGI app) answering one request at a time."""
    turn = threading.Lock()

    def app(environ, start_response):
        with turn:
            response = application(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                if hasattr(response, "close"):
                    response.close()
        return [body]

    return app
