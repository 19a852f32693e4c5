"""Gradient descent on a least-squares line fit

Training follows the gradient of the loss downhill. The smallest case is fitting a line
y = w * t + c to points (t, y): each point is a row [t, 1] of a matrix A, the targets form b,
the parameters x = [w, c]. The squared error and its gradient with respect to the vector x:

    f(x)      = 1/2 * ||A x - b||^2
    grad f(x) = A^T (A x - b)

Each step of gradient descent moves x a little against the gradient:

    x  <-  x - learning_rate * grad f(x)

Write `gradient` (component j is sum_i A[i][j] * (A x - b)[i]) and `gradient_descent`, which
starts from x = 0 and takes `steps` steps. A is a list of rows; b and x are lists of floats.

Run this file (`python least_squares_gradient_descent.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def gradient(a: list[list[float]], b: list[float], x: list[float]) -> list[float]:
    """A^T (A x - b): one component per column of A."""
    raise NotImplementedError("write gradient")


def gradient_descent(a: list[list[float]], b: list[float], learning_rate: float, steps: int) -> list[float]:
    """Start from x = 0 and take `steps` steps of x <- x - learning_rate * gradient."""
    raise NotImplementedError("write gradient_descent")


# ---- Tests: run them with `python least_squares_gradient_descent.py`; edit your code above, not these


def design(ts):
    return [[t, 1.0] for t in ts]


class GradientTest(unittest.TestCase):
    def test_known_value(self):
        # x = [1, 0] predicts [0, 1, 2]; residuals A x - b = [-1, -2, -3].
        got = gradient(design([0.0, 1.0, 2.0]), [1.0, 3.0, 5.0], [1.0, 0.0])
        self.assertEqual(len(got), 2)
        self.assertAlmostEqual(got[0], -8.0, places=9, msg="the slope component weights each residual by its t: -1*0 - 2*1 - 3*2")
        self.assertAlmostEqual(got[1], -6.0, places=9, msg="the intercept component is the sum of the residuals (the ones column)")

    def test_zero_at_an_exact_fit(self):
        # The points lie on y = 2 t + 1, so x = [2, 1] fits them exactly.
        got = gradient(design([0.0, 1.0, 2.0, 5.0]), [1.0, 3.0, 5.0, 11.0], [2.0, 1.0])
        for g in got:
            self.assertAlmostEqual(g, 0.0, places=9, msg="at the minimum the gradient vanishes")

    def test_sum_not_mean(self):
        # Doubling every point doubles the gradient of 1/2 ||A x - b||^2.
        once = gradient(design([1.0, 2.0]), [0.0, 0.0], [1.0, 1.0])
        twice = gradient(design([1.0, 2.0, 1.0, 2.0]), [0.0, 0.0, 0.0, 0.0], [1.0, 1.0])
        self.assertAlmostEqual(twice[0], 2 * once[0], places=9, msg="f sums over the points: do not divide by their number")


class DescentTest(unittest.TestCase):
    def test_no_steps_stays_at_zero(self):
        self.assertEqual(gradient_descent(design([0.0, 1.0]), [1.0, 2.0], 0.1, 0), [0.0, 0.0])

    def test_first_step_goes_downhill(self):
        # At x = 0 the gradient is -A^T b = [-13, -9]; one step of 0.1 moves to [1.3, 0.9].
        got = gradient_descent(design([0.0, 1.0, 2.0]), [1.0, 3.0, 5.0], 0.1, 1)
        self.assertAlmostEqual(got[0], 1.3, places=9, msg="subtract learning_rate * gradient: the step goes against the gradient")
        self.assertAlmostEqual(got[1], 0.9, places=9)

    def test_converges_to_the_least_squares_line(self):
        # Normal equations [[14, 6], [6, 4]] x = [18, 9] give the best line y = 0.9 t + 0.9.
        w, c = gradient_descent(design([0.0, 1.0, 2.0, 3.0]), [1.0, 2.0, 2.0, 4.0], 0.05, 600)
        self.assertAlmostEqual(w, 0.9, places=6)
        self.assertAlmostEqual(c, 0.9, places=6)


if __name__ == "__main__":
    unittest.main(verbosity=2)
