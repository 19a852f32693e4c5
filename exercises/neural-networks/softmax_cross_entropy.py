"""Softmax cross-entropy loss and its gradient

A classifier, and a language model choosing the next token, ends in a vector of scores
(logits) z, one per class. Softmax turns them into probabilities p, and the loss for the
true class y is the negative log of the probability given to it:

    log_softmax(z)[i] = z[i] - log(sum_j exp(z[j]))
    loss              = -log_softmax(z)[y]
    d loss / d z[i]   = p[i] - (1 if i == y else 0)

The gradient is simply "predicted minus target". Compute log(sum_j exp(z[j])) as
m + log(sum_j exp(z[j] - m)) with m = max(z): exp of a large logit overflows, and the log of
a probability that rounded to 0 fails. Write `log_softmax` and `loss_and_gradient`, which
returns the loss and the list of derivatives with respect to each logit.

Run this file (`python softmax_cross_entropy.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def log_softmax(logits: list[float]) -> list[float]:
    """log of the softmax probabilities, computed stably."""
    raise NotImplementedError("write log_softmax")


def loss_and_gradient(logits: list[float], target: int) -> tuple[float, list[float]]:
    """The cross-entropy loss for class `target` and its gradient with respect to the logits."""
    raise NotImplementedError("write loss_and_gradient")


# ---- Tests: run them with `python softmax_cross_entropy.py`; edit your code above, not these


class LogSoftmaxTest(unittest.TestCase):
    def test_probabilities_sum_to_one(self):
        probs = [math.exp(v) for v in log_softmax([1.0, -2.0, 0.5, 3.0])]
        self.assertAlmostEqual(sum(probs), 1.0, places=9)

    def test_huge_logits(self):
        self.assertAlmostEqual(log_softmax([1000.0, 1000.0])[0], -math.log(2), places=9, msg="subtract max(z) before math.exp")


class LossAndGradientTest(unittest.TestCase):
    def test_uniform_logits(self):
        loss, grad = loss_and_gradient([0.0, 0.0, 0.0, 0.0], 2)
        self.assertAlmostEqual(loss, math.log(4), places=9, msg="a uniform guess over 4 classes costs log 4")
        for got, want in zip(grad, [0.25, 0.25, -0.75, 0.25]):
            self.assertAlmostEqual(got, want, places=9, msg="gradient = p - one_hot(target)")

    def test_known_values(self):
        z = [2.0, 1.0, 0.0]
        total = math.exp(2.0) + math.exp(1.0) + 1.0
        loss, grad = loss_and_gradient(z, 0)
        self.assertAlmostEqual(loss, -math.log(math.exp(2.0) / total), places=9)
        self.assertAlmostEqual(grad[0], math.exp(2.0) / total - 1.0, places=9, msg="the true class gets p - 1, a negative number")
        self.assertAlmostEqual(grad[2], 1.0 / total, places=9)
        self.assertAlmostEqual(sum(grad), 0.0, places=9, msg="the components of p - y sum to 1 - 1 = 0")

    def test_gradient_matches_finite_differences(self):
        z, target, h = [0.3, -1.2, 2.0, 0.7], 1, 1e-5
        _, grad = loss_and_gradient(z, target)
        for i in range(len(z)):
            up = [v + h if j == i else v for j, v in enumerate(z)]
            down = [v - h if j == i else v for j, v in enumerate(z)]
            numeric = (loss_and_gradient(up, target)[0] - loss_and_gradient(down, target)[0]) / (2 * h)
            self.assertAlmostEqual(grad[i], numeric, places=6, msg=f"d loss / d z[{i}] disagrees with the finite difference")

    def test_confidently_wrong_prediction(self):
        loss, grad = loss_and_gradient([1000.0, 0.0], 1)
        self.assertAlmostEqual(loss, 1000.0, places=6, msg="use log-sum-exp: the softmax probability of class 1 rounds to 0")
        self.assertAlmostEqual(grad[1], -1.0, places=9)

    def test_shifting_logits_changes_nothing(self):
        a, _ = loss_and_gradient([1.0, 2.0, 3.0], 2)
        b, _ = loss_and_gradient([101.0, 102.0, 103.0], 2)
        self.assertAlmostEqual(a, b, places=9)


if __name__ == "__main__":
    unittest.main(verbosity=2)
