import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** `0.0.0+abc1234`: what the console shows as each evaluator's version (heartbeat, ≤ 32 chars). */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  try {
    const commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    return `${version}+${commit}`.slice(0, 32);
  } catch {
    // A source tarball has no git: the version alone still tells releases apart.
    return version;
  }
}

// The citizen app is served at /kiosk and /rate; its assets live under /w/ on the same origin.
export default defineConfig({
  base: "/w/",
  define: { "import.meta.env.VITE_APP_VERSION": JSON.stringify(appVersion()) },
  plugins: [
    react(),
    // The evaluator's offline shell (kiosk.md §3.2). Registered by features/kiosk/pwa.ts with
    // scope /kiosk only: the online /rate page is not cached and not installable.
    VitePWA({
      strategies: "generateSW",
      registerType: "prompt",
      injectRegister: false,
      manifest: false,
      filename: "sw.js",
      scope: "/kiosk",
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,wav,webmanifest}"],
        // The online page's own chunks are never loaded by the evaluator.
        globIgnores: ["**/RateApp-*"],
        navigateFallback: "index.html",
        navigateFallbackAllowlist: [/^\/kiosk(\/|$|\?)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        runtimeCaching: [
          {
            // 亮牌 photos: shown from cache when the tablet restarts without a network.
            urlPattern: /\/(?:avatars|photos)\//,
            handler: "CacheFirst",
            options: { cacheName: "kiosk-avatars", expiration: { maxEntries: 50, maxAgeSeconds: 7 * 86_400 } },
          },
          {
            // The reason codes change once a year at most; the last copy serves an offline start.
            urlPattern: /\/trpc\/rating\.reasons(\?|$)/,
            handler: "NetworkFirst",
            options: { cacheName: "kiosk-reasons", networkTimeoutSeconds: 5 },
          },
        ],
      },
    }),
  ],
  server: {
    proxy: {
      "/trpc": "http://127.0.0.1:8080",
      "/avatars": "http://127.0.0.1:8080",
      "/photos": "http://127.0.0.1:8080",
    },
  },
  // The manifest lets scripts/check-bundle-size.ts follow each page's chunks (the bundle budget).
  build: { target: "es2022", sourcemap: true, manifest: true, modulePreload: { polyfill: false } },
});
