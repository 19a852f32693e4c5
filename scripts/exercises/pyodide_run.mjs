// Grades programs in Pyodide under Node, loading it once for all of them: the same Python the
// page runs, from the pinned npm package, with no network.
//   node scripts/exercises/pyodide_run.mjs HARNESS.py < [{"label": ..., "program": ...}, ...]
// prints [{"label": ..., "outcomes": [...]}, ...] and the load and run times on stderr.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");
const harness = readFileSync(process.argv[2], "utf8");
const jobs = JSON.parse(readFileSync(0, "utf8"));

const started = performance.now();
const pyodide = await loadPyodide({ indexURL: dirname(require.resolve("pyodide/package.json")) + "/" });
const loaded = performance.now();
// Imported as a module, as the page's worker does, so its command-line part stays idle.
pyodide.FS.writeFile("harness.py", harness);
const gradeJson = pyodide.pyimport("harness").grade_json;
const results = jobs.map(({ label, program }) => ({ label, outcomes: JSON.parse(gradeJson(program)) }));
const finished = performance.now();
process.stderr.write(`pyodide ${pyodide.version}: loaded in ${((loaded - started) / 1000).toFixed(1)} s, ` +
  `${jobs.length} programs graded in ${((finished - loaded) / 1000).toFixed(1)} s\n`);
process.stdout.write(JSON.stringify(results));
