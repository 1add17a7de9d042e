// Regenerates the API types from ../openapi/openapi.yaml into a temporary file and fails
// when they differ from the committed src/api/schema.d.ts (run `npm run gen:types`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "schema-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync(join(root, "node_modules/.bin/openapi-typescript"), ["../openapi/openapi.yaml", "-o", fresh], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const committed = readFileSync(join(root, "src/api/schema.d.ts"), "utf8");
  if (readFileSync(fresh, "utf8") !== committed) {
    console.error("src/api/schema.d.ts is out of date with ../openapi/openapi.yaml: run `npm run gen:types`.");
    process.exit(1);
  }
  console.log("src/api/schema.d.ts matches ../openapi/openapi.yaml");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
