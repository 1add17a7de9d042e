import { existsSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// The manifest, its icons and config.json are deploy-time files: the deployer may replace
// them without rebuilding, so they are not precached with build-time revisions. The service
// worker keeps them in a small network-first cache of its own (see src/sw.ts).
// The built app may load code, styles, images and fonts only from its own origin: a
// Markdown link or a stray URL can never make the device contact a third party. Data goes
// to the API origin named in config.json; operators can narrow `connect-src` to it in
// their server's CSP header. (Not applied to the dev server, which injects inline styles.)
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "waypoint-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

// `vite preview` answers every unknown path with index.html. Like the nginx configuration,
// only the app's routes may fall back to it: a path that names a file (robots.txt,
// config.json) is that file or a 404, never the app's HTML under the wrong name.
function filesDoNotFallBack(): Plugin {
  let outDir = "dist";
  return {
    name: "waypoint-files-do-not-fall-back",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? "/", "http://preview.invalid").pathname;
        if (extname(path) && !existsSync(join(outDir, path))) {
          response.statusCode = 404;
          response.end();
          return;
        }
        next();
      });
    },
  };
}

// The app keeps itself out of search engines on purpose (also robots.txt and a meta tag).
const NO_INDEX = { "X-Robots-Tag": "noindex, nofollow" };

export default defineConfig({
  plugins: [
    preact(),
    contentSecurityPolicy(),
    filesDoNotFallBack(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      registerType: "prompt",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html}"],
        globIgnores: ["config.json", "manifest.webmanifest", "icons/**"],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: "es2020",
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The workspace screens' chunks are named `work-…`: the budget leaves out what only
        // they load (scripts/budget.mjs), since a first visit never opens them.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes("/src/pages/workspace/")
            ? "assets/work-[name]-[hash].js"
            : "assets/[name]-[hash].js",
      },
    },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, headers: NO_INDEX },
  preview: { host: "127.0.0.1", port: 4173, headers: NO_INDEX },
});
