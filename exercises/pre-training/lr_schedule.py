"""Learning-rate schedule: linear warmup, then cosine decay

Pre-training runs rarely keep one learning rate. They warm up, growing the rate linearly for
the first steps while the weights are still random, then let it fall along half a cosine so
that the run ends with small, careful steps. Hoffmann et al. (Chinchilla) found that the decay
must fit the run: a cosine stretched past the last step never finishes and the model looks
worse than it is. For step t (counted from 0):

    t < warmup:            lr = max_lr * (t + 1) / warmup
    warmup <= t <= total:  p = (t - warmup) / (total - warmup)
                           lr = min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * p))
    t > total:             lr = min_lr

Write `learning_rate(step, max_lr, min_lr, warmup_steps, total_steps)`. With warmup_steps = 0
the run starts straight at max_lr.

Run this file (`python lr_schedule.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def learning_rate(step: int, max_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> float:
    """The learning rate at `step`: linear warmup, cosine decay to min_lr, then min_lr."""
    raise NotImplementedError("write learning_rate")


# ---- Tests: run them with `python lr_schedule.py`; edit your code above, not these ---------

MAX, MIN, WARMUP, TOTAL = 1.0, 0.1, 10, 110


def lr(step: int) -> float:
    return learning_rate(step, MAX, MIN, WARMUP, TOTAL)


class WarmupTest(unittest.TestCase):
    def test_first_step_is_small_but_not_zero(self):
        self.assertAlmostEqual(lr(0), 0.1, places=12, msg="step 0 uses max_lr * (0 + 1) / warmup")

    def test_warmup_is_linear_and_reaches_the_peak(self):
        self.assertAlmostEqual(lr(4), 0.5, places=12)
        self.assertAlmostEqual(lr(9), 1.0, places=12, msg="the last warmup step reaches max_lr")

    def test_no_warmup_starts_at_the_peak(self):
        self.assertAlmostEqual(learning_rate(0, MAX, MIN, 0, 100), 1.0, places=12)


class CosineTest(unittest.TestCase):
    def test_decay_starts_at_the_peak(self):
        self.assertAlmostEqual(lr(10), 1.0, places=12, msg="the cosine's progress p counts from the end of warmup")

    def test_halfway_is_the_middle(self):
        # p = (60 - 10) / (110 - 10) = 0.5, cos(pi / 2) = 0.
        self.assertAlmostEqual(lr(60), 0.55, places=12, msg="halfway through the decay: min + (max - min) / 2")

    def test_ends_at_min_lr_and_stays_there(self):
        self.assertAlmostEqual(lr(110), MIN, places=12, msg="the decay ends at min_lr, not at 0")
        self.assertAlmostEqual(lr(250), MIN, places=12, msg="after the last step, keep min_lr: no restart")

    def test_decay_never_goes_up(self):
        rates = [lr(t) for t in range(10, 111)]
        self.assertTrue(all(a >= b for a, b in zip(rates, rates[1:])), msg="after warmup the rate only falls")


if __name__ == "__main__":
    unittest.main(verbosity=2)
