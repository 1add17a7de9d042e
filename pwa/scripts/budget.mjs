// Fails the build when the JavaScript a first visit loads exceeds the budget (gzipped).
// Counted: the scripts index.html loads and every chunk they import, statically or
// dynamically, except the chunks only a choice loads: a UI language dictionary (when that
// language is chosen) and a workspace screen (`work-…`, when a signed-in member opens it),
// with what only those import. The service worker itself is not page JavaScript.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 60 * 1024;
const ON_DEMAND = /^((ru|uk|de)-[\w-]+|work-[\w.-]+)\.js$/;
const dist = new URL("../dist/", import.meta.url);
const assets = new URL("assets/", dist);

const html = readFileSync(new URL("index.html", dist), "utf8");
const entries = [
  ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/assets\/([^"]+\.js)"/g),
].map((m) => m[1]);
// Static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`) imports of a chunk.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)[`"']\.\/([\w.-]+\.js)[`"']/g;

const loaded = new Set();
const visit = (file) => {
  if (loaded.has(file) || ON_DEMAND.test(file)) return;
  loaded.add(file);
  for (const [, imported] of readFileSync(new URL(file, assets), "utf8").matchAll(IMPORT)) visit(imported);
};
entries.forEach(visit);

let total = 0;
for (const file of readdirSync(assets)
  .filter((f) => f.endsWith(".js"))
  .sort()) {
  const size = gzipSync(readFileSync(new URL(file, assets)), { level: 9 }).length;
  const first = loaded.has(file);
  if (first) total += size;
  console.log(`budget: ${first ? "" : "(on demand) "}assets/${file} ${(size / 1024).toFixed(1)} KB gzipped`);
}
if (!entries.length || total === 0) {
  console.error("budget: no JavaScript found that index.html loads; build first");
  process.exit(1);
}
const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
console.log(
  `budget: initial JS ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the ${BUDGET_BYTES / 1024} KB budget`,
);
if (total > BUDGET_BYTES) process.exit(1);
