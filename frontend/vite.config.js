import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the participant experiment (index.html; the backend serves it for /study/{slug}) and the
// researcher dashboard (researcher/index.html, served at /researcher/). Hashed asset names let the server
// cache scripts and styles for a long time.
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        participant: resolve(import.meta.dirname, 'index.html'),
        researcher: resolve(import.meta.dirname, 'researcher/index.html'),
      },
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.js'],
  },
});
