"""Function calling: check a tool call against its JSON schema

With function calling, each tool is described to the model by a name and a JSON schema of its
arguments; the model answers with a tool name and its arguments as a JSON string. The model can
get them wrong (a missing field, "3" for 3, a value outside a list), so the program checks the
call before running anything and, when it is wrong, sends back errors the model can read and
fix in its next turn.

Support this part of JSON Schema: an object schema with "properties" (each with a "type":
"string", "integer", "number", "boolean", "array" or "object", and maybe an "enum" of allowed
values), "required" (names that must be present) and "additionalProperties": false (no other
names allowed; when it is absent, extra names are fine). In JSON Schema an integer is any
number without a fractional part (3.0 counts), a number is an integer or a float, and neither
is a boolean, though Python's True is an int. Report every problem, each naming its argument,
sorted as: missing, unexpected, wrong type, not in the enum.

Run this file (`python validate_tool_call.py`) to test your code.
"""

import json
import unittest

# ---- Your code ----------------------------------------------------------------------------


def validate_arguments(arguments: dict, schema: dict) -> list[str]:
    """Every problem with the arguments, one readable message each; [] when they are valid."""
    raise NotImplementedError("write validate_arguments")


def check_tool_call(name: str, arguments_json: str, tools: dict[str, dict]) -> tuple[dict | None, list[str]]:
    """(arguments, []) for a valid call; (None, errors) for an unknown tool, bad JSON or bad arguments."""
    raise NotImplementedError("write check_tool_call")


# ---- Tests: run them with `python validate_tool_call.py`; edit your code above, not these --


WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "days": {"type": "integer"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city"],
    "additionalProperties": False,
}
TOOLS = {"get_weather": WEATHER, "search": {"type": "object", "properties": {"q": {"type": "string"}}}}


def mentions(errors: list[str], *words: str) -> bool:
    return any(all(w in e for w in words) for e in errors)


class ValidateArgumentsTest(unittest.TestCase):
    def test_valid_arguments(self):
        self.assertEqual(validate_arguments({"city": "Oslo", "days": 3, "unit": "celsius"}, WEATHER), [])
        self.assertEqual(validate_arguments({"city": "Oslo", "days": 3.0}, WEATHER), [],
                         msg="JSON Schema counts 3.0 as an integer: no fractional part")

    def test_missing_required(self):
        errors = validate_arguments({"days": 2}, WEATHER)
        self.assertEqual(len(errors), 1)
        self.assertTrue(mentions(errors, "city"), msg="name the missing argument so the model can add it")

    def test_wrong_types(self):
        self.assertTrue(mentions(validate_arguments({"city": "Oslo", "days": "3"}, WEATHER), "days", "integer"))
        self.assertTrue(mentions(validate_arguments({"city": "Oslo", "days": 2.5}, WEATHER), "days", "integer"))
        self.assertTrue(mentions(validate_arguments({"city": "Oslo", "days": True}, WEATHER), "days", "integer"),
                        msg="True is not an integer in JSON, although bool is a subclass of int in Python")

    def test_enum(self):
        errors = validate_arguments({"city": "Oslo", "unit": "kelvin"}, WEATHER)
        self.assertTrue(mentions(errors, "unit", "celsius", "fahrenheit"), msg="list the allowed values")

    def test_additional_properties(self):
        self.assertTrue(mentions(validate_arguments({"city": "Oslo", "country": "NO"}, WEATHER), "country"),
                        msg='"additionalProperties": false forbids names outside "properties"')
        self.assertEqual(validate_arguments({"q": "x", "lang": "en"}, TOOLS["search"]), [],
                         msg="without additionalProperties: false, extra names are allowed")

    def test_every_problem_at_once_in_order(self):
        errors = validate_arguments({"days": "two", "unit": "kelvin", "zone": 1}, WEATHER)
        self.assertEqual(len(errors), 4, msg="report every problem, not only the first")
        for error, word in zip(errors, ["city", "zone", "days", "unit"]):
            self.assertIn(word, error, msg="order: missing, unexpected, wrong type, not in the enum")


class CheckToolCallTest(unittest.TestCase):
    def test_valid_call_returns_the_arguments(self):
        self.assertEqual(check_tool_call("get_weather", '{"city": "Oslo"}', TOOLS), ({"city": "Oslo"}, []))

    def test_unknown_tool_and_bad_json(self):
        args, errors = check_tool_call("get_wether", "{}", TOOLS)
        self.assertIsNone(args)
        self.assertTrue(mentions(errors, "get_wether", "get_weather", "search"), msg="name the available tools")
        args, errors = check_tool_call("get_weather", '{"city": "Oslo"', TOOLS)
        self.assertIsNone(args)
        self.assertEqual(len(errors), 1, msg="invalid JSON is one readable error, not an exception")
        args, errors = check_tool_call("get_weather", '["Oslo"]', TOOLS)
        self.assertIsNone(args, msg="the arguments must be a JSON object")
        self.assertEqual(len(errors), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
