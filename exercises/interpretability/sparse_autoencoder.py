"""A sparse autoencoder's forward pass and loss

A sparse autoencoder (SAE) rewrites an activation vector x (size n) as a sparse combination of
many more learned directions (m > n features). Following Towards Monosemanticity, it first
subtracts the decoder bias, encodes with a ReLU, and decodes linearly:

    f     = ReLU(W_e (x - b_d) + b_e)          W_e is m x n, b_e has m entries
    x_hat = W_d f + b_d                        W_d is n x m: column i is feature i's direction
    loss  = mean over the batch of ( |x - x_hat|^2 + l1_coeff * sum_i |f_i| )

The squared error (summed over the n coordinates) asks for a faithful reconstruction; the L1
term asks for few active features, which is what makes each one easier to interpret. (In
training the decoder columns are also kept at unit norm, so the L1 term cannot be dodged by
shrinking f and growing W_d; you do not need that here.)

Matrices are lists of rows. Write `encode`, `decode` and `sae_loss` for a batch of vectors.

Run this file (`python sparse_autoencoder.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def encode(x: list[float], w_e: list[list[float]], b_e: list[float], b_d: list[float]) -> list[float]:
    """Feature activations f = ReLU(W_e (x - b_d) + b_e)."""
    raise NotImplementedError("write encode")


def decode(f: list[float], w_d: list[list[float]], b_d: list[float]) -> list[float]:
    """Reconstruction x_hat = W_d f + b_d."""
    raise NotImplementedError("write decode")


def sae_loss(batch: list[list[float]], w_e: list[list[float]], b_e: list[float], w_d: list[list[float]], b_d: list[float], l1_coeff: float) -> float:
    """Mean over the batch of squared reconstruction error plus l1_coeff times the L1 norm of f."""
    raise NotImplementedError("write sae_loss")


# ---- Tests: run them with `python sparse_autoencoder.py`; edit your code above, not these -

W_E = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]  # 3 features, inputs of size 2
B_E = [0.0, -3.0, -0.5]
W_D = [[1.0, 0.0, 0.5], [0.0, 1.0, 0.5]]  # columns: [1, 0], [0, 1], [0.5, 0.5]
B_D = [1.0, 0.0]


class ForwardTest(unittest.TestCase):
    def test_encode_subtracts_the_decoder_bias_first(self):
        # x - b_d = [2, 2]; W_e gives [2, 2, 4]; + b_e = [2, -1, 3.5]; ReLU -> [2, 0, 3.5].
        self.assertEqual(encode([3.0, 2.0], W_E, B_E, B_D), [2.0, 0.0, 3.5], msg="center with x - b_d before the encoder")

    def test_relu_keeps_features_non_negative(self):
        f = encode([1.0, 0.0], W_E, B_E, B_D)
        self.assertEqual(f, [0.0, 0.0, 0.0], msg="x equal to b_d activates nothing here: negative pre-activations become 0")

    def test_decode_adds_the_bias_back(self):
        self.assertEqual(decode([2.0, 0.0, 3.5], W_D, B_D), [4.75, 1.75], msg="x_hat = W_d f + b_d = [3.75, 1.75] + [1, 0]")


class LossTest(unittest.TestCase):
    def test_single_example(self):
        # error = [3 - 4.75, 2 - 1.75] -> 3.0625 + 0.0625 = 3.125; L1 = 5.5 -> 0.1 * 5.5 = 0.55.
        self.assertAlmostEqual(sae_loss([[3.0, 2.0]], W_E, B_E, W_D, B_D, 0.1), 3.675, places=12, msg="squared error plus l1_coeff * sum |f|")

    def test_penalty_is_l1_not_squared(self):
        loss = sae_loss([[3.0, 2.0]], W_E, B_E, W_D, B_D, 1.0)
        self.assertAlmostEqual(loss, 3.125 + 5.5, places=12, msg="the sparsity term is sum |f_i| (5.5), not sum f_i^2 (16.25)")

    def test_batch_mean(self):
        # The second example reconstructs perfectly with no active feature: loss 0.
        self.assertAlmostEqual(sae_loss([[3.0, 2.0], [1.0, 0.0]], W_E, B_E, W_D, B_D, 0.1), 3.675 / 2, places=12, msg="average over the batch, do not sum")


if __name__ == "__main__":
    unittest.main(verbosity=2)
