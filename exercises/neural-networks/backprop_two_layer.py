"""Backpropagation through a two-layer network

Backpropagation applies the chain rule from the loss back to every weight, reusing each
layer's result for the layer below. For one tanh hidden layer, a linear output and the
squared error, the forward pass, then the backward pass (each gradient from the next one):

    a = W1 x + b1      h = tanh(a)      out = W2 h + b2      loss = 1/2 * sum_k (out[k] - y[k])^2

    g_out = out - y                       dW2[k][j] = g_out[k] * h[j]      db2 = g_out
    g_h[j] = sum_k W2[k][j] * g_out[k]    g_a[j] = g_h[j] * (1 - h[j]^2)   (tanh' = 1 - tanh^2)
    dW1[j][i] = g_a[j] * x[i]             db1 = g_a

Parameters are a dict with "W1" (hidden x inputs), "b1", "W2" (outputs x hidden) and "b2".
Write `forward` (returns h and out), `loss`, and `gradients`, which returns a dict shaped
like the parameters. The tests check your gradients against finite differences.

Run this file (`python backprop_two_layer.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def forward(params: dict, x: list[float]) -> tuple[list[float], list[float]]:
    """(h, out): the hidden activations and the network's outputs for input x."""
    raise NotImplementedError("write forward")


def loss(params: dict, x: list[float], y: list[float]) -> float:
    """1/2 * the sum of squared differences between the outputs and the targets y."""
    raise NotImplementedError("write loss")


def gradients(params: dict, x: list[float], y: list[float]) -> dict:
    """d loss / d parameter for "W1", "b1", "W2" and "b2", shaped like params."""
    raise NotImplementedError("write gradients")


# ---- Tests: run them with `python backprop_two_layer.py`; edit your code above, not these --

PARAMS = {
    "W1": [[0.5, -0.3], [0.8, 0.2], [-0.4, 0.9]],
    "b1": [0.1, -0.2, 0.05],
    "W2": [[0.7, -0.5, 0.3], [-0.2, 0.6, 0.4]],
    "b2": [0.0, 0.1],
}
X, Y = [1.5, -0.7], [0.4, -0.3]


def numeric_gradient(name, index, h=1e-6):
    """Central difference of the loss with respect to one parameter entry."""
    def shifted(delta):
        params = {k: [list(r) if isinstance(r, list) else r for r in v] for k, v in PARAMS.items()}
        if len(index) == 2:
            params[name][index[0]][index[1]] += delta
        else:
            params[name][index[0]] += delta
        return loss(params, X, Y)
    return (shifted(h) - shifted(-h)) / (2 * h)


class ForwardTest(unittest.TestCase):
    def test_forward_and_loss(self):
        params = {"W1": [[0.0, 0.0]], "b1": [0.5], "W2": [[2.0]], "b2": [1.0]}
        h, out = forward(params, [3.0, -1.0])
        self.assertAlmostEqual(h[0], math.tanh(0.5), places=9)
        self.assertAlmostEqual(out[0], 2.0 * math.tanh(0.5) + 1.0, places=9)
        self.assertAlmostEqual(loss(params, [3.0, -1.0], [1.0]), 0.5 * (2.0 * math.tanh(0.5)) ** 2, places=9, msg="the loss has a factor 1/2")


class GradientsTest(unittest.TestCase):
    def test_shapes_match_the_parameters(self):
        grads = gradients(PARAMS, X, Y)
        for name, value in PARAMS.items():
            self.assertEqual(len(grads[name]), len(value), msg=f"{name} has {len(value)} rows")
            if isinstance(value[0], list):
                self.assertEqual([len(r) for r in grads[name]], [len(r) for r in value], msg=f"{name}'s rows")

    def test_output_bias_gradient_is_the_error(self):
        _, out = forward(PARAMS, X)
        grads = gradients(PARAMS, X, Y)
        for k in range(2):
            self.assertAlmostEqual(grads["b2"][k], out[k] - Y[k], places=9, msg="d loss / d b2 = out - y (the 1/2 cancels the 2)")

    def test_output_layer_matches_finite_differences(self):
        grads = gradients(PARAMS, X, Y)
        for k in range(2):
            for j in range(3):
                self.assertAlmostEqual(grads["W2"][k][j], numeric_gradient("W2", (k, j)), places=6, msg=f"dW2[{k}][{j}]")

    def test_hidden_layer_matches_finite_differences(self):
        grads = gradients(PARAMS, X, Y)
        for j in range(3):
            self.assertAlmostEqual(grads["b1"][j], numeric_gradient("b1", (j,)), places=6, msg=f"db1[{j}]: multiply by tanh'(a) = 1 - h^2")
            for i in range(2):
                self.assertAlmostEqual(grads["W1"][j][i], numeric_gradient("W1", (j, i)), places=6, msg=f"dW1[{j}][{i}]")

    def test_perfect_fit_has_zero_gradient(self):
        _, out = forward(PARAMS, X)
        grads = gradients(PARAMS, X, out)
        self.assertAlmostEqual(max(abs(g) for row in grads["W1"] for g in row), 0.0, places=12)


if __name__ == "__main__":
    unittest.main(verbosity=2)
