"""Int8 absmax quantization, per tensor and per row

Quantization stores weights or activations as 8-bit integers to halve memory and bandwidth
compared with 16-bit floats. Absmax quantization is the simplest symmetric scheme: scale the
values so that the largest magnitude lands on 127, then round to the nearest integer:

    scale = 127 / max|x|,   q = round(scale * x),   x_approx = q / scale

Zero stays exactly zero, every q lies in [-127, 127], and rounding moves each value by at most
half a step, so |x - x_approx| <= 0.5 / scale = max|x| / 254. One large outlier makes the step
coarse for every other value, which is why LLM.int8() uses one scale per row (vector-wise
quantization): an outlier then only costs precision in its own row.

Write `absmax_quantize` (an all-zero input returns zeros with scale 1.0), `dequantize`, and
`quantize_rows`, which quantizes each row of a matrix with its own scale.

Run this file (`python int8_absmax.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def absmax_quantize(x: list[float]) -> tuple[list[int], float]:
    """Integers in [-127, 127] and the scale 127 / max|x| that produced them."""
    raise NotImplementedError("write absmax_quantize")


def dequantize(q: list[int], scale: float) -> list[float]:
    """The floats the integers stand for."""
    raise NotImplementedError("write dequantize")


def quantize_rows(rows: list[list[float]]) -> tuple[list[list[int]], list[float]]:
    """Absmax-quantize each row with its own scale: (integer rows, one scale per row)."""
    raise NotImplementedError("write quantize_rows")


# ---- Tests: run them with `python int8_absmax.py`; edit your code above, not these --------

EXAMPLE = [1.2, -0.5, -4.3, 1.2, -3.1, 0.8, 2.4, 5.4]


class QuantizeTest(unittest.TestCase):
    def test_worked_example(self):
        q, scale = absmax_quantize(EXAMPLE)
        self.assertAlmostEqual(scale, 127 / 5.4, places=12)
        self.assertEqual(q, [28, -12, -101, 28, -73, 19, 56, 127], msg="round to the nearest integer: -11.76 becomes -12, not -11")

    def test_largest_magnitude_maps_to_127(self):
        q, _ = absmax_quantize([-2.0, 0.5])
        self.assertEqual(q, [-127, 32], msg="the value with the largest |x| lands on -127 or 127")

    def test_roundtrip_error_is_at_most_half_a_step(self):
        q, scale = absmax_quantize(EXAMPLE)
        for original, back in zip(EXAMPLE, dequantize(q, scale)):
            self.assertLessEqual(abs(original - back), 5.4 / 254 + 1e-12, msg="dequantize divides by the scale; the error is below max|x| / 254")

    def test_dequantize_divides_by_the_scale(self):
        back = dequantize([127, -64], 63.5)
        self.assertAlmostEqual(back[0], 2.0, places=12)
        self.assertAlmostEqual(back[1], -64 / 63.5, places=12)

    def test_all_zeros(self):
        q, scale = absmax_quantize([0.0, 0.0, 0.0])
        self.assertEqual(q, [0, 0, 0], msg="no division by zero for an all-zero input")
        self.assertEqual(scale, 1.0)


class RowWiseTest(unittest.TestCase):
    def test_an_outlier_only_coarsens_its_own_row(self):
        q_rows, scales = quantize_rows([[100.0, 0.3], [0.3, -0.2]])
        self.assertEqual(q_rows[0], [127, 0], msg="next to the outlier 100, the value 0.3 rounds away")
        self.assertEqual(q_rows[1], [127, -85], msg="the second row gets its own scale 127 / 0.3")
        self.assertAlmostEqual(scales[1], 127 / 0.3, places=9)


if __name__ == "__main__":
    unittest.main(verbosity=2)
