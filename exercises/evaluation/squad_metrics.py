"""Exact match and token F1 with SQuAD answer normalisation

Reading-comprehension benchmarks like SQuAD score a short free-text answer against a few
reference answers written by people. An evaluation harness must score every model the same
way, so the official script normalises both strings before comparing them:

    lower-case -> delete punctuation -> delete the articles a, an, the -> collapse whitespace

(in that order). Exact match (EM) is 1.0 if the normalised prediction equals a normalised
reference. Token F1 treats the normalised strings as bags of tokens (split on whitespace):

    common = number of shared tokens, counting repeats (a multiset intersection)
    precision = common / len(prediction tokens), recall = common / len(reference tokens)
    F1 = 2 * precision * recall / (precision + recall), and 0.0 when common is 0

A question has several references: take the best (maximum) score over them.

Run this file (`python squad_metrics.py`) to test your code.
"""

import re
import string
import unittest
from collections import Counter

# ---- Your code ----------------------------------------------------------------------------


def normalize_answer(text: str) -> str:
    """Lower-case, remove punctuation, remove the articles a/an/the, collapse whitespace."""
    raise NotImplementedError("write normalize_answer")


def exact_match(prediction: str, references: list[str]) -> float:
    """1.0 if the normalised prediction equals any normalised reference, else 0.0."""
    raise NotImplementedError("write exact_match")


def token_f1(prediction: str, references: list[str]) -> float:
    """The best token F1 of the prediction against any reference."""
    raise NotImplementedError("write token_f1")


# ---- Tests: run them with `python squad_metrics.py`; edit your code above, not these ------


class NormalizeTest(unittest.TestCase):
    def test_case_punctuation_articles_and_spaces(self):
        self.assertEqual(normalize_answer("  The Eiffel   Tower! "), "eiffel tower")
        self.assertEqual(normalize_answer("An apple, a day"), "apple day")

    def test_articles_only_as_whole_words(self):
        self.assertEqual(normalize_answer("Theatre and anthem"), "theatre and anthem", msg="'the' inside 'theatre' is not an article")

    def test_punctuation_goes_before_articles(self):
        # Removing punctuation first turns "the-end" into "theend", which holds no article.
        self.assertEqual(normalize_answer("the-end"), "theend", msg="order: lower, punctuation, articles, whitespace")


class ScoreTest(unittest.TestCase):
    def test_exact_match_after_normalising(self):
        self.assertEqual(exact_match("the Denver Broncos.", ["Denver Broncos"]), 1.0)
        self.assertEqual(exact_match("Broncos", ["Denver Broncos"]), 0.0)

    def test_best_reference_wins(self):
        refs = ["Super Bowl L", "L"]
        self.assertEqual(exact_match("l", refs), 1.0, msg="take the maximum over references")
        self.assertAlmostEqual(token_f1("super bowl", refs), 0.8, places=12, msg="2 of 2 predicted tokens and 2 of 3 reference tokens: F1 = 0.8")

    def test_partial_overlap(self):
        # prediction: denver broncos team (3 tokens), reference: denver broncos (2): P = 2/3, R = 1.
        self.assertAlmostEqual(token_f1("Denver Broncos team", ["The Denver Broncos"]), 0.8, places=12)

    def test_repeated_tokens_count_as_a_multiset(self):
        # prediction: x y y, reference: y y z -> two shared y's: P = R = 2/3.
        self.assertAlmostEqual(token_f1("x y y", ["y y z"]), 2 / 3, places=12, msg="count shared tokens with repeats (Counter &), not as sets")

    def test_no_overlap_and_empty_prediction(self):
        self.assertEqual(token_f1("Paris", ["London"]), 0.0)
        self.assertEqual(token_f1("", ["London"]), 0.0, msg="no common token: F1 is 0, not a division by zero")


if __name__ == "__main__":
    unittest.main(verbosity=2)
