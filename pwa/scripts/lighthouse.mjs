// Lighthouse (mobile, simulated throttling) against the built app, served locally with the
// app-route fallback, on PORT (default: any free port). Chromium comes from CHROME_PATH. The API
// named by API_BASE_URL (default: none, so the app runs from an empty store) must allow the
// app's origin (http://127.0.0.1:PORT) in CORS_ALLOWED_ORIGINS.
// Usage: npm run build && CHROME_PATH=/usr/bin/chromium npm run lighthouse
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};
const config = JSON.stringify({ apiBaseUrl: process.env.API_BASE_URL ?? "", neutralUrl: "about:blank" });

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (path === "/config.json") {
    response.writeHead(200, { "Content-Type": "application/json" }).end(config);
    return;
  }
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, "index.html");
  response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
  });
  const { categories, audits } = result.lhr;
  for (const category of Object.values(categories))
    console.log(`lighthouse: ${category.title}: ${Math.round(category.score * 100)}`);
  for (const id of [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
  ]) {
    console.log(`lighthouse: ${audits[id].title}: ${audits[id].displayValue}`);
  }
  const failed = Object.values(audits).filter(
    (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary",
  );
  for (const audit of failed) console.log(`lighthouse: not passed: ${audit.id} — ${audit.title}`);
} finally {
  await chrome.kill();
  server.close();
}
