"""Rotary position embedding (RoPE)

Attention compares queries and keys by dot products, which ignore word order. RoPE, used by
Llama, Mistral, Qwen and most current open models, puts the position into the vectors by
rotating them: the coordinates of a d-dimensional query or key at position m are split into
neighbouring pairs (x[0], x[1]), (x[2], x[3]), ..., and pair i is rotated by the angle
m * theta_i, with theta_i = base^(-2i / d) for i = 0 .. d/2 - 1 (base = 10000):

    x'[2i]   = x[2i] * cos(m theta_i) - x[2i+1] * sin(m theta_i)
    x'[2i+1] = x[2i] * sin(m theta_i) + x[2i+1] * cos(m theta_i)

Early pairs spin fast, late pairs slowly. Because rotations compose, the dot product of a
query rotated to position m and a key rotated to position n depends only on m - n: the
model sees relative positions. Write `rope_angles` (the d/2 angles for one position; an odd
d raises ValueError) and `apply_rope`.

Run this file (`python rope.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def rope_angles(d: int, position: int, base: float = 10000.0) -> list[float]:
    """[position * theta_i for i in 0 .. d/2 - 1], theta_i = base ** (-2i / d)."""
    raise NotImplementedError("write rope_angles")


def apply_rope(x: list[float], position: int, base: float = 10000.0) -> list[float]:
    """x with each neighbouring pair (x[2i], x[2i+1]) rotated by position * theta_i."""
    raise NotImplementedError("write apply_rope")


# ---- Tests: run them with `python rope.py`; edit your code above, not these ---------------


def dot(u, v):
    return sum(a * b for a, b in zip(u, v))


class RopeTest(unittest.TestCase):
    def test_angles(self):
        got = rope_angles(4, 3)
        self.assertEqual(len(got), 2, msg="one angle per pair: d / 2 angles")
        self.assertAlmostEqual(got[0], 3.0, places=9, msg="theta_0 = base^0 = 1")
        self.assertAlmostEqual(got[1], 0.03, places=9, msg="theta_1 = 10000^(-2/4) = 0.01: mind the 2 in the exponent")

    def test_position_zero_changes_nothing(self):
        x = [0.3, -1.2, 0.8, 0.5]
        for got, want in zip(apply_rope(x, 0), x):
            self.assertAlmostEqual(got, want, places=12)

    def test_rotation_direction(self):
        got = apply_rope([1.0, 0.0], 1)
        self.assertAlmostEqual(got[0], math.cos(1.0), places=9)
        self.assertAlmostEqual(got[1], math.sin(1.0), places=9, msg="rotate counter-clockwise: [1, 0] goes to [cos, sin]")

    def test_neighbouring_pairs(self):
        got = apply_rope([1.0, 2.0, 3.0, 4.0], 2)
        c0, s0, c1, s1 = math.cos(2.0), math.sin(2.0), math.cos(0.02), math.sin(0.02)
        want = [c0 - 2 * s0, s0 + 2 * c0, 3 * c1 - 4 * s1, 3 * s1 + 4 * c1]
        for got_i, want_i in zip(got, want):
            self.assertAlmostEqual(got_i, want_i, places=9, msg="pair x[0] with x[1] and x[2] with x[3]")

    def test_length_is_preserved(self):
        x = [0.3, -1.2, 0.8, 0.5, -0.4, 0.9]
        self.assertAlmostEqual(dot(apply_rope(x, 7), apply_rope(x, 7)), dot(x, x), places=9, msg="a rotation does not change a vector's length")

    def test_score_depends_only_on_relative_position(self):
        q = [0.3, -1.2, 0.8, 0.5, -0.4, 0.9]
        k = [1.1, 0.4, -0.7, 0.2, 0.6, -0.3]
        near = dot(apply_rope(q, 5), apply_rope(k, 3))
        self.assertAlmostEqual(near, dot(apply_rope(q, 12), apply_rope(k, 10)), places=9, msg="same distance m - n = 2, same score")
        self.assertAlmostEqual(near, dot(apply_rope(q, 2), k), places=9)
        self.assertNotAlmostEqual(near, dot(apply_rope(q, 5), apply_rope(k, 4)), places=3, msg="a different distance changes the score")

    def test_odd_dimension_raises(self):
        with self.assertRaises(ValueError):
            rope_angles(3, 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
