"""LoRA: a low-rank update beside a frozen weight matrix

Full fine-tuning updates every entry of a d x k weight matrix W0. LoRA freezes W0 and learns
its change as a product of two thin matrices, B (d x r) and A (r x k), with a small rank r.
The layer's output for an input x (a vector of size k) becomes

    h = W0 x + (alpha / r) * B (A x)

The factor alpha / r keeps the size of the update steady when you try another rank. A starts
random (Gaussian) and B starts at zero, so B A = 0 and the adapted model begins exactly where
the pre-trained one was.

Write `lora_forward`, `init_lora` (A from random.Random(seed).gauss(0.0, 0.02), B all zeros)
and `trainable_params`, which returns the pair (LoRA's count, full fine-tuning's count) for
one d x k matrix. Matrices are lists of rows.

Run this file (`python lora.py`) to test your code.
"""

import random
import unittest

# ---- Your code ----------------------------------------------------------------------------


def lora_forward(w0: list[list[float]], a: list[list[float]], b: list[list[float]], x: list[float], alpha: float) -> list[float]:
    """h = W0 x + (alpha / r) * B (A x), with r = len(a), the number of rows of A."""
    raise NotImplementedError("write lora_forward")


def init_lora(d: int, k: int, r: int, seed: int = 0) -> tuple[list[list[float]], list[list[float]]]:
    """(A, B): A is r x k with Gaussian entries (std 0.02), B is d x r of zeros."""
    raise NotImplementedError("write init_lora")


def trainable_params(d: int, k: int, r: int) -> tuple[int, int]:
    """(parameters LoRA trains, parameters full fine-tuning trains) for one d x k matrix."""
    raise NotImplementedError("write trainable_params")


# ---- Tests: run them with `python lora.py`; edit your code above, not these ----------------


class ForwardTest(unittest.TestCase):
    def test_scaled_by_alpha_over_r(self):
        zero = [[0.0, 0.0], [0.0, 0.0]]
        eye = [[1.0, 0.0], [0.0, 1.0]]
        # B A = I, r = 2, alpha = 4: the update is 2 * x.
        h = lora_forward(zero, eye, eye, [1.0, 2.0], alpha=4.0)
        self.assertEqual(len(h), 2)
        for got, want in zip(h, [2.0, 4.0]):
            self.assertAlmostEqual(got, want, places=12, msg="scale B A x by alpha / r, not by alpha")

    def test_adds_the_frozen_path(self):
        w0 = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]  # d = 3, k = 2
        a = [[1.0, -1.0]]  # r = 1
        b = [[1.0], [0.0], [-2.0]]
        # W0 x = [5, 11, 17]; A x = [-1]; B A x = [-1, 0, 2]; alpha / r = 0.5.
        h = lora_forward(w0, a, b, [1.0, 2.0], alpha=0.5)
        for got, want in zip(h, [4.5, 11.0, 18.0]):
            self.assertAlmostEqual(got, want, places=12, msg="h = W0 x + (alpha / r) * B (A x)")
        self.assertEqual(len(h), 3, msg="the output has d entries, one per row of W0")


class InitTest(unittest.TestCase):
    def test_shapes_and_zero_b(self):
        a, b = init_lora(d=3, k=5, r=2, seed=1)
        self.assertEqual((len(a), len(a[0])), (2, 5), msg="A is r x k")
        self.assertEqual((len(b), len(b[0])), (3, 2), msg="B is d x r")
        self.assertTrue(all(v == 0.0 for row in b for v in row), msg="B starts at zero")
        self.assertTrue(any(v != 0.0 for row in a for v in row), msg="A starts random: if both are zero, neither ever gets a gradient")

    def test_same_seed_same_matrices(self):
        self.assertEqual(init_lora(2, 3, 1, seed=7), init_lora(2, 3, 1, seed=7))

    def test_starts_at_the_pretrained_model(self):
        w0 = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
        a, b = init_lora(d=2, k=3, r=2, seed=3)
        h = lora_forward(w0, a, b, [1.0, 1.0, 1.0], alpha=16.0)
        for got, want in zip(h, [6.0, 15.0]):
            self.assertAlmostEqual(got, want, places=12, msg="with B = 0 the output is W0 x")


class CountTest(unittest.TestCase):
    def test_square_projection(self):
        self.assertEqual(trainable_params(4096, 4096, 8), (65_536, 16_777_216), msg="LoRA trains r * (d + k); W0 stays frozen")

    def test_rectangular(self):
        self.assertEqual(trainable_params(3, 5, 2), (16, 15))


if __name__ == "__main__":
    unittest.main(verbosity=2)
