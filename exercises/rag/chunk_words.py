"""Fixed-size chunking with overlap, on word boundaries

Before a document can be embedded and searched it is cut into chunks: small enough that one
embedding describes them precisely, large enough to keep their meaning. The simplest rule is a
fixed size with an overlap: each chunk holds `chunk_size` words, and the next chunk starts
`chunk_size - overlap` words later, so the last `overlap` words of a chunk are repeated at the
start of the next one and a sentence cut at a boundary still appears whole in one of them.

Cut between words, never inside one: split the text on whitespace and join each chunk's words
with single spaces. Stop as soon as a chunk reaches the last word (no extra chunk made only of
words already seen). A text shorter than `chunk_size` is one chunk; an empty text is none.
Raise ValueError unless chunk_size >= 1 and 0 <= overlap < chunk_size (otherwise the window
would never move forward).

Run this file (`python chunk_words.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def chunk_words(text: str, chunk_size: int, overlap: int) -> list[str]:
    """Chunks of at most chunk_size words; consecutive chunks share `overlap` words."""
    raise NotImplementedError("write chunk_words")


# ---- Tests: run them with `python chunk_words.py`; edit your code above, not these --------


TEN = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9"


class ChunkWordsTest(unittest.TestCase):
    def test_windows_step_by_size_minus_overlap(self):
        self.assertEqual(
            chunk_words(TEN, 4, 1), ["w0 w1 w2 w3", "w3 w4 w5 w6", "w6 w7 w8 w9"],
            msg="each chunk starts chunk_size - overlap = 3 words after the previous one",
        )

    def test_no_tail_chunk_of_seen_words(self):
        chunks = chunk_words(TEN, 4, 2)
        self.assertEqual(chunks, ["w0 w1 w2 w3", "w2 w3 w4 w5", "w4 w5 w6 w7", "w6 w7 w8 w9"],
                         msg="stop once a chunk reaches the last word")

    def test_without_overlap(self):
        self.assertEqual(chunk_words(TEN, 5, 0), ["w0 w1 w2 w3 w4", "w5 w6 w7 w8 w9"])

    def test_last_chunk_may_be_shorter(self):
        self.assertEqual(chunk_words(TEN, 6, 2), ["w0 w1 w2 w3 w4 w5", "w4 w5 w6 w7 w8 w9"])
        self.assertEqual(chunk_words(TEN, 4, 0), ["w0 w1 w2 w3", "w4 w5 w6 w7", "w8 w9"])

    def test_whitespace_is_normalised(self):
        self.assertEqual(chunk_words("  one\ttwo\n\nthree   four ", 3, 1), ["one two three", "three four"],
                         msg="split on any whitespace and join with single spaces")

    def test_short_and_empty_texts(self):
        self.assertEqual(chunk_words("just three words", 10, 3), ["just three words"])
        self.assertEqual(chunk_words("   ", 10, 3), [])

    def test_overlap_must_be_smaller_than_the_size(self):
        with self.assertRaises(ValueError, msg="overlap >= chunk_size would never move forward"):
            chunk_words(TEN, 3, 3)
        with self.assertRaises(ValueError):
            chunk_words(TEN, 0, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
