"""Reading the exports back as a reader's software would."""

import io

import docx
import pypdf

PRIVATE_QUOTE = "The landlord's cousin threatened me, keep this between us."


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(body)).pages)


def docx_text(body: bytes) -> str:
    document = docx.Document(io.BytesIO(body))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
