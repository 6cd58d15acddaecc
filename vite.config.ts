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
    // The app registers it itself (src/appUpdate/) and lets the person choose when a new deployment takes over.
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
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
        // The first worker takes over the open page at once, so it works offline without a reload;
        // later ones wait for the person to choose Reload.
        clientsClaim: true,
        // One self-contained script: an update either installs whole or not at all, never as a
        // waiting worker whose imported runtime failed to load and so cannot take over.
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  server: {
    proxy: {
      "/parties": { target: `http://127.0.0.1:${partykitPort}`, ws: true },
    },
  },
  // The manifest says which chunks each page loads first: the benchmark measures them from it.
  build: { outDir: "dist", manifest: true },
  test: {
    include: ["test/**/*.test.ts"],
  },
});
