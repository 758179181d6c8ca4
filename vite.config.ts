import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import fs from "node:fs";
import { defineConfig, searchForWorkspaceRoot } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: {
    port: 3000,
    // Where node_modules is a link out of the project (git worktrees sharing one), Vite would
    // refuse to serve files from it, Remix's default entry.client among them, and no page would
    // hydrate.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), ...(fs.existsSync("node_modules") ? [fs.realpathSync("node_modules")] : [])] },
  },
  // npm run bench:start gives each checkout its own dependency cache: Vite's key of the cache
  // includes the project's path, so checkouts sharing one node_modules (git worktrees) would
  // re-optimise each other's dependencies on every start. Unset: node_modules/.vite.
  cacheDir: process.env.TK_VITE_CACHE_DIR || undefined,
  ssr: {
    // PGlite loads its WASM and data files relative to its own module; keep it external.
    external: ["@electric-sql/pglite"],
  },
  optimizeDeps: {
    exclude: ["@electric-sql/pglite"],
    // Pre-bundle every browser dependency at start. Otherwise Vite discovers some on the first
    // page view, re-optimises and reloads, and that first page runs two copies of React
    // ("Invalid hook call") — exactly what a person trying the app for the first time would see.
    include: [
      "react",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "react-dom",
      "react-dom/client",
      "@remix-run/react",
      "@conform-to/react",
      "@conform-to/zod/v4",
      "zod",
      // Imported by route modules for their loaders and actions; the scanner meets them too.
      "@remix-run/node",
      "kysely",
      "kysely-pglite-dialect",
      "postgres",
      "bcryptjs",
    ],
  },
  plugins: [
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
});
