import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server to proxy to in development (`npm run dev -w packages/server`).
const apiTarget = process.env.KLIK_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // changeOrigin alone leaves the browser's Origin header untouched, and better-auth rejects
      // POSTs from an origin it does not trust; present the API's own origin instead.
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        headers: { origin: apiTarget },
      },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
