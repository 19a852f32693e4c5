"""A state space layer run two ways: recurrence and convolution

A state space model (SSM) layer keeps a hidden state h (a vector of size N) and updates it with
fixed linear equations. Once discretised (S4 writes the matrices with a bar), one step is

    h_t = A h_{t-1} + B u_t        y_t = C h_t        (h_{-1} = 0)

Run step by step, this is a recurrence: cheap for generation, one token at a time. Unroll it
and every output is a weighted sum of the inputs seen so far, with weights that do not depend
on t, so the same layer is a causal convolution with the kernel K = (CB, CAB, CA^2B, ...):

    K_k = C A^k B        y_t = K_0 u_t + K_1 u_{t-1} + ... + K_t u_0

which can be computed for the whole sequence at once during training.

Write all three: `ssm_recurrent`, `ssm_kernel` and `ssm_convolution`. A is a list of N rows,
B and C are lists of N numbers, the input u and the output y are lists of numbers. The tests
check that both ways give the same output.

Run this file (`python ssm_two_ways.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def ssm_recurrent(a: list[list[float]], b: list[float], c: list[float], u: list[float]) -> list[float]:
    """y_t = C h_t with h_t = A h_{t-1} + B u_t, starting from a zero state."""
    raise NotImplementedError("write ssm_recurrent")


def ssm_kernel(a: list[list[float]], b: list[float], c: list[float], length: int) -> list[float]:
    """The first `length` kernel values K_k = C A^k B, for k = 0, 1, ..., length - 1."""
    raise NotImplementedError("write ssm_kernel")


def ssm_convolution(a: list[list[float]], b: list[float], c: list[float], u: list[float]) -> list[float]:
    """The same outputs as ssm_recurrent, computed as y_t = sum over k <= t of K_k u_{t-k}."""
    raise NotImplementedError("write ssm_convolution")


# ---- Tests: run them with `python ssm_two_ways.py`; edit your code above, not these -------


class RecurrenceTest(unittest.TestCase):
    def test_impulse_response_of_a_scalar_ssm(self):
        y = ssm_recurrent([[0.5]], [1.0], [1.0], [1.0, 0.0, 0.0])
        for got, want in zip(y, [1.0, 0.5, 0.25]):
            self.assertAlmostEqual(got, want, places=9, msg="one input pulse decays by A at every step")

    def test_output_reads_the_updated_state(self):
        # h_0 = 2 * 1 = 2, y_0 = 3 * 2 = 6; h_1 = 0.5 * 2 + 2 * 1 = 3, y_1 = 9.
        y = ssm_recurrent([[0.5]], [2.0], [3.0], [1.0, 1.0])
        self.assertAlmostEqual(y[0], 6.0, places=9, msg="update the state with u_t first, then read y_t = C h_t")
        self.assertAlmostEqual(y[1], 9.0, places=9)

    def test_empty_input_gives_empty_output(self):
        self.assertEqual(ssm_recurrent([[0.5]], [1.0], [1.0], []), [])


class KernelTest(unittest.TestCase):
    def test_kernel_starts_with_cb(self):
        # A shifts the state: A [x, y] = [y, 0]. So CB = 0, CAB = 1, CA^2B = 0.
        a = [[0.0, 1.0], [0.0, 0.0]]
        kernel = ssm_kernel(a, [0.0, 1.0], [1.0, 0.0], 3)
        self.assertEqual(len(kernel), 3)
        for got, want in zip(kernel, [0.0, 1.0, 0.0]):
            self.assertAlmostEqual(got, want, places=9, msg="K_0 = C B (A to the power 0), then K_1 = C A B")

    def test_scalar_kernel_is_a_geometric_series(self):
        kernel = ssm_kernel([[0.5]], [2.0], [3.0], 4)
        for got, want in zip(kernel, [6.0, 3.0, 1.5, 0.75]):
            self.assertAlmostEqual(got, want, places=9)


class ConvolutionTest(unittest.TestCase):
    def test_convolution_uses_past_inputs(self):
        # K = (1, 0.5): y_1 = K_0 u_1 + K_1 u_0 = 2 + 0.5.
        y = ssm_convolution([[0.5]], [1.0], [1.0], [1.0, 2.0])
        self.assertAlmostEqual(y[0], 1.0, places=9)
        self.assertAlmostEqual(y[1], 2.5, places=9, msg="K_k multiplies the input k steps back, u_{t-k}")

    def test_both_ways_agree(self):
        a = [[0.9, 0.1], [-0.2, 0.7]]
        b, c = [1.0, 0.5], [0.3, -1.0]
        u = [1.0, -2.0, 0.5, 3.0, 0.0, -1.0]
        rec, conv = ssm_recurrent(a, b, c, u), ssm_convolution(a, b, c, u)
        self.assertEqual(len(conv), len(u))
        for t, (r, k) in enumerate(zip(rec, conv)):
            self.assertAlmostEqual(r, k, places=9, msg=f"step {t}: the recurrence and the convolution must agree")

    def test_empty_input_convolves_to_nothing(self):
        self.assertEqual(ssm_convolution([[0.5]], [1.0], [1.0], []), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
