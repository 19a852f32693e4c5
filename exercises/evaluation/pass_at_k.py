"""The unbiased pass@k estimator for code benchmarks

Code benchmarks such as HumanEval grade a model by running its programs against unit tests.
pass@k asks: if the model may try k times, how likely is at least one try to pass? Sampling
exactly k programs per problem gives a noisy answer, so instead you sample n >= k programs,
count the c that pass, and compute the chance that k programs drawn from those n, without
replacement, are not all failures:

    pass@k = 1 - C(n - c, k) / C(n, k)

Compute the ratio as a product that never builds huge numbers,
C(n - c, k) / C(n, k) = product over i = n - c + 1 .. n of (1 - k / i); if n - c < k, every
draw of k holds a passing program and pass@k is 1. Write `pass_at_k` for one problem (raise
ValueError unless 1 <= k <= n and 0 <= c <= n) and `mean_pass_at_k`, the benchmark score:
the average of the per-problem estimates, each with its own n and c.

Run this file (`python pass_at_k.py`) to test your code.
"""

import math
import unittest
from fractions import Fraction

# ---- Your code ----------------------------------------------------------------------------


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased estimate of pass@k for one problem with n samples of which c pass."""
    raise NotImplementedError("write pass_at_k")


def mean_pass_at_k(results: list[tuple[int, int]], k: int) -> float:
    """Benchmark pass@k: the mean over problems of pass_at_k(n, c, k); results holds (n, c) pairs."""
    raise NotImplementedError("write mean_pass_at_k")


# ---- Tests: run them with `python pass_at_k.py`; edit your code above, not these ----------


def exact(n: int, c: int, k: int) -> float:
    """The definition, with exact integers: for checking only."""
    return float(1 - Fraction(math.comb(n - c, k), math.comb(n, k)))


class PassAtKTest(unittest.TestCase):
    def test_pass_at_1_is_the_pass_rate(self):
        self.assertAlmostEqual(pass_at_k(10, 3, 1), 0.3, places=12, msg="with k = 1 the estimate is simply c / n")

    def test_small_case_by_hand(self):
        # 5 samples, 2 pass: C(3, 2) / C(5, 2) = 3 / 10 of the pairs fail twice.
        self.assertAlmostEqual(pass_at_k(5, 2, 2), 0.7, places=12, msg="pass@2 = 1 - C(3,2)/C(5,2) = 0.7")

    def test_not_the_biased_formula(self):
        # 1 - (1 - c/n)^k treats the k draws as independent (with replacement): 0.51, not 8/15.
        self.assertAlmostEqual(pass_at_k(10, 3, 2), 1 - 21 / 45, places=12, msg="draw without replacement: 1 - C(7,2)/C(10,2), not 1 - (1 - c/n)^k")

    def test_matches_the_definition_for_large_n(self):
        self.assertAlmostEqual(pass_at_k(200, 13, 100), exact(200, 13, 100), places=12, msg="the product runs over i = n-c+1 .. n")
        self.assertAlmostEqual(pass_at_k(200, 1, 10), exact(200, 1, 10), places=12)

    def test_edges(self):
        self.assertEqual(pass_at_k(10, 0, 5), 0.0, msg="no passing sample: pass@k is 0")
        self.assertEqual(pass_at_k(10, 8, 3), 1.0, msg="n - c < k: every draw of k holds a passing sample")
        with self.assertRaises(ValueError, msg="k larger than n cannot be estimated from n samples"):
            pass_at_k(5, 2, 6)

    def test_benchmark_mean_is_per_problem(self):
        # Problem 1: 10 samples, 5 pass -> pass@2 = 1 - 10/45. Problem 2: 4 samples, 0 pass -> 0.
        want = (1 - 10 / 45 + 0.0) / 2
        got = mean_pass_at_k([(10, 5), (4, 0)], 2)
        self.assertAlmostEqual(got, want, places=12, msg="average the per-problem estimates; do not pool samples across problems")


if __name__ == "__main__":
    unittest.main(verbosity=2)
