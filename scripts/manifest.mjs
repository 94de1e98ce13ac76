// Points dist/manifest.webmanifest's icon at the build's content-hashed icon, the one trunk links
// from every page. The browser looks at the icon twice, for the page and for the manifest; under
// one immutable name the second look is answered by its HTTP cache instead of the network.
// (`public/manifest.webmanifest` names `favicon.svg`, which `trunk serve` uses as it is.)
// Usage: node scripts/manifest.mjs <dist>
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const shell = await readFile(join(dist, 'index.html'), 'utf8');
const link = shell.match(/<link[^>]*\brel="?icon\b[^>]*>/)?.[0];
const href = link?.match(/\bhref="?([^" >]+)/)?.[1];
if (!href) throw new Error(`${dist}/index.html: no icon link`);
const path = join(dist, 'manifest.webmanifest');
const manifest = JSON.parse(await readFile(path, 'utf8'));
const icon = manifest.icons?.find((i) => i.src === 'favicon.svg');
if (!icon) throw new Error(`${path}: no icon named favicon.svg`);
// Relative, like the manifest's other addresses: the site may live under a sub-path.
icon.src = basename(href);
await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`manifest: icon ${icon.src}`);
