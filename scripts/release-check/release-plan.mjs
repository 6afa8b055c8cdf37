// The checks of `npm run release:check` that read the repository: manifests, changesets, the
// release plan in a throw-away copy, and the build.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CheckFailure, exportTargets, failOn, readJson, run } from './harness.mjs';

/** Packages that are not plugins: the core itself, and the CLI (an application on the core). */
const nonPlugins = new Set(['@reelsmith/core', '@reelsmith/cli']);

/** license, repository (with its directory), engines, files, exports; plugins peer on core. */
export function checkManifests({ packages }) {
  const problems = [];
  for (const { folder, manifest: m } of packages) {
    const where = `packages/${folder}`;
    if (typeof m.license !== 'string' || m.license === '') problems.push(`${where}: no "license"`);
    const repository = m.repository ?? {};
    if (
      !/github\.com\/reelsmith\/reelsmith(\.git)?$/.test(repository.url ?? '') ||
      repository.directory !== where
    ) {
      problems.push(
        `${where}: "repository" must be { "type": "git", "url": "git+https://github.com/reelsmith/reelsmith.git", "directory": "${where}" }`,
      );
    }
    if (typeof m.engines?.node !== 'string') problems.push(`${where}: no "engines.node"`);
    if (!Array.isArray(m.files) || m.files.length === 0) problems.push(`${where}: no "files" list`);
    if (!m.exports?.['.']) problems.push(`${where}: no "exports" entry for "."`);
    if (!nonPlugins.has(m.name)) {
      if (!m.peerDependencies?.['@reelsmith/core']) {
        problems.push(`${where}: a plugin needs "@reelsmith/core" in peerDependencies`);
      }
      if (m.dependencies?.['@reelsmith/core']) {
        problems.push(`${where}: "@reelsmith/core" belongs in peerDependencies, not dependencies`);
      }
    }
  }
  failOn(problems, 'manifest problems');
  const plugins = packages.filter(({ manifest }) => !nonPlugins.has(manifest.name)).length;
  return `${packages.length} published packages: license, repository, engines, files, exports; ${plugins} plugins peer on @reelsmith/core`;
}

/** `changeset status` works; warns when a package would be bumped to a major nobody asked for. */
export function checkChangesets({ root, work, packages, changesetBin }, warn) {
  const output = path.join(work, 'changeset-status.json');
  run(process.execPath, [changesetBin, 'status', `--output=${output}`], root);
  const status = readJson(output);
  const order = ['none', 'patch', 'minor', 'major'];
  const published = new Set(packages.map(({ manifest }) => manifest.name));
  const overBumped = status.releases.filter((release) => {
    const asked = status.changesets
      .flatMap((changeset) => changeset.releases)
      .filter((item) => item.name === release.name);
    const highest = Math.max(0, ...asked.map((item) => order.indexOf(item.type)));
    return published.has(release.name) && release.type === 'major' && highest < order.indexOf('major');
  });
  if (overBumped.length > 0) {
    const names = overBumped.map(
      (release) => `${release.name.replace('@reelsmith/', '')} ${release.newVersion}`,
    );
    warn(
      `${overBumped.length} packages would be released as a major (${names.join(', ')}) although their changesets ` +
        'ask less: changesets bumps every peer dependent of a bumped package to major. Keep the asked bumps with ' +
        '"___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH": { "onlyUpdatePeerDependentsWhenOutOfRange": true } ' +
        'in .changeset/config.json',
    );
  }
  return `\`changeset status\` works: ${status.changesets.length} changesets, ${status.releases.length} planned releases`;
}

/**
 * Runs `changeset version` in a copy of the manifests and `.changeset/` (never in the repo), then
 * checks every published package gets a CHANGELOG section for its planned version and every
 * internal and peer range accepts the planned versions.
 */
export function checkChangelogs({ root, work, packages, rootManifest, changesetBin }) {
  const copy = path.join(work, 'changeset-copy');
  mkdirSync(copy, { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
  cpSync(path.join(root, '.changeset'), path.join(copy, '.changeset'), { recursive: true });
  for (const pattern of rootManifest.workspaces) {
    const parent = pattern.replace(/\/\*$/, '');
    for (const folder of readdirSync(path.join(root, parent))) {
      for (const file of ['package.json', 'CHANGELOG.md']) {
        const from = path.join(root, parent, folder, file);
        if (existsSync(from)) cpSync(from, path.join(copy, parent, folder, file));
      }
    }
  }
  // The changelog generator named in .changeset/config.json is resolved from the copy.
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  run(process.execPath, [changesetBin, 'version'], copy);

  const semver = createRequire(changesetBin)('semver');
  const planned = Object.fromEntries(
    packages.map(({ folder, manifest }) => [
      manifest.name,
      readJson(path.join(copy, 'packages', folder, 'package.json')),
    ]),
  );
  const problems = [];
  for (const { folder, manifest } of packages) {
    const next = planned[manifest.name];
    const changelog = path.join(copy, 'packages', folder, 'CHANGELOG.md');
    if (!existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`## ${next.version}\n`)) {
      problems.push(
        `${manifest.name}: \`changeset version\` wrote no CHANGELOG section for ${next.version} (add a changeset)`,
      );
    }
    for (const field of ['dependencies', 'peerDependencies']) {
      for (const [name, range] of Object.entries(next[field] ?? {})) {
        if (planned[name] && !semver.satisfies(planned[name].version, range)) {
          problems.push(
            `${manifest.name}: ${field}["${name}"] "${range}" would not accept the planned ${planned[name].version}`,
          );
        }
      }
    }
  }
  failOn(problems, 'release plan problems');
  return `in a throw-away copy \`changeset version\` writes a CHANGELOG for all ${packages.length} (core → ${planned['@reelsmith/core'].version}); every range holds`;
}

/** Builds with scripts/build.mjs unless every dist/ is newer than its sources (or `force`). */
export function buildIfStale({ root, packages }, force) {
  const newest = (target) => {
    const stat = statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(target).map((name) => newest(path.join(target, name))));
  };
  const stale = packages.filter(({ dir, manifest }) => {
    const outputs = exportTargets(manifest)
      .filter((target) => target !== 'package.json')
      .map((target) => path.join(dir, target));
    const inputs = ['src', 'package.json', 'tsup.config.ts']
      .map((name) => path.join(dir, name))
      .filter(existsSync);
    if (!outputs.every(existsSync)) return true;
    return Math.max(...inputs.map(newest)) > Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  });
  if (stale.length === 0 && !force)
    return 'every dist/ is newer than its sources: skipped (--build forces it)';
  run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], root);
  const missing = packages.flatMap(({ folder, dir, manifest }) =>
    exportTargets(manifest)
      .filter((target) => !existsSync(path.join(dir, target)))
      .map((target) => `packages/${folder}/${target}`),
  );
  if (missing.length > 0) throw new CheckFailure(`the build finished without ${missing.join(', ')}`);
  const why = stale.length === 0 ? 'forced with --build' : `${stale.length} package(s) out of date`;
  return `node scripts/build.mjs (${why})`;
}

/**
 * Every code block of docs/writing-a-plugin.md titled with a file (```ts [src/x.ts]) must be that
 * file of examples/custom-publisher, or a verbatim excerpt of it.
 */
export function checkGuide({ root }) {
  const guide = readFileSync(path.join(root, 'docs', 'writing-a-plugin.md'), 'utf8');
  const example = path.join(root, 'examples', 'custom-publisher');
  const problems = [];
  let quoted = 0;
  for (const [, file, block] of guide.matchAll(/^```\w+ \[([^\]\n]+)\]\n([\s\S]*?)\n```$/gm)) {
    quoted += 1;
    const source = path.join(example, file);
    if (!existsSync(source))
      problems.push(`${file} is quoted but examples/custom-publisher/${file} does not exist`);
    else if (!readFileSync(source, 'utf8').includes(block)) {
      problems.push(
        `the block titled [${file}] is no longer in examples/custom-publisher/${file}: copy it again`,
      );
    }
  }
  if (quoted === 0) problems.push('no code block titled with a file: the guide no longer quotes the example');
  failOn(problems, 'blocks of docs/writing-a-plugin.md out of sync');
  return `${quoted} code blocks of docs/writing-a-plugin.md match examples/custom-publisher`;
}
