"""Learning byte-pair-encoding merges

Subword tokenizers such as GPT's are built by byte-pair encoding (BPE): start from single
characters and repeatedly merge the most frequent adjacent pair of symbols into a new
symbol. Frequent words end up as one token, rare words as a few known pieces.

Each word of a training vocabulary {word: count} starts as its characters followed by the
end-of-word symbol "</w>", so "low" is ["l", "o", "w", "</w>"]. Then, num_merges times:

    count every adjacent pair of symbols, each occurrence weighted by its word's count;
    pick the most frequent pair (on a tie, the smallest pair in Python's ordering);
    merge it everywhere, left to right: ["a", "a", "a"] with ("a", "a") gives ["aa", "a"].

Stop early when no word has two symbols left. Write `merge_pair` (one merge in one list,
never gluing parts of two symbols), `learn_bpe` (the merges, in order) and `segment`.

Run this file (`python bpe_merges.py`) to test your code.
"""

import unittest
from collections import Counter

# ---- Your code ----------------------------------------------------------------------------


def merge_pair(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """symbols with every adjacent occurrence of pair joined into one symbol, left to right."""
    raise NotImplementedError("write merge_pair")


def learn_bpe(word_counts: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """The merges learned from {word: count}, in the order they were made."""
    raise NotImplementedError("write learn_bpe")


def segment(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """word's characters plus "</w>", with the merges applied one after another."""
    raise NotImplementedError("write segment")


# ---- Tests: run them with `python bpe_merges.py`; edit your code above, not these ----------

VOCAB = {"low": 5, "lower": 2, "newest": 6, "widest": 3}


class MergePairTest(unittest.TestCase):
    def test_left_to_right_without_overlap(self):
        self.assertEqual(merge_pair(["a", "a", "a", "</w>"], ("a", "a")), ["aa", "a", "</w>"])

    def test_never_glues_across_symbols(self):
        got = merge_pair(["ab", "c", "</w>"], ("b", "c"))
        self.assertEqual(got, ["ab", "c", "</w>"], msg="'b' is the end of the symbol 'ab', not a symbol: compare whole symbols, not text")


class LearnBpeTest(unittest.TestCase):
    def test_first_merges(self):
        want = [("e", "s"), ("es", "t"), ("est", "</w>"), ("l", "o"), ("lo", "w")]
        self.assertEqual(learn_bpe(VOCAB, 5), want, msg="'es' occurs in newest (6) and widest (3): weight each pair by its word's count")

    def test_word_counts_weigh_pairs(self):
        self.assertEqual(learn_bpe({"ab": 1, "bc": 5}, 1), [("b", "c")], msg="'bc' occurs 5 times, so ('b', 'c') counts 5")

    def test_ties_go_to_the_smallest_pair(self):
        self.assertEqual(learn_bpe({"xy": 1, "ab": 1}, 1), [("a", "b")])

    def test_end_of_word_symbol_and_early_stop(self):
        self.assertEqual(learn_bpe({"a": 4}, 3), [("a", "</w>")], msg="every word ends with '</w>'; stop when no pair is left")


class SegmentTest(unittest.TestCase):
    def test_unseen_word_splits_into_known_pieces(self):
        merges = learn_bpe(VOCAB, 10)
        self.assertEqual(segment("lowest", merges), ["low", "est</w>"])
        self.assertEqual(segment("xyz", merges), ["x", "y", "z", "</w>"], msg="with no merge to apply, a word stays as characters")


if __name__ == "__main__":
    unittest.main(verbosity=2)
