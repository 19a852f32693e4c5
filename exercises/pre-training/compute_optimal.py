"""A compute-optimal budget: split C = 6ND at about 20 tokens per parameter

Training a transformer with N parameters on D tokens costs about C = 6 * N * D floating-point
operations (2 per parameter and token for the forward pass, 4 for the backward pass).
Hoffmann et al. (2022), the Chinchilla paper, found that for a fixed budget C the best model
grows its size and its data at the same rate; their table of compute-optimal sizes works out
to about 20 training tokens per parameter (1 billion parameters: 20.2 billion tokens).

Write `training_flops(n_params, n_tokens)` and `compute_optimal(compute, tokens_per_param)`,
which returns the pair (N, D) that spends exactly `compute` FLOPs with D = tokens_per_param * N.
Substitute D into C = 6 * N * D and solve for N.

Run this file (`python compute_optimal.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def training_flops(n_params: float, n_tokens: float) -> float:
    """Approximate training compute in FLOPs: 6 per parameter per token."""
    raise NotImplementedError("write training_flops")


def compute_optimal(compute: float, tokens_per_param: float = 20.0) -> tuple[float, float]:
    """(parameters, tokens) that use `compute` FLOPs with tokens = tokens_per_param * parameters."""
    raise NotImplementedError("write compute_optimal")


# ---- Tests: run them with `python compute_optimal.py`; edit your code above, not these -----


class ComputeOptimalTest(unittest.TestCase):
    def assertClose(self, got, want, msg=None):
        self.assertTrue(math.isclose(got, want, rel_tol=1e-9), msg=f"got {got:.4g}, want {want:.4g}. {msg or ''}")

    def test_training_flops(self):
        self.assertClose(training_flops(1e9, 20e9), 1.2e20, msg="C = 6 * N * D")

    def test_one_billion_parameters(self):
        n, d = compute_optimal(1.2e20)
        self.assertClose(n, 1e9, msg="6 * N * (20 * N) = C, so N = sqrt(C / 120)")
        self.assertClose(d, 2e10, msg="D = 20 * N")

    def test_budget_is_spent_exactly(self):
        n, d = compute_optimal(3.0e22)
        self.assertClose(6 * n * d, 3.0e22, msg="the pair must use the whole budget: 6 * N * D = C")
        self.assertClose(d / n, 20.0, msg="about 20 tokens per parameter")

    def test_four_times_the_compute_doubles_both(self):
        n1, d1 = compute_optimal(1e21)
        n2, d2 = compute_optimal(4e21)
        self.assertClose(n2 / n1, 2.0, msg="N grows as the square root of C")
        self.assertClose(d2 / d1, 2.0, msg="and so does D: both scale equally")

    def test_gopher_budget_gives_a_chinchilla(self):
        # Gopher's budget, 5.76e23 FLOPs: Chinchilla has 70B parameters and saw 1.4T tokens.
        n, d = compute_optimal(5.76e23)
        self.assertAlmostEqual(n / 1e9, 69.28, places=1)
        self.assertAlmostEqual(d / 1e12, 1.386, places=2)

    def test_other_ratio(self):
        n, d = compute_optimal(6e21, tokens_per_param=100.0)
        self.assertClose(n, math.sqrt(1e19), msg="N = sqrt(C / (6 * tokens_per_param))")
        self.assertClose(d, 100.0 * n)


if __name__ == "__main__":
    unittest.main(verbosity=2)
