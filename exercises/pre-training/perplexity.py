"""Perplexity from per-token log-probabilities

A causal language model is trained to predict each token from the tokens before it, so it
gives every token of a text a probability. Perplexity turns those numbers into one score: the
exponential of the average negative log-probability per token,

    perplexity = exp( -(1/N) * sum_i log p(x_i | x_<i) )

A model that always puts probability 1/V on the right token, out of V choices, has perplexity
V: it is as unsure as a fair V-sided die. Lower is better, 1 is perfect.

Write `perplexity` for one sequence (natural-log probabilities in, a list of N floats) and
`corpus_perplexity` for several sequences of different lengths: every token counts once, so
pool the tokens of all sequences before averaging. Work with the log-probabilities: the
product of a thousand small probabilities underflows to 0.0. An empty input has no
perplexity: raise ValueError.

Run this file (`python perplexity.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def perplexity(log_probs: list[float]) -> float:
    """exp of the mean negative log-probability of the tokens of one sequence."""
    raise NotImplementedError("write perplexity")


def corpus_perplexity(sequences: list[list[float]]) -> float:
    """Perplexity over every token of every sequence, each token weighted the same."""
    raise NotImplementedError("write corpus_perplexity")


# ---- Tests: run them with `python perplexity.py`; edit your code above, not these ----------


class PerplexityTest(unittest.TestCase):
    def test_uniform_guess_over_four_tokens(self):
        got = perplexity([math.log(0.25)] * 3)
        self.assertAlmostEqual(got, 4.0, places=9, msg="probability 1/4 on every token gives perplexity 4")

    def test_perfect_prediction_is_one(self):
        self.assertAlmostEqual(perplexity([0.0, 0.0, 0.0]), 1.0, places=12)

    def test_known_value(self):
        # Mean negative log-probability is (1 + 2 + 3) / 3 = 2.
        got = perplexity([-1.0, -2.0, -3.0])
        self.assertAlmostEqual(got, math.exp(2.0), places=9, msg="exp of the MEAN negative log-probability, natural log")

    def test_long_sequence_does_not_underflow(self):
        got = perplexity([math.log(0.01)] * 1000)
        self.assertAlmostEqual(got, 100.0, places=6, msg="average the log-probabilities; multiplying probabilities underflows")

    def test_empty_sequence_raises(self):
        with self.assertRaises(ValueError, msg="no tokens, no perplexity"):
            perplexity([])


class CorpusPerplexityTest(unittest.TestCase):
    def test_one_sequence_matches_perplexity(self):
        self.assertAlmostEqual(corpus_perplexity([[-1.0, -2.0, -3.0]]), math.exp(2.0), places=9)

    def test_tokens_are_pooled(self):
        # 1 token with NLL 4 and 3 tokens with NLL 0: mean NLL over 4 tokens is 1.
        got = corpus_perplexity([[-4.0], [0.0, 0.0, 0.0]])
        self.assertAlmostEqual(got, math.e, places=9, msg="pool all tokens, do not average the per-sequence perplexities")


if __name__ == "__main__":
    unittest.main(verbosity=2)
