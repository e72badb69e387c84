import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Main and preload are CommonJS (a sandboxed preload must be); better-sqlite3 stays external (native).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // index: the main process; services-host: the services' utilityProcess (electron/services/host/utility-entry.ts).
      lib: {
        entry: { index: resolve(__dirname, 'electron/main/index.ts'), 'services-host': resolve(__dirname, 'electron/services/host/utility-entry.ts') },
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
      rolldownOptions: { external: ['electron', 'better-sqlite3', 'highs'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), bench: resolve(__dirname, 'renderer/bench.html') } }, // bench.html: rendering bench only (synthetic data)
    },
  },
});
