"""The Content-Security-Policy header as {directive: sources}: django-csp writes the directives
in no fixed order, so tests compare directives, never the header's text."""


def csp_directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in header.split(";"))
        if part
    }
