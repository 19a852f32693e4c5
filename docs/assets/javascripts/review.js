/* LLM Roadmap: the Review page. Its hidden bank holds every chapter's self-check (built by
 * overrides/hooks/review.py); this shows, one at a time, the answered questions that the reader's
 * spaced-review schedule says are due today (store.js: schedule, due), as radio groups made the
 * self-checks' way (quiz.js: rmQuiz.choices). The explanation opens and the question moves box:
 * right, further apart (1, 3, 7, 21 days); wrong, back to tomorrow. Loaded by roadmap.js, after
 * quiz.js, on that page only.
 */
(function () {
  "use strict";

  var LETTERS = "ABCDEFGH";
  var store = window.rmProgress, rm = window.rmStore;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setup(content) {
    var root = content.querySelector(".rm-review");
    var bank = content.querySelector(".rm-review__bank");
    if (!root || !bank || root.getAttribute("data-rm-ready")) return;
    root.setAttribute("data-rm-ready", "true");
    var status = root.querySelector(".rm-review__status");
    var stage = element("div", "rm-review__stage");
    root.appendChild(stage);

    function source(item) {
      return bank.querySelector('[data-rm-quiz="' + item.key + '"] [data-rm-question="' + item.qid + '"]');
    }

    function ask(item, remaining) {
      var from = source(item).closest(".rm-review__chapter").querySelector(".rm-review__from").cloneNode(true);
      var q = source(item).cloneNode(true);
      q.removeAttribute("id");
      var answer = Number(q.getAttribute("data-rm-answer"));
      var answered = false;
      var feedback = window.rmQuiz.choices(q, "rm-review-choice", "rm-review-question", function (index) {
        if (answered) return;
        answered = true;
        q.querySelectorAll("input")[index].checked = true;
        var right = index === answer;
        var progress = store.load();
        var next = rm.schedule(progress, item.key, item.qid, right, rm.today());
        store.save(progress);
        feedback.textContent = (right ? "Right. " : "Not quite: the answer is " + LETTERS[answer] + ". ") +
          "It comes back on " + next.due + ".";
        feedback.className = "rm-quiz__feedback " + (right ? "is-right" : "is-wrong");
        q.querySelector("details").open = true;
        Array.prototype.forEach.call(q.querySelectorAll("input"), function (input) { input.disabled = true; });
        var more = element("button", "md-button md-button--primary", remaining > 1 ? "Next question" : "Finish");
        more.type = "button";
        more.addEventListener("click", show);
        stage.appendChild(more);
        more.focus();
      });
      stage.appendChild(from);
      stage.appendChild(q);
      var first = q.querySelector("input");
      if (first) first.focus();
    }

    function show() {
      var progress = store.load();
      var day = rm.today();
      var due = rm.due(progress, day).filter(source);
      stage.textContent = "";
      if (due.length) {
        status.textContent = due.length + " question" + (due.length === 1 ? "" : "s") + " due today.";
        ask(due[0], due.length);
        return;
      }
      var later = [];
      Object.keys(progress.review || {}).forEach(function (key) {
        Object.keys(progress.review[key]).forEach(function (qid) { later.push(progress.review[key][qid].due); });
      });
      later.sort();
      status.textContent = later.length ? "Nothing is due today. The next question comes back on " + later[0] + "." :
        "Nothing to review yet: answer a chapter's self-check, and its questions come back here.";
    }

    show();
  }

  window.rmSite.onPage("review", setup);
})();
