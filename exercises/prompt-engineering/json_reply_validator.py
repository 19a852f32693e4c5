"""Pull a JSON object out of a model's reply and check it against a small schema

Asking a model for JSON is only half of structured output: the reply may wrap the object in a
```json fence or in chatty text, and a field may have the wrong type. Your code should find the
object and say precisely what is wrong with it, so you can retry or repair.

`extract_json(reply)`: look inside the first ``` fence if there is one, then return the first
complete JSON object (a dict) starting at a "{", even when text follows it or its strings hold
braces (`json.JSONDecoder().raw_decode(text, i)` parses one value at index i); else ValueError.

`validate(obj, schema)` applies two JSON Schema keywords. "required": every listed name must be
a key, else "missing required property 'NAME'". "properties": a present property whose
sub-schema has a "type" must match it, else "property 'NAME' should be TYPE, got ACTUAL". Types
follow JSON, not Python: true/false are "boolean" and never "integer" or "number"; "integer"
is any number with a zero fractional part (so 36.0 counts); a Python float otherwise is a
"number". Report missing properties first, in the order listed, then type errors.

Run this file (`python json_reply_validator.py`) to test your code.
"""

import json
import re
import unittest

# ---- Your code ----------------------------------------------------------------------------


def extract_json(reply: str) -> dict:
    """The first JSON object in the reply (inside the first ``` fence, if there is one)."""
    raise NotImplementedError("write extract_json")


def validate(obj: dict, schema: dict) -> list[str]:
    """Error messages for the schema's 'required' and 'properties' -> 'type'; [] when valid."""
    raise NotImplementedError("write validate")


# ---- Tests: run them with `python json_reply_validator.py`; edit your code above, not these

SCHEMA = {
    "type": "object",
    "required": ["name", "age"],
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}, "tags": {"type": "array"}},
}


class ExtractTest(unittest.TestCase):
    def test_fenced_block(self):
        reply = 'Here is the record:\n```json\n{"name": "Ada", "age": 36}\n```\nAnything else?'
        self.assertEqual(extract_json(reply), {"name": "Ada", "age": 36})

    def test_object_inside_prose_with_braces_around(self):
        reply = 'Sure! {"note": "use {x} here", "n": 1} Hope this helps :}'
        self.assertEqual(extract_json(reply), {"note": "use {x} here", "n": 1}, msg="parse one value from the first '{'; a greedy or lazy regex cuts it at the wrong brace")

    def test_no_object(self):
        with self.assertRaises(ValueError, msg="say clearly that the reply holds no JSON object"):
            extract_json("I cannot help with that.")


class ValidateTest(unittest.TestCase):
    def test_valid_object_and_optional_property(self):
        self.assertEqual(validate({"name": "Ada", "age": 36}, SCHEMA), [], msg="'tags' is optional: absent is fine")

    def test_missing_required(self):
        self.assertEqual(validate({"name": "Ada"}, SCHEMA), ["missing required property 'age'"], msg="a missing property is one error, not also a type error")

    def test_wrong_type(self):
        errors = validate({"name": "Ada", "age": "36", "tags": {}}, SCHEMA)
        self.assertEqual(errors, ["property 'age' should be integer, got string", "property 'tags' should be array, got object"])

    def test_boolean_is_not_an_integer(self):
        self.assertEqual(validate({"name": "Ada", "age": True}, SCHEMA), ["property 'age' should be integer, got boolean"], msg="in Python bool is a subclass of int; in JSON it is not a number")

    def test_integer_means_zero_fractional_part(self):
        self.assertEqual(validate({"name": "Ada", "age": 36.0}, SCHEMA), [], msg="JSON Schema: 36.0 is an integer")
        self.assertEqual(validate({"name": "Ada", "age": 36.5}, SCHEMA), ["property 'age' should be integer, got number"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
