"""Heard's sensemaking library: pure Python (numpy, scikit-learn), never Django.

The stages, each swappable (see ``pipeline``): ``embed`` (the multilingual Universal Sentence
Encoder, cached through ``cache``) → ``group`` (themes, sub-themes, assigning new notes) →
``name`` (labels in the notes' own words) → ``quotes`` (three representative, non-redundant
quotes). ``pipeline.find_themes`` runs them all.
"""
