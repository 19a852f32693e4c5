// Fuzzes the share link's decoder (docs/assets/javascripts/store.js, the code the page runs) with
// generated payloads: each is opened as a reader's browser would ("merge" into stored progress),
// and the stored progress must change only for a valid payload. Deterministic: a seeded generator.
// Prints one JSON object: {tried, valid, changed, refused, unexpected: [...], reasons: {...}}.
import { createRequire } from "node:module";
import { deflateRawSync } from "node:zlib";

const require = createRequire(import.meta.url);
const store = require("../docs/assets/javascripts/store.js");

let seed = 20261205;
function random() {  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({ length: n }, () => pick("0123456789abcdef")).join("");

const KNOWN = Array.from({ length: 40 }, () => "r" + hex(10));
// A slot list like the site's (scripts/content/progress_slots.py), for the compact form.
const SLOTS = [...KNOWN.map((id) => "r " + id), ...Array.from({ length: 30 }, (_, i) => `q ${["rag", "agents", "placement"][i % 3]} q${hex(10)}`),
  "e rag/bm25", "e transformer/attention", "c python", "c nlp", "p the-full-path", "p researchers-path"];
const CHAPTERS = ["transformer", "rag", "agents", "pre-training"];
const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
const asJ = (value) => "j." + b64(Buffer.from(JSON.stringify(value)));
const asZ = (value) => "z." + b64(deflateRawSync(Buffer.from(JSON.stringify(value))));

function validAnswers() {
  const out = {};
  for (let i = 0; i < 1 + Math.floor(random() * 5); i += 1) out["q" + hex(10)] = { choice: Math.floor(random() * 4), right: random() < 0.5 };
  return out;
}

function validPayload() {
  const payload = { d: Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(KNOWN).slice(0, 7)) };
  if (random() < 0.6) payload.q = { [pick(CHAPTERS)]: validAnswers() };
  if (random() < 0.4) payload.p = { answers: validAnswers(), path: "practitioner", skim: [pick(CHAPTERS)] };
  if (random() < 0.5) payload.e = [pick(CHAPTERS) + "/" + pick(["attention", "bm25", "lora_forward"])];
  if (random() < 0.2) payload.future = { anything: [1, 2, 3] };  // unknown keys are dropped, never read
  return payload;
}

function randomJson(depth = 0) {
  const kinds = depth > 2 ? ["num", "str", "bool", "null"] : ["num", "str", "bool", "null", "arr", "obj"];
  switch (pick(kinds)) {
    case "num": return pick([0, -1, 1.5, 1e308, NaN, 7]);
    case "str": return pick(["", "x", "r123", "q" + hex(10), "<img src=x onerror=alert(1)>"]);
    case "bool": return random() < 0.5;
    case "null": return null;
    case "arr": return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(depth + 1));
    default: {
      const out = {};
      for (let i = 0; i < Math.floor(random() * 4); i += 1) out[pick(["d", "q", "p", "e", "x", "__proto__", "constructor"])] = randomJson(depth + 1);
      return out;
    }
  }
}

// Each case replaces one field of a valid payload with a value of the wrong type or shape.
const WRONG = [
  (p) => { p.d = "r123456"; }, (p) => { p.d = { 0: "r123456" }; }, (p) => { p.d = [1, 2]; }, (p) => { p.d = [{ x: 1 }]; },
  (p) => { p.d = ["z".repeat(10000)]; }, (p) => { p.d = [null]; }, (p) => { p.d = ["R1234567"]; },
  (p) => { p.q = "boom"; }, (p) => { p.q = []; }, (p) => { p.q = { rag: "boom" }; }, (p) => { p.q = { transformer: { answers: "x" } }; },
  (p) => { p.q = { rag: { ["q" + hex(10)]: { choice: "1", right: true } } }; },
  (p) => { p.q = { rag: { ["q" + hex(10)]: { choice: 1.5, right: true } } }; },
  (p) => { p.q = { rag: { ["q" + hex(10)]: { choice: -1, right: true } } }; },
  (p) => { p.q = { rag: { ["q" + hex(10)]: { choice: 99, right: false } } }; },
  (p) => { p.q = { rag: { ["q" + hex(10)]: { choice: 1, right: "yes" } } }; },
  (p) => { p.q = { rag: { notaquestion: { choice: 1, right: true } } }; },
  (p) => { p.q = { "../etc": validAnswers() }; }, (p) => { p.q = { ["x".repeat(10000)]: validAnswers() }; },
  (p) => { p.p = "everything"; }, (p) => { p.p = { skim: "everything" }; }, (p) => { p.p = { answers: validAnswers(), skim: "everything" }; },
  (p) => { p.p = { answers: validAnswers(), skim: [1] }; }, (p) => { p.p = { answers: validAnswers(), path: 7 }; },
  (p) => { p.p = { answers: [] }; }, (p) => { p.p = { answers: validAnswers(), path: "x".repeat(10000) }; },
  (p) => { p.e = "rag/bm25"; }, (p) => { p.e = [1]; }, (p) => { p.e = [{ id: "rag/bm25" }]; }, (p) => { p.e = ["rag/bm25; drop"]; },
  (p) => { p.e = ["x".repeat(10000)]; }, (p) => { p.d = Array.from({ length: 6000 }, () => "r" + hex(6)); },
];

const cases = [];
const add = (kind, text, valid) => cases.push({ kind, text, valid });
for (let i = 0; i < 50; i += 1) add("valid", random() < 0.5 ? asJ(validPayload()) : asZ(validPayload()), true);
add("valid, the issue's example made right", asJ({ d: [KNOWN[0].slice(0, 7)], q: { rag: validAnswers() } }), true);
add("the issue's example", asJ({ d: ["zzzzzzz", { x: 1 }], q: { rag: "boom", transformer: { answers: "x" } }, p: { skim: "everything" } }), false);
// Random JSON is refused, except an object that carries none of the sections: an empty share
// (a reader with no progress yet), accepted and changing nothing.
const carriesNothing = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !["d", "q", "p", "e"].some((k) => Object.hasOwn(v, k));
for (let i = 0; i < 50; i += 1) {
  const value = randomJson();
  add("random JSON", random() < 0.5 ? asJ(value) : asZ(value), carriesNothing(value));
}
WRONG.forEach((spoil, i) => { const p = validPayload(); spoil(p); add("wrong type " + i, i % 2 ? asZ(p) : asJ(p), false); });
for (let i = 0; i < 20; i += 1) {
  const good = asZ(validPayload());
  add("truncated base64", good.slice(0, 2 + Math.floor(random() * (good.length - 3))), null);
}
for (let i = 0; i < 15; i += 1) add("garbage base64", pick(["j.", "z."]) + Array.from({ length: 1 + Math.floor(random() * 60) }, () => pick("!@$%^&*()+=/ ~abc")).join(""), false);
for (let i = 0; i < 20; i += 1) {
  const bytes = deflateRawSync(Buffer.from(JSON.stringify(validPayload())));
  for (let j = 0; j < 1 + Math.floor(random() * 4); j += 1) bytes[Math.floor(random() * bytes.length)] ^= 1 + Math.floor(random() * 255);
  add("corrupt deflate", "z." + b64(bytes), null);
}
for (let i = 0; i < 10; i += 1) add("unknown prefix", pick(["x.", "J.", "zz", "", "j", "gz."]) + b64(Buffer.from(JSON.stringify(validPayload()))), false);
add("a 1 MB fragment", "j." + "A".repeat(1024 * 1024), false);
add("a deflate bomb (10 MB of zeros)", "z." + b64(deflateRawSync(Buffer.alloc(10 * 1024 * 1024, 48))), false);
add("a deflate bomb inside valid JSON", "z." + b64(deflateRawSync(Buffer.from(JSON.stringify({ d: [], pad: "0".repeat(8 * 1024 * 1024) })))), false);
add("not UTF-8", "j." + b64(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), false);
// The compact form: bits over the slot list.
function compactProgress() {
  const p = store.empty();
  for (const slot of SLOTS) {
    const [kind, a, b] = slot.split(" ");
    if (random() < 0.5) continue;
    if (kind === "r") p.done[a] = "2026-12-05T00:00:00.000Z";
    if (kind === "e") (p.exercises = p.exercises || {})[a] = "2026-12-05T00:00:00.000Z";
    if (kind === "q" && a !== "placement") ((p.quiz = p.quiz || {})[a] = p.quiz[a] || {})[b] = { choice: Math.floor(random() * 4), right: random() < 0.5 };
  }
  return p;
}
for (let i = 0; i < 20; i += 1) add("valid compact", await store.encodeFragment(compactProgress(), SLOTS), true);
for (let i = 0; i < 10; i += 1) {
  const good = await store.encodeFragment(compactProgress(), SLOTS);
  add("truncated compact", good.slice(0, 2 + Math.floor(random() * (good.length - 3))), null);
}
for (let i = 0; i < 10; i += 1) add("random bits", pick(["b.", "c."]) + b64(Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256)))), null);
add("counts past the limit", "b." + b64(Buffer.from([1, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0])), false);
add("an empty compact link", "b." + b64(Buffer.from([1, 0, 0, 0, 0, 0])), true);

// A reader's storage with progress in it, as the page keeps it.
function memoryStorage(initial) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)), removeItem: (k) => data.delete(k), dump: () => JSON.stringify([...data]) };
}
const KEY = "llm-roadmap.progress.v1";
const baseline = JSON.stringify({ format: store.FORMAT, version: 1, done: { [KNOWN[39]]: "2026-11-01T00:00:00.000Z" }, quiz: { rag: { q0123456789: { choice: 1, right: true } } } });

const result = { tried: cases.length, valid: 0, changed: 0, refused: 0, unexpected: [], reasons: {} };
for (const item of cases) {
  const storage = memoryStorage({ [KEY]: baseline });
  const progress = store.createStore(storage, KEY, () => {});
  const before = storage.dump();
  let outcome;
  try {
    const incoming = await store.decodeFragment(item.text, KNOWN, "2026-12-05T00:00:00.000Z", SLOTS);
    progress.save(store.merge(progress.load(), incoming));
    outcome = "accepted";
  } catch (error) {
    outcome = "refused";
    const reason = error instanceof SyntaxError ? "not JSON" : String(error.message || error);
    result.reasons[reason] = (result.reasons[reason] || 0) + 1;
  }
  const changed = storage.dump() !== before;
  if (outcome === "accepted") result.valid += 1; else result.refused += 1;
  if (changed) result.changed += 1;
  const expected = item.valid === null ? outcome : item.valid ? "accepted" : "refused";  // a truncation may still be valid
  if (outcome !== expected || (changed && outcome !== "accepted") || (outcome === "accepted" && store.validate(JSON.parse(storage.getItem(KEY))) === null)) {
    result.unexpected.push({ kind: item.kind, outcome, changed, head: item.text.slice(0, 60) });
  }
}
process.stdout.write(JSON.stringify(result));
