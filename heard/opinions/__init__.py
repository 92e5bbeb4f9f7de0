"""Opinion groups and consensus from a Polis conversation's export, as Polis computes them.

`polis_export` reads and checks the files, `maths` groups the voters and scores every comment
(pure numpy and scikit-learn), `report` writes groups.csv and statements.csv. `heard opinions
EXPORT_DIR --out OUT_DIR` is the command; it needs no database. A Django app only so that the
`heard` command finds the command; it has no models.
"""
