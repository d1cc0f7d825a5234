import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      // Settings are read and checked in one place.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
  {
    files: ["next.config.ts", "instrumentation.ts", "lib/env.ts", "lib/db/connect.ts", "lib/db.ts", "cli/**", "scripts/**", "e2e/**", "tests/**", "playwright.config.ts", "vitest.config.ts", "bin/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
