// ESLint for the app: typescript-eslint's strictest type-aware presets, the rules of hooks
// (which hold for Preact's hooks as for React's: they are found by their use* names), and
// eslint-config-prettier last so that formatting is left to Prettier alone.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "dev-dist/", "node_modules/", "src/api/schema.d.ts"]),
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        // The service worker is compiled against WebWorker, not DOM, so it has its own project;
        // tsconfig.test.json is the app's project plus the tests and tool configuration.
        project: ["./tsconfig.test.json", "./tsconfig.sw.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Counts and ids in messages, keys and URLs are numbers; they print the same everywhere.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the idiomatic JSX handler; only longer bodies must not return void.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // Preact does not use what an event handler returns, so an async `onSubmit` misuses no promise.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Off: the code feature-detects browser APIs (navigator.locks, indexedDB.databases) and guards data from older
      // replicas and servers that the DOM and API types declare always present; those checks must stay.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // Off: Workbox plugin hooks and the tests' fake servers implement async interfaces without needing to await.
      "@typescript-eslint/require-await": "off",
      // Labels and queries use `||` on purpose: an empty string counts as absent.
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignorePrimitives: { string: true } }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
