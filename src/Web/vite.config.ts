import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Excalidraw loads its drawing fonts at run time from window.EXCALIDRAW_ASSET_PATH (set to /excalidraw/ by
// src/editors/lazy.tsx), and after that from a CDN. Our pages allow no other origin, so the fonts are ours: copied into
// the build, and served from node_modules while developing. The CDN is replaced by the same path of ours, so that the
// browser neither asks it nor reports hundreds of blocked fonts to the CSP.
const excalidrawFonts = 'node_modules/@excalidraw/excalidraw/dist/prod/fonts';
const cdnFallback = /("ASSETS_FALLBACK_URL",)`https:\/\/esm\.sh\/[\s\S]*?\/dist\/prod\/`/;

function excalidrawAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'excalidraw-fonts',
    configResolved: (config) => { outDir = config.build.outDir; },
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist') || !code.includes('esm.sh')) return null;
      // A new Excalidraw that names its CDN differently must not slip through.
      if (!cdnFallback.test(code)) this.error('Excalidraw\'s CDN fallback for fonts changed: update the pattern in vite.config.ts');
      return { code: code.replace(cdnFallback, '$1window.location.origin+"/excalidraw/"'), map: null };
    },
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
  // The whiteboard (Excalidraw, its diagram parsers and font subsets) comes in chunks of up to ~1.8 MB that load only
  // when a whiteboard opens; the default limit of 500 kB warned about them on every build.
  build: { chunkSizeWarningLimit: 2048 },
  server: {
    proxy: {
      // /v1 carries the collaboration sockets (/v1/collab/...) as well.
      '/v1': { target: 'http://127.0.0.1:8080', ws: true },
      '/connect': 'http://127.0.0.1:8080',
      '/signaling': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
