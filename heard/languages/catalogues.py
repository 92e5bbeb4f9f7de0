"""Heard's gettext catalogues: one per app, so that work on two apps never touches one file.

`heard/<app>/locale/<lang>/LC_MESSAGES/django.po` holds an app's messages (its templates and
Python); `heard/locale/...` holds the shared layout's (heard/templates, heard/*.py). Remaking
them needs GNU gettext's xgettext (`heard messages`); compiling them does not: polib writes the
.mo files in pure Python, so a fresh machine runs Heard in every language without gettext.
The .mo files are build output (gitignored): `heard` compiles a stale one on every start.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

PACKAGE = Path(__file__).resolve().parent.parent
#: Folders of the package that are no app and hold no message of the web pages: the pure-Python
#: analysis library, and the static files (their scripts' words are the package's djangojs
#: catalogue, see `make_catalogues`).
NOT_MESSAGES = ("analysis", "static", "locale", "__pycache__")
#: The scripts with words (heard/static/heard/*.js): one djangojs catalogue for the package,
#: served by Django's JavaScriptCatalog at /jsi18n/.
SCRIPTS = Path("static")
#: Command-line faces that run without Django's settings, so they speak English only.
COMMAND_LINE = ("cli.py", "themes_cli.py", "settings.py", "wsgi.py", "asgi.py")


@dataclass(frozen=True)
class Catalogue:
    """One folder whose messages go into one catalogue: an app, or the package's own files."""

    folder: Path  # the app's folder (or the package's), relative to the package's parent
    ignore: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.folder.name

    def po(self, language: str, root: Path = PACKAGE.parent) -> Path:
        return root / self.folder / "locale" / language / "LC_MESSAGES" / "django.po"


def catalogues() -> list[Catalogue]:
    """The package's own catalogue, then one for each of Heard's apps."""
    app_folders = sorted(
        Path(config.path).relative_to(PACKAGE.parent)
        for config in apps.get_app_configs()
        if Path(config.path).parent == PACKAGE
    )
    package = PACKAGE.relative_to(PACKAGE.parent)
    # The package's catalogue leaves out every app's folder: each app has its own.
    skip = tuple(sorted({folder.name for folder in app_folders} | set(NOT_MESSAGES)))
    return [Catalogue(package, ignore=skip + COMMAND_LINE)] + [
        Catalogue(folder) for folder in app_folders
    ]


def translated_languages() -> list[str]:
    """Every language of settings.LANGUAGES but the one the messages are written in."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def make_catalogues(root: Path = PACKAGE.parent, languages: list[str] | None = None) -> None:
    """Remake every catalogue under `root` (the folder holding the `heard` package) from the
    templates and Python of its folder, keeping the translations already written; messages no
    longer used are dropped, not kept as obsolete entries."""
    from django.test.utils import override_settings  # only here: `heard` starts without it

    languages = languages or translated_languages()
    for catalogue in catalogues():
        folder = root / catalogue.folder
        (folder / "locale").mkdir(exist_ok=True)
        # makemessages writes into settings.LOCALE_PATHS before the folder's own locale/ when
        # the file lies below it, and heard/locale lies above every app: so none while it runs.
        with override_settings(LOCALE_PATHS=[]), contextlib.chdir(folder):
            call_command(
                "makemessages",
                locale=languages,
                domain="django",
                extensions=["html", "txt", "py"],
                ignore_patterns=list(catalogue.ignore),
                no_obsolete=True,
                no_wrap=True,
                add_location="file",
                verbosity=0,
            )
        with contextlib.suppress(OSError):
            (folder / "locale").rmdir()  # an app with nothing to translate keeps no folder
        for language in languages:
            po = catalogue.po(language, root)
            if po.exists():
                _tidy_header(po, language)
    package = root / PACKAGE.name
    skip = [p.name for p in package.iterdir() if p.is_dir() and p.name != SCRIPTS.name]
    with override_settings(LOCALE_PATHS=[]), contextlib.chdir(package):
        call_command(
            "makemessages",
            locale=languages,
            domain="djangojs",
            extensions=["js"],
            ignore_patterns=skip,
            no_obsolete=True,
            no_wrap=True,
            add_location="file",
            verbosity=0,
        )
    for language in languages:
        scripts = package / "locale" / language / "LC_MESSAGES" / "djangojs.po"
        if scripts.exists():
            _tidy_header(scripts, language)


def _tidy_header(po_path: Path, language: str) -> None:
    """makemessages's header is a template (marked fuzzy, "PACKAGE VERSION", a creation time
    that changes on every run): Heard's own, so that remaking a catalogue with nothing new
    leaves it as it was."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    po.header = "Heard's messages. Translations by Heard's organizers; see the README, Languages."
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata.update(
        {
            "Project-Id-Version": "Heard",
            "Language": language,
            "PO-Revision-Date": po.metadata.get("PO-Revision-Date", "").replace(
                "YEAR-MO-DA HO:MI+ZONE", ""
            ),
        }
    )
    po.metadata.pop("Report-Msgid-Bugs-To", None)
    for key in ("Last-Translator", "Language-Team"):
        if "@" in po.metadata.get(key, "@") or not po.metadata.get(key):
            po.metadata[key] = "Heard's organizers"
    po.metadata_is_fuzzy = []
    # msgmerge's "#| previous msgid" helps a translator with a fuzzy entry; once translated it
    # is noise.
    for entry in po:
        if "fuzzy" not in entry.flags:
            entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
    po.save()


def po_files(root: Path = PACKAGE.parent) -> list[Path]:
    package = root / PACKAGE.name
    return sorted(package.glob("locale/*/LC_MESSAGES/*.po")) + sorted(
        package.glob("*/locale/*/LC_MESSAGES/*.po")
    )


def compile_catalogues(root: Path = PACKAGE.parent, *, force: bool = False) -> list[Path]:
    """Write each .mo whose .po is newer (or every one with `force`); returns those written.

    polib leaves out fuzzy and untranslated entries, as msgfmt does: such a message shows in
    English rather than in a guessed translation.
    """
    written = []
    for po in po_files(root):
        mo = po.with_suffix(".mo")
        if force or not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            polib.pofile(str(po)).save_as_mofile(str(mo))
            written.append(mo)
    return written


def compile_stale_quietly() -> None:
    """On start: compile what is stale; an installation whose package folder is read-only keeps
    the .mo files it was installed with."""
    with contextlib.suppress(OSError):
        compile_catalogues()


def entry_key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def problems(committed_root: Path, fresh_root: Path) -> list[str]:
    """What is wrong with the committed catalogues, compared with ones just remade from the
    source under `fresh_root`: a message missing or no longer used, an untranslated or fuzzy
    one. Empty when all is well."""
    found = []
    committed = {po.relative_to(committed_root): po for po in po_files(committed_root)}
    fresh = {po.relative_to(fresh_root): po for po in po_files(fresh_root)}
    for path in sorted(set(committed) | set(fresh)):
        if path not in committed:
            found.append(f"{path}: missing; run `heard messages`")
            continue
        old = polib.pofile(str(committed[path]))
        old_keys = {entry_key(e) for e in old if not e.obsolete}
        if path in fresh:
            new_keys = {entry_key(e) for e in polib.pofile(str(fresh[path])) if not e.obsolete}
        else:
            new_keys = set()
        for key in sorted(new_keys - old_keys):
            found.append(f"{path}: new message not in the catalogue: {key[1]!r}")
        for key in sorted(old_keys - new_keys):
            found.append(f"{path}: message no longer used: {key[1]!r}")
        for entry in old:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(f"{path}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                found.append(f"{path}: untranslated: {entry.msgid!r}")
    return found


def copy_sources(destination: Path, root: Path = PACKAGE.parent) -> Path:
    """A copy of the package's templates, Python and catalogues (nothing else) under
    `destination`, to remake the catalogues there without touching the real ones."""
    source = root / PACKAGE.name
    for path in source.rglob("*"):
        if not path.is_file() or path.suffix not in {".py", ".html", ".txt", ".po", ".js"}:
            continue
        if "__pycache__" in path.parts:
            continue
        target = destination / PACKAGE.name / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        os.utime(target, (path.stat().st_atime, path.stat().st_mtime))
    return destination
