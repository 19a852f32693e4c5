"""The first principal component by power iteration

PCA finds the direction along which the data vary most; projecting hidden states or
embeddings onto the first few such directions is the usual first look at what a model
represents. For n points with d coordinates, centre the data (subtract each coordinate's
mean) and form the sample covariance matrix

    S[a][b] = sum over points of (x[a] - mean[a]) * (x[b] - mean[b]) / (n - 1)

The first principal component is the unit eigenvector v of S with the largest eigenvalue,
and that eigenvalue, v^T S v, is the variance of the data along v. Power iteration finds it
without an eigen-solver: start from v = [1, 2, ..., d] and repeat v <- S v / ||S v||, which
shrinks the other directions step by step (normalise every time, or the numbers overflow).
Write `covariance_matrix` and `first_component`, which returns (v, variance); the sign of v
is arbitrary, the tests accept v or -v.

Run this file (`python pca_power_iteration.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def covariance_matrix(data: list[list[float]]) -> list[list[float]]:
    """The d x d sample covariance of the points (rows) in data, dividing by n - 1."""
    raise NotImplementedError("write covariance_matrix")


def first_component(data: list[list[float]], iterations: int = 100) -> tuple[list[float], float]:
    """(v, variance): the unit direction of largest variance and the variance along it."""
    raise NotImplementedError("write first_component")


# ---- Tests: run them with `python pca_power_iteration.py`; edit your code above, not these -

DIAGONAL = [[2.0, 2.0], [-2.0, -2.0], [1.0, -1.0], [-1.0, 1.0]]


def shifted(data, offset):
    return [[x + o for x, o in zip(row, offset)] for row in data]


class CovarianceTest(unittest.TestCase):
    def test_known_matrix(self):
        got = covariance_matrix(DIAGONAL)
        want = [[10 / 3, 2.0], [2.0, 10 / 3]]
        for a in range(2):
            for b in range(2):
                self.assertAlmostEqual(got[a][b], want[a][b], places=9, msg="the sample covariance divides by n - 1 = 3")

    def test_mean_does_not_matter(self):
        got = covariance_matrix(shifted(DIAGONAL, [10.0, -5.0]))
        self.assertAlmostEqual(got[0][1], 2.0, places=9, msg="subtract each coordinate's mean before multiplying")
        self.assertAlmostEqual(got[0][0], 10 / 3, places=9)


class FirstComponentTest(unittest.TestCase):
    def assertDirection(self, got, want, msg=None):
        self.assertAlmostEqual(math.sqrt(sum(x * x for x in got)), 1.0, places=9, msg="return a unit vector")
        self.assertAlmostEqual(abs(sum(g * w for g, w in zip(got, want))), 1.0, places=6, msg=msg)

    def test_diagonal_data(self):
        v, variance = first_component(DIAGONAL)
        self.assertDirection(v, [1 / math.sqrt(2), 1 / math.sqrt(2)])
        self.assertAlmostEqual(variance, 16 / 3, places=6, msg="the variance along v is v^T S v, the top eigenvalue")

    def test_axis_aligned_data(self):
        v, variance = first_component([[3.0, 0.0], [-3.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
        self.assertDirection(v, [1.0, 0.0])
        self.assertAlmostEqual(variance, 6.0, places=6)

    def test_shifted_data_has_the_same_component(self):
        v, variance = first_component(shifted(DIAGONAL, [10.0, -5.0]))
        self.assertDirection(v, [1 / math.sqrt(2), 1 / math.sqrt(2)], msg="centre the data: PCA ignores where the cloud sits")
        self.assertAlmostEqual(variance, 16 / 3, places=6)

    def test_start_vector_matters(self):
        v, variance = first_component([[2.0, -2.0], [-2.0, 2.0], [1.0, 1.0], [-1.0, -1.0]])
        self.assertDirection(v, [1 / math.sqrt(2), -1 / math.sqrt(2)], msg="[1, 1] is orthogonal to this answer and never reaches it: start from [1, 2, ..., d]")
        self.assertAlmostEqual(variance, 16 / 3, places=6)

    def test_large_values_do_not_overflow(self):
        v, variance = first_component([[1000 * x for x in row] for row in DIAGONAL])
        self.assertDirection(v, [1 / math.sqrt(2), 1 / math.sqrt(2)], msg="normalise v at every step")
        self.assertAlmostEqual(variance / 1e6, 16 / 3, places=6)


if __name__ == "__main__":
    unittest.main(verbosity=2)
