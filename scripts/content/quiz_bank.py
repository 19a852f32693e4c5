"""Statistics over the whole question bank (every chapter's "Check yourself" and the placement
quiz): can a reader score without understanding? `python -m scripts.content.quiz_bank` prints a
table per chapter and the totals; `--choose-salt` tries shuffle salts (see quiz.SHUFFLE_SALT).

What it measures, and the limit tests/test_quiz_bank.py holds the bank to:

- the key is the longest option (by characters of its text as shown): at most 35% of questions;
- "always pick the longest option" (the first longest as shown): its score;
- where the key is shown, after the build's shuffle: a chi-square test of uniformity, and the
  number of questions whose key sits where the previous question's did (adjacent repeats),
  against what independent uniform positions give;
- absolute words (always, never, only, ...) in distractors against keys: a distractor may not
  carry them more often than a key does, or they mark it as wrong;
- near-copies: two questions that share most of their content words, between the placement
  quiz and a chapter (the placement quiz then leaks the self-checks) or between two chapters.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import combinations
from pathlib import Path

from scripts.content.entries import Document, Problem, sections
from scripts.content.learning_paths import START_HERE
from scripts.content.project import chapters
from scripts.content.quiz import LETTERS, SHUFFLE_SALT, Question, Quiz, find_quiz, parse_quiz
from scripts.paths import display

LONGEST_SHARE = Fraction(35, 100)  # the bound on "the key is the longest option"
POSITIONS_P = 0.01  # below this, the chi-square test says the key positions are not uniform
REPEATS_Z = 2.576  # adjacent repeats further than this many standard deviations from chance fail
MAX_RUN = 3  # --choose-salt prefers salts with no longer run of one letter inside a quiz
ABSOLUTE_WORDS = ("always", "never", "only", "every", "all", "none", "must", "cannot", "entirely", "completely")
ABSOLUTE = re.compile(r"\b(?:" + "|".join(ABSOLUTE_WORDS) + r")\b", re.IGNORECASE)
# Two questions are near-copies when they share most of their content words: in the stem and key
# ("asks the same thing, wants the same answer"), or in the whole question, stem and every option
# ("the same four scenarios"). Overlap is shared words over the smaller set's size. Calibrated
# on the bank as it stood before issue 22's rewrite (commit e23e443), where no chapter pair the
# issue did not list scored over 0.40 on stem and key or 0.44 on the whole question:
# - stem and key >= 0.41 catches the ten placement/chapter pairs the issue lists (0.42 to 0.90)
#   and two of its six chapter pairs (evaluation #6/agents #6 0.46, prompt-engineering #4/agents #3
#   0.45), all of them sharing at least 5 words; it also flags four placement pairs the issue did not list, which ask the same concept
#   for the same answer (start-here #2 and mathematics #6, what cross-entropy measures: 0.69;
#   #7 and nlp #4, what embeddings add: 0.58; #2 and mathematics #4: 0.50; #1 and mathematics #2,
#   which way a gradient step goes: 0.45);
# - the whole question >= 0.50 adds alignment #6/reasoning-models #3 (0.67, the same three options);
# - the other three chapter pairs (0.23 to 0.40) ask the same thing in other words, which
#   word overlap cannot see without flagging pairs that differ: that needs a reader.
NEAR_ASKED = Fraction(41, 100)
NEAR_WHOLE = Fraction(50, 100)
MIN_SHARED = 5  # and at least this many words shared: the pairs share 5 to 11
# A pair a reader has judged to ask different things, although it shares many words, is listed
# here with the reason, so the bank test does not push authors to reword good questions.
DISTINCT = Path(__file__).with_name("quiz-distinct-pairs.txt")
DISTINCT_RE = re.compile(r"^(?P<a>[a-z0-9-]+)#(?P<n>\d+)\s+(?P<b>[a-z0-9-]+)#(?P<m>\d+)\s+(?P<reason>\S.*)$")
STOPWORDS = frozenset(
    """a an the of to in on for and or but nor is are was were be been being am it its it's this that these those with without by as
    at from into onto than then so such can could would should will shall may might do does did doing done not no yes you your
    yours we our us they their them he she his her i me my what which who whom whose why how when where there here if else
    while about after before over under more most less least much many some any each other another one two three same own
    just also very too up down out off again further once has have had having get gets got make makes made use used uses
    using way ways thing things""".split()
    + list(ABSOLUTE_WORDS)
)
SUFFIXES = ("ing", "ed", "es", "s")  # a crude stemmer: "layers" and "layer" are one word here
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`]")


@dataclass(frozen=True)
class Item:
    """A question where it lives: the page's slug ("python", "start-here") and file."""

    page: str
    path: str
    question: Question

    @property
    def label(self) -> str:
        return f"{self.page} #{self.question.number}"

    @property
    def where(self) -> str:
        return f"{self.path}:{self.question.line}"


def load(docs_chapters: Sequence[Path] | None = None, placement: Path = START_HERE) -> list[tuple[str, Quiz]]:
    """Each chapter's self-check in reading order, then the placement quiz, as (slug, quiz)."""
    paths = list(docs_chapters) if docs_chapters is not None else [c.source for c in chapters()]
    found: list[tuple[str, Quiz]] = []
    for path in [*paths, placement]:
        section = find_quiz(sections(path.read_text(encoding="utf-8")))
        if section is not None:
            found.append((path.stem, parse_quiz(section, display(path))[0]))
    return found


def items(bank: Iterable[tuple[str, Quiz]]) -> list[Item]:
    return [Item(slug, quiz.path, q) for slug, quiz in bank for q in quiz.questions]


def plain(text: str) -> str:
    """An option as a reader sees it: link text without its address, no emphasis marks."""
    return MARKUP.sub("", MARKDOWN_LINK.sub(r"\1", text)).strip()


def lengths(q: Question, salt: str = SHUFFLE_SALT) -> list[int]:
    return [len(plain(o.text)) for o in q.shown(salt)]


def key_is_longest(q: Question) -> bool:
    """No distractor is longer than the key (a tie counts: a test-taker cannot tell them apart)."""
    sizes = [len(plain(o.text)) for o in q.options]
    return sizes[q.answer] == max(sizes)


def longest_wins(q: Question, salt: str = SHUFFLE_SALT) -> bool:
    """A reader who always picks the longest option (the first, on a tie) gets this one right."""
    sizes = lengths(q, salt)
    return sizes.index(max(sizes)) == q.position(salt)


def key_margin(q: Question) -> int:
    """How many characters longer the key is than the longest distractor (negative: shorter)."""
    key = len(plain(q.options[q.answer].text))
    return key - max(len(plain(o.text)) for o in q.options if not o.right)


def has_absolute(text: str) -> bool:
    return bool(ABSOLUTE.search(plain(text)))


def content_words(text: str) -> frozenset[str]:
    found: set[str] = set()
    for word in re.findall(r"[a-z0-9]+", plain(text).lower()):
        if word in STOPWORDS or len(word) < 3:
            continue
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        found.add(word)
    return frozenset(found)


@dataclass(frozen=True)
class Overlap:
    """Content words two questions share, against the smaller question's count (an overlap
    coefficient: a short question copied inside a longer one still scores high)."""

    shared: int
    smaller: int

    @property
    def share(self) -> Fraction:
        return Fraction(self.shared, self.smaller) if self.smaller else Fraction(0)

    def over(self, threshold: Fraction) -> bool:
        return self.shared >= MIN_SHARED and self.share >= threshold

    def __str__(self) -> str:
        return f"{self.shared} of {self.smaller}"


def overlap(a: frozenset[str], b: frozenset[str]) -> Overlap:
    return Overlap(len(a & b), min(len(a), len(b)))


@cache
def question_words(q: Question) -> tuple[frozenset[str], frozenset[str]]:
    """A question's content words: of the whole question, and of its stem and key."""
    return content_words(" ".join([q.text, *(o.text for o in q.options)])), content_words(f"{q.text} {q.options[q.answer].text}")


def similarity(q1: Question, q2: Question) -> tuple[Overlap, Overlap]:
    """(stem-and-key overlap, whole-question overlap) of two questions (see NEAR_ASKED)."""
    (whole1, asked1), (whole2, asked2) = question_words(q1), question_words(q2)
    return overlap(asked1, asked2), overlap(whole1, whole2)


@dataclass(frozen=True)
class NearCopy:
    first: Item
    second: Item
    asked: Overlap  # stem and key
    whole: Overlap  # stem and every option

    @property
    def pair(self) -> frozenset[str]:
        return frozenset({self.first.label, self.second.label})

    def __str__(self) -> str:
        return (
            f"{self.first.label} ({self.first.where}) and {self.second.label} ({self.second.where}): "
            f"stems and keys share {self.asked} content words, whole questions {self.whole}"
        )


def near_copies(bank: list[Item], placement: str = START_HERE.stem) -> tuple[list[NearCopy], list[NearCopy]]:
    """(placement/chapter pairs, chapter/chapter pairs) over either threshold, closest first.
    Questions of one page are not compared: a chapter may ask two sides of one idea."""
    placed: list[NearCopy] = []
    between: list[NearCopy] = []
    for a, b in combinations(bank, 2):
        if a.page == b.page:
            continue
        asked, whole = similarity(a.question, b.question)
        if asked.over(NEAR_ASKED) or whole.over(NEAR_WHOLE):
            if placement in (a.page, b.page):
                first, second = (b, a) if a.page == placement else (a, b)  # the chapter first
                placed.append(NearCopy(first, second, asked, whole))
            else:
                between.append(NearCopy(a, b, asked, whole))
    order = lambda c: (-max(c.asked.share, c.whole.share), c.first.label, c.second.label)  # noqa: E731
    return sorted(placed, key=order), sorted(between, key=order)


def load_distinct(path: Path = DISTINCT) -> tuple[dict[frozenset[str], str], list[str]]:
    """Pairs a reader judged distinct although they share many words: `page#n page#n  reason`
    lines. Returns them with the lines that could not be read, as file:line messages."""
    pairs: dict[frozenset[str], str] = {}
    problems: list[str] = []
    if not path.exists():
        return pairs, problems
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = DISTINCT_RE.match(line)
        if match is None:
            problems.append(f"{display(path)}:{number}: write 'page#n page#n  reason', e.g. 'mathematics#4 transformer#6  one asks …, the other …'")
        else:
            pairs[frozenset({f"{match['a']} #{match['n']}", f"{match['b']} #{match['m']}"})] = match["reason"]
    return pairs, problems


def copy_problems(documents: Iterable[Document], wanted: set[str]) -> list[Problem]:
    """The linter's near-copy rule: each pair of near-copies (not listed as distinct) at the
    question in a file being linted, the later one when both are (the placement quiz comes after
    the chapters), so a writer sees it where they are working."""
    bank: list[tuple[str, Quiz]] = []
    for document in documents:
        section = find_quiz(document.sections())
        if section is not None:
            bank.append((Path(document.path).stem, parse_quiz(section, document.path)[0]))
    distinct, _ = load_distinct(DISTINCT)  # read at call time, so a test can point it elsewhere
    placed, between = near_copies(items(bank))
    problems: list[Problem] = []
    for copy in [*placed, *between]:
        if copy.pair in distinct:
            continue
        here, there = (copy.second, copy.first) if copy.second.path in wanted else (copy.first, copy.second)
        if here.path not in wanted:
            continue
        problems.append(
            Problem(
                here.path,
                here.question.line,
                f"question {here.question.number} is a near-copy of {there.label} ({there.where}): "
                f"stems and keys share {copy.asked} content words, whole questions {copy.whole}",
                f"ask it from another angle, or list the pair in {display(DISTINCT)} with the reason it is distinct",
            )
        )
    return problems


def chi2_sf(x: float, df: int) -> float:
    """P(X >= x) for a chi-square variable with df degrees of freedom (closed forms for whole df)."""
    if x <= 0:
        return 1.0
    half = x / 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for i in range(1, df // 2):
            term *= half / i
            total += term
        return math.exp(-half) * total
    term, total = math.sqrt(x), 0.0
    for i in range(df // 2):  # sqrt(2x/pi) e^(-x/2) * sum x^i / (1*3*...*(2i+1))
        term = math.sqrt(x) if i == 0 else term * x / (2 * i + 1)
        total += term
    return math.erfc(math.sqrt(half)) + math.sqrt(2 / math.pi) * math.exp(-half) * total


@dataclass(frozen=True)
class Positions:
    """Where the keys are shown, over a bank: counts per number of options, the chi-square test
    against uniform (one per option count, summed), and adjacent repeats inside each quiz."""

    counts: dict[int, tuple[int, ...]]  # options per question -> how many keys at A, B, ...
    chi2: float
    df: int
    repeats: int
    pairs: int
    expected: float  # adjacent repeats independent uniform positions give
    sd: float

    @property
    def p(self) -> float:
        return chi2_sf(self.chi2, self.df) if self.df else 1.0

    @property
    def z(self) -> float:
        return (self.repeats - self.expected) / self.sd if self.sd else 0.0

    def shares(self) -> str:
        """Keys at each letter over the bank, e.g. 'A 40 B 39 C 38 D 35'."""
        total = [sum(c[i] for c in self.counts.values() if i < len(c)) for i in range(max(self.counts, default=0))]
        return " ".join(f"{LETTERS[i]} {n}" for i, n in enumerate(total))


def positions(bank: Iterable[tuple[str, Quiz]], salt: str = SHUFFLE_SALT) -> Positions:
    tallies: dict[int, list[int]] = {}
    repeats = pairs = 0
    expected = variance = 0.0
    for _, quiz in bank:
        previous: Question | None = None
        for q in quiz.questions:
            where, size = q.position(salt), len(q.options)
            tallies.setdefault(size, [0] * size)[where] += 1
            if previous is not None:
                # Two independent uniform positions over m and n options coincide with chance 1/max(m, n);
                # successive coincidences of uniform positions are pairwise independent, so variances add.
                chance = 1 / max(size, len(previous.options))
                pairs += 1
                repeats += where == previous.position(salt)
                expected += chance
                variance += chance * (1 - chance)
            previous = q
    chi2, df = 0.0, 0
    for size, counts in tallies.items():
        mean = sum(counts) / size
        chi2 += sum((n - mean) ** 2 / mean for n in counts)
        df += size - 1
    counts = {size: tuple(tallies[size]) for size in sorted(tallies)}
    return Positions(counts, chi2, df, repeats, pairs, expected, math.sqrt(variance))


@dataclass(frozen=True)
class Absolute:
    distractors: int
    distractors_with: int
    keys: int
    keys_with: int

    @property
    def distractor_rate(self) -> Fraction:
        return Fraction(self.distractors_with, self.distractors or 1)

    @property
    def key_rate(self) -> Fraction:
        return Fraction(self.keys_with, self.keys or 1)


def absolute(bank: Iterable[Item]) -> Absolute:
    options = [o for item in bank for o in item.question.options]
    keys = [o for o in options if o.right]
    distractors = [o for o in options if not o.right]
    return Absolute(len(distractors), sum(has_absolute(o.text) for o in distractors), len(keys), sum(has_absolute(o.text) for o in keys))


def absolute_marks(q: Question) -> bool:
    """A distractor carries an absolute word and the key none: the word gives the distractor away."""
    return not has_absolute(q.options[q.answer].text) and any(has_absolute(o.text) for o in q.options if not o.right)


def percent(part: int | Fraction, whole: int = 1) -> str:
    """A share as a whole percentage, rounded half up with exact arithmetic (no float noise)."""
    share = Fraction(part) / whole if whole else Fraction(0)
    return f"{math.floor(share * 100 + Fraction(1, 2))}%"


def table(bank: list[tuple[str, Quiz]], salt: str = SHUFFLE_SALT) -> str:
    """One row per page, then the totals and the bank-wide tests."""
    every = items(bank)
    distinct, _ = load_distinct()
    placed, between = ([c for c in found if c.pair not in distinct] for found in near_copies(every))
    copies = Counter(c.first.page for c in [*placed, *between]) + Counter(c.second.page for c in [*placed, *between])
    head = ("page", "questions", "key longest", "longest wins", "keys as shown", "repeats", "absolute: distractors", "keys", "near-copies")
    rows = [head]
    for slug, quiz in bank:
        own = items([(slug, quiz)])
        found = positions([(slug, quiz)], salt)
        words = absolute(own)
        rows.append(
            (
                slug,
                str(len(own)),
                str(sum(key_is_longest(i.question) for i in own)),
                str(sum(longest_wins(i.question, salt) for i in own)),
                "".join(LETTERS[q.position(salt)] for q in quiz.questions),
                str(found.repeats),
                f"{words.distractors_with}/{words.distractors}",
                f"{words.keys_with}/{words.keys}",
                str(copies[slug]),
            )
        )
    found = positions(bank, salt)
    words = absolute(every)
    longest = sum(key_is_longest(i.question) for i in every)
    wins = sum(longest_wins(i.question, salt) for i in every)
    rows.append(
        (
            "total",
            str(len(every)),
            f"{longest} ({percent(longest, len(every))})",
            f"{wins} ({percent(wins, len(every))})",
            found.shares(),
            f"{found.repeats}/{found.pairs}",
            f"{words.distractors_with}/{words.distractors} ({percent(words.distractor_rate)})",
            f"{words.keys_with}/{words.keys} ({percent(words.key_rate)})",
            str(len(placed) + len(between)),
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    by_size = ", ".join(f"{size} options: " + " ".join(f"{LETTERS[i]} {n}" for i, n in enumerate(counts)) for size, counts in found.counts.items())
    lines += [
        "",
        f"Key positions as shown ({by_size}): chi-square {found.chi2:.2f} on {found.df} df, p = {found.p:.3f}",
        f"Adjacent repeats: {found.repeats} of {found.pairs} pairs, {found.expected:.1f} expected by chance (z = {found.z:+.2f}); "
        f"longest run of one letter in a quiz: {longest_run(bank, salt)}",
        f"Shuffle salt: {salt!r}",
    ]
    rule = f"stem and key share >= {float(NEAR_ASKED):.2f} of content words, or whole questions >= {float(NEAR_WHOLE):.2f}"
    for title, pairs in (("Placement/chapter near-copies", placed), ("Chapter/chapter near-copies", between)):
        lines += ["", f"{title} ({rule}): {len(pairs)}", *(f"  {c}" for c in pairs)]
    return "\n".join(lines)


@dataclass(frozen=True)
class Finding:
    """A bank-wide rule the bank breaks, with the questions to change (file:line first)."""

    rule: str  # "longest", "positions", "absolute", "placement copies", "chapter copies"
    message: str
    offenders: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {o}" for o in self.offenders)])


def findings(bank: list[tuple[str, Quiz]], salt: str = SHUFFLE_SALT, distinct_path: Path = DISTINCT) -> list[Finding]:
    """Every rule of the bank that fails, each naming the questions that make it fail."""
    every = items(bank)
    found: list[Finding] = []
    longest = [i for i in every if key_is_longest(i.question)]
    if Fraction(len(longest), len(every) or 1) > LONGEST_SHARE:
        worst = sorted(longest, key=lambda i: (-key_margin(i.question), i.path, i.question.line))
        found.append(
            Finding(
                "longest",
                f"The key is the longest option in {len(longest)} of {len(every)} questions ({percent(len(longest), len(every))}), "
                f"more than {percent(LONGEST_SHARE)}: a reader who picks the longest option scores without understanding. "
                "Make a distractor at least as long as the key in some of these (key's lead over the longest distractor, in characters):",
                tuple(f"{i.where}: {i.label} (+{key_margin(i.question)})" for i in worst),
            )
        )
    at = positions(bank, salt)
    if at.p < POSITIONS_P or abs(at.z) > REPEATS_Z:
        found.append(
            Finding(
                "positions",
                f"Key positions as shown do not look like chance: {at.shares()}, chi-square p = {at.p:.4f} (at least {POSITIONS_P}); "
                f"{at.repeats} adjacent repeats of {at.pairs}, {at.expected:.1f} expected (z = {at.z:+.2f}, within ±{REPEATS_Z}). "
                "The build shuffles options (quiz.Question.order): pick another salt with python -m scripts.content.quiz_bank --choose-salt. Keys as shown:",
                tuple(f"{quiz.path}: {''.join(LETTERS[q.position(salt)] for q in quiz.questions)}" for _, quiz in bank),
            )
        )
    words = absolute(every)
    if words.distractor_rate > words.key_rate:
        marked = [i for i in every if absolute_marks(i.question)]
        found.append(
            Finding(
                "absolute",
                f"Absolute words ({', '.join(ABSOLUTE_WORDS)}) mark distractors: {words.distractors_with} of {words.distractors} distractors "
                f"({percent(words.distractor_rate)}) against {words.keys_with} of {words.keys} keys ({percent(words.key_rate)}). "
                "In these questions a distractor has one and the key none:",
                tuple(f"{i.where}: {i.label} ({absolute_words_in(i.question)})" for i in marked),
            )
        )
    distinct, unreadable = load_distinct(distinct_path)
    placed, between = near_copies(every)
    reviewed = {pair for pair in distinct if any(c.pair == pair for c in [*placed, *between])}
    placed = [c for c in placed if c.pair not in distinct]
    between = [c for c in between if c.pair not in distinct]
    if placed:
        found.append(
            Finding(
                "placement copies",
                "Placement questions are near-copies of chapter questions (the placement quiz then gives away the self-checks): "
                f"ask each placement question about its chapter from another angle, or list a pair a reader judged distinct in {display(distinct_path)}:",
                tuple(str(c) for c in placed),
            )
        )
    if between:
        found.append(
            Finding(
                "chapter copies",
                f"Chapters ask the same question: merge the two or make them ask different things (or list the pair in {display(distinct_path)}):",
                tuple(str(c) for c in between),
            )
        )
    stale = sorted(" and ".join(sorted(pair)) for pair in set(distinct) - reviewed)
    if unreadable or stale:
        found.append(
            Finding(
                "distinct pairs",
                f"{display(distinct_path)} lists pairs that are no near-copy any more, or lines it cannot read: remove or fix them:",
                (*unreadable, *stale),
            )
        )
    return found


def absolute_words_in(q: Question) -> str:
    """Which absolute words the distractors use, e.g. "'always', 'only'"."""
    used = sorted({m.lower() for o in q.options if not o.right for m in ABSOLUTE.findall(plain(o.text))})
    return ", ".join(f"'{w}'" for w in used)


def salt_score(bank: list[tuple[str, Quiz]], salt: str) -> float:
    """How far a salt's positions are from chance: chi-square plus the repeats' z squared."""
    found = positions(bank, salt)
    return found.chi2 + found.z**2


def longest_run(bank: Iterable[tuple[str, Quiz]], salt: str = SHUFFLE_SALT) -> int:
    """The most questions in a row, inside one quiz, whose keys are shown at the same letter."""
    longest = 0
    for _, quiz in bank:
        run, previous = 0, None
        for q in quiz.questions:
            run = run + 1 if q.position(salt) == previous else 1
            previous = q.position(salt)
            longest = max(longest, run)
    return longest


def choose_salt(bank: list[tuple[str, Quiz]], tries: int = 1000) -> str:
    """The salt among "0" … str(tries - 1) whose positions are closest to chance (first on a tie),
    preferring one with no run of more than MAX_RUN equal letters in a quiz: chance gives such a
    run in about half the salts, and a reader who meets A, A, A, A suspects a pattern."""
    return min((str(n) for n in range(tries)), key=lambda salt: (longest_run(bank, salt) > MAX_RUN, round(salt_score(bank, salt), 9), int(salt)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.quiz_bank", description=__doc__.splitlines()[0])
    parser.add_argument("--choose-salt", action="store_true", help="try salts 0-999 and print the one closest to chance")
    parser.add_argument("--salt", default=SHUFFLE_SALT, help="show the table with this salt instead of quiz.SHUFFLE_SALT")
    parser.add_argument("--check", action="store_true", help="also list the rules the bank breaks and exit 1 if it breaks any")
    args = parser.parse_args(argv)
    bank = load()
    salt = choose_salt(bank) if args.choose_salt else args.salt
    print(table(bank, salt))
    if args.choose_salt:
        print(f"\nBest salt: {salt!r} (set SHUFFLE_SALT in scripts/content/quiz.py)")
    if not args.check:
        return 0
    broken = findings(bank, salt)
    for finding in broken:
        print(f"\n{finding}")
    print("\n" + (f"{len(broken)} bank rule(s) broken" if broken else "every bank rule holds"))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
