"""The DPO loss: preference learning without a reward model

Direct Preference Optimization trains the policy straight on preference pairs. Its insight:
the policy itself defines an implicit reward, beta * log(pi(y|x) / pi_ref(y|x)), how much more
likely the policy makes an answer than the frozen reference model (the SFT model) does. Put
that reward into the pairwise reward-model loss and you get, for a chosen answer y_w and a
rejected answer y_l,

    loss = -log sigmoid( beta * [ (log pi(y_w) - log pi_ref(y_w)) - (log pi(y_l) - log pi_ref(y_l)) ] )

Each log pi is the sum of the token log-probabilities of the whole answer. beta sets how far
the policy may drift from the reference: a small beta weighs the margin less.

Write `dpo_loss`, the mean of this loss over a batch of pairs given as four lists of the same
length. Keep it finite for large margins, as in the reward-model exercise.

Run this file (`python dpo_loss.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def dpo_loss(
    policy_chosen: list[float],
    policy_rejected: list[float],
    ref_chosen: list[float],
    ref_rejected: list[float],
    beta: float,
) -> float:
    """Mean DPO loss over a batch; each entry is an answer's summed log-probability."""
    raise NotImplementedError("write dpo_loss")


# ---- Tests: run them with `python dpo_loss.py`; edit your code above, not these ------------


class DpoLossTest(unittest.TestCase):
    def test_policy_equal_to_reference_costs_log_two(self):
        got = dpo_loss([-12.0], [-15.0], [-12.0], [-15.0], beta=0.1)
        self.assertAlmostEqual(got, math.log(2.0), places=12, msg="at the start pi = pi_ref: every implicit reward is 0")

    def test_known_value(self):
        # Chosen: -10 vs -11 (+1). Rejected: -12 vs -11 (-1). Margin 0.5 * (1 - (-1)) = 1.
        got = dpo_loss([-10.0], [-12.0], [-11.0], [-11.0], beta=0.5)
        self.assertAlmostEqual(got, math.log1p(math.exp(-1.0)), places=12)

    def test_beta_scales_the_margin(self):
        got = dpo_loss([-10.0], [-12.0], [-11.0], [-11.0], beta=0.1)
        self.assertAlmostEqual(got, math.log1p(math.exp(-0.2)), places=12, msg="multiply the margin by beta")

    def test_the_reference_model_counts(self):
        # The policy likes both answers equally; the reference liked the chosen one less.
        got = dpo_loss([-5.0], [-5.0], [-6.0], [-4.0], beta=1.0)
        self.assertAlmostEqual(got, math.log1p(math.exp(-2.0)), places=12, msg="subtract the reference log-probabilities")

    def test_sign_rewards_preferring_the_chosen_answer(self):
        better = dpo_loss([-4.0], [-9.0], [-6.0], [-6.0], beta=0.5)
        worse = dpo_loss([-9.0], [-4.0], [-6.0], [-6.0], beta=0.5)
        self.assertLess(better, math.log(2.0), msg="raising the chosen answer's probability lowers the loss")
        self.assertGreater(worse, math.log(2.0))

    def test_batch_mean_and_large_margins(self):
        got = dpo_loss([0.0, -2000.0], [-2000.0, 0.0], [0.0, 0.0], [0.0, 0.0], beta=1.0)
        self.assertAlmostEqual(got, 1000.0, places=9, msg="mean over the pairs; log sigmoid(-2000) is -2000, no overflow")


if __name__ == "__main__":
    unittest.main(verbosity=2)
