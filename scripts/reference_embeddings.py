#!/usr/bin/env python3
"""Reference sentence embeddings for the MiniLM parity test (tests/data/minilm_reference.json).

An independent implementation of what sentence-transformers computes for
all-MiniLM-L6-v2 (BERT encoder, mean pooling over the attention mask, L2 normalisation),
in numpy, from the same verified files `arch models fetch all-minilm-l6-v2` installs. It
shares no code with arch's Rust path (rust-bert + libtorch), so agreement means both are
right. Needs numpy and tokenizers (pip install numpy tokenizers).

    python3 scripts/reference_embeddings.py MODEL_DIR > tests/data/minilm_reference.json
"""
import json
import math
import struct
import sys

import numpy as np
from tokenizers import Tokenizer

SENTENCES = [
    "A layered Spring Boot service with controllers, services and JPA repositories.",
    "Hexagonal architecture: the domain owns its ports and adapters implement them.",
    "This is exactly what I needed, thank you!",
    "Third time it suggests a singleton, useless.",
    "Kafka consumers publish order events to the billing service.",
]


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[meta["dtype"]]
        tensors[name] = np.frombuffer(data[start:end], dtype=dtype).reshape(meta["shape"])
    return tensors


def layer_norm(x, w, b, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x):
    return 0.5 * x * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))


def embed(model_dir, text, config):
    t = TENSORS
    tok = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(256)
    ids = np.array(tok.encode(text).ids)
    n = len(ids)
    h = (
        t["embeddings.word_embeddings.weight"][ids]
        + t["embeddings.position_embeddings.weight"][:n]
        + t["embeddings.token_type_embeddings.weight"][0]
    )
    h = layer_norm(h, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    heads = config["num_attention_heads"]
    size = config["hidden_size"] // heads
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        lin = lambda x, name: x @ t[p + name + ".weight"].T + t[p + name + ".bias"]
        q = lin(h, "attention.self.query").reshape(n, heads, size).transpose(1, 0, 2)
        k = lin(h, "attention.self.key").reshape(n, heads, size).transpose(1, 0, 2)
        v = lin(h, "attention.self.value").reshape(n, heads, size).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores = scores / scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(1, 0, 2).reshape(n, heads * size)
        h = layer_norm(lin(ctx, "attention.output.dense") + h,
                       t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"])
        inter = gelu(lin(h, "intermediate.dense"))
        h = layer_norm(lin(inter, "output.dense") + h, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    pooled = h.mean(0)
    return pooled / np.linalg.norm(pooled)


if __name__ == "__main__":
    model_dir = sys.argv[1]
    TENSORS = load_safetensors(f"{model_dir}/model.safetensors")
    config = json.load(open(f"{model_dir}/config.json"))
    out = [{"text": s, "vector": [round(float(x), 7) for x in embed(model_dir, s, config)]} for s in SENTENCES]
    json.dump({"model": "all-minilm-l6-v2", "pooling": "mean", "normalized": True, "sentences": out}, sys.stdout)
    print()
