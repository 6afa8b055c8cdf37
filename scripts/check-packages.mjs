// Runs publint and @arethetypeswrong/cli over every published workspace package.
// Usage: npm run check:packages (after npm run build)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const packagesDir = path.join(root, 'packages');
let failed = false;

for (const name of readdirSync(packagesDir).sort()) {
  const dir = path.join(packagesDir, name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (manifest.private || !existsSync(path.join(dir, 'src', 'index.ts'))) continue;
  console.log(`\n■ ${manifest.name}`);
  const run = (command, args) => {
    try {
      execFileSync(command, args, { cwd: dir, stdio: 'inherit' });
    } catch {
      failed = true;
    }
  };
  run('npx', ['--no-install', 'publint', '--strict']);
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  const tarballPath = path.join(root, tarball);
  // ESM-only packages: node10 and CJS-require resolution are not supported by design.
  run('npx', ['--no-install', 'attw', tarballPath, '--profile', 'esm-only']);
  rmSync(tarballPath, { force: true });
}

if (failed) {
  console.error('\ncheck:packages found problems (see above).');
  process.exit(1);
}
console.log('\ncheck:packages: every package is clean.');
