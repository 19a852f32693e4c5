/* LLM Roadmap quizzes: the self-check at the end of a chapter and the placement quiz on Start
 * here. roadmap.js loads it on pages that have a quiz, once the first paint is done.
 *
 * Without this script every question is still readable, with its answer folded under it. With
 * it, each question becomes a group of radio buttons. Arrow keys only move between options; a
 * click, Space or Enter answers. The first answer to each question is the one scored: it says
 * right or wrong, opens the explanation and updates the score; a later choice is practice and is
 * shown as such, until "Try again" starts a new attempt. Results are kept with the reader's
 * progress (the same storage, export, import, share link and reset: window.rmProgress).
 */
(function () {
  "use strict";

  var LETTERS = "ABCDEFGH";

  var store = window.rmProgress;

  function results(progress, key) {
    if (key === "placement") {
      progress.placement = progress.placement || { answers: {} };
      return progress.placement.answers;
    }
    progress.quiz = progress.quiz || {};
    progress.quiz[key] = progress.quiz[key] || {};
    return progress.quiz[key];
  }

  var SKIM_EVIDENCE = 2;  /* right answers, and no wrong one, before a chapter may be skimmed */

  function recommend(quiz, answers) {
    /* The rule Start here states: fewer than 3 in 4 foundation answers right -> the full path;
       else all core answers right but at most one -> the researcher's path; else the fast track.
       A chapter may be skimmed when at least two questions on it were answered, all right: one
       lucky guess (one in four) is not enough. Foundations are the chapters of the nav's first
       part. */
    var found = { right: 0, total: 0 };
    var core = { right: 0, total: 0 };
    var byChapter = {};
    quiz.questions.forEach(function (q) {
      var chapter = q.getAttribute("data-rm-quiz-chapter");
      var result = answers[q.getAttribute("data-rm-question")];
      var tally = q.getAttribute("data-rm-quiz-part") === "1" ? found : core;
      tally.total += 1;
      if (result && result.right) tally.right += 1;
      var seen = byChapter[chapter] || { right: 0, wrong: 0 };
      if (result && result.right) seen.right += 1; else seen.wrong += 1;
      byChapter[chapter] = seen;
    });
    var path = found.right < Math.ceil(found.total * 0.75) ? "the-full-path" :
      core.right >= core.total - 1 ? "researchers-path" : "practitioners-fast-track";
    var skim = Object.keys(byChapter).filter(function (c) {
      return byChapter[c].right >= SKIM_EVIDENCE && byChapter[c].wrong === 0;
    });
    return { path: path, skim: skim };
  }

  /* A question becomes a group of radio buttons (the options stay a list; the question's text
     names the group), with its feedback line under the options, which it returns. A click
     (mouse or touch), Space or Enter answers; arrow keys only move. Chrome also "clicks" a radio
     that arrow keys select: the key behind a click is remembered until just after its keyup,
     when any click it causes has happened. Shared with the Review page (review.js). */
  function choices(q, name, textId, answer) {
    var text = q.querySelector(".rm-quiz__text");
    var group = q.querySelector(".rm-quiz__options");
    q.setAttribute("role", "radiogroup");
    text.id = text.id || textId;
    q.setAttribute("aria-labelledby", text.id);
    var lastKey = null;
    Array.prototype.forEach.call(q.querySelectorAll(".rm-quiz__options > li"), function (option, index) {
      var input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.id = name + "-" + index;
      input.value = String(index);
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.className = "rm-quiz__choice";
      while (option.firstChild) label.appendChild(option.firstChild);
      option.appendChild(input);
      option.appendChild(label);
      input.addEventListener("keydown", function (event) {
        lastKey = event.key;
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          answer(index);
          lastKey = "answered";
        }
      });
      input.addEventListener("keyup", function () {
        setTimeout(function () { lastKey = null; }, 0);
      });
      input.addEventListener("click", function () {
        var skip = /^Arrow/.test(lastKey || "") || lastKey === "answered";
        if (!skip) answer(index);
      });
    });
    var feedback = document.createElement("p");
    feedback.className = "rm-quiz__feedback";
    feedback.setAttribute("aria-live", "polite");
    group.parentNode.insertBefore(feedback, group.nextSibling);
    return feedback;
  }

  function initQuiz(root) {
    if (root.getAttribute("data-rm-ready")) return;
    root.setAttribute("data-rm-ready", "true");
    var key = root.getAttribute("data-rm-quiz");
    var questions = Array.prototype.slice.call(root.querySelectorAll(".rm-quiz__question"));
    var quiz = { key: key, questions: questions };
    var score = document.createElement("p");
    score.className = "rm-quiz__score";
    score.setAttribute("role", "status");
    root.appendChild(score);
    var outcome = null;
    if (key === "placement") {
      outcome = document.createElement("div");
      outcome.className = "rm-quiz__outcome";
      outcome.hidden = true;
      root.appendChild(outcome);
    }
    var retake = document.createElement("button");
    retake.type = "button";
    retake.className = "md-button rm-quiz__retake";
    retake.textContent = key === "placement" ? "Retake the placement quiz" : "Try again";
    root.appendChild(retake);
    var how = document.createElement("p");
    how.className = "rm-quiz__how";
    how.textContent = "Click an option, or move with the arrow keys and answer with Space or Enter. Your first answer to each question is scored; later choices are practice.";
    root.insertBefore(how, root.firstChild);

    function show() {
      var progress = store.load();
      var answers = results(progress, key);
      var answered = 0;
      var right = 0;
      questions.forEach(function (q) {
        var result = answers[q.getAttribute("data-rm-question")];
        var feedback = q.querySelector(".rm-quiz__feedback");
        var inputs = q.querySelectorAll("input[type=radio]");
        /* Answers stored before options were shuffled at build time hold the old position: a
           choice that disagrees with its own right/wrong is shown by what is known, not by it. */
        if (result && result.right !== (result.choice === Number(q.getAttribute("data-rm-answer")))) {
          result = { choice: result.right ? Number(q.getAttribute("data-rm-answer")) : -1, right: result.right };
        }
        Array.prototype.forEach.call(inputs, function (input, index) {
          input.checked = !!result && result.choice === index;
        });
        if (result) {
          answered += 1;
          if (result.right) right += 1;
          var answer = Number(q.getAttribute("data-rm-answer"));
          var tried = practice[q.getAttribute("data-rm-question")];
          if (tried !== undefined && tried !== result.choice) {
            Array.prototype.forEach.call(inputs, function (input, index) { input.checked = index === tried; });
            feedback.textContent = "Practice: " + (tried === answer ? "right" : "not quite") + ". Your scored answer stays " +
              (result.choice >= 0 ? LETTERS[result.choice] : "a wrong one") + (result.right ? " (right)." : "; the answer is " + LETTERS[answer] + ".");
            feedback.className = "rm-quiz__feedback is-practice";
          } else {
            feedback.textContent = result.right ? "Right." : "Not quite: the answer is " + LETTERS[answer] + ".";
            feedback.className = "rm-quiz__feedback " + (result.right ? "is-right" : "is-wrong");
          }
          q.querySelector("details").open = true;
        } else {
          feedback.textContent = "";
          feedback.className = "rm-quiz__feedback";
        }
      });
      score.textContent = answered ? right + " of " + questions.length + " right" +
        (answered < questions.length ? " (" + answered + " of " + questions.length + " answered)" : "") : "";
      retake.hidden = !answered;
      if (outcome) showOutcome(progress, answered === questions.length);
    }

    function showOutcome(progress, complete) {
      outcome.hidden = !complete;
      if (!complete) return;
      var advice = recommend(quiz, progress.placement.answers);
      var changed = !progress.placement.path || progress.placement.path !== advice.path ||
        String(progress.placement.skim) !== String(advice.skim);
      if (changed) {
        progress.placement.path = advice.path;
        progress.placement.skim = advice.skim;
        store.save(progress);
      }
      var heading = document.getElementById(advice.path);
      var title = heading ? heading.textContent.replace(/\s*¶\s*$/, "") : advice.path;
      var names = advice.skim.map(function (slug) {
        var q = root.querySelector('[data-rm-quiz-chapter="' + slug + '"] .rm-quiz__about a');
        return q ? q.textContent : slug;
      });
      outcome.textContent = "";
      var lead = document.createElement("p");
      lead.appendChild(document.createTextNode("Suggested path: "));
      var link = document.createElement("a");
      link.href = "#" + advice.path;
      link.textContent = title;
      lead.appendChild(link);
      lead.appendChild(document.createTextNode("."));
      outcome.appendChild(lead);
      var skim = document.createElement("p");
      skim.textContent = names.length ?
        "You may skim: " + names.join(", ") + ". These chapters are marked on the home page, on the map and in the paths below." :
        "No chapter to skim yet: take each one in the path.";
      outcome.appendChild(skim);
    }

    var practice = {};  /* choices made after a question's scored answer: shown, never stored */

    /* Native radios select on arrow keys; only a click, Space or Enter is an answer. */
    function answerWith(q, qid, index) {
      var progress = store.load();
      var answers = results(progress, key);
      if (answers[qid]) {
        practice[qid] = index;
      } else {
        answers[qid] = { choice: index, right: index === Number(q.getAttribute("data-rm-answer")) };
        /* A self-check answer joins the spaced review (the Review page brings it back). */
        if (key !== "placement") window.rmStore.schedule(progress, key, qid, answers[qid].right, window.rmStore.today());
        store.save(progress);
      }
      show();
    }

    questions.forEach(function (q, number) {
      var qid = q.getAttribute("data-rm-question");
      choices(q, key + "-" + qid, key + "-text-" + (number + 1), function (index) { answerWith(q, qid, index); });
    });

    retake.addEventListener("click", function () {
      var progress = store.load();
      if (key === "placement") delete progress.placement;
      else if (progress.quiz) delete progress.quiz[key];
      store.save(progress);
      practice = {};
      questions.forEach(function (q) { q.querySelector("details").open = false; });
      show();
      score.textContent = "A new attempt: your earlier answers were cleared, and your first answer to each question counts again.";
    });
    root.classList.add("rm-quiz--live");
    show();
  }

  window.rmQuiz = { choices: choices };

  /* roadmap.js loads this file, then runs this on each page with a quiz. */
  window.rmSite.onPage("quiz", function (content) {
    /* The Review page's hidden bank holds every self-check: review.js shows those, one by one. */
    Array.prototype.forEach.call(content.querySelectorAll(".rm-quiz:not(.rm-review__bank .rm-quiz)"), initQuiz);
  });
})();
