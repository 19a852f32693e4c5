"""TF-IDF weights for a small collection

Before embeddings, documents were compared by the words they contain, each word weighted by
TF-IDF: high when the word is frequent in this document (term frequency) and rare in the
collection (inverse document frequency). With N documents, count(t, d) the occurrences of
term t in document d, and df(t) the number of documents that contain t at least once:

    tf(t, d)     = log10(count(t, d) + 1)
    idf(t)       = log10(N / df(t))
    tf-idf(t, d) = tf(t, d) * idf(t)

The log in tf keeps a word that appears 100 times from counting 100 times as much; a word
found in every document gets idf = 0. Documents are lists of tokens. Write
`document_frequency` and `tf_idf`, which returns one dict per document, holding a weight for
each distinct token of that document.

Run this file (`python tf_idf.py`) to test your code.
"""

import math
import unittest
from collections import Counter

# ---- Your code ----------------------------------------------------------------------------


def document_frequency(docs: list[list[str]]) -> dict[str, int]:
    """df(t): how many documents contain each term."""
    raise NotImplementedError("write document_frequency")


def tf_idf(docs: list[list[str]]) -> list[dict[str, float]]:
    """One {term: tf-idf weight} dict per document, for the terms it contains."""
    raise NotImplementedError("write tf_idf")


# ---- Tests: run them with `python tf_idf.py`; edit your code above, not these ---------------

DOCS = [
    "the cat sat on the mat".split(),
    "the dog sat".split(),
    "the cat and the dog".split(),
    "a bird".split(),
]


class DocumentFrequencyTest(unittest.TestCase):
    def test_counts_documents_not_occurrences(self):
        df = document_frequency(DOCS)
        self.assertEqual(df["the"], 3, msg="'the' occurs 5 times but in 3 documents: df counts documents")
        self.assertEqual(df["cat"], 2)
        self.assertEqual(df["bird"], 1)
        self.assertEqual(len(df), 9)


class TfIdfTest(unittest.TestCase):
    def test_one_dict_per_document_with_its_terms(self):
        weights = tf_idf(DOCS)
        self.assertEqual(len(weights), 4)
        self.assertEqual(set(weights[1]), {"the", "dog", "sat"})

    def test_known_weight(self):
        # 'cat' occurs once in document 0 and in 2 of 4 documents: log10(2) * log10(4 / 2).
        self.assertAlmostEqual(tf_idf(DOCS)[0]["cat"], math.log10(2) * math.log10(2), places=9, msg="use log10 in both tf and idf")

    def test_repeated_word_is_damped(self):
        # 'the' occurs twice in document 0: tf = log10(3), not 2.
        self.assertAlmostEqual(tf_idf(DOCS)[0]["the"], math.log10(3) * math.log10(4 / 3), places=9, msg="tf = log10(count + 1)")

    def test_rare_word_weighs_most(self):
        weights = tf_idf(DOCS)[0]
        self.assertAlmostEqual(weights["on"], math.log10(2) * math.log10(4), places=9)
        self.assertGreater(weights["on"], weights["cat"], msg="a word in 1 document outweighs one in 2")

    def test_word_in_every_document_weighs_zero(self):
        weights = tf_idf([["x", "y", "x"], ["x"], ["z", "x"]])
        self.assertAlmostEqual(weights[0]["x"], 0.0, places=12, msg="df = N gives idf = log10(1) = 0")
        self.assertAlmostEqual(weights[2]["z"], math.log10(2) * math.log10(3), places=9)

    def test_empty_document(self):
        self.assertEqual(tf_idf([["a"], []])[1], {})


if __name__ == "__main__":
    unittest.main(verbosity=2)
