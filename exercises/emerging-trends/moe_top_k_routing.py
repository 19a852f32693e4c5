"""Mixture of experts: top-k routing and expert load

A mixture-of-experts layer holds many expert networks but runs only a few of them per token.
A router scores every expert for the token (the logits, x times a learned matrix), keeps the k
highest scores and turns only those into weights with a softmax; every other expert gets weight
0 and is never run. That is the sparsely-gated gate of Shazeer et al. (noise left out):

    G(x) = softmax(KeepTopK(logits, k))      KeepTopK sets every logit outside the top k to -inf
    y = sum over the chosen experts i of G(x)_i * E_i(x)

Equivalently: take the softmax of all logits, keep the k largest, renormalise them to sum to 1.
(Switch Transformer routes to k = 1 expert and keeps its raw softmax probability instead.)

Write `top_k_gates` (the chosen experts, best first, with their weights; on equal logits the
lower index wins), `moe_output` (call only the chosen experts) and `expert_load` (how many
tokens each expert receives: routers are trained to keep this balanced).

Run this file (`python moe_top_k_routing.py`) to test your code.
"""

import math
import unittest
from typing import Callable

# ---- Your code ----------------------------------------------------------------------------


def top_k_gates(logits: list[float], k: int) -> list[tuple[int, float]]:
    """The k experts with the largest logits as (expert index, weight), best first; weights sum to 1."""
    raise NotImplementedError("write top_k_gates")


def moe_output(x: list[float], logits: list[float], experts: list[Callable[[list[float]], list[float]]], k: int) -> list[float]:
    """The gate-weighted sum of the outputs of the k chosen experts; the others are never called."""
    raise NotImplementedError("write moe_output")


def expert_load(token_logits: list[list[float]], k: int, num_experts: int) -> list[int]:
    """For each expert, how many tokens route to it (each token goes to k experts)."""
    raise NotImplementedError("write expert_load")


# ---- Tests: run them with `python moe_top_k_routing.py`; edit your code above, not these --


def never(x: list[float]) -> list[float]:
    raise AssertionError("an expert outside the top k was run: skip the experts with gate 0")


class TopKGatesTest(unittest.TestCase):
    def test_softmax_over_the_top_two(self):
        gates = top_k_gates([1.0, 3.0, 2.0, 0.0], 2)
        self.assertEqual([e for e, _ in gates], [1, 2], msg="keep the two largest logits, best first")
        want = math.exp(3.0) / (math.exp(3.0) + math.exp(2.0))
        self.assertAlmostEqual(gates[0][1], want, places=9, msg="softmax over the kept logits only")
        self.assertAlmostEqual(gates[0][1] + gates[1][1], 1.0, places=9, msg="the kept weights sum to 1")

    def test_top_one_gets_all_the_weight(self):
        self.assertEqual(top_k_gates([0.2, -1.0, 0.5], 1), [(2, 1.0)])

    def test_k_equal_to_all_experts_is_the_full_softmax(self):
        logits = [0.0, math.log(3.0)]
        gates = dict(top_k_gates(logits, 2))
        self.assertAlmostEqual(gates[1], 0.75, places=9)
        self.assertAlmostEqual(gates[0], 0.25, places=9)

    def test_large_logits_do_not_overflow(self):
        gates = top_k_gates([1000.0, 1000.0, -5.0], 2)
        self.assertEqual([e for e, _ in gates], [0, 1], msg="on equal logits the lower index comes first")
        self.assertAlmostEqual(gates[0][1], 0.5, places=9, msg="subtract the largest logit before math.exp")


class MoeOutputTest(unittest.TestCase):
    def test_weighted_sum_of_the_chosen_experts_only(self):
        experts = [lambda x: [2 * v for v in x], never, lambda x: [v + 1 for v in x], never]
        logits = [math.log(3.0), -1.0, 0.0, -2.0]  # top 2: expert 0 (weight 3/4), expert 2 (1/4)
        out = moe_output([1.0, 2.0], logits, experts, 2)
        self.assertAlmostEqual(out[0], 0.75 * 2.0 + 0.25 * 2.0, places=9)
        self.assertAlmostEqual(out[1], 0.75 * 4.0 + 0.25 * 3.0, places=9)


class ExpertLoadTest(unittest.TestCase):
    def test_counts_tokens_per_expert(self):
        tokens = [[3.0, 2.0, 1.0], [3.0, 1.0, 2.0], [0.0, 5.0, 4.0]]
        self.assertEqual(expert_load(tokens, 1, 3), [2, 1, 0], msg="with k = 1 each token counts once")
        self.assertEqual(expert_load(tokens, 2, 3), [2, 2, 2], msg="with k = 2 each token counts for two experts")

    def test_an_unused_expert_has_zero_load(self):
        self.assertEqual(expert_load([], 2, 4), [0, 0, 0, 0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
