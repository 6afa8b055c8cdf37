// Fails when a public export of a package has no doc comment.
// Usage: npm run check:docs
//
// Public exports are what each package's `src/index.ts` exports. Re-exports are followed to
// the declaration they name (also across packages), and that declaration must carry a TSDoc
// comment with a summary (`/** … */` right above it; for a `const`, above the statement).
// Tags alone (`@internal`, `@param`) do not count as documentation.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const packagesDir = path.join(root, 'packages');

/** @returns {{ name: string, entry: string }[]} */
function findPackages() {
  const packages = [];
  for (const folder of readdirSync(packagesDir).sort()) {
    const entry = path.join(packagesDir, folder, 'src', 'index.ts');
    const manifestPath = path.join(packagesDir, folder, 'package.json');
    if (!existsSync(entry) || !existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    packages.push({ name: manifest.name, entry });
  }
  return packages;
}

function loadCompilerOptions() {
  const configPath = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

/** A declaration is documented when its own JSDoc (or its statement's, for variables) has text. */
function hasSummary(declaration) {
  for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
    if (!ts.isJSDoc(doc)) continue;
    const text = typeof doc.comment === 'string' ? doc.comment : ts.getTextOfJSDocComment(doc.comment);
    if (text && text.trim().length > 0) return true;
  }
  return false;
}

function describeLocation(declaration) {
  const file = declaration.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(declaration.getStart(file));
  return `${path.relative(root, file.fileName)}:${line + 1}`;
}

function checkPackage(checker, program, pkg) {
  const sourceFile = program.getSourceFile(pkg.entry);
  if (!sourceFile) throw new Error(`${pkg.name}: ${pkg.entry} is not part of the program`);
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return { total: 0, missing: [] };
  const missing = [];
  const exports = checker.getExportsOfModule(moduleSymbol);
  for (const exported of exports) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = (target.declarations ?? []).filter((declaration) => !ts.isSourceFile(declaration));
    if (declarations.length === 0) continue; // `export * as name` of a whole module
    if (declarations.some(hasSummary)) continue;
    missing.push({ name: exported.getName(), where: describeLocation(declarations[0]) });
  }
  return { total: exports.length, missing };
}

const packages = findPackages();
const program = ts.createProgram({
  rootNames: packages.map((pkg) => pkg.entry),
  options: loadCompilerOptions(),
});
const checker = program.getTypeChecker();

let totalExports = 0;
let totalMissing = 0;
for (const pkg of packages) {
  const { total, missing } = checkPackage(checker, program, pkg);
  totalExports += total;
  totalMissing += missing.length;
  if (missing.length === 0) continue;
  console.log(`\n■ ${pkg.name}: ${missing.length} of ${total} exports have no doc comment`);
  for (const item of missing.sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`  - ${item.name}  (${item.where})`);
  }
}

if (totalMissing > 0) {
  console.error(
    `\ncheck:docs: ${totalMissing} of ${totalExports} public exports in ${packages.length} packages ` +
      'have no doc comment. Add a /** … */ comment with a one-line summary above each declaration.',
  );
  process.exit(1);
}
console.log(`check:docs: all ${totalExports} public exports in ${packages.length} packages are documented.`);
