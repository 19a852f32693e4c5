"""Scaled dot-product attention with a causal mask

Attention is how each token of a transformer gathers information from the others. Every token
has a query, a key and a value vector. Token i compares its query with every key (a dot
product), divides the scores by the square root of the vector size d so they do not grow with
d, turns them into weights with a softmax, and returns the weighted sum of the values:

    attention(Q, K, V) = softmax(Q K^T / sqrt(d)) V

A decoder-only model (GPT-style) also applies a causal mask: token i may only attend to
tokens 0..i, never to later ones, because at generation time those do not exist yet.

Write `softmax` (subtract the largest score before exponentiating, so large scores do not
overflow) and `attention`. Vectors are lists of floats; Q, K and V are lists of vectors, one
per token.

Run this file (`python attention.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def softmax(scores: list[float]) -> list[float]:
    """Weights that are positive and sum to 1; a larger score gets a larger weight."""
    raise NotImplementedError("write softmax")


def attention(q: list[list[float]], k: list[list[float]], v: list[list[float]], causal: bool = False) -> list[list[float]]:
    """One output vector per query: the softmax-weighted sum of the values.

    With causal=True, query i only attends to keys 0..i.
    """
    raise NotImplementedError("write attention")


# ---- Tests: run them with `python attention.py`; edit your code above, not these ----------


class SoftmaxTest(unittest.TestCase):
    def test_sums_to_one(self):
        weights = softmax([1.0, 2.0, 3.0])
        self.assertAlmostEqual(sum(weights), 1.0, places=9)
        self.assertLess(weights[0], weights[1])
        self.assertLess(weights[1], weights[2])

    def test_known_values(self):
        e = math.exp(1.0)
        expected = [1 / (1 + e), e / (1 + e)]
        for got, want in zip(softmax([0.0, 1.0]), expected):
            self.assertAlmostEqual(got, want, places=9)

    def test_large_scores_do_not_overflow(self):
        weights = softmax([1000.0, 1000.0])
        self.assertAlmostEqual(weights[0], 0.5, places=9, msg="subtract the largest score before math.exp")


class AttentionTest(unittest.TestCase):
    def test_one_key_returns_its_value(self):
        self.assertEqual(attention([[1.0, 0.0]], [[0.5, 0.5]], [[3.0, -2.0]]), [[3.0, -2.0]])

    def test_scores_are_scaled_by_sqrt_d(self):
        # Scores 4 and 0; divided by sqrt(4) = 2 they are 2 and 0.
        out = attention([[1.0, 1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]], [[1.0], [0.0]])
        want = math.exp(2.0) / (math.exp(2.0) + 1.0)
        self.assertAlmostEqual(out[0][0], want, places=9, msg="divide the scores by sqrt(d), d being the vector size")

    def test_equal_scores_average_the_values(self):
        out = attention([[0.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]], [[2.0, 0.0], [4.0, 2.0]])
        self.assertAlmostEqual(out[0][0], 3.0, places=9)
        self.assertAlmostEqual(out[0][1], 1.0, places=9)

    def test_causal_mask_hides_later_tokens(self):
        q = k = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
        v = [[10.0], [20.0], [30.0]]
        out = attention(q, k, v, causal=True)
        self.assertAlmostEqual(out[0][0], 10.0, places=9, msg="token 0 may only see itself")
        self.assertLess(out[1][0], 20.0, msg="token 1 sees tokens 0 and 1, never token 2")
        self.assertGreater(out[1][0], 10.0)

    def test_without_mask_every_token_is_seen(self):
        q = k = [[1.0, 0.0], [0.0, 1.0]]
        out = attention(q, k, [[10.0], [20.0]])
        self.assertGreater(out[0][0], 10.0, msg="without the mask token 0 also sees token 1")


if __name__ == "__main__":
    unittest.main(verbosity=2)
