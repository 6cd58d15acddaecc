import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In development Vite serves the app with hot reload and hands /parties
// (HTTP and WebSocket) to `partykit dev`, so the app talks to its own host as in production.
const partykitPort = process.env.PARTYKIT_PORT ?? "1999";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/parties": { target: `http://127.0.0.1:${partykitPort}`, ws: true },
    },
  },
  build: { outDir: "dist" },
  test: {
    include: ["test/**/*.test.ts"],
  },
});
