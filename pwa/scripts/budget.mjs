// Fails the build when the JavaScript a first visit loads exceeds the budget (gzipped).
// Counted: every built chunk except the UI language dictionaries, which load only when
// that language is chosen (the service worker itself is not page JavaScript).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 60 * 1024;
const ON_DEMAND = /^(ru|uk|de)-[\w-]+\.js$/;
const assets = new URL("../dist/assets/", import.meta.url);

let total = 0;
for (const file of readdirSync(assets)
  .filter((f) => f.endsWith(".js"))
  .sort()) {
  const size = gzipSync(readFileSync(new URL(file, assets)), { level: 9 }).length;
  const lazy = ON_DEMAND.test(file);
  if (!lazy) total += size;
  console.log(`budget: ${lazy ? "(on demand) " : ""}assets/${file} ${(size / 1024).toFixed(1)} KB gzipped`);
}
if (total === 0) {
  console.error("budget: no JavaScript found in dist/assets; build first");
  process.exit(1);
}
const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
console.log(
  `budget: initial JS ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the ${BUDGET_BYTES / 1024} KB budget`,
);
if (total > BUDGET_BYTES) process.exit(1);
