#!/usr/bin/env bash
# Create benchmarks/themes/.venv-bertopic: BERTopic in its own environment, so its heavy
# dependencies (torch, umap-learn, hdbscan, sentence-transformers) never touch Heard's.
#
# torch goes in FIRST and CPU-only (pinned through a constraints file), so that installing
# bertopic afterwards cannot pull a multi-GB CUDA build. The benchmark gives BERTopic
# precomputed embeddings, so torch is only imported, never run.
#
# Usage: bash benchmarks/themes/setup_bertopic_env.sh   (idempotent; PYTHON=python3.11 to choose)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-bertopic"
python="${PYTHON:-python3}"
torch_version="${TORCH_VERSION:-2.13.0}"
bertopic_version="${BERTOPIC_VERSION:-0.17.4}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check)

constraints="$(mktemp)"
trap 'rm -f "$constraints"' EXIT
# The CPU wheel is named torch-X+cpu; a bare "torch==X" would also accept the CUDA build.
printf 'torch==%s+cpu\n' "$torch_version" >"$constraints"

"${pip[@]}" install --upgrade pip wheel
"${pip[@]}" install -c "$constraints" "torch==${torch_version}+cpu"
"${pip[@]}" install -c "$constraints" "bertopic==${bertopic_version}"

# Refuse an environment that somehow ended up with CUDA libraries.
if "${pip[@]}" list 2>/dev/null | grep -qi '^nvidia-'; then
    echo "error: CUDA packages were installed into $venv; remove it and retry" >&2
    exit 1
fi
"$venv/bin/python" - <<'PY'
import bertopic, hdbscan, numpy, sklearn, torch, umap  # noqa: F401
print("bertopic", bertopic.__version__, "torch", torch.__version__, "umap", umap.__version__)
PY
