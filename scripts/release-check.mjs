// npm run release:check [-- --build] [-- --keep] — what a user gets from npm, checked before a release.
//
//  1. manifests   every published package has license, repository (with its directory), engines,
//                 files and an exports map; every plugin (all but core and cli) has
//                 @reelsmith/core in peerDependencies, never in dependencies.
//  2. changesets  `changeset status` works. A package the plan would bump higher than its changesets
//                 ask is a WARNING, not a failure: today every plugin would go to 1.0.0 because
//                 changesets bumps peer dependents of core to major (the fix is one option in
//                 .changeset/config.json, named in the warning).
//  3. changelogs  DECISION: "every package has a changeset-generated CHANGELOG" is checked by
//                 running `changeset version` in a THROW-AWAY COPY of the manifests and .changeset/;
//                 the real versions are never bumped here (that is the release's own step). It is
//                 met when, in the copy, every published package gets a CHANGELOG.md with a section
//                 for its planned version, and every internal and peer range accepts the planned
//                 versions. No CHANGELOG.md is committed yet; the tarballs carry one from the release on.
//  4. build       `node scripts/build.mjs`, skipped when every dist/ is newer than its sources and
//                 manifest (`npm test` has just built in CI); `--build` forces it.
//  5. pack        `npm pack` of every non-private package into a temp dir; each tarball must hold
//                 README.md and every file its exports map names.
//  6. consumer    a fresh project outside the repo (`npm init -y`, "type": "module") installs ALL the
//                 tarballs, plus testkit's peers at the repo's tested ranges (msw, vitest) and
//                 @types/node, with `npm install --no-audit --no-fund` (--prefer-offline: npm's cache).
//  7. types       check.ts imports every entry of every exports map; the repo's TypeScript checks it
//                 with --strict, NodeNext and --skipLibCheck false. NARROWED: errors inside
//                 third-party .d.ts are counted but do not fail (msw's interceptors and
//                 @google/genai declare browser types that need lib "dom" in a Node project); any
//                 error in check.ts or in a @reelsmith/* .d.ts fails.
//  8. imports     Node imports the same entries (ESM resolution, missing dependencies).
//  9. guide       every code block of docs/writing-a-plugin.md titled with a file name is that file
//                 of examples/custom-publisher, or a verbatim excerpt of it.
// 10. plugin      examples/custom-publisher is copied out of the repo with @reelsmith/core and
//                 @reelsmith/testkit pointed at the TARBALLS (not the workspace, not the registry),
//                 installed, and its `npm test`, `npm run typecheck` and `npm run build` run there.
//
// Prints a summary; exits 1 when a check fails. The temp dir is removed unless `--keep`.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  importEntries,
  installConsumer,
  packAll,
  publicEntries,
  testPluginFromTarballs,
  typeCheckEntries,
} from './release-check/from-tarballs.mjs';
import { createHarness, readJson } from './release-check/harness.mjs';
import {
  buildIfStale,
  checkChangelogs,
  checkChangesets,
  checkGuide,
  checkManifests,
} from './release-check/release-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const flags = new Set(process.argv.slice(2));
const work = mkdtempSync(path.join(tmpdir(), 'reelsmith-release-check-'));
const packages = readdirSync(path.join(root, 'packages'))
  .filter((folder) => existsSync(path.join(root, 'packages', folder, 'package.json')))
  .map((folder) => {
    const dir = path.join(root, 'packages', folder);
    return { folder, dir, manifest: readJson(path.join(dir, 'package.json')) };
  })
  .filter(({ manifest }) => !manifest.private);
const context = {
  root,
  work,
  packages,
  rootManifest: readJson(path.join(root, 'package.json')),
  changesetBin: path.join(root, 'node_modules', '@changesets', 'cli', 'bin.js'),
  entries: publicEntries(packages),
  tarballs: { dir: path.join(work, 'tarballs'), byName: {} },
  consumer: path.join(work, 'consumer'),
  plugin: path.join(work, 'custom-publisher'),
};

const { step, summarize } = createHarness();
step('manifests', [], () => checkManifests(context));
step('changesets', [], (warn) => checkChangesets(context, warn));
step('changelogs', [], () => checkChangelogs(context));
step('build', [], () => buildIfStale(context, flags.has('--build')));
step('pack', ['build'], () => packAll(context));
step('consumer install', ['pack'], () => installConsumer(context));
step('types', ['consumer install'], () => typeCheckEntries(context));
step('imports', ['consumer install'], () => importEntries(context));
step('plugin guide', [], () => checkGuide(context));
step('plugin from tarballs', ['pack'], () => testPluginFromTarballs(context));

if (flags.has('--keep')) console.log(`\nkept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(summarize());
