import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://rehearse/ in Electron and from http://127.0.0.1:PORT/ by `npm run serve`,
// so asset URLs are relative.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // Markdown.tsx registers the few highlight.js languages cards use; this keeps out the rest.
    alias: { lowlight: fileURLToPath(new URL('src/renderer/components/lowlightCore.js', import.meta.url)) },
  },
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
