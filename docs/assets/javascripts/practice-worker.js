/* LLM Roadmap: runs an exercise's tests in Pyodide, off the page's thread, so the page can end
 * a run that never stops by terminating this worker. A module worker: Pyodide supports no other.
 * Messages are {type, data}:
 *   in:  {type: "run", data: {source, code, urls: {pyodide, harness}}}: the exercise's file and
 *        the editor's code, which the grader (harness.py) puts between the file's markers
 *   out: {type: "running"} once Python is loaded and the tests start (the time limit starts then),
 *        {type: "result", data: [{name, status, message}, ...]}, or {type: "failed", data: message}.
 */
"use strict";

var grader = null;

function boot(urls) {
  return import(urls.pyodide + "pyodide.mjs").then(function (module) {
    return module.loadPyodide({ indexURL: urls.pyodide });
  }).then(function (pyodide) {
    return fetch(urls.harness).then(function (response) {
      if (!response.ok) throw new Error("the grader could not be loaded (" + response.status + ")");
      return response.text();
    }).then(function (source) {
      pyodide.FS.writeFile("harness.py", source);
      return pyodide.pyimport("harness").grade_exercise_json;
    });
  });
}

self.onmessage = function (event) {
  var message = event.data;
  if (!message || message.type !== "run") return;
  grader = grader || boot(message.data.urls);
  grader.then(function (gradeExercise) {
    self.postMessage({ type: "running" });
    self.postMessage({ type: "result", data: JSON.parse(gradeExercise(message.data.source, message.data.code)) });
  }).catch(function (error) {
    grader = null;
    self.postMessage({ type: "failed", data: String(error && error.message || error) });
  });
};
