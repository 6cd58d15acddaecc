import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { defineConfig } from "vitest/config";

// In development Vite serves the app with hot reload and hands /parties
// (HTTP and WebSocket) to `partykit dev`, so the app talks to its own host as in production.
const partykitPort = process.env.PARTYKIT_PORT ?? "1999";

export default defineConfig({
  plugins: [
    react(),
    // A service worker keeps the app shell, so /d/<id> opens, from the device's copy, with no network.
    VitePWA({
      registerType: "autoUpdate",
      manifest: {
        name: "Cowrite",
        short_name: "Cowrite",
        description: "Write together, live.",
        theme_color: "#2f5bea",
        background_color: "#f5f6f8",
        icons: [{ src: "/favicon.svg", sizes: "any", type: "image/svg+xml" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/parties\//],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
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
