"""NumPy broadcasting rules for two shapes

NumPy combines arrays of different shapes by broadcasting: adding a bias row to every row of
a matrix, or an attention mask of shape (batch, 1, 1, seq) to scores of shape
(batch, heads, seq, seq), works without copying data. Whether two shapes fit, and what shape
the result has, follows a short rule:

    compare the two shapes from the right (the trailing axes first);
    a shape with fewer axes counts as having size 1 in the missing leading axes;
    two sizes fit when they are equal or one of them is 1;
    the result takes, on each axis, the size that is not 1 (1 if both are 1).

Write `broadcast_shape` in plain Python: return the result shape as a tuple, or raise
ValueError when the shapes cannot be broadcast together. Note that a size 0 against a size 1
gives 0 (an empty axis stays empty).

Run this file (`python broadcast_shapes.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of a result broadcast from shapes a and b; ValueError if they do not fit."""
    raise NotImplementedError("write broadcast_shape")


# ---- Tests: run them with `python broadcast_shapes.py`; edit your code above, not these ----


class BroadcastShapeTest(unittest.TestCase):
    def test_equal_shapes(self):
        self.assertEqual(broadcast_shape((4, 3), (4, 3)), (4, 3))

    def test_bias_row_over_a_matrix(self):
        self.assertEqual(broadcast_shape((4, 3), (3,)), (4, 3), msg="a missing leading axis counts as size 1")
        self.assertEqual(broadcast_shape((3,), (4, 3)), (4, 3), msg="the order of the two shapes does not matter")

    def test_attention_padding_mask(self):
        scores, mask = (2, 8, 5, 5), (2, 1, 1, 5)
        self.assertEqual(broadcast_shape(scores, mask), (2, 8, 5, 5))

    def test_both_sides_stretch(self):
        self.assertEqual(broadcast_shape((5, 1), (1, 7)), (5, 7), msg="each axis takes the size that is not 1")
        self.assertEqual(broadcast_shape((), (3, 4)), (3, 4), msg="a scalar (shape ()) fits every shape")

    def test_mismatch_raises(self):
        with self.assertRaises(ValueError, msg="3 and 4 are neither equal nor 1"):
            broadcast_shape((3,), (4,))

    def test_shapes_are_aligned_from_the_right(self):
        with self.assertRaises(ValueError, msg="align the trailing axes: (2, 3) against (2,) compares 3 with 2"):
            broadcast_shape((2, 3), (2,))
        self.assertEqual(broadcast_shape((6, 1, 4), (5, 1)), (6, 5, 4), msg="(5, 1) lines up with the last two axes of (6, 1, 4)")

    def test_empty_axis(self):
        self.assertEqual(broadcast_shape((0,), (1,)), (0,), msg="take the size that is not 1: an empty axis stays empty, it is not max(0, 1)")
        with self.assertRaises(ValueError, msg="0 and 3 are neither equal nor 1"):
            broadcast_shape((0,), (3,))


if __name__ == "__main__":
    unittest.main(verbosity=2)
