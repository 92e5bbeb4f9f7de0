"""A bad export is refused with the file, line and column at fault; nothing is written."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .exports import participants, write_export
from .test_the_opinions_command_reads_a_polis_export import heard_opinions


def refusal(export: Path, out: Path) -> str:
    with pytest.raises(CommandError) as error:
        call_command("opinions", str(export), "--out", str(out))
    assert error.value.returncode == 2
    assert not out.exists() or not any(out.iterdir()), "nothing may be written"
    return str(error.value)


def rewrite(path: Path, change) -> None:
    rows = list(csv.reader(path.open(newline="")))
    change(rows)
    with path.open("w", newline="") as f:
        csv.writer(f).writerows(rows)


def test_a_folder_that_is_not_there(tmp_path):
    message = refusal(tmp_path / "nowhere", tmp_path / "out")
    assert "nowhere is not a folder" in message


def test_a_missing_file_is_named(tmp_path):
    export = write_export(tmp_path / "export")
    (export / "participants-votes.csv").unlink()
    assert "participants-votes.csv is missing" in refusal(export, tmp_path / "out")


def test_a_missing_column_is_named(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "comments.csv", lambda rows: rows[0].__setitem__(6, "status"))
    message = refusal(export, tmp_path / "out")
    assert "comments.csv has no column 'moderated'" in message


def test_a_vote_that_is_not_a_number_names_its_line_participant_and_column(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "participants-votes.csv", lambda rows: rows[3].__setitem__(8, "yes"))
    message = refusal(export, tmp_path / "out")
    assert "participants-votes.csv line 4 (participant 2), column '2': 'yes' is not a vote" in (
        message
    )


def test_a_vote_outside_agree_disagree_pass_is_refused(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "participants-votes.csv", lambda rows: rows[2].__setitem__(6, "2"))
    assert "line 3 (participant 1), column '0': '2' is not a vote" in refusal(
        export, tmp_path / "out"
    )


def test_a_comment_id_in_the_votes_header_that_comments_csv_lacks(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "participants-votes.csv", lambda rows: rows[0].__setitem__(7, "77"))
    message = refusal(export, tmp_path / "out")
    assert "participants-votes.csv line 1, column 8 ('77'): comment 77 is not in comments.csv" in (
        message
    )


def test_a_comment_id_that_is_not_a_number(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "comments.csv", lambda rows: rows[2].__setitem__(2, "abc"))
    assert "comments.csv line 3, column 'comment-id': 'abc' is not a whole number" in refusal(
        export, tmp_path / "out"
    )


def test_a_row_with_a_missing_cell(tmp_path):
    export = write_export(tmp_path / "export")
    rewrite(export / "participants-votes.csv", lambda rows: rows[5].pop())
    assert "participants-votes.csv line 6: 14 cells where the header names 15" in refusal(
        export, tmp_path / "out"
    )


def test_a_file_that_is_not_utf8(tmp_path):
    export = write_export(tmp_path / "export")
    path = export / "comments.csv"
    path.write_bytes(path.read_bytes() + b"9,x,99,0,0,0,1,caf\xe9\n")
    assert "comments.csv line 11: not UTF-8" in refusal(export, tmp_path / "out")


def test_files_already_in_the_out_folder_are_left_as_they_were(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "groups.csv").write_text("from an earlier run\n")
    export = write_export(tmp_path / "export", voters={**participants(), 5: {0: "maybe"}})
    with pytest.raises(CommandError):
        call_command("opinions", str(export), "--out", str(out))
    assert (out / "groups.csv").read_text() == "from an earlier run\n"
    assert sorted(p.name for p in out.iterdir()) == ["groups.csv"]


def test_the_command_exits_with_2_and_says_why_on_stderr(tmp_path):
    export = write_export(tmp_path / "export")
    (export / "comments.csv").unlink()
    result = heard_opinions(str(export), "--out", str(tmp_path / "out"), data_dir=tmp_path)
    assert result.returncode == 2
    assert "comments.csv is missing" in result.stderr
    assert not (tmp_path / "out").exists()
