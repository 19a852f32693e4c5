"""GRPO's group-relative advantages

GRPO trains a reasoning model without a value model. For each prompt it samples a group of G
answers, scores each one (1 if the final answer checks out, 0 if not) and judges every answer
against its own group: the advantage of answer i is its reward standardised by the group,

    A_i = (r_i - mean(r)) / std(r)

Answers better than their group's average are pushed up, worse ones down. DeepSeekMath writes
std without saying whether it divides by G or G - 1: here divide by G (population std), as in
the chapter's figure; TRL's trainer uses torch's default, G - 1. When every answer got the same
reward the std is 0: return zeros, since no answer beat another and the group teaches nothing.
Floats round, so treat a std below 1e-6 as zero.

Write `group_advantages` for one group and `batch_advantages` for a flat list that holds
several groups of `group_size` answers one after the other (a ValueError if it does not split
evenly). Each group is standardised on its own.

Run this file (`python grpo_advantages.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def group_advantages(rewards: list[float]) -> list[float]:
    """(r_i - mean) / std over one group, population std; all zeros when std is (about) 0."""
    raise NotImplementedError("write group_advantages")


def batch_advantages(rewards: list[float], group_size: int) -> list[float]:
    """group_advantages applied to each consecutive group of `group_size` rewards."""
    raise NotImplementedError("write batch_advantages")


# ---- Tests: run them with `python grpo_advantages.py`; edit your code above, not these -----


class GroupTest(unittest.TestCase):
    def assertAllClose(self, got, want, msg=None):
        self.assertEqual(len(got), len(want))
        for g, w in zip(got, want):
            self.assertAlmostEqual(g, w, places=9, msg=msg)

    def test_half_right_gives_plus_and_minus_one(self):
        self.assertAllClose(group_advantages([1, 0, 1, 0]), [1, -1, 1, -1], msg="mean 0.5, population std 0.5")

    def test_population_std(self):
        # Mean 0.25; population std sqrt(0.25 * 0.75) = 0.4330; the sample std would be 0.5.
        s = math.sqrt(3.0)
        self.assertAllClose(group_advantages([1, 0, 0, 0]), [s, -1 / s, -1 / s, -1 / s], msg="divide by G, not by G - 1")

    def test_equal_rewards_give_zero_advantages(self):
        self.assertEqual(group_advantages([1, 1, 1]), [0.0, 0.0, 0.0], msg="std 0: return zeros, do not divide by 0")

    def test_equal_rewards_despite_rounding(self):
        self.assertAllClose(group_advantages([0.1, 0.1, 0.1]), [0.0, 0.0, 0.0], msg="their float std is 1e-17, not 0: compare with 1e-6")

    def test_only_the_ranking_within_the_group_matters(self):
        self.assertAllClose(group_advantages([10.0, 0.0, 10.0, 0.0]), group_advantages([1, 0, 1, 0]))
        self.assertAlmostEqual(sum(group_advantages([0.2, 0.9, 0.4])), 0.0, places=9, msg="advantages of a group sum to 0")


class BatchTest(unittest.TestCase):
    def test_each_group_on_its_own(self):
        got = batch_advantages([1, 0, 1, 0, 1, 1, 1, 0], group_size=4)
        s = math.sqrt(3.0)
        want = [1, -1, 1, -1, 1 / s, 1 / s, 1 / s, -s]
        for g, w in zip(got, want):
            self.assertAlmostEqual(g, w, places=9, msg="standardise each prompt's group separately, not the whole batch")

    def test_uneven_batch_raises(self):
        with self.assertRaises(ValueError):
            batch_advantages([1, 0, 1], group_size=2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
