/* LLM Roadmap reader features: progress tracking and resource filters.
 *
 * Everything here enhances markup that already reads correctly without JavaScript: resource
 * entries are plain list items carrying data-rm-* attributes (added at build time), and
 * nothing is hidden until this script decides to hide it.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "llm-roadmap.progress.v1";
  var EXPORT_FORMAT = "llm-roadmap-progress";

  /* ---------- storage ---------- */

  function emptyProgress() {
    return { format: EXPORT_FORMAT, version: 1, done: {} };
  }

  function loadProgress() {
    try {
      var parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      return isProgress(parsed) ? parsed : emptyProgress();
    } catch (error) {
      return emptyProgress();
    }
  }

  function saveProgress(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch (error) {
      /* Storage can be full or disabled; progress then lasts for this page only. */
    }
  }

  function isProgress(value) {
    return !!value && value.format === EXPORT_FORMAT && value.version === 1 &&
      typeof value.done === "object" && value.done !== null && !Array.isArray(value.done);
  }

  /* Only ids that exist on the page count: removed resources are ignored, new ones start undone. */
  function countDone(progress, ids) {
    return ids.filter(function (id) { return progress.done[id]; }).length;
  }

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
      cards.forEach(function (card) {
        var ids = card.getAttribute("data-rm-ids").split(" ").filter(Boolean);
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
      });
      panel.querySelector(".rm-progress-panel__total").textContent =
        "You have done " + done + " of " + total + " resources.";
    }

    var status = panel.querySelector(".rm-progress-panel__status");
    function say(message) { status.textContent = message; }

    panel.querySelector("[data-rm-action=export]").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(loadProgress(), null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "llm-roadmap-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Progress exported to llm-roadmap-progress.json.");
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
        try { imported = JSON.parse(String(reader.result)); } catch (error) { imported = null; }
        if (!isProgress(imported)) {
          say("That file is not an LLM Roadmap progress export; nothing was changed.");
          return;
        }
        var merged = loadProgress();
        Object.keys(imported.done).forEach(function (id) {
          if (typeof imported.done[id] === "string") merged.done[id] = imported.done[id];
        });
        saveProgress(merged);
        render();
        say("Imported " + Object.keys(imported.done).length + " completed resources.");
      };
      reader.readAsText(file);
      picker.value = "";
    });

    panel.querySelector("[data-rm-action=reset]").addEventListener("click", function () {
      if (!window.confirm("Reset your progress? Every resource will be marked as not done.")) return;
      saveProgress(emptyProgress());
      render();
      say("Progress reset.");
    });

    panel.hidden = false;
    render();
  }

  /* ---------- chapter pages: filters by type and level, kept in the URL ---------- */

  function selectedFromQuery(name) {
    var value = new URLSearchParams(window.location.search).get(name);
    return value ? value.split(",").filter(Boolean) : [];
  }

  function writeQuery(state) {
    var params = new URLSearchParams(window.location.search);
    ["type", "level"].forEach(function (name) {
      if (state[name].length) params.set(name, state[name].join(","));
      else params.delete(name);
    });
    var query = params.toString().replace(/%2C/g, ",");
    window.history.replaceState(window.history.state, "",
      window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function initFilters(content) {
    var items = entries(content);
    if (!items.length) return;
    var values = { type: [], level: [] };
    items.forEach(function (entry) {
      ["type", "level"].forEach(function (name) {
        var value = entry.getAttribute("data-rm-" + name);
        if (values[name].indexOf(value) < 0) values[name].push(value);
      });
    });
    var state = {
      type: selectedFromQuery("type").filter(function (v) { return values.type.indexOf(v) >= 0; }),
      level: selectedFromQuery("level").filter(function (v) { return values.level.indexOf(v) >= 0; })
    };

    var bar = document.createElement("div");
    bar.className = "rm-filters";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Filter resources");
    var summary = document.createElement("p");
    summary.className = "rm-filters__summary";
    summary.setAttribute("aria-live", "polite");

    function apply() {
      var shown = 0;
      items.forEach(function (entry) {
        var visible = ["type", "level"].every(function (name) {
          return !state[name].length || state[name].indexOf(entry.getAttribute("data-rm-" + name)) >= 0;
        });
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      summary.textContent = shown === items.length
        ? "Showing all " + items.length + " resources."
        : "Showing " + shown + " of " + items.length + " resources.";
      writeQuery(state);
    }

    [["type", "Type"], ["level", "Level"]].forEach(function (pair) {
      var name = pair[0];
      var group = document.createElement("div");
      group.className = "rm-filters__group";
      var label = document.createElement("span");
      label.className = "rm-filters__label";
      label.textContent = pair[1] + ":";
      group.appendChild(label);
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
          else state[name].push(value);
          chip.setAttribute("aria-pressed", String(at < 0));
          apply();
        });
        group.appendChild(chip);
      });
      bar.appendChild(group);
    });
    bar.appendChild(summary);

    var first = content.querySelector("#high-level-resources") || items[0].parentNode;
    first.parentNode.insertBefore(bar, first);
    apply();
  }

  /* ---------- wiring: once per page, including pages loaded by instant navigation ---------- */

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
