/* LLM Roadmap: the Practice section of a chapter (built by scripts/exercises/render.py), loaded
 * by roadmap.js when that section comes near (it is not part of a chapter's first load). Each
 * exercise's starter code becomes an editor whose draft stays in this browser; "Run tests" grades
 * it with the exercise's own tests in Pyodide, inside one Web Worker created on the first run
 * (practice-worker.js), with a time limit and a Stop button that end the worker. Passing every
 * test marks the exercise done in the reader's progress (window.rmProgress).
 * Without JavaScript the statement, the starter and the download are all there.
 */
(function () {
  "use strict";

  var TIME_LIMIT_MS = 10000;
  var DRAFTS_KEY = "llm-roadmap.drafts.v1";
  var assetsBase = window.rmSite.assetsBase;

  /* ---------- drafts: kept apart from progress, which travels in links and stays small ---------- */

  function drafts() {
    try { return JSON.parse(window.localStorage.getItem(DRAFTS_KEY) || "{}") || {}; } catch (error) { return {}; }
  }

  function saveDraft(id, code) {
    var all = drafts();
    if (code === null) delete all[id]; else all[id] = code;
    try { window.localStorage.setItem(DRAFTS_KEY, JSON.stringify(all)); } catch (error) { /* full or blocked: the draft lives in the page */ }
  }

  /* ---------- the runner: one worker for every exercise, ended by Stop or the time limit ---------- */

  var runner = window.rmPracticeRunner || (window.rmPracticeRunner = { worker: null, pending: null, files: {} });

  function stop(reason) {
    if (runner.worker) runner.worker.terminate();
    runner.worker = null;
    var pending = runner.pending;
    runner.pending = null;
    if (pending) { clearTimeout(pending.timer); pending.done({ stopped: reason }); }
  }

  function run(source, code, done) {
    if (runner.pending) stop("another run started");
    if (!runner.worker) runner.worker = new Worker(assetsBase() + "javascripts/practice-worker.js", { type: "module" });
    var pending = runner.pending = { done: done, timer: null };
    runner.worker.onmessage = function (event) {
      if (runner.pending !== pending) return;
      var message = event.data;
      if (message.type === "running") {
        pending.timer = setTimeout(function () { stop("time"); }, TIME_LIMIT_MS);
        return;
      }
      clearTimeout(pending.timer);
      runner.pending = null;
      done(message.type === "result" ? { outcomes: message.data } : { error: message.data });
    };
    runner.worker.onerror = function (event) {
      event.preventDefault();
      stop("error");
    };
    var base = assetsBase();
    runner.worker.postMessage({ type: "run", data: { source: source, code: code, urls: { pyodide: base + "pyodide/", harness: base + "javascripts/practice/harness.py" } } });
  }

  /* The file the learner downloads holds the tests; the grader puts the editor's code in it. */
  function exerciseFile(url) {
    runner.files[url] = runner.files[url] || fetch(url).then(function (response) {
      if (!response.ok) throw new Error("the exercise's file could not be loaded (" + response.status + ")");
      return response.text();
    });
    return runner.files[url];
  }

  /* ---------- one exercise ---------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showOutcomes(list, outcomes) {
    list.textContent = "";
    outcomes.forEach(function (outcome) {
      var ok = outcome.status === "passed";
      var item = element("li", "rm-exercise__test rm-exercise__test--" + (ok ? "passed" : "failed"));
      item.appendChild(element("span", "rm-exercise__mark", ok ? "\u2713 passed" : "\u2717 " + outcome.status));
      item.appendChild(element("code", "", outcome.name));
      if (outcome.message) item.appendChild(element("span", "rm-exercise__message", outcome.message));
      list.appendChild(item);
    });
  }

  function offlineHelp(status, download) {
    status.textContent = "";
    status.appendChild(document.createTextNode("Browsers do not run Python from a page opened from disk. Two ways work: "));
    var link = element("a", "", "download " + download.getAttribute("download"));
    link.href = download.href;
    link.setAttribute("download", download.getAttribute("download"));
    status.appendChild(link);
    status.appendChild(document.createTextNode(" and run python " + download.getAttribute("download") +
      ", or serve this folder with python -m http.server and open http://localhost:8000/."));
  }

  function markPassed(id, passed) {
    var progress = window.rmProgress.load();
    if (passed && window.rmStore.pass(progress, id, new Date().toISOString())) window.rmProgress.save(progress);
  }

  function showPassed(badge, id) {
    var when = (window.rmProgress.load().exercises || {})[id];
    badge.hidden = !when;
    badge.textContent = when ? "\u2713 Passed on " + when.slice(0, 10) : "";
  }

  function mountExercise(box) {
    var id = box.getAttribute("data-rm-exercise");
    var starterBlock = box.querySelector("pre.rm-exercise__starter");
    var download = box.querySelector(".rm-exercise__download a");
    if (!starterBlock || !download || box.querySelector("textarea")) return;
    var starter = starterBlock.textContent;
    var title = box.previousElementSibling ? box.previousElementSibling.textContent.replace(/\u00b6$/, "").trim() : id;

    var editorId = "rm-editor-" + id.replace(/[^a-z0-9]+/gi, "-");
    var label = element("label", "rm-exercise__label", "Your code for \u201c" + title + "\u201d (Tab indents; Esc leaves the editor)");
    label.htmlFor = editorId;
    var editor = element("textarea", "rm-exercise__editor");
    editor.id = editorId;
    editor.spellcheck = false;
    editor.setAttribute("autocapitalize", "off");
    editor.setAttribute("autocomplete", "off");
    editor.value = drafts()[id] || starter;
    editor.rows = Math.min(Math.max(editor.value.split("\n").length + 2, 8), 30);

    var bar = element("div", "rm-exercise__actions");
    var runButton = element("button", "md-button md-button--primary", "Run tests");
    var stopButton = element("button", "md-button", "Stop");
    var resetButton = element("button", "md-button", "Reset to starter");
    [runButton, stopButton, resetButton].forEach(function (b) { b.type = "button"; bar.appendChild(b); });
    stopButton.disabled = true;
    var badge = element("span", "rm-exercise__passed");
    bar.appendChild(badge);
    var status = element("p", "rm-exercise__status");
    status.setAttribute("role", "status");
    var list = element("ul", "rm-exercise__results");

    starterBlock.hidden = true;
    starterBlock.parentNode.insertBefore(label, starterBlock);
    [editor, bar, status, list].reverse().forEach(function (node) { starterBlock.parentNode.insertBefore(node, label.nextSibling); });
    showPassed(badge, id);

    var saving = null;
    editor.addEventListener("input", function () {
      clearTimeout(saving);
      saving = setTimeout(function () { saveDraft(id, editor.value === starter ? null : editor.value); }, 300);
    });
    editor.addEventListener("keydown", function (event) {
      if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end");
        editor.dispatchEvent(new Event("input"));
      } else if (event.key === "Escape") {
        runButton.focus();
      }
    });

    function finish(result) {
      runButton.disabled = false;
      stopButton.disabled = true;
      box.removeAttribute("aria-busy");
      if (result.stopped) {
        list.textContent = "";
        status.textContent = result.stopped === "time" ?
          "Stopped after " + TIME_LIMIT_MS / 1000 + " seconds: look for a loop that never ends." :
          result.stopped === "error" ? "Python could not start in this browser." : "Stopped.";
        return;
      }
      if (result.error) {
        list.textContent = "";
        status.textContent = "The tests could not run: " + result.error;
        return;
      }
      var outcomes = result.outcomes;
      var good = outcomes.filter(function (o) { return o.status === "passed"; }).length;
      var all = good === outcomes.length && good > 0;
      status.textContent = all ? "All " + good + " tests pass. Well done!" : good + " of " + outcomes.length + " tests pass.";
      showOutcomes(list, outcomes);
      markPassed(id, all);
      showPassed(badge, id);
    }

    runButton.addEventListener("click", function () {
      if (window.location.protocol === "file:") { offlineHelp(status, download); return; }
      runButton.disabled = true;
      stopButton.disabled = false;
      box.setAttribute("aria-busy", "true");
      status.textContent = runner.worker ? "Running the tests\u2026" : "Loading Python (about 6 MB, once)\u2026";
      list.textContent = "";
      var code = editor.value;
      exerciseFile(download.href).then(function (source) { run(source, code, finish); }, function (error) { finish({ error: error.message }); });
    });
    stopButton.addEventListener("click", function () { stop("stopped"); });
    resetButton.addEventListener("click", function () {
      if (editor.value !== starter && !window.confirm("Replace your code with the starter?")) return;
      editor.value = starter;
      saveDraft(id, null);
    });
  }

  window.rmSite.onPage("practice", function (content) {
    Array.prototype.forEach.call(content.querySelectorAll(".rm-exercise[data-rm-exercise]"), mountExercise);
  });
})();
