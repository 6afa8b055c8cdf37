// The checks of `npm run release:check` that use only the packed tarballs, outside the repo:
// pack, a fresh consumer project (install, type-check, import), and the example plugin.
import { cpSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, exportTargets, failOn, readJson, run } from './harness.mjs';

/** Every public entry: `.` and each subpath of each exports map (`./package.json` left out). */
export function publicEntries(packages) {
  return packages.flatMap(({ manifest }) =>
    Object.keys(manifest.exports ?? { '.': null })
      .filter((key) => !key.endsWith('.json'))
      .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
  );
}

/** `npm pack` of every package into `tarballs`; each must hold README.md and its exports' files. */
export function packAll({ root, packages, tarballs }) {
  mkdirSync(tarballs.dir);
  const workspaces = packages.flatMap(({ folder }) => ['-w', `packages/${folder}`]);
  const { stdout } = run('npm', ['pack', '--json', '--pack-destination', tarballs.dir, ...workspaces], root);
  const packed = JSON.parse(stdout);
  const problems = [];
  let bytes = 0;
  for (const item of packed) {
    tarballs.byName[item.name] = path.join(tarballs.dir, item.filename);
    bytes += item.size;
    const files = new Set(item.files.map((file) => file.path));
    const { manifest } = packages.find((candidate) => candidate.manifest.name === item.name);
    for (const target of ['README.md', ...exportTargets(manifest)]) {
      if (!files.has(target)) problems.push(`${item.filename} lacks ${target}`);
    }
  }
  failOn(problems, 'tarball problems');
  return `${packed.length} tarballs, ${(bytes / 1048576).toFixed(1)} MiB`;
}

/** A fresh project (`npm init -y`, ESM) with every tarball and the peers they need installed. */
export function installConsumer({ rootManifest, tarballs, consumer }) {
  mkdirSync(consumer);
  run('npm', ['init', '-y'], consumer);
  const manifest = readJson(path.join(consumer, 'package.json'));
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ ...manifest, name: 'reelsmith-release-check', type: 'module' }, null, 2),
  );
  // testkit's peers at the ranges the repo tests with; @types/node for the type check.
  const peers = ['msw', 'vitest', '@types/node'].map(
    (name) => `${name}@${rootManifest.devDependencies[name]}`,
  );
  const files = Object.values(tarballs.byName);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files, ...peers], consumer);
  return `a fresh project outside the repo installed ${files.length} tarballs + ${peers.join(', ')}`;
}

/**
 * Type-checks an import of every entry with the repo's TypeScript: strict, NodeNext and
 * --skipLibCheck false. Errors in check.ts or a @reelsmith/* .d.ts fail; errors inside
 * third-party .d.ts are only counted (see the header of scripts/release-check.mjs).
 */
export function typeCheckEntries({ root, consumer, entries }) {
  const names = entries.map((_, index) => `entry${index}`);
  const source = entries.map((entry, index) => `import * as ${names[index]} from '${entry}';`);
  writeFileSync(
    path.join(consumer, 'check.ts'),
    `${source.join('\n')}\nexport const entries = [${names.join(', ')}];\n`,
  );
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const options = [
    '--noEmit',
    '--pretty',
    'false',
    '--strict',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
  ];
  const environment = ['--target', 'es2022', '--lib', 'es2023', '--types', 'node', '--skipLibCheck', 'false'];
  const { output, status } = run(process.execPath, [tsc, ...options, ...environment, 'check.ts'], consumer, {
    allowFailure: true,
  });
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const ours = errors.filter(
    (line) => line.startsWith('check.ts') || line.startsWith('node_modules/@reelsmith/'),
  );
  failOn(ours, 'type errors in @reelsmith packages');
  if (status !== 0 && errors.length === 0) throw new CheckFailure(`tsc exited ${status}:\n${output}`);
  const thirdParty = new Set(
    errors
      .filter((line) => !ours.includes(line))
      .map((line) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line)?.[1]),
  );
  const ignored =
    thirdParty.size > 0
      ? `; ${errors.length} errors inside ${[...thirdParty].join(', ')} .d.ts not counted`
      : '';
  return `${entries.length} entries type-check (strict, NodeNext, skipLibCheck false)${ignored}`;
}

/** Imports every entry in Node: ESM resolution, missing dependencies, work at import time. */
export function importEntries({ consumer, entries }) {
  writeFileSync(
    path.join(consumer, 'check.mjs'),
    `${entries.map((entry) => `await import('${entry}');`).join('\n')}\n`,
  );
  run(process.execPath, ['check.mjs'], consumer);
  return `${entries.length} entries load in Node ${process.version}`;
}

/**
 * Copies examples/custom-publisher out of the repo, points its @reelsmith dev dependencies at the
 * tarballs, installs it, and runs its `npm test`, `npm run typecheck` and `npm run build`.
 */
export function testPluginFromTarballs({ root, tarballs, plugin }) {
  const source = path.join(root, 'examples', 'custom-publisher');
  cpSync(source, plugin, { recursive: true, filter: (from) => !/[/\\](node_modules|dist)$/.test(from) });
  const manifest = readJson(path.join(plugin, 'package.json'));
  for (const name of ['@reelsmith/core', '@reelsmith/testkit']) {
    manifest.devDependencies[name] = `file:${tarballs.byName[name]}`;
  }
  writeFileSync(path.join(plugin, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], plugin);
  const installed = path.join(plugin, 'node_modules', '@reelsmith', 'core');
  if (lstatSync(installed).isSymbolicLink())
    throw new CheckFailure('@reelsmith/core is a link, not the tarball');
  const { output } = run('npm', ['test'], plugin);
  const tests = /Tests\s+(\d+ passed)/.exec(output)?.[1] ?? 'passed';
  run('npm', ['run', 'typecheck'], plugin);
  run('npm', ['run', 'build'], plugin);
  const core = readJson(path.join(installed, 'package.json')).version;
  return `${manifest.name}: npm test (${tests}), typecheck and build pass with @reelsmith/core ${core} from its tarball`;
}
