/* LLM Roadmap reader features: progress tracking, resource filters, and what was added since
 * the reader's last visit.
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
    document.dispatchEvent(new CustomEvent("rm-progress"));
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
        group.appendChild(chip);
      });
      bar.appendChild(group);
    }

    chipGroup("type", "Type", false);
    chipGroup("level", "Level", false);
    if (values.since.length) chipGroup("since", "Published since", true);
    bar.appendChild(summary);

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

  /* ---------- the map: progress per chapter, a path's route, a chapter's arrows ---------- */

  function initMap(content) {
    var map = content.querySelector(".rm-map");
    if (!map) return;
    var nodes = Array.prototype.slice.call(map.querySelectorAll(".rm-map__node"));
    var edges = Array.prototype.slice.call(map.querySelectorAll(".rm-map__edges path"));

    function idsOf(node) {
      var own = node.getAttribute("data-rm-map-ids");
      if (own !== null) return own.split(" ").filter(Boolean);
      /* On the home page the chapter's card already lists its resources. */
      var url = node.getAttribute("data-rm-chapter-url");
      var card = Array.prototype.filter.call(content.querySelectorAll(".rm-card"), function (c) {
        return c.getAttribute("data-rm-chapter") === url;
      })[0];
      return card ? card.getAttribute("data-rm-ids").split(" ").filter(Boolean) : [];
    }

    function render() {
      if (!map.isConnected) {
        document.removeEventListener("rm-progress", render);
        return;
      }
      var progress = loadProgress();
      nodes.forEach(function (node) {
        var ids = idsOf(node);
        var done = countDone(progress, ids);
        var box = node.querySelector(".rm-map__box");
        var full = Number(box.getAttribute("width")) - 12;
        node.querySelector(".rm-map__bar").setAttribute("width", String(Math.round(full * done / Math.max(ids.length, 1))));
        node.classList.toggle("rm-map__node--started", done > 0 && done < ids.length);
        node.classList.toggle("rm-map__node--done", ids.length > 0 && done === ids.length);
        var about = node.querySelector("desc");
        if (!about.hasAttribute("data-rm-text")) about.setAttribute("data-rm-text", about.textContent);
        about.textContent = about.getAttribute("data-rm-text") + (ids.length ? " " + done + " of " + ids.length + " resources done." : "");
      });
    }

    function near(slug, on) {
      edges.forEach(function (edge) {
        if (edge.getAttribute("data-rm-from") === slug || edge.getAttribute("data-rm-to") === slug) {
          edge.classList.toggle("is-near", on);
        }
      });
    }
    nodes.forEach(function (node) {
      var slug = node.getAttribute("data-rm-map-chapter");
      ["mouseenter", "focus"].forEach(function (type) { node.addEventListener(type, function () { near(slug, true); }); });
      ["mouseleave", "blur"].forEach(function (type) { node.addEventListener(type, function () { near(slug, false); }); });
    });

    var chooser = map.querySelector(".rm-map__routes");
    if (chooser) {
      var buttons = Array.prototype.slice.call(chooser.querySelectorAll("button"));
      buttons.forEach(function (button) {
        button.addEventListener("click", function () {
          var on = button.getAttribute("aria-pressed") !== "true";
          buttons.forEach(function (other) { other.setAttribute("aria-pressed", "false"); });
          button.setAttribute("aria-pressed", String(on));
          var route = on ? button.getAttribute("data-rm-route-chapters").split(" ") : [];
          var skim = on ? button.getAttribute("data-rm-route-skim").split(" ") : [];
          map.classList.toggle("rm-map--route", on);
          nodes.forEach(function (node) {
            var slug = node.getAttribute("data-rm-map-chapter");
            node.classList.toggle("is-on-route", route.indexOf(slug) >= 0);
            node.classList.toggle("is-skimmed", skim.indexOf(slug) >= 0);
          });
          edges.forEach(function (edge) {
            edge.classList.toggle("is-on-route", route.indexOf(edge.getAttribute("data-rm-from")) >= 0 &&
              route.indexOf(edge.getAttribute("data-rm-to")) >= 0);
          });
        });
      });
      chooser.hidden = false;
    }
    /* A phone shows part of the drawing: start from its middle, where the first chapter is. */
    var frame = map.querySelector(".rm-map__frame");
    if (frame && frame.scrollWidth > frame.clientWidth) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
    document.addEventListener("rm-progress", render);
    render();
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
    initMap(content);
    markSinceLastVisit(content, previousVisit());
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
