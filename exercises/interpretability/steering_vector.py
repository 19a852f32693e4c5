"""A mean-difference steering vector, added after the prompt

A steering vector is a direction in the residual stream that you add at inference time to push
a model towards a behaviour. Contrastive activation addition builds it from pairs of prompts
that differ only in whether they show the behaviour: read one layer's activation for the
positive and for the negative version of each pair, and average the differences:

    v = (1 / N) * sum over pairs of (a_positive - a_negative)

At generation time, add multiplier * v to the activation of every token position from `start`
on (the positions after the user's prompt); a negative multiplier pushes the other way, and
positions before `start` stay as they were. To read how strongly an activation expresses the
behaviour, project it on the direction: projection(a, v) = (a . v) / |v|.

Activations are lists of floats; a sequence is a list of them, one per token. Return new
lists and leave the inputs unchanged.

Run this file (`python steering_vector.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def steering_vector(positive: list[list[float]], negative: list[list[float]]) -> list[float]:
    """Mean over pairs of positive[i] - negative[i]."""
    raise NotImplementedError("write steering_vector")


def add_steering(acts: list[list[float]], vector: list[float], multiplier: float, start: int) -> list[list[float]]:
    """A copy of acts with multiplier * vector added at positions start, start + 1, ..."""
    raise NotImplementedError("write add_steering")


def projection(act: list[float], vector: list[float]) -> float:
    """The component of act along the direction of vector: (act . vector) / |vector|."""
    raise NotImplementedError("write projection")


# ---- Tests: run them with `python steering_vector.py`; edit your code above, not these ----


class VectorTest(unittest.TestCase):
    def test_mean_of_pair_differences(self):
        pos = [[1.0, 2.0, 0.0], [3.0, 0.0, 1.0]]
        neg = [[0.0, 1.0, 0.0], [1.0, 0.0, -1.0]]
        self.assertEqual(steering_vector(pos, neg), [1.5, 0.5, 1.0], msg="differences [1,1,0] and [2,0,2], averaged")

    def test_points_from_negative_to_positive(self):
        pos, neg = [[2.0, 0.0]], [[0.0, 0.0]]
        v = steering_vector(pos, neg)
        self.assertGreater(projection(pos[0], v), projection(neg[0], v), msg="positive minus negative, not the other way round")


class SteerTest(unittest.TestCase):
    def test_prompt_positions_are_left_alone(self):
        acts = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]
        out = add_steering(acts, [1.0, -1.0], 2.0, start=1)
        self.assertEqual(out, [[1.0, 1.0], [4.0, 0.0], [5.0, 1.0]], msg="add multiplier * v only from position `start` on")

    def test_negative_multiplier_and_no_mutation(self):
        acts = [[1.0, 1.0], [2.0, 2.0]]
        out = add_steering(acts, [1.0, -1.0], -1.0, start=0)
        self.assertEqual(out, [[0.0, 2.0], [1.0, 3.0]])
        self.assertEqual(acts, [[1.0, 1.0], [2.0, 2.0]], msg="return new lists; do not change the caller's activations")

    def test_projection_is_along_the_unit_direction(self):
        self.assertAlmostEqual(projection([3.0, 4.0], [0.0, 2.0]), 4.0, places=12, msg="divide the dot product by |v|")

    def test_steering_shifts_the_projection_by_multiplier_times_norm(self):
        v = [3.0, 4.0]
        before = [1.0, -2.0]
        after = add_steering([before], v, 2.0, start=0)[0]
        self.assertAlmostEqual(projection(after, v) - projection(before, v), 2.0 * 5.0, places=9, msg="adding c * v moves the projection by c * |v|")


if __name__ == "__main__":
    unittest.main(verbosity=2)
