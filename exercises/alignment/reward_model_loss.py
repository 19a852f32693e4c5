"""Reward-model loss: learn a score from pairs of answers

A reward model reads a prompt and an answer and returns one number, its score. People do not
label scores; they compare answers. The Bradley-Terry model links the two: the probability
that the chosen answer beats the rejected one is sigmoid(r_chosen - r_rejected). Training
maximises that probability, so the loss for one comparison is

    loss = -log sigmoid(r_chosen - r_rejected)

InstructGPT ranks K answers to the same prompt at once and averages this loss over all
K * (K - 1) / 2 pairs the ranking implies (the better-ranked answer of each pair is chosen).

Write `pairwise_loss` and `ranking_loss` (rewards listed best first). Keep them finite for
any rewards: log(sigmoid(x)) = x - log(1 + e^x) when x < 0, and -log(1 + e^-x) otherwise
(math.log1p helps); exp of a large number overflows.

Run this file (`python reward_model_loss.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def pairwise_loss(r_chosen: float, r_rejected: float) -> float:
    """-log sigmoid(r_chosen - r_rejected), computed without overflow."""
    raise NotImplementedError("write pairwise_loss")


def ranking_loss(rewards_best_first: list[float]) -> float:
    """Mean pairwise loss over every pair (i, j), i < j, of a ranking given best first."""
    raise NotImplementedError("write ranking_loss")


# ---- Tests: run them with `python reward_model_loss.py`; edit your code above, not these ---


class PairwiseTest(unittest.TestCase):
    def test_a_tie_costs_log_two(self):
        self.assertAlmostEqual(pairwise_loss(0.7, 0.7), math.log(2.0), places=12, msg="sigmoid(0) = 1/2")

    def test_known_value(self):
        self.assertAlmostEqual(pairwise_loss(2.0, 0.0), math.log1p(math.exp(-2.0)), places=12)

    def test_ranking_the_chosen_answer_higher_lowers_the_loss(self):
        self.assertLess(pairwise_loss(3.0, 1.0), math.log(2.0), msg="loss falls when r_chosen > r_rejected")
        self.assertGreater(pairwise_loss(1.0, 3.0), math.log(2.0), msg="check the sign: chosen minus rejected")

    def test_large_gaps_stay_finite(self):
        self.assertAlmostEqual(pairwise_loss(0.0, 1000.0), 1000.0, places=9, msg="log sigmoid(x) is about x for very negative x: do not call exp(1000)")
        self.assertAlmostEqual(pairwise_loss(1000.0, 0.0), 0.0, places=12)


class RankingTest(unittest.TestCase):
    def test_two_answers_is_one_pair(self):
        self.assertAlmostEqual(ranking_loss([1.5, -0.5]), pairwise_loss(1.5, -0.5), places=12)

    def test_every_pair_of_a_ranking_counts(self):
        rewards = [3.0, 1.0, 0.0]
        pairs = [pairwise_loss(3.0, 1.0), pairwise_loss(3.0, 0.0), pairwise_loss(1.0, 0.0)]
        self.assertAlmostEqual(ranking_loss(rewards), sum(pairs) / 3, places=12, msg="K = 3 answers give 3 pairs, not only the 2 neighbours")

    def test_only_differences_matter(self):
        self.assertAlmostEqual(ranking_loss([2.0, 1.0, -1.0, -4.0]), ranking_loss([102.0, 101.0, 99.0, 96.0]), places=12)


if __name__ == "__main__":
    unittest.main(verbosity=2)
