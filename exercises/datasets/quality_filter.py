"""Heuristic quality filter in the style of Gopher's rules

Web text is full of menus, keyword lists and spam. Before training Gopher, Rae et al. (2021)
dropped such pages with a few simple rules anyone can read. Split the text into words on
whitespace and report which of these rules it breaks, by name, in this order:

    "word_count"        keep 50 to 100,000 words (both ends allowed)
    "mean_word_length"  keep a mean word length of 3 to 10 characters (both ends allowed)
    "symbol_ratio"      drop if (number of "#") / words > 0.1, or if (number of ellipses,
                        "..." or "\u2026") / words > 0.1; exactly 0.1 is kept
    "alphabetic"        drop if fewer than 80% of the words contain at least one letter
    "stop_words"        drop if fewer than 2 words, lower-cased, are among:
                        the, be, to, of, and, that, have, with

A text with no words at all only breaks "word_count" (the ratios would divide by zero).
Gopher also looks at bullet and ellipsis lines; this exercise leaves those out.

Run this file (`python quality_filter.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def quality_issues(text: str) -> list[str]:
    """The names of the rules `text` breaks, in the order listed; [] means keep it."""
    raise NotImplementedError("write quality_issues")


# ---- Tests: run them with `python quality_filter.py`; edit your code above, not these ------

GOOD = " ".join(["The cat, the dog, and the bird sat on the mat."] * 6)  # 66 words


class QualityFilterTest(unittest.TestCase):
    def test_ordinary_prose_is_kept(self):
        self.assertEqual(quality_issues(GOOD), [], msg="'cat,' contains letters: a word needs one letter, not only letters")

    def test_word_count_limits_are_inclusive(self):
        self.assertEqual(quality_issues(" ".join(["the", "cat"] * 25)), [], msg="exactly 50 words of mean length 3 is kept")
        self.assertEqual(quality_issues(" ".join(["the", "cat"] * 24 + ["the"])), ["word_count"])

    def test_long_words(self):
        self.assertEqual(quality_issues(" ".join(["the", "internationalisation"] * 30)), ["mean_word_length"])

    def test_hash_and_ellipsis_ratio(self):
        self.assertEqual(quality_issues(GOOD + " #ai" * 8), ["symbol_ratio"], msg="8 '#' for 74 words: ratio of symbols to WORDS")
        self.assertEqual(quality_issues(GOOD + " wait..." * 8), ["symbol_ratio"], msg="count ellipses the same way")
        edge = " ".join(["the", "cat"] * 45) + " #tag" * 10
        self.assertEqual(quality_issues(edge), [], msg="10 '#' for 100 words is exactly 0.1: only MORE than 0.1 is dropped")

    def test_words_without_letters(self):
        self.assertEqual(quality_issues(GOOD + " 123" * 20), ["alphabetic"], msg="66 of 86 words have a letter: under 80%")

    def test_stop_words(self):
        self.assertEqual(quality_issues(" ".join(["cat", "dog", "bird"] * 20)), ["stop_words"])

    def test_empty_text(self):
        self.assertEqual(quality_issues(""), ["word_count"], msg="no words: report word_count only, do not divide by zero")
        self.assertEqual(quality_issues(" \n "), ["word_count"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
