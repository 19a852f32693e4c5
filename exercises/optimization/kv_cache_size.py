"""How much memory the KV cache needs, with grouped-query attention

While generating, a decoder keeps the key and value vector of every earlier token in every
layer so it does not recompute them: the KV cache. Its size grows with the context and the
batch and often limits how many requests a server can hold. Per token and per layer it stores
one key and one value vector for each key/value head:

    bytes = 2 (K and V) * layers * kv_heads * head_dim * seq_len * batch * bytes_per_value

Model configs list both the number of query heads and of key/value heads. With multi-head
attention they are equal; grouped-query attention (GQA) lets a group of query heads share one
key/value head, so only kv_heads enters the formula and the cache shrinks by
n_heads / n_kv_heads. Write `kv_cache_bytes`, then `max_tokens`: how many tokens per sequence
fit in a memory budget for a batch of sequences (round down: a partial token does not fit).

Run this file (`python kv_cache_size.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def kv_cache_bytes(n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, seq_len: int, batch: int = 1, bytes_per_value: int = 2) -> int:
    """Bytes of keys and values cached for `batch` sequences of `seq_len` tokens."""
    raise NotImplementedError("write kv_cache_bytes")


def max_tokens(budget_bytes: int, n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, batch: int = 1, bytes_per_value: int = 2) -> int:
    """The longest sequence length whose cache, for the whole batch, fits in budget_bytes."""
    raise NotImplementedError("write max_tokens")


# ---- Tests: run them with `python kv_cache_size.py`; edit your code above, not these ------

GIB = 2**30


class KVCacheBytesTest(unittest.TestCase):
    def test_opt_13b_one_token(self):
        # OPT-13B: 40 layers, 40 heads of 128 (hidden size 5120), fp16.
        self.assertEqual(kv_cache_bytes(40, 40, 40, 128, seq_len=1), 819_200, msg="2 (K and V) x 5120 x 40 layers x 2 bytes = 800 KiB per token")

    def test_opt_13b_full_context(self):
        self.assertEqual(kv_cache_bytes(40, 40, 40, 128, seq_len=2048), 1_677_721_600, msg="2048 tokens of 800 KiB: about 1.6 GB for one request")

    def test_grouped_query_attention(self):
        # A Llama-3-8B-like config: 32 layers, 32 query heads sharing 8 key/value heads, head_dim 128.
        gqa = kv_cache_bytes(32, 32, 8, 128, seq_len=1)
        self.assertEqual(gqa, 131_072, msg="only the key/value heads are cached: 2 x 32 x 8 x 128 x 2 bytes")
        self.assertEqual(kv_cache_bytes(32, 32, 32, 128, seq_len=1), 4 * gqa, msg="multi-head attention caches n_heads / n_kv_heads = 4 times more")

    def test_batch_and_precision_scale_linearly(self):
        one = kv_cache_bytes(32, 32, 8, 128, seq_len=1000)
        self.assertEqual(kv_cache_bytes(32, 32, 8, 128, seq_len=1000, batch=3), 3 * one)
        self.assertEqual(kv_cache_bytes(32, 32, 8, 128, seq_len=1000, bytes_per_value=1), one // 2, msg="an 8-bit cache halves the fp16 size")


class MaxTokensTest(unittest.TestCase):
    def test_budget_in_tokens(self):
        self.assertEqual(max_tokens(GIB, 32, 32, 8, 128), 8192, msg="1 GiB / 128 KiB per token = 8192 tokens")

    def test_batch_shares_the_budget(self):
        self.assertEqual(max_tokens(GIB, 32, 32, 8, 128, batch=4), 2048, msg="four sequences split the budget four ways")

    def test_rounds_down(self):
        self.assertEqual(max_tokens(131_072 * 10 - 1, 32, 32, 8, 128), 9, msg="one byte short of 10 tokens fits only 9")


if __name__ == "__main__":
    unittest.main(verbosity=2)
