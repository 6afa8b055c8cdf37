// Builds every workspace package in dependency order (a package after the workspace packages
// it depends on, since tsup's .d.ts build reads their built types).
// Usage: node scripts/build.mjs [package-folder …]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const packagesDir = path.join(root, 'packages');
const manifests = new Map();
for (const folder of readdirSync(packagesDir).sort()) {
  const file = path.join(packagesDir, folder, 'package.json');
  if (!existsSync(file)) continue;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  // A package folder without sources yet (work in progress) is not built.
  const hasSources = existsSync(path.join(packagesDir, folder, 'src', 'index.ts'));
  if (manifest.scripts?.build && hasSources) manifests.set(manifest.name, { folder, manifest });
}

const order = [];
const state = new Map();
function visit(name) {
  if (state.get(name) === 'done') return;
  if (state.get(name) === 'visiting') throw new Error(`dependency cycle through ${name}`);
  state.set(name, 'visiting');
  const { manifest } = manifests.get(name);
  const deps = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.devDependencies };
  for (const dep of Object.keys(deps)) if (manifests.has(dep)) visit(dep);
  state.set(name, 'done');
  order.push(name);
}
for (const name of manifests.keys()) visit(name);

const only = process.argv.slice(2);
for (const name of order) {
  const { folder } = manifests.get(name);
  if (only.length > 0 && !only.includes(folder)) continue;
  const started = Date.now();
  execFileSync('npx', ['--no-install', 'tsup', '--silent'], {
    cwd: path.join(packagesDir, folder),
    stdio: 'inherit',
  });
  console.log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
