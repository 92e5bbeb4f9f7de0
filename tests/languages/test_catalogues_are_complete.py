"""CI fails when a catalogue is out of date (a message added or removed in a template or in
Python since the catalogue was remade) or when a message of a translated language is missing or
fuzzy. The catalogues are remade with makemessages into a copy of the package, never in place."""

import os
import shutil

import polib
import pytest

from heard.languages.catalogues import (
    PACKAGE,
    copy_sources,
    make_catalogues,
    po_files,
    problems,
    translated_languages,
)


def _need_xgettext():
    if shutil.which("xgettext") and shutil.which("msgmerge"):
        return
    reason = "GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}; CI must check the catalogues")
    pytest.skip(reason)


def test_every_catalogue_is_up_to_date_and_fully_translated(tmp_path):
    _need_xgettext()
    copy = copy_sources(tmp_path / "fresh")
    make_catalogues(root=copy)
    found = problems(committed_root=PACKAGE.parent, fresh_root=copy)
    assert not found, "run `heard messages` and translate:\n" + "\n".join(found)


def test_the_check_finds_a_new_message_and_an_untranslated_one(tmp_path):
    """The check above could pass by looking at nothing: here it must see a message added to a
    template and a translation emptied."""
    _need_xgettext()
    committed = copy_sources(tmp_path / "committed")
    page = committed / "heard" / "templates" / "404.html"
    page.write_text(page.read_text() + '{% translate "A sentence nobody translated yet" %}\n')
    po_path = committed / "heard" / "locale" / "es" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    emptied = next(entry for entry in po if entry.msgid == "Not found")
    emptied.msgstr = ""
    po.save()
    fresh = copy_sources(tmp_path / "fresh", root=committed)
    make_catalogues(root=fresh)
    found = "\n".join(problems(committed_root=committed, fresh_root=fresh))
    assert "A sentence nobody translated yet" in found
    assert "untranslated: 'Not found'" in found


def test_every_language_but_english_has_catalogues():
    assert translated_languages() == ["es"]
    languages = {po.parent.parent.name for po in po_files()}
    assert languages == {"es"}


def test_each_catalogue_compiles_without_gnu_gettext(tmp_path):
    for po_path in po_files():
        po = polib.pofile(str(po_path))
        target = tmp_path / f"{po_path.parent.parent.parent.parent.name}.mo"
        po.save_as_mofile(str(target))
        assert len(polib.mofile(str(target))) == len(po.translated_entries()) > 0


def test_one_message_has_one_translation_in_every_catalogue():
    """Django merges the catalogues and one translation of a message wins everywhere (the
    project's, then the apps' in INSTALLED_APPS order): the same words translated two ways would
    show the other app's choice on a page without anyone noticing. Words that must read
    differently in two places get a context (`pgettext`, `{% translate ... context %}`)."""
    translations: dict[tuple, dict[str, str]] = {}
    for po_path in po_files():
        if po_path.name != "django.po":
            continue
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or entry.msgid_plural:
                continue
            key = (entry.msgctxt, entry.msgid)
            translations.setdefault(key, {})[entry.msgstr] = str(po_path.relative_to(PACKAGE))
    differing = {key: found for key, found in translations.items() if len(found) > 1}
    assert not differing, "\n".join(f"{key[1]!r}: {found}" for key, found in differing.items())
