// Lint for the whole tree: TypeScript and Solid rules, and the layer boundaries of the architecture written as rules.
import js from "@eslint/js";
import solid from "eslint-plugin-solid/configs/typescript";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Builds one `no-restricted-imports` rule; type-only imports stay allowed (a type carries no behaviour across a layer). */
function forbidImports(...patterns) {
  return ["error", { patterns: patterns.map(([group, message]) => ({ group, message, allowTypeImports: true })) }];
}

const platformPackages = [
  ["dexie", "hono", "hono/*", "@hono/*", "kysely", "better-sqlite3", "pg", "node:*", "solid-js", "solid-js/*"],
  "src/shared is the pure core used by phone and server alike: no storage, HTTP, Node or UI imports.",
];
const serverFromApp = [
  ["**/server/**", "**/server"],
  "The app never imports server code; share shapes through src/shared.",
];
const queryBuilders =
  "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]";

export default tseslint.config(
  { ignores: ["dist/", "dist-server/", "node_modules/", "coverage/", "reports/", ".stryker-tmp/", "data/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      // We match control characters on purpose: to refuse them in names, file names and spreadsheet cells.
      "no-control-regex": "off",
    },
  },
  { files: ["src/app/**/*.{ts,tsx}"], ...solid },
  {
    files: ["src/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": forbidImports(platformPackages, [
        ["**/app/**", "**/server/**"],
        "src/shared depends on nothing of the app or server.",
      ]),
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": forbidImports(serverFromApp) },
  },
  {
    // Screens read and write through store/ read models; only sync/ talks to the server.
    files: ["src/app/features/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbidImports(
        serverFromApp,
        [
          ["dexie", "**/store/db"],
          "Screens reach IndexedDB only through functions in src/app/store (read models), never Dexie tables.",
        ],
        [["**/sync/apiClient"], "Screens never call the server; ask the sync engine or a sync/ module."],
      ),
      "no-restricted-globals": ["error", { name: "fetch", message: "Only src/app/sync talks to the network." }],
    },
  },
  {
    // ui/ holds generic pieces (createLiveQuery wraps Dexie's liveQuery for any store read model), never tables.
    files: ["src/app/ui/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbidImports(serverFromApp, [
        ["**/store/db"],
        "ui/ holds generic pieces; tables are reached through src/app/store.",
      ]),
      "no-restricted-globals": ["error", { name: "fetch", message: "Only src/app/sync talks to the network." }],
    },
  },
  {
    files: ["src/app/store/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbidImports(serverFromApp, [
        ["**/features/**", "**/sync/**"],
        "The store sits below screens and sync; it imports neither.",
      ]),
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "The store keeps data on the phone; only src/app/sync talks to the network." },
      ],
    },
  },
  {
    // Routes reach the database only through named query functions in src/server/db.
    files: ["src/server/http/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbidImports([
        ["kysely"],
        "Routes call query functions from src/server/db; they do not build SQL.",
      ]),
      "no-restricted-syntax": [
        "error",
        { selector: queryBuilders, message: "Routes call query functions from src/server/db; they do not build SQL." },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/**"],
              message: "The server never imports the app; share through src/shared.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
