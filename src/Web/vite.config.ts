import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The node serves the built app (src/Web/dist) at its root; in development, API calls go to a running node.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/connect': 'http://127.0.0.1:8080', '/signaling': { target: 'ws://127.0.0.1:8080', ws: true } } },
});
