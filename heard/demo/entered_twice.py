"""Neighbours entered a second time, as happens at a busy sign-in table: the person page warns
that they might be the same person and offers the merge (heard/people/duplicates.py)."""

# (the resident's name, the name as written the second time); the phone is written the second
# time with dashes instead of "(423) 555-0120", the email left out.
SECOND_ENTRIES = (
    ("Alvin Gaines", "Alvin Gaines"),
    ("Rubén Medina", "Ruben Medina"),
)
