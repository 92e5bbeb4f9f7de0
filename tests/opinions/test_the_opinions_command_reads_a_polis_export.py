"""`heard opinions EXPORT_DIR --out OUT_DIR` on a good export: both files and a summary."""

import subprocess
import sys
from pathlib import Path

from .exports import COMMENTS, MODERATED_OUT, SHARED, read_csv, write_export

ROOT = Path(__file__).resolve().parents[2]


def heard_opinions(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heard.cli", "opinions", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"HEARD_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
        cwd=ROOT,
    )


def test_it_writes_a_group_for_every_grouped_participant_and_a_row_for_every_comment(tmp_path):
    export = write_export(tmp_path / "export")
    result = heard_opinions(str(export), "--out", str(tmp_path / "out"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr

    groups = {row["participant"]: row["group"] for row in read_csv(tmp_path / "out/groups.csv")}
    assert len(groups) == 25
    assert groups["99"] == ""  # six votes: not grouped
    camps = {groups[str(p)] for p in range(12)}, {groups[str(100 + p)] for p in range(12)}
    assert len(camps[0]) == 1 and len(camps[1]) == 1 and camps[0] != camps[1]

    statements = read_csv(tmp_path / "out/statements.csv")
    assert [int(row["comment-id"]) for row in statements][:2] == sorted(SHARED)
    assert {int(row["comment-id"]) for row in statements} == set(COMMENTS)
    by_id = {int(row["comment-id"]): row for row in statements}
    assert list(by_id[0]) == [
        "comment-id", "consensus", "common_ground", "votes", "agree-0", "agree-1",
        "representative-of", "comment-body",
    ]  # fmt: skip
    # Comment 6: all 24 grouped voters agree: (12+1)/(12+2) in each group.
    assert float(by_id[6]["consensus"]) == round((13 / 14) ** 2, 6)
    assert by_id[6]["common_ground"] == "true"
    assert by_id[6]["votes"] == "24"
    assert by_id[6]["agree-0"] == by_id[6]["agree-1"] == f"{13 / 14:.4f}"
    assert by_id[0]["common_ground"] == "false"
    assert by_id[0]["representative-of"] in ("0 agree; 1 disagree", "1 agree; 0 disagree")
    assert by_id[MODERATED_OUT]["consensus"] == by_id[MODERATED_OUT]["common_ground"] == ""
    assert by_id[MODERATED_OUT]["comment-body"] == COMMENTS[MODERATED_OUT]


def test_it_prints_who_was_grouped_the_groups_and_the_top_statements(tmp_path):
    export = write_export(tmp_path / "export")
    result = heard_opinions(str(export), "--out", str(tmp_path / "out"), data_dir=tmp_path)
    out = result.stdout
    assert "Voters: 25 (of 25 participants); grouped: 24" in out
    assert "Opinion groups: 2 (group 0: 12, group 1: 12)" in out
    assert "common ground: 2" in out
    top = out.split("Top 5 by group-informed consensus:")[1].splitlines()
    assert COMMENTS[6] in top[1] and "(common ground)" in top[1]
    assert COMMENTS[MODERATED_OUT] not in out


def test_a_comment_nobody_voted_on_is_listed_but_not_scored(tmp_path):
    comments = {**COMMENTS, 42: "Posted after everyone had voted."}
    export = write_export(tmp_path / "export", comments=comments)
    result = heard_opinions(str(export), "--out", str(tmp_path / "out"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    row = next(r for r in read_csv(tmp_path / "out/statements.csv") if r["comment-id"] == "42")
    assert (row["consensus"], row["common_ground"], row["votes"]) == ("", "", "0")


def test_it_explains_itself(tmp_path):
    result = heard_opinions("--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "participants-votes.csv" in result.stdout and "groups.csv" in result.stdout


def test_an_export_where_nobody_has_seven_votes_says_so(tmp_path):
    export = write_export(tmp_path / "export", voters={1: {0: 1, 1: -1}, 2: {2: 1}})
    result = heard_opinions(str(export), "--out", str(tmp_path / "out"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "grouped: 0" in result.stdout
    assert "No comment is scored: nobody has voted on 7 comments yet." in result.stdout
    groups = read_csv(tmp_path / "out/groups.csv")
    assert [(row["participant"], row["group"]) for row in groups] == [("1", ""), ("2", "")]
