"""One step of speculative decoding, with the random numbers passed in

In speculative decoding a cheap draft model proposes a few tokens x_1..x_g, each sampled from
its distribution q_i, and the large model scores all of them in one parallel pass, giving its
own distributions p_1..p_(g+1) (one per proposed position, plus the next one). The draft
tokens are then checked in order, and the output follows p exactly, as if the large model had
sampled alone:

    accept x_i if u_i <= p_i(x_i) / q_i(x_i)      (so always when q_i(x_i) <= p_i(x_i))
    at the first rejection, sample a replacement from the residual
        p'(x) = max(0, p_i(x) - q_i(x)) / sum over y of max(0, p_i(y) - q_i(y))
    and stop; if all g drafts are accepted, sample a bonus token from p_(g+1)

So every step yields between 1 and g + 1 tokens. To make it testable, the uniform numbers u_i
and the number for the final draw are arguments. `sample(dist, u)` picks by inverse CDF: the
first index whose cumulative probability exceeds u.

Run this file (`python speculative_step.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def residual_distribution(p: list[float], q: list[float]) -> list[float]:
    """norm(max(0, p - q)): where the target wants more than the draft offered."""
    raise NotImplementedError("write residual_distribution")


def sample(dist: list[float], u: float) -> int:
    """Inverse-CDF draw: the first index i with dist[0] + ... + dist[i] > u, for u in [0, 1)."""
    raise NotImplementedError("write sample")


def speculative_step(draft: list[int], q_dists: list[list[float]], p_dists: list[list[float]], accept_u: list[float], final_u: float) -> list[int]:
    """The tokens one step emits; len(p_dists) == len(draft) + 1, one accept_u per draft token."""
    raise NotImplementedError("write speculative_step")


# ---- Tests: run them with `python speculative_step.py`; edit your code above, not these ---


class HelpersTest(unittest.TestCase):
    def test_residual_is_normalised(self):
        got = residual_distribution([0.5, 0.3, 0.2], [0.1, 0.2, 0.7])
        for g, want in zip(got, [0.8, 0.2, 0.0]):
            self.assertAlmostEqual(g, want, places=12, msg="keep max(0, p - q), then divide by its sum")

    def test_inverse_cdf_sampling(self):
        dist = [0.2, 0.5, 0.3]
        self.assertEqual([sample(dist, u) for u in (0.0, 0.1, 0.3, 0.69, 0.95)], [0, 0, 1, 1, 2])


class StepTest(unittest.TestCase):
    def test_draft_the_target_likes_more_is_always_kept(self):
        # q(0) = 0.3 <= p(0) = 0.6: accepted even with u = 0.99; then a bonus token from p_2.
        out = speculative_step([0], [[0.3, 0.7]], [[0.6, 0.4], [0.1, 0.9]], [0.99], 0.05)
        self.assertEqual(out, [0, 0], msg="accept when u <= p(x) / q(x); here the ratio is 2")

    def test_all_accepted_adds_a_bonus_token(self):
        q = [[0.5, 0.5], [0.5, 0.5]]
        p = [[0.5, 0.5], [0.5, 0.5], [0.1, 0.9]]
        out = speculative_step([1, 0], q, p, [0.2, 0.4], 0.5)
        self.assertEqual(out, [1, 0, 1], msg="both drafts pass, so the step also samples one token from the last p")

    def test_rejection_resamples_from_the_residual_and_stops(self):
        q = [[0.5, 0.5, 0.0], [0.2, 0.2, 0.6], [1.0, 0.0, 0.0]]
        p = [[0.5, 0.5, 0.0], [0.1, 0.6, 0.3], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
        # Draft 2 is token 2 with p/q = 0.3/0.6 = 0.5 < u = 0.7: rejected. Residual = [0, 1, 0].
        out = speculative_step([0, 2, 0], q, p, [0.1, 0.7, 0.1], 0.05)
        self.assertEqual(out, [0, 1], msg="replace the rejected token with a draw from norm(max(0, p - q)), then stop")

    def test_output_follows_the_target_distribution(self):
        q, p, bonus = [0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [1.0, 0.0, 0.0]
        grid = [(i + 0.5) / 60 for i in range(60)]
        freq = [0.0, 0.0, 0.0]
        for x in range(3):
            for u in grid:
                for v in grid:
                    freq[speculative_step([x], [q], [p, bonus], [u], v)[0]] += q[x] / (60 * 60)
        for got, want in zip(freq, p):
            self.assertAlmostEqual(got, want, places=9, msg="averaged over draft tokens and random numbers, the first token has distribution p")


if __name__ == "__main__":
    unittest.main(verbosity=2)
