import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// OKO_BACKEND points the dev server at another running backend (http://localhost:18121).
const backend = process.env.OKO_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  // Absolute asset URLs: the backend serves index.html for every client route (/orgs/regions/64),
  // so relative asset paths would resolve against the route instead of the site root.
  base: '/',
  // esbuild's automatic runtime instead of @vitejs/plugin-react, which does not install on some
  // of our build machines; we give up only Fast Refresh (the dev server reloads the page).
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
      '/oauth2': backend,
      '/actuator': backend,
      '/openapi.yaml': backend,
      '/swagger-ui': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark client components with "use client" for server renderers; a pure SPA
        // has nothing to do with it (@vitejs/plugin-react hides the same warning).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    // One worker per core: Vitest leaves a core free by default, which on CI's two cores is a
    // single worker (185 s for the suite in session 9), while nothing else runs beside it.
    maxWorkers: availableParallelism(),
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
