// A TypeDoc plugin: names each entry point's module after its package ("@reelsmith/core")
// instead of its path ("core/src"). typedoc.json loads it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The `name` of `packages/<folder>/package.json`, or undefined. */
function packageName(folder) {
  const manifest = path.join(root, 'packages', folder, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).name;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const folder = /^([a-z0-9-]+)\/src$/.exec(module.name)?.[1];
      const name = folder && packageName(folder);
      if (name) module.name = name;
    }
  });
}
