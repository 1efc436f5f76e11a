/**
 * `npm run deploy:kit`: writes the deploy kit and netlify.toml's headers from their one source
 * (scripts/deploy-kit/kit.ts, src/server/headers.ts).
 *
 *   npm run deploy:kit                      the committed files: deploy/* and netlify.toml
 *   npm run deploy:kit -- --out DIR [--base /… --server-name … --web-root … --app-dir …
 *                         --user … --port … --certificate … --certificate-key …]
 *                                           a kit with a server's own values, into DIR/deploy/
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_KIT, kitFiles, withNetlifyHeaders, type KitOptions } from './kit';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    base: { type: 'string' },
    'server-name': { type: 'string' },
    'web-root': { type: 'string' },
    'app-dir': { type: 'string' },
    user: { type: 'string' },
    port: { type: 'string' },
    certificate: { type: 'string' },
    'certificate-key': { type: 'string' },
  },
});

const options: KitOptions = {
  ...DEFAULT_KIT,
  ...(values.base !== undefined && { base: values.base }),
  ...(values['server-name'] !== undefined && { serverName: values['server-name'] }),
  ...(values['web-root'] !== undefined && { webRoot: values['web-root'] }),
  ...(values['app-dir'] !== undefined && { appDir: values['app-dir'] }),
  ...(values.user !== undefined && { user: values.user }),
  ...(values.port !== undefined && { port: Number(values.port) }),
  ...(values.certificate !== undefined && { certificate: values.certificate }),
  ...(values['certificate-key'] !== undefined && { certificateKey: values['certificate-key'] }),
};
const customized = JSON.stringify(options) !== JSON.stringify(DEFAULT_KIT);
if (customized && !values.out) {
  console.error('With your own values, give --out DIR: the committed deploy/ folder is the default kit.');
  process.exit(2);
}

const root = values.out ? resolve(values.out) : process.cwd();
for (const [path, text] of Object.entries(kitFiles(options))) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
if (!values.out) {
  writeFileSync('netlify.toml', withNetlifyHeaders(readFileSync('netlify.toml', 'utf8')));
  console.log('wrote netlify.toml ([[headers]])');
}
