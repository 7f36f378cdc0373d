import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Excalidraw loads its drawing fonts at run time from window.EXCALIDRAW_ASSET_PATH (set to /excalidraw/ by
// src/editors/lazy.tsx), falling back to a CDN. Our pages allow no other origin, so the fonts are ours: copied into the
// build, and served from node_modules while developing.
const excalidrawFonts = 'node_modules/@excalidraw/excalidraw/dist/prod/fonts';

function excalidrawAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'excalidraw-fonts',
    configResolved: (config) => { outDir = config.build.outDir; },
    writeBundle: () => cpSync(excalidrawFonts, join(outDir, 'excalidraw', 'fonts'), { recursive: true }),
    configureServer: (server) => {
      server.middlewares.use('/excalidraw/fonts', (request, response, next) => {
        const file = join(excalidrawFonts, normalize(decodeURIComponent(request.url?.split('?')[0] ?? '')).replace(/^(\.\.[/\\])+/, ''));
        if (!existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('Content-Type', 'font/woff2');
        createReadStream(file).pipe(response);
      });
    },
  };
}

// The node serves the built app (src/Web/dist) at its root; in development, API calls go to a running node.
export default defineConfig({
  plugins: [react(), excalidrawAssets()],
  server: {
    proxy: {
      // /v1 carries the collaboration sockets (/v1/collab/...) as well.
      '/v1': { target: 'http://127.0.0.1:8080', ws: true },
      '/connect': 'http://127.0.0.1:8080',
      '/signaling': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
