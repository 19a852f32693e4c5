"""CLIP's symmetric contrastive loss

CLIP trains an image encoder and a text encoder together on a batch of n matching
(image, caption) pairs. Both embeddings are scaled to length 1, so a dot product is a cosine
similarity, and every image is compared with every caption: an n x n table of logits

    logits[i][j] = cos(image_i, text_j) / temperature

The right caption of image i is text i (the diagonal). Reading row i, the loss is a
cross-entropy that asks image i to pick text i among all n captions; reading column j, it asks
text j to pick image j among all n images. CLIP averages both directions:

    loss = (mean over i of CE(row i, i) + mean over j of CE(column j, j)) / 2

with CE(scores, right) = log(sum of exp(scores)) - scores[right]. A small temperature
sharpens the softmax. Write `normalize` and `clip_loss`, computing each log-sum-exp without
overflow (subtract the largest score first).

Run this file (`python clip_loss.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def normalize(vector: list[float]) -> list[float]:
    """The vector divided by its Euclidean length, so its length is 1."""
    raise NotImplementedError("write normalize")


def clip_loss(image_embeddings: list[list[float]], text_embeddings: list[list[float]], temperature: float = 0.07) -> float:
    """The symmetric cross-entropy over the n x n cosine-similarity logits; pair i is (image i, text i)."""
    raise NotImplementedError("write clip_loss")


# ---- Tests: run them with `python clip_loss.py`; edit your code above, not these ----------


def softplus(x: float) -> float:
    return math.log(1.0 + math.exp(x))


# Images (1, 0) and (0, 1); texts (1, 0) and (0.6, 0.8): cosines [[1, 0.6], [0, 0.8]].
IMAGES = [[1.0, 0.0], [0.0, 1.0]]
TEXTS = [[1.0, 0.0], [0.6, 0.8]]


def expected(temperature: float) -> float:
    """Hand-derived: with two candidates, CE = log(1 + exp(wrong - right))."""
    rows = (softplus((0.6 - 1.0) / temperature) + softplus((0.0 - 0.8) / temperature)) / 2
    columns = (softplus((0.0 - 1.0) / temperature) + softplus((0.6 - 0.8) / temperature)) / 2
    return (rows + columns) / 2


class NormalizeTest(unittest.TestCase):
    def test_three_four_five(self):
        got = normalize([3.0, 4.0])
        self.assertAlmostEqual(got[0], 0.6, places=9)
        self.assertAlmostEqual(got[1], 0.8, places=9)


class ClipLossTest(unittest.TestCase):
    def test_known_value_averages_both_directions(self):
        self.assertAlmostEqual(
            clip_loss(IMAGES, TEXTS, temperature=1.0), expected(1.0), places=9,
            msg="average the image-to-text loss (rows) and the text-to-image loss (columns)",
        )

    def test_temperature_divides_the_logits(self):
        self.assertAlmostEqual(
            clip_loss(IMAGES, TEXTS, temperature=0.5), expected(0.5), places=9,
            msg="divide the cosine similarities by the temperature",
        )

    def test_embedding_length_does_not_matter(self):
        longer_images = [[2.0, 0.0], [0.0, 5.0]]
        longer_texts = [[3.0, 0.0], [1.2, 1.6]]
        self.assertAlmostEqual(
            clip_loss(longer_images, longer_texts, temperature=1.0), expected(1.0), places=9,
            msg="normalise every embedding to length 1 so the logits are cosine similarities",
        )

    def test_a_single_pair_has_zero_loss(self):
        self.assertAlmostEqual(clip_loss([[1.0, 2.0]], [[-3.0, 0.5]], temperature=0.07), 0.0, places=9)

    def test_sharp_temperature_does_not_overflow(self):
        loss = clip_loss(IMAGES, IMAGES, temperature=0.001)
        self.assertAlmostEqual(loss, 0.0, places=9, msg="subtract the largest logit before math.exp")

    def test_matching_pairs_beat_swapped_pairs(self):
        matched = clip_loss(IMAGES, TEXTS, temperature=0.1)
        swapped = clip_loss(IMAGES, TEXTS[::-1], temperature=0.1)
        self.assertLess(matched, swapped, msg="the loss is low when image i is closest to text i")


if __name__ == "__main__":
    unittest.main(verbosity=2)
