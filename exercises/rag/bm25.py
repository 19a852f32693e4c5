"""BM25 scoring with k1 and b

BM25 ranks documents for a keyword query from three signals: how often a query term occurs in
the document (tf), how rare the term is across the collection (idf), and how long the document
is compared with the average. For each distinct query term t that a document d contains:

    idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5))
    score(d) += idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avg_len))

N is the number of documents, n_t how many of them contain t. The idf is the variant Lucene
(and so Elasticsearch) uses: the 1 inside the logarithm keeps it positive even for a term found
in every document. k1 makes repeated occurrences saturate (the tf part never exceeds k1 + 1),
and b sets how much a longer-than-average document is penalised (b = 0: not at all).

Write `bm25_idf` and `bm25_scores`. Documents and queries are already lists of lower-case
tokens; return one score per document, in the documents' order.

Run this file (`python bm25.py`) to test your code.
"""

import math
import unittest

# ---- Your code ----------------------------------------------------------------------------


def bm25_idf(num_docs: int, doc_freq: int) -> float:
    """ln(1 + (N - n + 0.5) / (n + 0.5)) for a term found in doc_freq of num_docs documents."""
    raise NotImplementedError("write bm25_idf")


def bm25_scores(query: list[str], docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> list[float]:
    """The BM25 score of every document for the query (summed over the distinct query terms)."""
    raise NotImplementedError("write bm25_scores")


# ---- Tests: run them with `python bm25.py`; edit your code above, not these ---------------


DOCS = [["a", "b", "a"], ["b", "c"], ["c", "c", "c", "d"]]  # lengths 3, 2, 4: average 3


class IdfTest(unittest.TestCase):
    def test_known_values(self):
        self.assertAlmostEqual(bm25_idf(4, 2), math.log(2.0), places=9)
        self.assertAlmostEqual(bm25_idf(3, 1), math.log(1 + 2.5 / 1.5), places=9)

    def test_a_term_in_every_document_stays_positive(self):
        idf = bm25_idf(4, 4)
        self.assertAlmostEqual(idf, math.log(1 + 0.5 / 4.5), places=9, msg="add 1 inside the logarithm")
        self.assertGreater(idf, 0.0)


class ScoresTest(unittest.TestCase):
    def test_known_score(self):
        # "a": N = 3, n = 1; doc 0 has tf = 2 and average length, so the length factor is 1.
        scores = bm25_scores(["a"], DOCS)
        want = math.log(1 + 2.5 / 1.5) * 2 * 2.2 / (2 + 1.2)
        self.assertAlmostEqual(scores[0], want, places=9, msg="idf * tf * (k1 + 1) / (tf + k1 * length factor)")
        self.assertEqual(scores[1:], [0.0, 0.0], msg="a document without the term scores 0")

    def test_terms_add_up_and_repeats_in_the_query_count_once(self):
        both = bm25_scores(["a", "c"], DOCS)
        only_a, only_c = bm25_scores(["a"], DOCS), bm25_scores(["c", "c"], DOCS)
        for d in range(3):
            self.assertAlmostEqual(both[d], only_a[d] + only_c[d], places=9)

    def test_term_frequency_saturates(self):
        docs = [["x"] * 1000, ["y"]]  # very long doc: use b = 0 to look at tf alone
        score = bm25_scores(["x"], docs, k1=1.2, b=0.0)[0]
        self.assertLess(score, bm25_idf(2, 1) * 2.2, msg="the tf part tends to k1 + 1, never beyond")
        self.assertGreater(score, bm25_idf(2, 1) * 2.19)

    def test_longer_documents_are_penalised(self):
        docs = [["x", "y"], ["x", "y", "y", "y", "y", "y"], ["z"]]
        short, long = bm25_scores(["x"], docs)[:2]
        self.assertGreater(short, long, msg="same tf, longer document: lower score when b > 0")
        flat = bm25_scores(["x"], docs, b=0.0)
        self.assertAlmostEqual(flat[0], flat[1], places=9, msg="b = 0 turns length normalisation off")

    def test_exact_length_factor(self):
        # "c" in doc 2: tf = 3, length 4, average 3, N = 3, n = 2.
        score = bm25_scores(["c"], DOCS)[2]
        factor = 1 - 0.75 + 0.75 * 4 / 3
        want = bm25_idf(3, 2) * 3 * 2.2 / (3 + 1.2 * factor)
        self.assertAlmostEqual(score, want, places=9, msg="the length factor is 1 - b + b * len(d) / avg_len")


if __name__ == "__main__":
    unittest.main(verbosity=2)
