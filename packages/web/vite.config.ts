import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves only the app; forward server paths to `npx baton serve` on its default port.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': server, '/health': server } },
});
