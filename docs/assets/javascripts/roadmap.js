/* LLM Roadmap reader features on every page: progress tracking (shared as window.rmProgress
 * with quiz.js, map.js and share.js, which load only on the pages that need them), resource
 * filters, and what was added since the reader's last visit.
 *
 * Everything here enhances markup that already reads correctly without JavaScript: resource
 * entries are plain list items carrying data-rm-* attributes (added at build time), and
 * nothing is hidden until this script decides to hide it.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "llm-roadmap.progress.v1";
  var rmStore = window.rmStore;  /* store.js: the progress's shape, its validator and the storage */

  /* ---------- storage ---------- */

  var store = rmStore.createStore(safeStorage(), STORAGE_KEY, storageProblem);
  var emptyProgress = rmStore.empty, mergeProgress = rmStore.merge, isObject = rmStore.isObject;

  /* Blocked storage (a privacy setting) throws on access itself: the store then keeps progress
     in memory for as long as the page is open. */
  function safeStorage() {
    try { return window.localStorage; } catch (error) {
      var failing = function () { throw error; };
      return { getItem: failing, setItem: failing, removeItem: failing };
    }
  }

  var told = {};

  /* Said once per page: a corrupt store was set aside (once ever, then the home page offers the
     copy), or storage refuses to keep anything. */
  function storageProblem(kind) {
    if (told[kind]) return;
    told[kind] = true;
    var text = kind === "corrupt" ?
      "Your saved progress could not be read, so this browser starts afresh. A copy was kept: export it from Your progress on the home page." :
      "This browser cannot save your progress (its storage is full or blocked): it lasts while this page is open. Export it from the home page to keep it.";
    var show = function () {
      var article = document.querySelector(".md-content article") || document.body;
      var note = document.createElement("p");
      note.className = "rm-storage-note admonition warning";
      note.setAttribute("role", "status");
      note.setAttribute("data-rm-storage", kind);
      note.textContent = text;
      article.insertBefore(note, article.firstChild);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show); else show();
  }

  function loadProgress() {
    return followAliases(store.load());
  }

  /* A resource whose entry changed its URL has a new id, and a moved page a new quiz key; the
     build lists both (window.rmAliases), so progress moves with them instead of being lost. */
  function followAliases(progress) {
    var aliases = window.rmAliases || {};
    var ids = aliases.ids || {};
    Object.keys(ids).forEach(function (old) {
      if (progress.done[old] === undefined) return;
      if (progress.done[ids[old]] === undefined) progress.done[ids[old]] = progress.done[old];
      delete progress.done[old];
    });
    var keys = aliases.quiz || {};
    Object.keys(keys).forEach(function (old) {
      if (!progress.quiz || !progress.quiz[old]) return;
      progress.quiz[keys[old]] = mergeAnswers(progress.quiz[keys[old]] || {}, progress.quiz[old]);
      delete progress.quiz[old];
    });
    return progress;
  }

  function mergeAnswers(into, incoming) {
    Object.keys(incoming).forEach(function (qid) { if (!into[qid]) into[qid] = incoming[qid]; });
    return into;
  }

  function saveProgress(progress) {
    store.save(progress);
    document.dispatchEvent(new CustomEvent("rm-progress"));
  }

  function quizAnswers(progress) {
    var count = 0;
    Object.keys(progress.quiz || {}).forEach(function (key) { count += Object.keys(progress.quiz[key]).length; });
    return count + Object.keys((progress.placement && progress.placement.answers) || {}).length;
  }

  /* Only ids that exist on the page count: removed resources are ignored, new ones start undone. */
  function countDone(progress, ids) {
    return ids.filter(function (id) { return progress.done[id]; }).length;
  }

  /* The storage, for the scripts loaded only where they are needed (quiz.js, map.js, share.js,
     practice.js). */
  window.rmProgress = {
    load: loadProgress, save: saveProgress, empty: emptyProgress, merge: mergeProgress,
    countDone: countDone, quizAnswers: quizAnswers, isObject: isObject, backup: store.backup
  };

  /* ---------- chapter pages: checkboxes and the progress bar ---------- */

  function entries(root) {
    return Array.prototype.slice.call(root.querySelectorAll("li.rm-entry[data-rm-id]"));
  }

  function titleOf(entry) {
    var link = entry.querySelector("a");
    return link ? link.textContent.trim() : "this resource";
  }

  function addCheckbox(entry, progress, onChange) {
    if (entry.querySelector("input.rm-done")) return;
    var id = entry.getAttribute("data-rm-id");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "rm-done";
    box.id = "rm-done-" + id;
    box.checked = !!progress.done[id];
    box.setAttribute("aria-label", "Mark \u201c" + titleOf(entry) + "\u201d as done");
    box.addEventListener("change", function () {
      var current = loadProgress();
      if (box.checked) current.done[id] = new Date().toISOString();
      else delete current.done[id];
      saveProgress(current);
      entry.classList.toggle("rm-entry--done", box.checked);
      onChange(current);
    });
    entry.classList.toggle("rm-entry--done", box.checked);
    entry.insertBefore(box, entry.firstChild);
  }

  function progressBar(container) {
    var wrapper = document.createElement("div");
    wrapper.className = "rm-progress";
    var bar = document.createElement("progress");
    bar.className = "rm-progress__bar";
    bar.id = "rm-progress-bar";
    var label = document.createElement("label");
    label.className = "rm-progress__label";
    label.id = "rm-progress-label";
    label.htmlFor = bar.id;
    bar.setAttribute("aria-labelledby", label.id);
    wrapper.appendChild(label);
    wrapper.appendChild(bar);
    container.appendChild(wrapper);
    return function update(done, total) {
      bar.max = Math.max(total, 1);
      bar.value = done;
      label.textContent = done + " of " + total + " done";
    };
  }

  function initChapter(content) {
    var items = entries(content);
    if (!items.length) return;
    var ids = items.map(function (e) { return e.getAttribute("data-rm-id"); });
    var heading = content.querySelector("h1");
    var holder = document.createElement("div");
    heading.parentNode.insertBefore(holder, heading.nextSibling);
    var update = progressBar(holder);
    var refresh = function (progress) { update(countDone(progress, ids), ids.length); };
    var progress = loadProgress();
    items.forEach(function (entry) { addCheckbox(entry, progress, refresh); });
    refresh(progress);
  }

  /* ---------- home page: per-chapter progress, export, import, reset ---------- */

  function initHome(content) {
    var cards = Array.prototype.slice.call(content.querySelectorAll("[data-rm-ids]"));
    var panel = content.querySelector(".rm-progress-panel");
    if (!cards.length || !panel) return;

    function render() {
      var progress = loadProgress();
      var done = 0;
      var total = 0;
      var current = {};
      var skim = (progress.placement && progress.placement.skim) || [];
      cards.forEach(function (card) {
        var ids = card.getAttribute("data-rm-ids").split(" ").filter(Boolean);
        ids.forEach(function (id) { current[id] = true; });
        var count = countDone(progress, ids);
        done += count;
        total += ids.length;
        var line = card.querySelector(".rm-card__progress");
        line.hidden = false;
        line.textContent = count + " of " + ids.length + " done";
        var bar = card.querySelector("progress");
        bar.hidden = false;
        bar.max = Math.max(ids.length, 1);
        bar.value = count;
        var key = card.getAttribute("data-rm-quiz-key");
        var answers = (progress.quiz && progress.quiz[key]) || {};
        var answered = Object.keys(answers);
        var quizLine = card.querySelector(".rm-card__quiz");
        quizLine.hidden = !answered.length;
        quizLine.textContent = "Self-check: " + answered.filter(function (q) { return answers[q].right; }).length +
          " of " + card.getAttribute("data-rm-quiz-count") + " right";
        card.querySelector(".rm-card__skim").hidden = skim.indexOf(key) < 0;
        var exercises = (card.getAttribute("data-rm-exercises") || "").split(" ").filter(Boolean);
        var passed = exercises.filter(function (id) { return progress.exercises && progress.exercises[id]; }).length;
        var practiceLine = card.querySelector(".rm-card__practice");
        practiceLine.hidden = !passed;
        practiceLine.textContent = "Practice: " + passed + " of " + exercises.length + " passed";
      });
      panel.querySelector(".rm-progress-panel__total").textContent =
        "You have done " + done + " of " + total + " resources.";
      /* Ids of resources no longer in the roadmap stay in storage: they count again if the
         resource comes back, and they travel with exports and share links. */
      var older = Object.keys(progress.done).filter(function (id) { return !current[id]; }).length;
      var olderLine = panel.querySelector(".rm-progress-panel__older");
      olderLine.hidden = !older;
      olderLine.textContent = older + " item" + (older === 1 ? "" : "s") + " from older versions of the roadmap " +
        (older === 1 ? "is" : "are") + " kept with your progress.";
      guideReader(content, cards);
    }

    var status = panel.querySelector(".rm-progress-panel__status");
    function say(message) { status.textContent = message; }

    function download(text, name) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Exported to " + name + ".");
    }
    panel.querySelector("[data-rm-action=export]").addEventListener("click", function () {
      download(JSON.stringify(loadProgress(), null, 2), "llm-roadmap-progress.json");
    });
    /* Progress that could not be read was set aside (store.js), never thrown away. */
    var backupButton = panel.querySelector("[data-rm-action=export-backup]");
    backupButton.hidden = store.backup() === null;
    backupButton.addEventListener("click", function () {
      download(store.backup() || "", "llm-roadmap-progress-unreadable.json");
    });

    var picker = panel.querySelector("input[type=file]");
    panel.querySelector("[data-rm-action=import]").addEventListener("click", function () {
      picker.click();
    });
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var imported;
        try { imported = rmStore.validate(JSON.parse(String(reader.result))); } catch (error) { imported = null; }
        if (!imported) {
          say("That file is not an LLM Roadmap progress export; nothing was changed.");
          return;
        }
        saveProgress(mergeProgress(loadProgress(), imported));
        render();
        say("Imported " + Object.keys(imported.done).length + " completed resources, " + quizAnswers(imported) + " quiz answers and " +
          Object.keys(imported.exercises || {}).length + " passed exercises.");
      };
      reader.readAsText(file);
      picker.value = "";
    });

    panel.querySelector("[data-rm-action=share]").addEventListener("click", function () {
      loadScript("javascripts/share.js").then(function () { window.rmShare.share(panel); });
    });

    /* Reset says what it would erase, and offers to keep the self-check results and the
       placement advice. */
    var reset = panel.querySelector(".rm-reset");
    function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
    panel.querySelector("[data-rm-action=reset]").addEventListener("click", function () {
      var progress = loadProgress();
      reset.querySelector(".rm-reset__what").textContent = "Progress only: " +
        plural(Object.keys(progress.done).length, "resource") + " marked done and " +
        plural(Object.keys(progress.exercises || {}).length, "passed exercise") + ". Everything: also " +
        plural(quizAnswers(progress), "quiz answer") + (progress.placement ? " and the placement quiz's advice" : "") +
        ". What do you want to reset?";
      reset.hidden = false;
      reset.querySelector("[data-rm-action=reset-cancel]").focus();
    });
    function resetWith(keepQuizzes) {
      var progress = loadProgress();
      var fresh = emptyProgress();
      if (keepQuizzes) {
        if (progress.quiz) fresh.quiz = progress.quiz;
        if (progress.placement) fresh.placement = progress.placement;
      }
      saveProgress(fresh);
      reset.hidden = true;
      render();
      say(keepQuizzes ? "Progress reset; self-check results and the placement advice were kept." : "Everything was reset.");
    }
    reset.querySelector("[data-rm-action=reset-progress]").addEventListener("click", function () { resetWith(true); });
    reset.querySelector("[data-rm-action=reset-everything]").addEventListener("click", function () { resetWith(false); });
    reset.querySelector("[data-rm-action=reset-cancel]").addEventListener("click", function () {
      reset.hidden = true;
      panel.querySelector("[data-rm-action=reset]").focus();
    });

    panel.hidden = false;
    document.addEventListener("rm-progress", function again() {
      if (!panel.isConnected) document.removeEventListener("rm-progress", again);
      else render();
    });
    render();
  }

  /* ---------- home page: where to go next ---------- */

  /* A chapter is taken when its self-check is fully answered or all its resources are done. */
  function taken(card, progress) {
    var ids = card.getAttribute("data-rm-ids").split(" ").filter(Boolean);
    var answers = (progress.quiz && progress.quiz[card.getAttribute("data-rm-quiz-key")]) || {};
    var questions = Number(card.getAttribute("data-rm-quiz-count"));
    return (questions > 0 && Object.keys(answers).length >= questions) || (ids.length > 0 && countDone(progress, ids) === ids.length);
  }

  /* The main button follows the reader: along the placement quiz's suggested path (else the
     nav's order), the first chapter not marked to skim and not yet taken; "Continue" once the
     reader has begun. The suggested path is named under it. */
  function guideReader(content, cards) {
    var button = content.querySelector(".rm-hero__go");
    var note = content.querySelector(".rm-hero__next");
    if (!button || !note) return;
    var progress = loadProgress();
    var placement = progress.placement || {};
    var skim = placement.skim || [];
    var byKey = {};
    cards.forEach(function (card) { byKey[card.getAttribute("data-rm-quiz-key")] = card; });
    var route = placement.path && content.querySelector('[data-rm-route="' + placement.path + '"]');
    var order = route ? route.getAttribute("data-rm-route-chapters").split(" ") : Object.keys(byKey);
    var next = order.map(function (key) { return byKey[key]; }).filter(function (card) {
      return card && skim.indexOf(card.getAttribute("data-rm-quiz-key")) < 0 && !taken(card, progress);
    })[0];
    var begun = Object.keys(progress.done).length || Object.keys(progress.quiz || {}).length || Object.keys(progress.exercises || {}).length;
    if (next) {
      button.textContent = (begun ? "Continue with " : "Start with ") + next.getAttribute("data-rm-title");
      button.href = next.querySelector(".rm-card__link").href;
    }
    var reviewLine = content.querySelector(".rm-hero__review");
    if (reviewLine) {
      var due = rmStore.due(progress, rmStore.today()).length;
      reviewLine.hidden = !due;
      reviewLine.querySelector("a").textContent = due + " question" + (due === 1 ? " is" : "s are") + " due for review";
    }
    note.hidden = !route;
    if (route) {
      note.textContent = "Your suggested path, from the placement quiz: " + route.textContent.trim() + ".";
    }
  }

  /* ---------- chapter pages: filters by type, level and year, kept in the URL ---------- */

  /* "Published since" offers the recent years the page's dated entries have; an entry without
     a year (living documentation, a course) is kept, since it has no publication to be old. */
  var RECENT_YEARS = 4;

  function selectedFromQuery(name) {
    var value = new URLSearchParams(window.location.search).get(name);
    return value ? value.split(",").filter(Boolean) : [];
  }

  function writeQuery(state) {
    var params = new URLSearchParams(window.location.search);
    /* Always in the same order, so one filtered view has one address. */
    ["type", "level", "since"].forEach(function (name) { params.delete(name); });
    ["type", "level", "since"].forEach(function (name) {
      if (state[name].length) params.set(name, state[name].join(","));
    });
    var query = params.toString().replace(/%2C/g, ",");
    window.history.replaceState(window.history.state, "",
      window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function recentYears(items) {
    var years = [];
    items.forEach(function (entry) {
      var year = entry.getAttribute("data-rm-year");
      if (year && years.indexOf(year) < 0) years.push(year);
    });
    return years.sort().reverse().slice(0, RECENT_YEARS);
  }

  function initFilters(content) {
    var items = entries(content);
    if (!items.length) return;
    var values = { type: [], level: [], since: recentYears(items) };
    items.forEach(function (entry) {
      ["type", "level"].forEach(function (name) {
        var value = entry.getAttribute("data-rm-" + name);
        if (values[name].indexOf(value) < 0) values[name].push(value);
      });
    });
    var state = {};
    ["type", "level", "since"].forEach(function (name) {
      state[name] = selectedFromQuery(name).filter(function (v) { return values[name].indexOf(v) >= 0; });
    });
    state.since = state.since.slice(0, 1);

    var bar = document.createElement("div");
    bar.className = "rm-filters";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Filter resources");
    var summary = document.createElement("p");
    summary.className = "rm-filters__summary";
    summary.setAttribute("aria-live", "polite");

    /* Each list of entries with the heading it sits under: a heading whose lists all filter
       out is hidden with them, and when nothing matches the page says so and offers a way back. */
    var lists = [];
    items.forEach(function (entry) { if (lists.indexOf(entry.parentNode) < 0) lists.push(entry.parentNode); });
    function headingOf(list) {
      var node = list.previousElementSibling;
      while (node && !/^H[23]$/.test(node.tagName)) node = node.previousElementSibling;
      return node;
    }
    var empty = document.createElement("p");
    empty.className = "rm-filters__empty";
    empty.hidden = true;
    empty.appendChild(document.createTextNode("Nothing matches these filters. "));
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button";
    clear.textContent = "Clear the filters";
    empty.appendChild(clear);
    var allChips = [];
    clear.addEventListener("click", function () {
      state.type = []; state.level = []; state.since = [];
      allChips.forEach(function (chip) { chip.setAttribute("aria-pressed", "false"); });
      apply();
      if (allChips.length) allChips[0].focus();
    });

    function recentEnough(entry) {
      var year = entry.getAttribute("data-rm-year");
      return !state.since.length || !year || Number(year) >= Number(state.since[0]);
    }

    function apply() {
      var shown = 0;
      items.forEach(function (entry) {
        var visible = recentEnough(entry) && ["type", "level"].every(function (name) {
          return !state[name].length || state[name].indexOf(entry.getAttribute("data-rm-" + name)) >= 0;
        });
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      var headings = [];
      lists.forEach(function (list) {
        list.hidden = !list.querySelector("li.rm-entry:not([hidden])");
        var heading = headingOf(list);
        if (heading && headings.indexOf(heading) < 0) headings.push(heading);
      });
      headings.forEach(function (heading) {
        heading.hidden = lists.every(function (list) { return headingOf(list) !== heading || list.hidden; });
      });
      empty.hidden = shown > 0;
      summary.textContent = (shown === items.length
        ? "Showing all " + items.length + " resources."
        : "Showing " + shown + " of " + items.length + " resources.") +
        (state.since.length ? " Undated ones, such as living documentation, are always shown." : "");
      writeQuery(state);
    }

    function chipGroup(name, title, single) {
      var group = document.createElement("div");
      group.className = "rm-filters__group";
      var label = document.createElement("span");
      label.className = "rm-filters__label";
      label.textContent = title + ":";
      group.appendChild(label);
      var chips = [];
      values[name].forEach(function (value) {
        var chip = document.createElement("button");
        chip.type = "button";
        chip.className = "rm-chip";
        chip.textContent = value;
        chip.setAttribute("data-rm-filter", name + ":" + value);
        chip.setAttribute("aria-pressed", String(state[name].indexOf(value) >= 0));
        chip.addEventListener("click", function () {
          var at = state[name].indexOf(value);
          if (at >= 0) state[name].splice(at, 1);
          else if (single) state[name] = [value];
          else state[name].push(value);
          chips.forEach(function (other) {
            var otherValue = other.getAttribute("data-rm-filter").split(":")[1];
            other.setAttribute("aria-pressed", String(state[name].indexOf(otherValue) >= 0));
          });
          apply();
        });
        chips.push(chip);
        allChips.push(chip);
        group.appendChild(chip);
      });
      bar.appendChild(group);
    }

    chipGroup("type", "Type", false);
    chipGroup("level", "Level", false);
    if (values.since.length) chipGroup("since", "Published since", true);
    bar.appendChild(summary);
    bar.appendChild(empty);

    var first = content.querySelector("#high-level-resources") || items[0].parentNode;
    first.parentNode.insertBefore(bar, first);
    apply();
  }

  /* ---------- since your last visit: entries added after it are marked ---------- */

  /* The last visit is a day (YYYY-MM-DD) kept on this device. The first page of a browsing
     session reads it as the baseline for the whole session (sessionStorage), then records today,
     so every page of one visit compares against the same previous visit. */
  var LAST_VISIT_KEY = "llm-roadmap.last-visit.v1";
  var BASELINE_KEY = "llm-roadmap.visit-baseline.v1";

  function previousVisit() {
    try {
      var baseline = window.sessionStorage.getItem(BASELINE_KEY);
      if (baseline === null) {
        baseline = window.localStorage.getItem(LAST_VISIT_KEY) || "";
        window.sessionStorage.setItem(BASELINE_KEY, baseline);
        window.localStorage.setItem(LAST_VISIT_KEY, new Date().toISOString().slice(0, 10));
      }
      return /^\d{4}-\d{2}-\d{2}$/.test(baseline) ? baseline : "";
    } catch (error) {
      return "";  /* storage disabled: every visit is a first visit */
    }
  }

  function addedSince(dates, since) {
    return dates.filter(function (day) { return day > since; }).length;
  }

  function markSinceLastVisit(content, since) {
    if (!since) return;
    entries(content).forEach(function (entry) {
      var added = entry.getAttribute("data-rm-added");
      if (!added || added <= since || entry.querySelector(".rm-since-visit")) return;
      var mark = document.createElement("span");
      mark.className = "rm-since-visit";
      mark.textContent = "added since your last visit";
      var link = entry.querySelector("a");
      link.parentNode.insertBefore(mark, link.nextSibling);
      link.parentNode.insertBefore(document.createTextNode(" "), mark);
    });
    var cards = Array.prototype.slice.call(content.querySelectorAll("[data-rm-added]:not(li.rm-entry)"));
    var total = 0;
    cards.forEach(function (card) {
      var count = addedSince(card.getAttribute("data-rm-added").split(" ").filter(Boolean), since);
      total += count;
      var line = card.querySelector(".rm-card__since-visit");
      if (line && count) {
        line.hidden = false;
        line.textContent = count + " added since your last visit";
      }
    });
    var banner = content.querySelector(".rm-since-visit-banner");
    if (banner && total) {
      banner.hidden = false;
      banner.querySelector(".rm-since-visit-banner__count").textContent =
        total + " resource" + (total === 1 ? " was" : "s were") + " added since your last visit on " + since + ".";
    }
  }

  /* ---------- the placement quiz's advice: chapters the reader may skim ---------- */

  function slugOfLink(link) {
    var path = link.getAttribute("href").split("#")[0].replace(/\/index\.html$|\/$/, "").replace(/\.html$/, "");
    return path.split("/").pop();
  }

  function markSkims(content) {
    var placement = loadProgress().placement;
    var skim = (placement && placement.skim) || [];
    /* The paths' tables are on the page that holds the placement quiz (Start here). */
    var tables = content.querySelector(".rm-quiz--placement") ? content.querySelectorAll("table td a") : [];
    Array.prototype.forEach.call(tables, function (link) {
      var row = link.closest("tr");
      var marked = row.querySelector(".rm-skim-mark");
      var wanted = skim.indexOf(slugOfLink(link)) >= 0;
      if (wanted && !marked) {
        var mark = document.createElement("span");
        mark.className = "rm-skim-mark";
        mark.textContent = "you may skim";
        link.parentNode.appendChild(mark);
      } else if (!wanted && marked) {
        marked.remove();
      }
    });
    Array.prototype.forEach.call(content.querySelectorAll(".rm-map__node"), function (node) {
      node.classList.toggle("is-skim-suggested", skim.indexOf(node.getAttribute("data-rm-map-chapter")) >= 0);
    });
  }
  document.addEventListener("rm-progress", function () {
    var content = document.querySelector(".md-content");
    if (content) markSkims(content);
  });

  /* ---------- scripts loaded on demand, from next to this one ---------- */

  var loading = {};

  /* The site's assets/ folder, wherever the site is served from (or opened from disk). */
  function assetsBase() {
    var own = document.querySelector('script[src*="assets/javascripts/roadmap.js"]');
    return own.src.replace(/javascripts\/roadmap\.js.*$/, "");
  }

  function loadScript(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = assetsBase() + path;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  /* ---------- wiring: once per page, including pages loaded by instant navigation ---------- */

  /* The scripts loaded only on some pages (quiz.js, map.js) set themselves up through this, so
     every page, first or swapped in by instant navigation, runs them once. Setups are
     idempotent: one registered after this page was set up runs at once. */
  var setups = {};

  function onPage(name, setup) {
    if (setups[name]) return;
    setups[name] = setup;
    var content = document.querySelector(".md-content");
    if (content && content.getAttribute("data-rm-ready")) setup(content);
  }

  window.rmSite = { onPage: onPage, loadScript: loadScript, assetsBase: assetsBase };

  /* Material's search dialog has no accessible name; screen readers announce it as "dialog". */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    nameSearchDialog();
    var content = document.querySelector(".md-content");
    if (!content || content.getAttribute("data-rm-ready")) return;
    content.setAttribute("data-rm-ready", "true");
    initChapter(content);
    initFilters(content);
    initHome(content);
    markSkims(content);
    if (window.location.hash.indexOf("progress=") >= 0) {
      loadScript("javascripts/share.js").then(function () { window.rmShare.offer(content); });
    }
    markSinceLastVisit(content, previousVisit());
    loadPracticeNearby(content);
    loadQuizAfterFirstPaint(content);
    if (content.querySelector(".rm-review")) {
      loadScript("javascripts/quiz.js").then(function () { return loadScript("javascripts/review.js"); });
    }
    Object.keys(setups).forEach(function (name) { setups[name](content); });
  }

  /* The quiz code (quiz.js) turns the questions at the end of a page into radio groups; the first
     paint does not need it, so it loads once the page is idle, or at once when a question takes
     focus. Without it every question still reads, with its answer folded. */
  /* A script for part of a page, loaded at once when something in that part takes focus. */
  function loaderOnFocus(content, selector, path) {
    var load = function () { loadScript(path); };
    content.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest(selector)) load();
    });
    return load;
  }

  function loadQuizAfterFirstPaint(content) {
    if (!content.querySelector(".rm-quiz:not(.rm-review__bank .rm-quiz)")) return;
    var load = loaderOnFocus(content, ".rm-quiz", "javascripts/quiz.js");
    var idle = function () { (window.requestIdleCallback || function (f) { setTimeout(f, 1); })(load, { timeout: 1500 }); };
    if (document.readyState === "complete") idle(); else window.addEventListener("load", idle, { once: true });
  }

  /* The exercises' editor (practice.js) sits near the end of a chapter: it loads when the
     Practice section comes within a screen or two, or takes keyboard focus, not with the page. */
  function loadPracticeNearby(content) {
    if (!content.querySelector(".rm-exercise")) return;
    var load = loaderOnFocus(content, ".rm-exercise", "javascripts/practice.js");
    if (!("IntersectionObserver" in window)) { load(); return; }
    var watcher = new IntersectionObserver(function (seen) {
      if (seen.some(function (s) { return s.isIntersecting; })) { watcher.disconnect(); load(); }
    }, { rootMargin: "1200px 0px" });
    Array.prototype.forEach.call(content.querySelectorAll(".rm-exercise"), function (box) { watcher.observe(box); });
  }

  /* Material's document$ announces every page that instant navigation swaps in, but it stays
     silent on file:// pages; the first page is therefore also set up on load. init() is
     idempotent, so a page announced both ways is set up once. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
