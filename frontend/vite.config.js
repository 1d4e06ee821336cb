import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rollupOptions: {
      input: {
        participant: resolve(import.meta.dirname, 'index.html'),
      },
    },
  },
});
