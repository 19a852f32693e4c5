"""SFT loss on the answer only: mask the prompt and the padding

Supervised fine-tuning shows the model a prompt followed by the answer we want, and trains it
with the usual next-token loss, but only on the answer: predicting the user's prompt is not
the skill we are teaching, and padding is not text at all. The usual trick is a labels list:
a copy of the token ids where every position that must not count is set to IGNORE (-100,
defined above your code). The loss is the mean negative log-probability over the positions
that kept their label, pooled over the whole batch (every answer token counts once):

    loss = -(sum of log p at kept positions) / (number of kept positions)

Padding is where attention_mask is 0. Find it with the mask, not by comparing token ids:
many tokenizers reuse the end-of-sequence token as padding (pad_id == eos_id), and the
answer's own end-of-sequence token must be learned, or the model never learns to stop.
A batch with no answer token at all has no loss: raise ValueError.

Run this file (`python sft_loss_masking.py`) to test your code.
"""

import unittest

IGNORE = -100

# ---- Your code ----------------------------------------------------------------------------


def make_labels(input_ids: list[int], attention_mask: list[int], prompt_length: int, pad_id: int) -> list[int]:
    """A copy of input_ids with IGNORE at the prompt's positions and at padding."""
    raise NotImplementedError("write make_labels")


def sft_loss(token_logprobs: list[list[float]], labels: list[list[int]]) -> float:
    """Mean negative log-probability over every position of the batch whose label is not IGNORE.

    token_logprobs[s][t] is the log-probability the model gave to token t of sequence s.
    """
    raise NotImplementedError("write sft_loss")


# ---- Tests: run them with `python sft_loss_masking.py`; edit your code above, not these ----

X = IGNORE


class MakeLabelsTest(unittest.TestCase):
    def test_prompt_and_padding_are_ignored(self):
        ids = [11, 12, 21, 22, 99, 0, 0]
        mask = [1, 1, 1, 1, 1, 0, 0]
        self.assertEqual(make_labels(ids, mask, prompt_length=2, pad_id=0), [X, X, 21, 22, 99, X, X])

    def test_end_of_sequence_is_kept_when_it_doubles_as_padding(self):
        eos = 2
        ids = [11, 12, 21, eos, eos, eos]
        mask = [1, 1, 1, 1, 0, 0]
        got = make_labels(ids, mask, prompt_length=2, pad_id=eos)
        self.assertEqual(got, [X, X, 21, eos, X, X], msg="find padding with attention_mask: the answer's own end token must be trained")

    def test_input_is_not_changed(self):
        ids = [1, 2, 3]
        make_labels(ids, [1, 1, 1], prompt_length=1, pad_id=0)
        self.assertEqual(ids, [1, 2, 3], msg="return a copy")


class SftLossTest(unittest.TestCase):
    def test_only_kept_positions_count(self):
        logprobs = [[-50.0, -50.0, -1.0, -3.0, -9.0]]
        labels = [[X, X, 21, 22, X]]
        self.assertAlmostEqual(sft_loss(logprobs, labels), 2.0, places=12, msg="average -log p over the 2 kept positions only")

    def test_tokens_are_pooled_over_the_batch(self):
        logprobs = [[-7.0, -4.0], [-7.0, 0.0, 0.0, 0.0]]
        labels = [[X, 5], [X, 6, 7, 8]]
        # Kept: one token with -log p = 4 and three with 0: mean over 4 tokens is 1.
        self.assertAlmostEqual(sft_loss(logprobs, labels), 1.0, places=12, msg="divide by the number of kept tokens in the whole batch")

    def test_no_answer_tokens_raises(self):
        with self.assertRaises(ValueError, msg="nothing to learn from: no kept position"):
            sft_loss([[-1.0, -2.0]], [[X, X]])


if __name__ == "__main__":
    unittest.main(verbosity=2)
