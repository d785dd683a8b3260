import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves only the app; forward server paths to `npx baton serve` on its default port.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // The manifest tells scripts/bundle-size.ts which chunks the entry loads before any lazy route.
  build: { manifest: true, sourcemap: false },
  server: { proxy: { '/api': server, '/health': server } },
});
