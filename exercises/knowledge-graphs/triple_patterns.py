"""Answering a two-hop question with triple patterns

A knowledge graph stores facts as (subject, predicate, object) triples. SPARQL, the query
language of RDF graphs, asks questions with triple patterns: triples where some terms are
variables, written here as strings that start with "?". Matching a pattern against the graph
gives solutions, each a dict from variable to term; a variable used twice in one pattern must
take the same value both times.

A basic graph pattern is a list of triple patterns that must all hold at once: it is how a
two-hop question is asked. "Who was born in the capital of which country?" is

    [("?person", "bornIn", "?city"), ("?city", "capitalOf", "?country")]

Evaluate it as a join: start from one empty solution; for each pattern, and for each solution
so far, replace the variables it already binds, match the result, and extend the solution with
every match. No patterns at all means one empty solution. Write `match_pattern` and `query`;
keep solutions in the order the triples are stored.

Run this file (`python triple_patterns.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def match_pattern(triples: list[tuple[str, str, str]], pattern: tuple[str, str, str]) -> list[dict[str, str]]:
    """One solution (variable -> term) per stored triple that matches the pattern."""
    raise NotImplementedError("write match_pattern")


def query(triples: list[tuple[str, str, str]], patterns: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    """The solutions that satisfy every pattern at once (a basic graph pattern)."""
    raise NotImplementedError("write query")


# ---- Tests: run them with `python triple_patterns.py`; edit your code above, not these ----


GRAPH = [
    ("ada", "bornIn", "london"),
    ("london", "capitalOf", "uk"),
    ("alan", "bornIn", "london"),
    ("marie", "bornIn", "warsaw"),
    ("warsaw", "capitalOf", "poland"),
    ("ada", "knows", "alan"),
    ("narcissus", "admires", "narcissus"),
    ("echo", "admires", "narcissus"),
]


class MatchPatternTest(unittest.TestCase):
    def test_variables_bind_to_terms(self):
        self.assertEqual(match_pattern(GRAPH, ("?p", "bornIn", "london")), [{"?p": "ada"}, {"?p": "alan"}])

    def test_constants_only(self):
        self.assertEqual(match_pattern(GRAPH, ("ada", "knows", "alan")), [{}], msg="a stored fact matches once, binding nothing")
        self.assertEqual(match_pattern(GRAPH, ("alan", "knows", "ada")), [], msg="knows is directed")

    def test_a_variable_in_the_predicate(self):
        self.assertEqual(match_pattern(GRAPH, ("ada", "?rel", "?o")),
                         [{"?rel": "bornIn", "?o": "london"}, {"?rel": "knows", "?o": "alan"}])

    def test_a_repeated_variable_takes_one_value(self):
        self.assertEqual(match_pattern(GRAPH, ("?x", "admires", "?x")), [{"?x": "narcissus"}],
                         msg="?x twice in one pattern: subject and object must be equal")


class QueryTest(unittest.TestCase):
    def test_two_hops(self):
        got = query(GRAPH, [("?person", "bornIn", "?city"), ("?city", "capitalOf", "?country")])
        self.assertEqual(got, [
            {"?person": "ada", "?city": "london", "?country": "uk"},
            {"?person": "alan", "?city": "london", "?country": "uk"},
            {"?person": "marie", "?city": "warsaw", "?country": "poland"},
        ])

    def test_shared_variables_must_agree(self):
        got = query(GRAPH, [("?p", "bornIn", "?c"), ("?c", "capitalOf", "poland")])
        self.assertEqual(got, [{"?p": "marie", "?c": "warsaw"}],
                         msg="replace the variables a solution already binds before matching the next pattern")

    def test_no_answer(self):
        self.assertEqual(query(GRAPH, [("?p", "bornIn", "?c"), ("?c", "capitalOf", "france")]), [])

    def test_no_patterns_is_one_empty_solution(self):
        self.assertEqual(query(GRAPH, []), [{}])


if __name__ == "__main__":
    unittest.main(verbosity=2)
