import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Pages: a static landing page (index.html), the participant experiment (study/index.html; the backend
// redirects /study/{slug} to /study/?study={slug}) and the researcher dashboard (researcher/index.html,
// served at /researcher/). Hashed asset names let the server cache scripts and styles for a long time.
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        landing: resolve(import.meta.dirname, 'index.html'),
        study: resolve(import.meta.dirname, 'study/index.html'),
        researcher: resolve(import.meta.dirname, 'researcher/index.html'),
      },
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.js'],
  },
});
