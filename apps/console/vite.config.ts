import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/console/",
  plugins: [react()],
  server: {
    proxy: { "/trpc": "http://127.0.0.1:8080", "/avatars": "http://127.0.0.1:8080", "/api": "http://127.0.0.1:8080" },
  },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1200 },
});
