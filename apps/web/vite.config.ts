import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The citizen app is served at /kiosk and /rate; its assets live under /w/ on the same origin.
export default defineConfig({
  base: "/w/",
  plugins: [react()],
  server: { proxy: { "/trpc": "http://127.0.0.1:8080", "/avatars": "http://127.0.0.1:8080" } },
  build: { target: "es2022", sourcemap: true },
});
