"""`heard themes` reads real-world CSVs, refuses bad ones precisely, and never half-writes."""

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from analysis.fakes import WordEmbedder, notes_about  # tests/ is on sys.path, as for factories

from heard.themes_cli import COLUMNS, build_parser, main, write_atomically

ROOT = Path(__file__).resolve().parent.parent

NOTES = [
    "The rent went up again and the landlord still has not fixed the heater.",
    "Our landlord ignores repairs; the heater has been broken since November.",
    "Rent increases every year and repairs never happen.",
    "El alquiler sube cada año y el dueño no hace reparaciones.",
    "The landlord wants more rent but the bathroom ceiling leaks.",
    "We pay more rent for an apartment with mold and a broken heater.",
    "The landlord raised the rent after we asked for repairs.",
    "No podemos pagar el alquiler y hay moho en el apartamento.",
    "Repairs take months and the rent keeps going up.",
    "The heater and the windows need repairs, and the rent is too high.",
    "The bus is always late and the route was cut last spring.",
    "The number 12 bus skips our stop at night.",
    "Bus fares went up and the schedule is unreliable.",
    "El autobús nunca llega a tiempo y la parada no tiene techo.",
    "The bus shelter on Main Street has no roof and no bench.",
    "My kids miss school because the bus route changed.",
    "The bus driver says the route will be cut again.",
    "Waiting for the bus in the rain with no shelter.",
    "The late bus makes me lose hours at work.",
    "Bus service on Sundays is almost gone.",
    "The streetlights on Oak Avenue have been out for weeks.",
    "Cars speed past the school crossing every morning.",
    "The corner by the park is dark; the streetlights are broken.",
    "Las luces de la calle están apagadas y da miedo caminar.",
    "We need a crosswalk and streetlights near the school.",
    "Speeding cars make the crossing dangerous for kids.",
    "Broken streetlights make the walk home from the bus scary.",
    "The crossing guard is gone and cars do not stop.",
    "Dark streets and speeding traffic near the park.",
    "A traffic light at the school crossing would keep kids safe.",
]


def write_csv(path: Path, rows, *, encoding="utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def notes_csv(tmp_path) -> Path:
    return write_csv(
        tmp_path / "notes.csv", [["id", "note"], *[[f"n{i}", t] for i, t in enumerate(NOTES)]]
    )


def run(args, capsys, embedder=None):
    code = main([str(a) for a in args], embedder=embedder or WordEmbedder())
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_it_writes_one_row_per_note_in_order_and_prints_a_report(notes_csv, tmp_path, capsys):
    out = tmp_path / "themes.csv"
    code, report, _ = run(
        [notes_csv, "--text-column", "note", "--id-column", "id", "--out", out], capsys
    )
    assert code == 0
    rows = read_rows(out)
    assert list(rows[0]) == [
        "id",
        "theme",
        "theme_label",
        "subtheme",
        "subtheme_label",
        "score",
    ]
    assert [row["id"] for row in rows] == [f"n{i}" for i in range(len(NOTES))]
    theme_of = {row["theme"]: row["theme_label"] for row in rows if row["theme"] != "-1"}
    assert len(theme_of) >= 2
    for label in theme_of.values():
        assert label in report
    assert report.count("“") >= 3 * len(theme_of)
    assert f"to {out}" in report


def notes_some_of_which_open_into_sub_themes() -> list[str]:
    """Two topics of 15 notes each (enough to open into sub-themes), one of 8 (too few to open),
    and an empty note."""
    broad, _ = notes_about(
        {
            "heat": "heater radiator cold winter boiler freezing",
            "mold": "mold damp bathroom ceiling leak smell",
        },
        per_topic=15,
    )
    small, _ = notes_about({"bus": "bus route fare schedule driver shelter"}, per_topic=8, seed=1)
    return [f"landlord {text}" for text in broad] + small + [""]


def test_each_note_gets_its_sub_theme_numbered_and_named_as_in_the_report(tmp_path, capsys):
    texts = notes_some_of_which_open_into_sub_themes()
    source = write_csv(tmp_path / "n.csv", [["note"], *[[text] for text in texts]])
    out = tmp_path / "themes.csv"
    code, report, err = run([source, "--text-column", "note", "--out", out], capsys)
    assert code == 0, err
    with open(out, encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == list(COLUMNS)
    rows = read_rows(out)
    assert len(rows) == len(texts)

    # The report lists each opened theme's sub-themes as "   3.2 label — 7 notes (...)".
    listed = dict(re.findall(r"^   (\d+\.\d+) (.+?) — [\d,]+ notes", report, re.MULTILINE))
    opened_in_report = {number.split(".")[0] for number in listed}
    opened_in_csv = {row["theme"] for row in rows if row["subtheme"]}
    assert opened_in_csv == opened_in_report
    themes = {row["theme"] for row in rows} - {"-1"}
    assert opened_in_csv and themes - opened_in_csv, "expected themes with and without sub-themes"

    for row in rows:
        if row["subtheme"]:
            assert row["subtheme"].startswith(row["theme"] + ".")
            assert row["subtheme_label"] == listed[row["subtheme"]]
        else:
            assert row["subtheme_label"] == ""
    assert rows[-1]["theme"] == "-1" and rows[-1]["theme_label"] == "unclear"
    assert rows[-1]["subtheme"] == rows[-1]["subtheme_label"] == ""


def test_ids_default_to_row_numbers_and_an_empty_note_is_unclear(tmp_path, capsys):
    source = write_csv(
        tmp_path / "n.csv", [["note", "place"], *[[t, "x"] for t in NOTES], ["", "y"]]
    )
    code, _, _ = run([source, "--text-column", "note"], capsys)
    assert code == 0
    rows = read_rows(tmp_path / "n-themes.csv")
    assert [row["id"] for row in rows] == [str(n) for n in range(1, len(NOTES) + 2)]
    assert rows[-1]["theme"] == "-1" and rows[-1]["theme_label"] == "unclear"
    assert rows[-1]["subtheme"] == "" and rows[-1]["subtheme_label"] == ""


def test_a_bom_and_newlines_inside_quoted_cells_are_read_as_text(tmp_path, capsys):
    source = tmp_path / "excel.csv"
    body = "note,id\n" + "".join(f'"{t}\nsecond line",{i}\n' for i, t in enumerate(NOTES))
    source.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    code, _, err = run([source, "--text-column", "note", "--id-column", "id"], capsys)
    assert code == 0, err
    assert len(read_rows(tmp_path / "excel-themes.csv")) == len(NOTES)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"note\nrent is high\ncaf\xe9 closed\n", "not UTF-8 text: byte 0xe9 on line 3"),
        (b"", "is empty"),
        (b"note,id\n", "has a header but no rows"),
        (b"note,id\nrent,1\nbus,2,extra\n", "row 2 (line 3): 3 cells, but the header has 2"),
        (b"text,id\nrent,1\n", "no column 'note'; its columns are: 'text', 'id'"),
        (b"note,id\nrent,1\nbus,1\n", "row 2 (line 3): id '1' is already used by row 1"),
        (b"note,id\nrent,1\nbus,\n", "row 2 (line 3): empty 'id'"),
        (b'note,id\n"rent,1\n', "not valid CSV"),
        (b"note,id\n,1\n  ,2\n", "every cell of 'note' is empty"),
    ],
)
def test_a_bad_file_is_refused_with_where_and_why_and_nothing_is_written(
    tmp_path, capsys, content, message
):
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    out = tmp_path / "out.csv"
    code, report, err = run(
        [source, "--text-column", "note", "--id-column", "id", "--out", out], capsys
    )
    assert code == 2
    assert message in err
    assert report == ""
    assert list(tmp_path.iterdir()) == [source]


def test_a_missing_input_file_is_refused(tmp_path, capsys):
    code, _, err = run([tmp_path / "nope.csv", "--text-column", "note"], capsys)
    assert code == 2 and "cannot read" in err


def test_it_will_not_overwrite_its_input(notes_csv, capsys):
    code, _, err = run([notes_csv, "--text-column", "note", "--out", notes_csv], capsys)
    assert code == 2 and "overwrite the input" in err


def test_an_interrupted_write_leaves_the_old_output_and_no_temporary_file(tmp_path):
    out = tmp_path / "themes.csv"
    out.write_text("the previous run\n")

    class Exploding:
        def __str__(self):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(out, [["id", "theme"], [1, Exploding()]])
    assert out.read_text() == "the previous run\n"
    assert list(tmp_path.iterdir()) == [out]


def test_every_option_has_help_text():
    parser = build_parser()
    for action in parser._actions:
        assert action.help, f"{action.option_strings or action.dest} has no help"
    assert parser.prog == "heard themes"
    assert "subtheme" in parser.format_help()


def test_the_heard_command_runs_it_with_a_configured_embedder(notes_csv, tmp_path):
    env = {
        **os.environ,
        "HEARD_EMBEDDER": "analysis.fakes.WordEmbedder",
        "PYTHONPATH": str(ROOT / "tests"),
        "HEARD_CACHE_DIR": str(tmp_path / "cache"),
    }
    finished = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "heard.cli", "themes", str(notes_csv), "--text-column", "note"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert (tmp_path / "notes-themes.csv").is_file()
    assert (tmp_path / "cache" / "embeddings.sqlite3").is_file()


def test_the_real_model_themes_thirty_notes_end_to_end(notes_csv, tmp_path, capsys):
    out = tmp_path / "themes.csv"
    code = main(
        [
            str(notes_csv),
            "--text-column",
            "note",
            "--out",
            str(out),
            "--cache-dir",
            str(tmp_path / "c"),
        ]
    )
    report = capsys.readouterr().out
    assert code == 0
    rows = read_rows(out)
    assert len(rows) == len(NOTES)
    themes = [row["theme"] for row in rows]
    # Housing, buses and street safety are told apart: most notes of each block share a theme.
    for block in (themes[:10], themes[10:20], themes[20:]):
        assert max(block.count(t) for t in set(block)) >= 6
    assert len({t for t in themes if t != "-1"}) >= 2
    assert "notes" in report
