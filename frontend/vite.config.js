import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Pages: the participant experiment (index.html, which SPA routing serves for /study/{slug}; the same
// entry also as study/index.html, a real file, so /study/?study={slug} works whatever the server's routing)
// and the researcher dashboard (researcher/index.html, served at /researcher/). Hashed asset names let the server
// cache scripts and styles for a long time.
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        participant: resolve(import.meta.dirname, 'index.html'),
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
