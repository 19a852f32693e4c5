"""Hybrid search: reciprocal rank fusion

Hybrid search runs a lexical search (BM25) and a vector search side by side. Their scores are
on different scales (BM25 is unbounded, a cosine lies in [-1, 1]), so adding them is
meaningless. Reciprocal rank fusion (RRF) uses only the positions: a document at rank r
(1 for the best) in a result list earns 1 / (k + r), and its fused score is the sum over all
the lists it appears in; a list that does not contain it adds nothing.

    RRF(d) = sum over lists L containing d of 1 / (k + rank_L(d))        k = 60

The constant k softens the gap between the first places, so a document that several
retrievers rank fairly high can beat one that a single retriever put first.

Write `rrf_scores` (a dict from document id to fused score) and `fuse` (the ids sorted by
fused score, best first, ties broken by id in alphabetical order, cut to top_n when given).

Run this file (`python reciprocal_rank_fusion.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def rrf_scores(rankings: list[list[str]], k: int = 60) -> dict[str, float]:
    """Fused score of every document in any ranking; each ranking lists ids best first."""
    raise NotImplementedError("write rrf_scores")


def fuse(rankings: list[list[str]], k: int = 60, top_n: int | None = None) -> list[str]:
    """Document ids by fused score, best first; equal scores in alphabetical order of id."""
    raise NotImplementedError("write fuse")


# ---- Tests: run them with `python reciprocal_rank_fusion.py`; edit your code above, not these


BM25 = ["a", "b", "c"]
VECTOR = ["c", "a", "d"]


class RrfScoresTest(unittest.TestCase):
    def test_known_scores(self):
        scores = rrf_scores([BM25, VECTOR])
        self.assertAlmostEqual(scores["a"], 1 / 61 + 1 / 62, places=12, msg="ranks start at 1: the top earns 1/(60 + 1)")
        self.assertAlmostEqual(scores["c"], 1 / 63 + 1 / 61, places=12)
        self.assertAlmostEqual(scores["b"], 1 / 62, places=12, msg="a list without the document adds nothing")
        self.assertEqual(set(scores), {"a", "b", "c", "d"})

    def test_k_is_a_parameter(self):
        self.assertAlmostEqual(rrf_scores([["x"]], k=0)["x"], 1.0, places=12)
        self.assertAlmostEqual(rrf_scores([["x", "y"]], k=10)["y"], 1 / 12, places=12)


class FuseTest(unittest.TestCase):
    def test_fused_order(self):
        self.assertEqual(fuse([BM25, VECTOR]), ["a", "c", "b", "d"])

    def test_agreement_beats_a_single_first_place(self):
        lexical = ["only_here", "both", "x1"]
        dense = ["y1", "both", "y2"]
        self.assertEqual(fuse([lexical, dense])[0], "both",
                         msg="second in both lists (2/62) beats first in one (1/61): sum over the lists")

    def test_ties_in_alphabetical_order_and_top_n(self):
        self.assertEqual(fuse([["y", "x"], ["x", "y"]]), ["x", "y"])
        self.assertEqual(fuse([BM25, VECTOR], top_n=2), ["a", "c"])

    def test_no_rankings(self):
        self.assertEqual(fuse([]), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
