"""Temperature, top-k and top-p (nucleus) filtering

Decoding turns the model's scores (logits) for every token into the next token. Sampling
from the full softmax sometimes picks a token from the long, unreliable tail, so the
distribution is reshaped and truncated first:

    temperature T: p = softmax(logits / T); T < 1 sharpens the distribution, T > 1 flattens it.
    top-k:  keep the k most probable tokens (k = 0 keeps all).
    top-p:  keep the smallest set of most probable tokens whose probabilities add up to at
            least p, the "nucleus" (p = 1 keeps all): the token that crosses p is kept.

Apply them in that order; after each cut, zero the removed tokens and divide the kept ones
by their sum, so top-p sees what top-k left (on a probability tie, the lower index ranks
first). Write `softmax` and `filter_distribution`: it returns the final distribution (one
probability per token, original order), not a sample; temperature <= 0 raises ValueError.

Run this file (`python sampling_filters.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def softmax(logits: list[float]) -> list[float]:
    """Probabilities from logits (subtract the largest logit before math.exp)."""
    raise NotImplementedError("write softmax")


def filter_distribution(logits: list[float], temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> list[float]:
    """The next-token distribution after temperature, then top-k, then top-p."""
    raise NotImplementedError("write filter_distribution")


# ---- Tests: run them with `python sampling_filters.py`; edit your code above, not these ----

PROBS = [0.5, 0.3, 0.15, 0.05]
LOGITS = [math.log(p) for p in PROBS]


class FilterTest(unittest.TestCase):
    def assertDistribution(self, got, want, msg=None):
        self.assertEqual(len(got), len(want))
        for g, w in zip(got, want):
            self.assertAlmostEqual(g, w, places=9, msg=msg)

    def test_no_filter_is_the_softmax(self):
        self.assertDistribution(filter_distribution(LOGITS), PROBS)

    def test_temperature_reshapes(self):
        squared = [p * p for p in PROBS]
        self.assertDistribution(filter_distribution(LOGITS, temperature=0.5), [s / sum(squared) for s in squared], msg="divide the logits by T, then softmax")
        roots = [math.sqrt(p) for p in PROBS]
        self.assertDistribution(filter_distribution(LOGITS, temperature=2.0), [r / sum(roots) for r in roots])

    def test_top_k(self):
        self.assertDistribution(filter_distribution(LOGITS, top_k=2), [0.625, 0.375, 0.0, 0.0], msg="renormalise the kept tokens to sum to 1")
        self.assertDistribution(filter_distribution(LOGITS, top_k=1), [1.0, 0.0, 0.0, 0.0], msg="top-k with k = 1 is greedy decoding")

    def test_top_p_keeps_the_token_that_crosses_p(self):
        self.assertDistribution(filter_distribution(LOGITS, top_p=0.7), [0.625, 0.375, 0.0, 0.0], msg="0.5 < 0.7, then 0.5 + 0.3 >= 0.7: keep both")
        self.assertDistribution(filter_distribution(LOGITS, top_p=0.9), [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0.0])

    def test_small_top_p_keeps_the_top_token(self):
        self.assertDistribution(filter_distribution(LOGITS, top_p=0.4), [1.0, 0.0, 0.0, 0.0], msg="the top token alone already holds 0.5 >= 0.4")

    def test_tokens_keep_their_positions(self):
        shuffled = [LOGITS[2], LOGITS[0], LOGITS[3], LOGITS[1]]
        self.assertDistribution(filter_distribution(shuffled, top_k=2), [0.0, 0.625, 0.0, 0.375], msg="return probabilities in the original token order")

    def test_top_p_applies_to_what_top_k_left(self):
        # After top-k = 3: [0.526, 0.316, 0.158]; the first two already reach 0.83.
        self.assertDistribution(filter_distribution(LOGITS, top_k=3, top_p=0.83), [0.625, 0.375, 0.0, 0.0], msg="renormalise after top-k, before top-p")

    def test_temperature_must_be_positive(self):
        with self.assertRaises(ValueError):
            filter_distribution(LOGITS, temperature=0.0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
