// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://nanzhuang-hazards.example.org',
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
});
