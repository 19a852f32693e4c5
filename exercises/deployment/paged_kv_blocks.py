"""PagedAttention: KV blocks and a block table

Reserving KV-cache memory for the longest possible answer wastes most of it. vLLM instead cuts
the cache into fixed-size blocks of `block_size` token slots, like pages of virtual memory. A
sequence sees its blocks as logical blocks 0, 1, 2, ... in order; a block table maps each one
to a physical block anywhere in GPU memory and records how many of its slots are filled.

A new physical block is taken from the free list only when the last block is full, so a
sequence of n tokens holds ceil(n / block_size) blocks and wastes less than one block. Token
number p lives in logical block p // block_size, at offset p % block_size.

Write `blocks_needed`, `append_token` (store one more token: fill the last block, or take the
first free block when it is full; raise MemoryError and change nothing if none is free) and
`physical_slot` (the physical block and offset of stored token p; IndexError if p is not
stored). A block table is a list of [physical block, filled slots] pairs.

Run this file (`python paged_kv_blocks.py`) to test your code.
"""

import unittest

# ---- Your code ----------------------------------------------------------------------------


def blocks_needed(num_tokens: int, block_size: int) -> int:
    """How many KV blocks hold num_tokens tokens: the ceiling of num_tokens / block_size."""
    raise NotImplementedError("write blocks_needed")


def append_token(block_table: list[list[int]], free_blocks: list[int], block_size: int) -> None:
    """Record one more token in the table, taking free_blocks[0] when the last block is full."""
    raise NotImplementedError("write append_token")


def physical_slot(block_table: list[list[int]], block_size: int, position: int) -> tuple[int, int]:
    """(physical block, offset in that block) of the token at this position."""
    raise NotImplementedError("write physical_slot")


# ---- Tests: run them with `python paged_kv_blocks.py`; edit your code above, not these ----


def prompt_of_seven() -> tuple[list[list[int]], list[int]]:
    """The paper's figure 6: a 7-token prompt, block size 4, free physical blocks 7, 1, 3."""
    table, free = [], [7, 1, 3]
    for _ in range(7):
        append_token(table, free, 4)
    return table, free


class BlocksNeededTest(unittest.TestCase):
    def test_rounds_up(self):
        self.assertEqual(blocks_needed(7, 4), 2)
        self.assertEqual(blocks_needed(9, 4), 3)
        self.assertEqual(blocks_needed(1, 16), 1)

    def test_exact_multiple_and_zero(self):
        self.assertEqual(blocks_needed(8, 4), 2, msg="8 tokens fill exactly two blocks of 4: no spare block")
        self.assertEqual(blocks_needed(0, 4), 0, msg="an empty sequence needs no block")


class AppendTokenTest(unittest.TestCase):
    def test_prompt_fills_blocks_left_to_right(self):
        table, free = prompt_of_seven()
        self.assertEqual(table, [[7, 4], [1, 3]], msg="4 tokens in physical block 7, then 3 in block 1")
        self.assertEqual(free, [3], msg="take free blocks from the front of the list")

    def test_decoding_uses_the_spare_slot_then_a_new_block(self):
        table, free = prompt_of_seven()
        append_token(table, free, 4)
        self.assertEqual(table, [[7, 4], [1, 4]], msg="the last block had a free slot: no new block yet")
        append_token(table, free, 4)
        self.assertEqual(table, [[7, 4], [1, 4], [3, 1]], msg="a new block only when the last one is full")
        self.assertEqual(free, [])

    def test_out_of_blocks(self):
        table, free = [[5, 2]], []
        with self.assertRaises(MemoryError):
            append_token(table, free, 2)
        self.assertEqual(table, [[5, 2]], msg="a failed append leaves the table as it was")


class PhysicalSlotTest(unittest.TestCase):
    def test_translates_positions(self):
        table, _ = prompt_of_seven()
        self.assertEqual(physical_slot(table, 4, 0), (7, 0))
        self.assertEqual(physical_slot(table, 4, 5), (1, 1), msg="position 5 is logical block 1, offset 1")

    def test_position_not_stored(self):
        table, _ = prompt_of_seven()
        with self.assertRaises(IndexError, msg="only 7 tokens are stored: position 7 is not"):
            physical_slot(table, 4, 7)


if __name__ == "__main__":
    unittest.main(verbosity=2)
