"""Heard's sensemaking library: pure Python (numpy, scikit-learn, onnxruntime), never Django.

The stages, each swappable (see ``pipeline``): ``embed`` (all-MiniLM-L6-v2 int8 ONNX, cached
through ``cache``) → ``group`` (themes, sub-themes, assigning new notes) → ``name`` (labels in
the notes' own words) → ``quotes`` (three representative, non-redundant quotes).
``pipeline.find_themes`` runs them all.
"""
