#!/usr/bin/env python3
"""Reference vectors from sentence-transformers itself, for tests/data/minilm_reference.json.

    python3 -m venv /tmp/st && /tmp/st/bin/pip install sentence-transformers
    HF_HUB_OFFLINE=1 /tmp/st/bin/python scripts/reference_embeddings_st.py MODEL_DIR > tests/data/minilm_reference.json

MODEL_DIR is the folder `arch models fetch all-minilm-l6-v2` installs (its sha256-verified
files). scripts/reference_embeddings.py computes the same vectors with numpy alone (no
torch); the two agree to cosine 1.000000 on these sentences.
"""
import json
import sys

import sentence_transformers
from sentence_transformers import SentenceTransformer

from reference_embeddings import SENTENCES

model = SentenceTransformer(sys.argv[1], device="cpu")
vectors = model.encode(SENTENCES, normalize_embeddings=True)
json.dump(
    {
        "model": "all-minilm-l6-v2",
        "pooling": "mean",
        "normalized": True,
        "produced_by": f"sentence-transformers {sentence_transformers.__version__}",
        "sentences": [
            {"text": t, "vector": [round(float(x), 7) for x in v]} for t, v in zip(SENTENCES, vectors)
        ],
    },
    sys.stdout,
)
print()
