import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, loadAsset, pageFileFor } from './page-assets.js';
import { pageFiles } from './page-files.js';

const assets = new URL('./assets/', import.meta.url);
const read = (file: string) => readFile(new URL(file, assets), 'utf8');

describe('page assets', () => {
  it('lists exactly the files in src/assets', async () => {
    expect([...pageFiles].sort()).toEqual((await readdir(assets)).sort());
  });

  it('lists every file the page references: stylesheets, the entry script and each import', async () => {
    const html = await read('index.html');
    const referenced = [...html.matchAll(/(?:href|src)="\/([^"#]+)"/g)].map((match) => match[1]!);
    expect(referenced).toEqual(['app.css', 'charts.css', 'runs.css', 'app.js']);
    const modules = pageFiles.filter((file) => file.endsWith('.js'));
    const imported = new Set<string>(['app.js']);
    for (const module of modules) {
      const source = await read(module);
      expect(source.split('\n').length, `${module} stays small`).toBeLessThan(200);
      for (const [, target] of source.matchAll(/^import .* from '\.\/([^']+)';$/gm)) imported.add(target!);
      expect(source, `${module} imports only sibling modules`).not.toMatch(/from '(?!\.\/)|import\(/);
    }
    expect([...imported].sort()).toEqual([...modules].sort());
    for (const file of referenced) expect(pageFileFor(`/${file}`)).toBe(file);
  });

  it('maps / to the HTML and each file to its content type', async () => {
    expect(pageFileFor('/')).toBe('index.html');
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('history.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('runs.css')).toBe('text/css; charset=utf-8');
    const asset = await loadAsset('history.js');
    expect(asset.body.toString('utf8')).toContain('Older runs');
  });

  it('serves nothing outside the list, whatever the path looks like', () => {
    for (const path of [
      '/index.html',
      '/package.json',
      '/page-assets.ts',
      '/app.js.map',
      '/App.js',
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/app.js',
      '/assets/app.js',
      '/app.js/',
      '//app.js',
      '/app\\app.js',
      '/unknown.js',
      'app.js',
      '',
    ])
      expect(pageFileFor(path), path).toBeUndefined();
  });
});
