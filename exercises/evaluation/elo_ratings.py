"""Elo ratings from pairwise human votes

Arena-style leaderboards show people two anonymous answers and ask which is better. Each vote
is a game between two models, and ratings turn many games into one score per model. Under the
Elo model the chance that A beats B depends only on the rating gap, through a logistic curve
with base 10 and scale 400 (a 400-point lead means 10-to-1 odds):

    E_A = 1 / (1 + 10 ** ((R_B - R_A) / 400)),   E_B = 1 - E_A
 This is the Bradley-Terry model with its scores
rescaled. After a game with score S_A (1 win, 0 loss, 0.5 tie) both ratings move by K times
the surprise, using the ratings from before the game:

    R_A' = R_A + K * (S_A - E_A),   R_B' = R_B + K * ((1 - S_A) - E_B)

Write `expected_score`, `update` and `elo_ratings`, which replays a list of votes
(model_a, model_b, winner) with winner "a", "b" or "tie", every model starting at `initial`.

Run this file (`python elo_ratings.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def expected_score(rating_a: float, rating_b: float, scale: float = 400.0, base: float = 10.0) -> float:
    """The probability that A beats B (a tie counts as half a win)."""
    raise NotImplementedError("write expected_score")


def update(rating_a: float, rating_b: float, score_a: float, k: float = 4.0) -> tuple[float, float]:
    """The two ratings after one game in which A scored score_a (1, 0 or 0.5)."""
    raise NotImplementedError("write update")


def elo_ratings(votes: list[tuple[str, str, str]], k: float = 4.0, initial: float = 1000.0) -> dict[str, float]:
    """Replay the votes in order; winner is 'a', 'b' or 'tie'. Returns every model's rating."""
    raise NotImplementedError("write elo_ratings")


# ---- Tests: run them with `python elo_ratings.py`; edit your code above, not these --------


class ExpectedScoreTest(unittest.TestCase):
    def test_equal_ratings_are_a_coin_flip(self):
        self.assertAlmostEqual(expected_score(1000, 1000), 0.5, places=12)

    def test_400_points_is_ten_to_one(self):
        self.assertAlmostEqual(expected_score(1400, 1000), 10 / 11, places=12, msg="base 10, scale 400: a 400-point lead gives odds 10:1")
        self.assertAlmostEqual(expected_score(1000, 1400), 1 / 11, places=12, msg="the weaker side's chance is the complement")


class UpdateTest(unittest.TestCase):
    def test_win_between_equals(self):
        a, b = update(1000, 1000, 1.0, k=32)
        self.assertAlmostEqual(a, 1016, places=9, msg="K * (1 - 0.5) = 16 points")
        self.assertAlmostEqual(b, 984, places=9)

    def test_tie_pulls_ratings_together(self):
        a, b = update(1200, 1000, 0.5, k=32)
        self.assertAlmostEqual(a, 1191.6880983472654, places=6, msg="a tie against a weaker model costs the stronger one points")
        self.assertAlmostEqual(b, 1008.3119016527346, places=6)

    def test_points_are_conserved(self):
        a, b = update(1130, 1045, 0.0, k=16)
        self.assertAlmostEqual(a + b, 1130 + 1045, places=9, msg="both updates use the ratings from before the game, so points only move")


class ReplayTest(unittest.TestCase):
    def test_new_models_start_at_initial(self):
        ratings = elo_ratings([("x", "y", "tie")], initial=1500.0)
        self.assertEqual(ratings, {"x": 1500.0, "y": 1500.0}, msg="a tie between equal ratings changes nothing")

    def test_order_of_votes_matters(self):
        forward = elo_ratings([("x", "y", "a"), ("x", "y", "b")])
        backward = elo_ratings([("x", "y", "b"), ("x", "y", "a")])
        self.assertAlmostEqual(forward["x"], 999.9769751663554, places=6, msg="x wins first (+2), then loses to a slightly weaker y")
        self.assertAlmostEqual(backward["x"], 1000.0230248336446, places=6, msg="same votes, other order, other ratings")


if __name__ == "__main__":
    unittest.main(verbosity=2)
