/* LLM Roadmap: the reader's progress, and the only code that knows its shape. Everything that
 * reaches it (a share link, an imported file, what localStorage gives back) passes one validator
 * first: a payload that breaks the shape is refused whole, and nothing is changed. Loaded on
 * every page before roadmap.js (window.rmStore); Node loads the same file (module.exports) to
 * fuzz it.
 *
 * Stored progress: {format, version: 1,
 *   done:      {resourceId: when ticked},                      resourceId "r" + 10 hex digits
 *   quiz:      {chapter: {questionId: {choice, right}}},       questionId "q" + 10 hex digits
 *   placement: {answers: {questionId: {choice, right}}, path, skim: [chapter, ...]},
 *   exercises: {"chapter/name": when every test first passed},
 *   review:    {chapter: {questionId: {box, due}}}}            Leitner box 0-4, due "YYYY-MM-DD"
 * Other top-level keys found in storage (a newer version's) are kept as they are and never read.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.rmStore = api;
})(this, function () {
  "use strict";

  var FORMAT = "llm-roadmap-progress";
  var VERSION = 1;
  /* A share link's fragment is refused past 16 KB before any decoding, and its inflated JSON past
     256 KB while it inflates: a few hundred resources and quiz answers take about 2 KB. */
  var LIMITS = { fragment: 16 * 1024, inflated: 256 * 1024, items: 5000 };
  /* A shared prefix the receiving page could not resolve is kept as it is (an item from an
     older or newer roadmap), so stored ids are full ids or 7-character prefixes. */
  var RESOURCE_ID = /^r[0-9a-f]{6}([0-9a-f]{4})?$/;
  var CHAPTER = /^[a-z0-9][a-z0-9-]{0,63}$/;
  var QUESTION = /^q[0-9a-f]{10}$/;
  var EXERCISE = /^[a-z0-9][a-z0-9-]{0,63}\/[a-z][a-z0-9_]{0,63}$/;
  var MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var MAX_OPTION = 7;  /* a question has at most 8 options (scripts/content/quiz.py allows 4) */
  var SECTIONS = ["format", "version", "done", "quiz", "placement", "exercises", "review"];
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  /* Spaced review: a wrong answer comes back the next day; each right one moves the question to
     the next box, due after 1, 3, 7, then 21 days. */
  var INTERVALS = [1, 1, 3, 7, 21];
  var PREFIX = 7;  /* resource ids travel in links as their first 7 characters */

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  function empty() {
    return { format: FORMAT, version: VERSION, done: {} };
  }

  /* A map whose every key and value pass; null when any does not, or when it is too large. */
  function mapOf(value, key, valid) {
    if (!isObject(value)) return null;
    var keys = Object.keys(value);
    if (keys.length > LIMITS.items) return null;
    var out = {};
    for (var i = 0; i < keys.length; i += 1) {
      var cleaned = key.test(keys[i]) ? valid(value[keys[i]]) : null;
      if (cleaned === null) return null;
      out[keys[i]] = cleaned;
    }
    return out;
  }

  function moment(value) {
    return typeof value === "string" && MOMENT.test(value) ? value : null;
  }

  function answer(value) {
    if (!isObject(value) || typeof value.right !== "boolean") return null;
    var choice = value.choice;
    return typeof choice === "number" && Math.floor(choice) === choice && choice >= 0 && choice <= MAX_OPTION ?
      { choice: choice, right: value.right } : null;
  }

  function answers(value) {
    return mapOf(value, QUESTION, answer);
  }

  function card(value) {
    if (!isObject(value) || typeof value.due !== "string" || !DAY.test(value.due)) return null;
    var box = value.box;
    return typeof box === "number" && Math.floor(box) === box && box >= 0 && box < INTERVALS.length ? { box: box, due: value.due } : null;
  }

  function cards(value) {
    return mapOf(value, QUESTION, card);
  }

  function placement(value) {
    if (!isObject(value)) return null;
    var out = { answers: answers(value.answers) };
    if (out.answers === null) return null;
    if (value.path !== undefined) {
      if (typeof value.path !== "string" || value.path.length > 64) return null;
      out.path = value.path;
    }
    if (value.skim !== undefined) {
      if (!Array.isArray(value.skim) || value.skim.length > 64 || !value.skim.every(function (c) { return typeof c === "string" && CHAPTER.test(c); })) return null;
      out.skim = value.skim.slice();
    }
    return out;
  }

  /* The sections every source shares; null when any of them breaks the shape. */
  function sections(done, quiz, place, exercises, review) {
    var out = empty();
    out.done = done;
    if (review !== undefined && (out.review = mapOf(review, CHAPTER, cards)) === null) return null;
    if (quiz !== undefined && (out.quiz = mapOf(quiz, CHAPTER, answers)) === null) return null;
    if (place !== undefined && (out.placement = placement(place)) === null) return null;
    if (exercises !== undefined && (out.exercises = mapOf(exercises, EXERCISE, moment)) === null) return null;
    return out;
  }

  /* Stored or exported progress, cleaned; null when it is not progress or breaks the shape.
     keepUnknown: keep other top-level keys verbatim (what storage holds for a newer version). */
  function validate(value, keepUnknown) {
    if (!isObject(value) || value.format !== FORMAT || value.version !== VERSION) return null;
    var done = mapOf(value.done, RESOURCE_ID, moment);
    var out = done && sections(done, value.quiz, value.placement, value.exercises, value.review);
    if (!out) return null;
    if (keepUnknown) {
      Object.keys(value).forEach(function (key) { if (SECTIONS.indexOf(key) < 0) out[key] = value[key]; });
    }
    return out;
  }

  /* Everything in `incoming` (validated) is added to `into`: a conflicting quiz answer and the
     placement advice come from `incoming`; a resource or an exercise keeps its first date. */
  function merge(into, incoming) {
    Object.keys(incoming.done).forEach(function (id) { if (!into.done[id]) into.done[id] = incoming.done[id]; });
    if (incoming.quiz) {
      into.quiz = into.quiz || {};
      Object.keys(incoming.quiz).forEach(function (key) {
        into.quiz[key] = into.quiz[key] || {};
        Object.keys(incoming.quiz[key]).forEach(function (qid) { into.quiz[key][qid] = incoming.quiz[key][qid]; });
      });
    }
    if (incoming.placement) into.placement = incoming.placement;
    if (incoming.review) {  /* per question, the schedule that reaches further ahead */
      into.review = into.review || {};
      Object.keys(incoming.review).forEach(function (key) {
        into.review[key] = into.review[key] || {};
        Object.keys(incoming.review[key]).forEach(function (qid) {
          var mine = into.review[key][qid], theirs = incoming.review[key][qid];
          if (!mine || theirs.due > mine.due) into.review[key][qid] = theirs;
        });
      });
    }
    if (incoming.exercises) {
      into.exercises = into.exercises || {};
      Object.keys(incoming.exercises).forEach(function (id) { if (!into.exercises[id]) into.exercises[id] = incoming.exercises[id]; });
    }
    return into;
  }

  /* An exercise whose every test passed; its first date stays. True when that is news. */
  function pass(progress, id, when) {
    progress.exercises = progress.exercises || {};
    if (progress.exercises[id]) return false;
    progress.exercises[id] = when;
    return true;
  }

  /* ---------- spaced review ---------- */

  function addDays(day, days) {
    var date = new Date(day + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  /* The reader's own calendar day, so "due today" turns over at their midnight. */
  function today(now) {
    var date = now || new Date();
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  /* After an answer: right moves the question one box on, wrong back to the first. */
  function schedule(progress, key, qid, right, day) {
    progress.review = progress.review || {};
    var mine = (progress.review[key] = progress.review[key] || {});
    var box = right ? Math.min((mine[qid] ? mine[qid].box : 0) + 1, INTERVALS.length - 1) : 0;
    mine[qid] = { box: box, due: addDays(day, INTERVALS[box]) };
    return mine[qid];
  }

  /* Every answered self-check question that is due on `day`: scheduled ones whose day has come,
     and answers from before the schedule existed, which are due at once. */
  function due(progress, day) {
    var found = [];
    Object.keys(progress.quiz || {}).forEach(function (key) {
      Object.keys(progress.quiz[key]).forEach(function (qid) {
        var entry = ((progress.review || {})[key] || {})[qid];
        if (!entry || entry.due <= day) found.push({ key: key, qid: qid });
      });
    });
    return found;
  }

  /* ---------- the share link ----------
     #progress=c.<base64url deflate-raw bits> or b.<base64url bits>: the compact form, bits over the
     published, append-only slot list (scripts/content/progress_slots.py, served as
     progress-slots.js): a slot never moves, so a link decodes the same after the roadmap changes.
     #progress=j.<base64url JSON> or z.<base64url deflate-raw JSON>: the first form, still read. */

  function toBase64url(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
    var plain = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(plain.length);
    for (var i = 0; i < plain.length; i += 1) bytes[i] = plain.charCodeAt(i);
    return bytes;
  }

  /* Inflates chunk by chunk and gives up as soon as the output passes the limit, so a small
     deflate bomb costs a few reads, never the whole expansion. */
  function inflate(bytes, limit) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    var chunks = [], total = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) {
          var out = new Uint8Array(total), at = 0;
          chunks.forEach(function (chunk) { out.set(chunk, at); at += chunk.length; });
          return out;
        }
        total += step.value.length;
        if (total > limit) {
          reader.cancel().catch(function () { /* already failing: the refusal below is what counts */ });
          throw new Error("too large once inflated");
        }
        chunks.push(step.value);
        return next();
      });
    }
    return next();
  }

  function deflate(bytes) {
    var piped = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(piped).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  /* A link's compact payload {d, q, p, e} as progress; null when any part breaks the shape.
     Resource ids travel as 7-character prefixes and resolve against the ids the page knows. */
  function fromShared(payload, knownIds, now) {
    if (!isObject(payload)) return null;
    var ids = payload.d === undefined ? [] : payload.d;
    if (!Array.isArray(ids) || ids.length > LIMITS.items) return null;
    var byPrefix = {};
    (knownIds || []).forEach(function (id) { byPrefix[id.slice(0, PREFIX)] = id; });
    var done = {};
    for (var i = 0; i < ids.length; i += 1) {
      var id = ids[i];
      if (typeof id !== "string" || !RESOURCE_ID.test(id)) return null;
      done[byPrefix[id.slice(0, PREFIX)] || id] = now;
    }
    var exercises;
    if (payload.e !== undefined) {
      if (!Array.isArray(payload.e) || payload.e.length > LIMITS.items) return null;
      exercises = {};
      for (var j = 0; j < payload.e.length; j += 1) {
        if (typeof payload.e[j] !== "string" || !EXERCISE.test(payload.e[j])) return null;
        exercises[payload.e[j]] = now;
      }
    }
    return sections(done, payload.q, payload.p, exercises);
  }

  function toShared(progress) {
    var payload = { d: Object.keys(progress.done).map(function (id) { return id.slice(0, PREFIX); }) };
    if (progress.quiz && Object.keys(progress.quiz).length) payload.q = progress.quiz;
    if (progress.placement) payload.p = progress.placement;
    var passed = Object.keys(progress.exercises || {});
    if (passed.length) payload.e = passed;  /* the ids of passed exercises, never code */
    return payload;
  }

  /* Bits per slot, by kind: a question holds 0 (unanswered) or 1 + 2 * choice + right. */
  var KINDS = "rqecp", WIDTH = { r: 1, q: 4, e: 1, c: 1, p: 1 }, MAX_COUNT = 100000;

  function byKind(slots) {
    var kinds = { r: [], q: [], e: [], c: [], p: [] };
    (slots || []).forEach(function (slot) {
      var parts = String(slot).split(" ");
      if (kinds[parts[0]]) kinds[parts[0]].push(parts.slice(1));
    });
    return kinds;
  }

  function slotValue(kind, parts, progress) {
    var placement = progress.placement || {};
    if (kind === "r") return progress.done[parts[0]] ? 1 : 0;
    if (kind === "e") return (progress.exercises || {})[parts[0]] ? 1 : 0;
    if (kind === "c") return (placement.skim || []).indexOf(parts[0]) >= 0 ? 1 : 0;
    if (kind === "p") return placement.path === parts[0] ? 1 : 0;
    var answers = parts[0] === "placement" ? placement.answers || {} : (progress.quiz || {})[parts[0]] || {};
    var answer = answers[parts[1]];
    return answer && answer.choice <= 6 ? 1 + 2 * answer.choice + (answer.right ? 1 : 0) : 0;
  }

  function pack(progress, slots) {
    var kinds = byKind(slots), out = [1], bits = [];
    KINDS.split("").forEach(function (kind) {
      var n = kinds[kind].length;
      do { out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n = n >>> 7; } while (n > 0);
      kinds[kind].forEach(function (parts) {
        var value = slotValue(kind, parts, progress);
        for (var b = WIDTH[kind] - 1; b >= 0; b -= 1) bits.push((value >> b) & 1);
      });
    });
    for (var i = 0; i < bits.length; i += 8) {
      var byte = 0;
      for (var j = 0; j < 8; j += 1) byte = (byte << 1) | (bits[i + j] || 0);
      out.push(byte);
    }
    /* The review schedule, when there is one: the link's day (days since EPOCH), then a byte
       per question slot: 0, or (box + 1) << 5 | days until due (0-31, from the link's day). */
    if (progress.review && Object.keys(progress.review).length) {
      var base = today();
      var n = dayNumber(base);
      out.push(1);
      do { out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n = n >>> 7; } while (n > 0);
      kinds.q.forEach(function (parts) {
        var entry = ((progress.review || {})[parts[0]] || {})[parts[1]];
        var wait = entry ? Math.max(0, Math.min(31, dayNumber(entry.due) - dayNumber(base))) : 0;
        out.push(entry ? ((entry.box + 1) << 5) | wait : 0);
      });
    }
    return new Uint8Array(out);
  }

  var EPOCH = Date.UTC(2020, 0, 1);
  function dayNumber(day) { return Math.round((Date.parse(day + "T00:00:00Z") - EPOCH) / 86400000); }
  function dayOf(number) { return new Date(EPOCH + number * 86400000).toISOString().slice(0, 10); }

  /* Progress from compact bits; null when they break the format. Slots the link has and this
     site's list lacks (a link from a newer version) are skipped: their width is their kind's. */
  function unpack(bytes, slots, now) {
    var kinds = byKind(slots), at = 1, counts = {};
    /* An unsigned number of up to 4 bytes, 7 bits each; null past the end or when too long. */
    function varint() {
      var n = 0, shift = 0, byte;
      do {
        if (at >= bytes.length || shift > 21) return null;
        byte = bytes[at++];
        n += (byte & 0x7f) * Math.pow(2, shift);
        shift += 7;
      } while (byte & 0x80);
      return n;
    }
    if (bytes[0] !== 1) return null;
    for (var k = 0; k < KINDS.length; k += 1) {
      var n = varint();
      if (n === null || n > MAX_COUNT) return null;
      counts[KINDS[k]] = n;
    }
    var bit = at * 8, total = bytes.length * 8;
    function read(width) {
      var value = 0;
      for (var b = 0; b < width; b += 1, bit += 1) value = (value << 1) | ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1);
      return value;
    }
    var needed = KINDS.split("").reduce(function (sum, kind) { return sum + counts[kind] * WIDTH[kind]; }, 0);
    if (bit + needed > total) return null;
    var done = {}, quiz = {}, answers = {}, exercises = {}, skim = [], path, review = {};
    KINDS.split("").forEach(function (kind) {
      for (var i = 0; i < counts[kind]; i += 1) {
        var value = read(WIDTH[kind]);
        var parts = kinds[kind][i];
        if (!value || !parts) continue;
        if (kind === "r") done[parts[0]] = now;
        else if (kind === "e") exercises[parts[0]] = now;
        else if (kind === "c") skim.push(parts[0]);
        else if (kind === "p") path = parts[0];
        else {
          var answer = { choice: (value - 1) >> 1, right: ((value - 1) & 1) === 1 };
          if (parts[0] === "placement") answers[parts[1]] = answer;
          else (quiz[parts[0]] = quiz[parts[0]] || {})[parts[1]] = answer;
        }
      }
    });
    at = Math.ceil(bit / 8);
    if (at < bytes.length) {
      if (bytes[at++] !== 1) return null;
      var base = varint();
      if (base === null || at + counts.q !== bytes.length) return null;
      for (var q = 0; q < counts.q; q += 1) {
        var value = bytes[at + q], parts = kinds.q[q];
        if (!value || !parts || parts[0] === "placement") continue;
        if ((value >> 5) - 1 >= INTERVALS.length) return null;
        (review[parts[0]] = review[parts[0]] || {})[parts[1]] = { box: (value >> 5) - 1, due: dayOf(base + (value & 31)) };
      }
    }
    var place = Object.keys(answers).length || path || skim.length ? { answers: answers, skim: skim } : undefined;
    if (place && path) place.path = path;
    return sections(done, Object.keys(quiz).length ? quiz : undefined, place, Object.keys(exercises).length ? exercises : undefined,
      Object.keys(review).length ? review : undefined);
  }

  /* The shortest link: compact bits (deflated when that is shorter) given the slot list, else JSON. */
  function encodeFragment(progress, slots) {
    if (slots && slots.length) {
      var bits = pack(progress, slots);
      var plain = "b." + toBase64url(bits);
      if (typeof CompressionStream === "undefined") return Promise.resolve(plain);
      return deflate(bits).then(function (packed) {
        var deflated = "c." + toBase64url(packed);
        return deflated.length < plain.length ? deflated : plain;
      });
    }
    var bytes = new TextEncoder().encode(JSON.stringify(toShared(progress)));
    if (typeof CompressionStream === "undefined") return Promise.resolve("j." + toBase64url(bytes));
    return deflate(bytes).then(function (packed) { return "z." + toBase64url(packed); });
  }

  /* A link's fragment (after "progress=") as validated progress, or a rejection saying why.
     slots: the site's slot list, which the compact forms need. */
  function decodeFragment(text, knownIds, now, slots) {
    var kind;
    return new Promise(function (resolve) {
      if (typeof text !== "string" || text.length > LIMITS.fragment) throw new Error("too long");
      kind = text.slice(0, 2);
      if (["j.", "z.", "b.", "c."].indexOf(kind) < 0) throw new Error("unknown format");
      if ((kind === "b." || kind === "c.") && !(slots && slots.length)) throw new Error("no slot list");
      if ((kind === "z." || kind === "c.") && typeof DecompressionStream === "undefined") throw new Error("this browser cannot inflate");
      var bytes = fromBase64url(text.slice(2));
      resolve(kind === "z." || kind === "c." ? inflate(bytes, LIMITS.inflated) : bytes);
    }).then(function (raw) {
      if (raw.length > LIMITS.inflated) throw new Error("too large");
      now = now || new Date().toISOString();
      var progress = kind === "b." || kind === "c." ? unpack(raw, slots, now) :
        fromShared(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw)), knownIds, now);
      if (!progress) throw new Error("not progress");
      return progress;
    });
  }

  /* ---------- storage: what the browser keeps, checked on every read ---------- */

  /* problems(kind): "corrupt" (unreadable progress was moved to the backup key and a clean start
     made), "unavailable" (storage is full or blocked: progress lasts while the page is open). */
  function createStore(storage, key, problems) {
    var memory = null;  /* what could not be written, so the page keeps working */
    var backupKey = key + ".backup";

    function report(kind) { if (problems) problems(kind); }

    function read() {
      try { return storage.getItem(key); } catch (error) { report("unavailable"); return null; }
    }

    function load() {
      if (memory) return JSON.parse(JSON.stringify(memory));
      var raw = read();
      if (raw === null) return empty();
      var parsed = null;
      try { parsed = JSON.parse(raw); } catch (error) { parsed = null; }
      var progress = validate(parsed, true);
      if (progress) return progress;
      try {
        storage.setItem(backupKey, raw);
        storage.removeItem(key);
      } catch (error) {
        report("unavailable");
      }
      report("corrupt");
      return empty();
    }

    function save(progress) {
      try {
        storage.setItem(key, JSON.stringify(progress));
        memory = null;
        return true;
      } catch (error) {
        memory = JSON.parse(JSON.stringify(progress));
        report("unavailable");
        return false;
      }
    }

    function backup() {
      try { return storage.getItem(backupKey); } catch (error) { return null; }
    }

    return { load: load, save: save, backup: backup, backupKey: backupKey };
  }

  return {
    FORMAT: FORMAT, LIMITS: LIMITS, EXERCISE: EXERCISE, INTERVALS: INTERVALS,
    empty: empty, isObject: isObject, validate: validate, merge: merge,
    schedule: schedule, due: due, today: today, addDays: addDays, pass: pass,
    encodeFragment: encodeFragment, decodeFragment: decodeFragment, createStore: createStore
  };
});
