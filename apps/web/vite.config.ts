/** Vite config for the web app. Run from the repo root: `vite build --config apps/web/vite.config.ts`. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: {
      '@ilr/shared': path.resolve(repoRoot, 'libs/shared/src'),
    },
  },
  build: {
    outDir: path.resolve(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // antd alone is ~1 MB minified; split the big vendors so the app chunk stays small.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id))
            return 'react';
          if (/\/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd';
          if (/\/node_modules\/(i18next[^/]*|react-i18next)\//.test(id)) return 'i18n';
          // Video is loaded only when a live room has it on: keep LiveKit out of the first load.
          if (/\/node_modules\/(livekit-client|@livekit)\//.test(id)) return 'livekit';
          // The QR decoder is loaded only when a check-in desk turns the camera on.
          if (/\/node_modules\/jsqr\//.test(id)) return 'jsqr';
          // Charts are loaded only with a scheduler result in the matchmaking console.
          if (/\/node_modules\/(echarts|zrender|echarts-for-react|size-sensor)\//.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
});
