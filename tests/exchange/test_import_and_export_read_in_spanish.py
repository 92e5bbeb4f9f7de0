"""A Spanish-speaking organizer imports and exports in Spanish; the file's columns keep Heard's
own names, so an export comes back in whatever language it was made in."""

import io

from spanish import get_in_spanish, post_in_spanish

from heard.exchange.models import ImportBatch

SHEET = (
    "Nombre,Apellido,Teléfono,Correo,Barrio,Idioma\n"
    "Tomás,Ruiz,555 201 3344,t@x.org,Hilltop,español\n"
)


def test_the_export_and_import_pages_speak_spanish(may_client, ours):
    export = get_in_spanish(may_client, "/exports/").content.decode()
    imports = get_in_spanish(may_client, "/imports/").content.decode()

    assert "<h1>Exportar</h1>" in export and "Take Heard's records" not in export
    assert "<h1>Importar</h1>" in imports and "Earlier imports" not in imports
    assert "Importaciones anteriores" in imports


def test_a_spanish_sheet_is_checked_in_spanish(may_client, ours):
    upload = io.BytesIO(SHEET.encode())
    upload.name = "hoja.csv"
    post_in_spanish(may_client, "/imports/", {"file": upload})
    batch = ImportBatch.objects.get()
    page = get_in_spanish(may_client, f"/imports/{batch.pk}/").content.decode()

    assert batch.mapping == {
        "0": "first_name", "1": "last_name", "2": "phone", "3": "email", "4": "neighbourhood",
        "5": "language",
    }  # fmt: skip
    assert "2. La revisión" in page and "The check" not in page
    assert "<strong>1</strong> nuevas" in page
