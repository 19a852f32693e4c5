"""A ReAct agent loop over fake tools

ReAct prompts a model to alternate a free-text Thought with an Action, a call such as
search[Colorado orogeny]; the program runs the tool and appends what it returned as an
Observation, and the model continues from there. The special action finish[answer] ends the
task with that answer. The loop is the program's job:

    transcript = "Question: ...\n"
    repeat: text = model(transcript); add text; parse its Action line;
            finish -> return the answer; otherwise run the tool, add "Observation: <result>\n"

Write `parse_action`: find the line "Action: name[argument]" (the paper numbers them, as in
"Action 2: lookup[x]", so accept an optional number) and return (name, argument), taking the
argument up to the last "]" of the line; None if there is no such line. Write `run_react`:
never crash on the model's mistakes but tell it in the observation (no action found, or an
unknown tool together with the names of the available tools), and stop after max_steps calls
of the model, returning None as the answer.

Run this file (`python react_loop.py`) to test your code.
"""

import re
import unittest
from typing import Callable

# ---- Your code ----------------------------------------------------------------------------


def parse_action(text: str) -> tuple[str, str] | None:
    """(tool name, argument) from the text's "Action: name[argument]" line, or None."""
    raise NotImplementedError("write parse_action")


def run_react(model: Callable[[str], str], tools: dict[str, Callable[[str], str]], question: str, max_steps: int = 5) -> tuple[str | None, str]:
    """(answer, transcript); the answer is None when max_steps model calls end without finish[...]."""
    raise NotImplementedError("write run_react")


# ---- Tests: run them with `python react_loop.py`; edit your code above, not these ---------


class Scripted:
    """A fake model: returns its steps in order and remembers every prompt it was given."""

    def __init__(self, *steps: str):
        self.steps, self.prompts = list(steps), []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.steps[len(self.prompts) - 1] if len(self.prompts) <= len(self.steps) else "Thought: hmm"


CAPITALS = {"France": "Paris is the capital of France.", "Peru": "Lima is the capital of Peru."}
TOOLS = {"search": lambda q: CAPITALS.get(q, f"No page for {q}.")}


class ParseActionTest(unittest.TestCase):
    def test_plain_and_numbered_actions(self):
        self.assertEqual(parse_action("Thought: look it up\nAction: search[Colorado orogeny]"), ("search", "Colorado orogeny"))
        self.assertEqual(parse_action("Thought 2: not there\nAction 2: lookup[eastern sector]"), ("lookup", "eastern sector"))

    def test_brackets_inside_the_argument(self):
        self.assertEqual(parse_action("Action: calc[min([3, 4])]"), ("calc", "min([3, 4])"), msg="the argument ends at the last ]")

    def test_no_action(self):
        self.assertIsNone(parse_action("Thought: I am not sure what to do."))


class RunReactTest(unittest.TestCase):
    def test_observation_is_fed_back(self):
        model = Scripted("Thought: search it\nAction: search[France]", "Thought: found it\nAction: finish[Paris]")
        answer, transcript = run_react(model, TOOLS, "What is the capital of France?")
        self.assertEqual(answer, "Paris")
        self.assertTrue(model.prompts[0].startswith("Question: What is the capital of France?"))
        self.assertIn("Observation: Paris is the capital of France.", model.prompts[1],
                      msg="append the tool's result as an Observation line before calling the model again")
        self.assertIn("Action: finish[Paris]", transcript)

    def test_unknown_tool_is_an_observation_not_a_crash(self):
        model = Scripted("Action: wikipedia[Peru]", "Action: search[Peru]", "Action: finish[Lima]")
        answer, _ = run_react(model, TOOLS, "Capital of Peru?")
        self.assertEqual(answer, "Lima")
        error = model.prompts[1].splitlines()[-1]
        self.assertTrue(error.startswith("Observation:") and "wikipedia" in error and "search" in error,
                        msg="tell the model the tool is unknown and which tools exist")

    def test_missing_action_is_reported(self):
        model = Scripted("Thought: let me think", "Action: finish[42]")
        answer, _ = run_react(model, TOOLS, "?")
        self.assertEqual(answer, "42")
        self.assertTrue(model.prompts[1].splitlines()[-1].startswith("Observation:"),
                        msg="a step without an action still gets an observation that says so")

    def test_step_limit(self):
        model = Scripted()
        answer, _ = run_react(model, TOOLS, "Loop forever?", max_steps=3)
        self.assertIsNone(answer)
        self.assertEqual(len(model.prompts), 3, msg="max_steps = 3 means exactly 3 calls of the model")

    def test_finish_at_once(self):
        calls = []
        tools = {"search": lambda q: calls.append(q) or "unused"}
        self.assertEqual(run_react(Scripted("Action: finish[yes]"), tools, "Is it?")[0], "yes")
        self.assertEqual(calls, [], msg="finish ends the loop without running a tool")


if __name__ == "__main__":
    unittest.main(verbosity=2)
