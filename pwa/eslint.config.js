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
