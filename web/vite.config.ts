import { defineConfig } from "vite";

/** The static frontend: built into web/dist, served by the Node server and by Workers Static Assets. */
export default defineConfig({
  root: "web",
  base: "/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  // ECharts (bar, pie, line) is a lazily loaded chunk of ~570 kB, the map series another ~85 kB loaded by the rollup's map alone; the app itself stays small.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://localhost:8787" } },
});
