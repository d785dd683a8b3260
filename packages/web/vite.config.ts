import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves only the app; forward server paths to `npx baton serve` on its default port.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // The manifest tells scripts/bundle-size.ts which chunks the entry loads before any lazy route; that
  // script holds the real budget (300 KB gzipped), so Vite's raw-size warning is set above the entry.
  build: { manifest: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': server, '/health': server } },
});
