"""With HEARD_BEHIND_PROXY=1, `heard run` takes the client's address and scheme from the proxy
on its machine (heard/serving.py); without it, a client cannot pass itself off as another."""

from heard.serving import as_served


def seen_by_the_application(behind_proxy: bool, **headers) -> dict:
    seen = {}

    def application(environ, start_response):
        seen.update(address=environ["REMOTE_ADDR"], scheme=environ["wsgi.url_scheme"])
        start_response("200 OK", [])
        return [b""]

    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        **headers,
    }
    as_served(application, behind_proxy=behind_proxy)(environ, lambda *args: None)
    return seen


def test_behind_a_proxy_the_address_and_scheme_are_the_proxys_last_word():
    seen = seen_by_the_application(
        True, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7", HTTP_X_FORWARDED_PROTO="https"
    )

    # The proxy appends the address it saw: an address the client wrote itself comes before.
    assert seen == {"address": "203.0.113.7", "scheme": "https"}


def test_without_a_proxy_the_headers_are_not_believed():
    seen = seen_by_the_application(
        False, HTTP_X_FORWARDED_FOR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https"
    )

    assert seen == {"address": "127.0.0.1", "scheme": "http"}
