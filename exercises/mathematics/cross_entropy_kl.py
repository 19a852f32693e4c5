"""Entropy, cross-entropy and KL divergence

A language model is trained by minimising cross-entropy: how surprised the model's
distribution Q is, on average, by outcomes drawn from the true distribution P. Three measures
from information theory describe this, all in nats (natural logarithm):

    entropy        H(P)     = - sum_i P[i] * log P[i]
    cross-entropy  H(P, Q)  = - sum_i P[i] * log Q[i]
    KL divergence  KL(P||Q) =   sum_i P[i] * log(P[i] / Q[i])

They are tied by H(P, Q) = H(P) + KL(P||Q), so for a fixed P, lowering the cross-entropy
lowers the KL divergence. A term with P[i] = 0 contributes nothing (0 * log 0 is taken as 0).
If Q[i] = 0 where P[i] > 0, the cross-entropy and the KL divergence are infinite (math.inf).

Write the three functions. Distributions are lists of probabilities that sum to 1.

Run this file (`python cross_entropy_kl.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def entropy(p: list[float]) -> float:
    """H(P) in nats; terms with P[i] = 0 are skipped."""
    raise NotImplementedError("write entropy")


def cross_entropy(p: list[float], q: list[float]) -> float:
    """H(P, Q) in nats; math.inf when Q gives 0 to an outcome P can produce."""
    raise NotImplementedError("write cross_entropy")


def kl_divergence(p: list[float], q: list[float]) -> float:
    """KL(P||Q) in nats: the extra surprise of using Q when the data follow P."""
    raise NotImplementedError("write kl_divergence")


# ---- Tests: run them with `python cross_entropy_kl.py`; edit your code above, not these ----


class EntropyTest(unittest.TestCase):
    def test_uniform_distributions_in_nats(self):
        self.assertAlmostEqual(entropy([0.5, 0.5]), math.log(2), places=9, msg="use the natural log: a fair coin has log 2 nats")
        self.assertAlmostEqual(entropy([0.25] * 4), math.log(4), places=9, msg="log 4 = 1.386 nats, not 2 bits: use math.log")

    def test_certain_outcome_has_no_entropy(self):
        self.assertAlmostEqual(entropy([1.0, 0.0]), 0.0, places=9, msg="skip P[i] = 0: 0 * log 0 counts as 0")


class CrossEntropyAndKLTest(unittest.TestCase):
    p, q = [0.5, 0.5], [0.9, 0.1]

    def test_cross_entropy_known_value(self):
        want = -0.5 * (math.log(0.9) + math.log(0.1))
        self.assertAlmostEqual(cross_entropy(self.p, self.q), want, places=9)

    def test_one_hot_target_is_the_language_model_loss(self):
        q = [0.2, 0.7, 0.1]
        self.assertAlmostEqual(cross_entropy([0.0, 1.0, 0.0], q), -math.log(0.7), places=9, msg="with a one-hot P only -log Q[target] is left")

    def test_kl_known_value_and_direction(self):
        want = 0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(0.5 / 0.1)
        self.assertAlmostEqual(kl_divergence(self.p, self.q), want, places=9, msg="KL(P||Q) weights log(P/Q) by P, not by Q")
        self.assertNotAlmostEqual(kl_divergence(self.p, self.q), kl_divergence(self.q, self.p), places=3, msg="KL is not symmetric")

    def test_kl_of_a_distribution_with_itself_is_zero(self):
        self.assertAlmostEqual(kl_divergence([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), 0.0, places=9)

    def test_cross_entropy_is_entropy_plus_kl(self):
        p, q = [0.1, 0.6, 0.3], [0.3, 0.3, 0.4]
        self.assertAlmostEqual(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), places=9)
        self.assertGreater(kl_divergence(p, q), 0.0)

    def test_zero_probabilities(self):
        self.assertEqual(cross_entropy([0.5, 0.5], [1.0, 0.0]), math.inf, msg="Q[i] = 0 where P[i] > 0 gives math.inf")
        self.assertEqual(kl_divergence([0.5, 0.5], [1.0, 0.0]), math.inf)
        self.assertAlmostEqual(kl_divergence([1.0, 0.0], [0.5, 0.5]), math.log(2), places=9, msg="a P[i] = 0 term contributes nothing")


if __name__ == "__main__":
    unittest.main(verbosity=2)
