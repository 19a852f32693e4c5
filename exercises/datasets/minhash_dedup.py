"""MinHash: estimate how alike two documents are without comparing them

Near-duplicate pages (the same text with a different date or city) waste compute and get
memorised. To find them, turn each document into its set of shingles, the runs of n
consecutive words, and compare sets with the Jaccard index |A & B| / |A | B|. Comparing
every pair of a billion documents is too slow, so MinHash keeps a short signature per
document: for each of k hash functions, the smallest hash of any of its shingles. Two
documents share a given minimum with probability equal to their Jaccard index, so the
fraction of equal signature positions estimates it.

Write `shingles` (lower-case words split on whitespace; a text shorter than n words is one
shingle, an empty text none), `jaccard`, `minhash_signature` and `estimate_jaccard`. Use this
fixed hash family, so results are the same on every machine (Python's hash() is not):
hash number i of shingle s is int.from_bytes(hashlib.sha256(f"{i}:{s}".encode()).digest()[:8], "big").

Run this file (`python minhash_dedup.py`) to test your code.
"""

import hashlib
import unittest

# ---- Your code ----------------------------------------------------------------------------


def shingles(text: str, n: int = 5) -> set[str]:
    """The set of n-word shingles of `text`, words lower-cased and joined by one space."""
    raise NotImplementedError("write shingles")


def jaccard(a: set[str], b: set[str]) -> float:
    """|a & b| / |a | b|, the exact Jaccard index of two non-empty sets."""
    raise NotImplementedError("write jaccard")


def minhash_signature(shingle_set: set[str], num_hashes: int) -> list[int]:
    """For i in 0..num_hashes-1, the smallest hash number i of any shingle in the set."""
    raise NotImplementedError("write minhash_signature")


def estimate_jaccard(sig_a: list[int], sig_b: list[int]) -> float:
    """The fraction of positions where two signatures hold the same value."""
    raise NotImplementedError("write estimate_jaccard")


# ---- Tests: run them with `python minhash_dedup.py`; edit your code above, not these -------

DOC_A = " ".join(f"w{i}" for i in range(60))
DOC_B = " ".join([f"w{i}" for i in range(50)] + [f"x{i}" for i in range(10)])  # last 10 words differ
DOC_C = " ".join(f"z{i}" for i in range(60))


class ShingleTest(unittest.TestCase):
    def test_every_window_of_n_words(self):
        got = shingles("The cat sat on the mat", n=3)
        self.assertEqual(got, {"the cat sat", "cat sat on", "sat on the", "on the mat"}, msg="6 words give 6 - 3 + 1 = 4 shingles")

    def test_short_and_empty_texts(self):
        self.assertEqual(shingles("Hello  world", n=5), {"hello world"})
        self.assertEqual(shingles("   ", n=5), set())


class JaccardTest(unittest.TestCase):
    def test_exact_jaccard(self):
        self.assertAlmostEqual(jaccard({"a", "b", "c"}, {"b", "c", "d"}), 0.5, places=12, msg="2 shared out of 4 distinct")
        self.assertAlmostEqual(jaccard({"a"}, {"a"}), 1.0, places=12)


class MinHashTest(unittest.TestCase):
    def test_uses_the_given_hash_family(self):
        h = lambda i, s: int.from_bytes(hashlib.sha256(f"{i}:{s}".encode()).digest()[:8], "big")
        self.assertEqual(minhash_signature({"a b", "c d"}, 2), [min(h(0, "a b"), h(0, "c d")), min(h(1, "a b"), h(1, "c d"))])

    def test_estimate_is_close_to_the_truth(self):
        a, b = shingles(DOC_A), shingles(DOC_B)
        true = jaccard(a, b)  # 46 shared shingles out of 66
        self.assertAlmostEqual(true, 46 / 66, places=12)
        est = estimate_jaccard(minhash_signature(a, 128), minhash_signature(b, 128))
        self.assertLess(abs(est - true), 0.05, msg=f"estimate {est:.3f}, true {true:.3f}: each position needs its own hash function i")

    def test_identical_and_unrelated_documents(self):
        a, c = minhash_signature(shingles(DOC_A), 64), minhash_signature(shingles(DOC_C), 64)
        self.assertEqual(estimate_jaccard(a, list(a)), 1.0)
        self.assertEqual(estimate_jaccard(a, c), 0.0, msg="no shared shingle, no shared minimum")


if __name__ == "__main__":
    unittest.main(verbosity=2)
