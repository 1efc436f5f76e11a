// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { resolve, sep } from 'node:path';
import { contentDir } from './src/lib/content/folder.ts';

/**
 * `astro dev`: pages read the content folder themselves (src/data/content.ts, again after every
 * edit), so a saved content file only needs the open browser tab to reload.
 */
function reloadOnContentEdit() {
  const dir = resolve(contentDir());
  return {
    name: 'reload-on-content-edit',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(dir);
      /** @param {string} path */
      const reload = (path) => {
        if (path.startsWith(dir + sep)) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('add', reload).on('change', reload).on('unlink', reload);
    },
  };
}

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // SITE_URL: the origin absolute links (the feed) use (a path in it is ignored: that is SITE_BASE). SITE_BASE: the path the site lives under,
  // e.g. /nanzhuang/yinhuan/ as a channel of a county portal (default /). Pages build their links
  // with sitePath() (src/lib/site-path.ts), which reads this base.
  site: process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : 'https://nanzhuang-hazards.example.org',
  base: process.env.SITE_BASE ?? '/',
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets as files, never inline <style>: the CSP in netlify.toml allows styles from 'self' only
  // (plus the hash of the one style Astro's island runtime inlines).
  // concurrency: pages render while earlier ones are written; ~20% faster at county scale (npm run bench).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [react()],
  // No prefetch, no view transitions: disclosure pages ship zero JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { plugins: [reloadOnContentEdit()] },
});
