#!/usr/bin/env node
// Builds schemas/generated/k8s.json from the `kubernetes-types` package (the
// upstream API types with their field descriptions) plus schemas/overlay.mjs,
// which adds what TypeScript declarations cannot say (enums, integers,
// int-or-string, quantities). Runs at build time; nothing is fetched.
//
// Output shape (see server/src/engine/schema/bundle.ts):
//   { k8sVersion, source, kinds: { "apps/v1:Deployment": "apps.v1.Deployment" },
//     definitions: { "apps.v1.Deployment": <JSON Schema, $refs as "#/definitions/..."> } }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { applyOverlay } from './overlay.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'generated', 'k8s.json');
const typesRoot = path.dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = require('kubernetes-types/package.json').version;

// Skip work when the output already matches the inputs.
const stamp = `${typesVersion}:${fs.statSync(path.join(here, 'overlay.mjs')).mtimeMs}:${fs.statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
if (!process.argv.includes('--force') && fs.existsSync(out)) {
  try {
    if (JSON.parse(fs.readFileSync(out, 'utf8')).stamp === stamp) process.exit(0);
  } catch { /* regenerate */ }
}

const tsj = require('ts-json-schema-generator');
const ts = require('typescript');

/** Every .d.ts module of kubernetes-types, as "group/version" relative paths. */
function modules() {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) found.push(path.relative(typesRoot, p).replace(/\.d\.ts$/, ''));
    }
  };
  walk(typesRoot);
  return found.sort();
}

const mods = modules();
const files = mods.map((m) => path.join(typesRoot, m + '.d.ts'));
const config = { path: files[0], type: '*', skipTypeCheck: true, expose: 'export', topRef: false, jsDoc: 'extended', additionalProperties: false, sortProps: true };
const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true });
const parser = tsj.createParser(program, config);
const formatter = tsj.createFormatter(config);
const generator = new tsj.SchemaGenerator(program, parser, formatter, config);

/** Names each module declares, and where each of its imports comes from. */
const declared = new Map(); // module -> Set(name)
const imports = new Map(); // module -> Map(name -> module)
for (const m of mods) {
  const sf = program.getSourceFile(path.join(typesRoot, m + '.d.ts'));
  const names = new Set();
  const imp = new Map();
  for (const st of sf.statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name) names.add(st.name.text);
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const from = path.posix.normalize(path.posix.join(path.posix.dirname(m), st.moduleSpecifier.text));
      for (const el of st.importClause.namedBindings.elements) imp.set(el.name.text, from);
    }
  }
  declared.set(m, names);
  imports.set(m, imp);
}

/** Resolves a simple name seen in module m's output to its declaring module. */
function owner(m, name, seen = new Set()) {
  if (declared.get(m)?.has(name)) return m;
  if (seen.has(m)) return undefined;
  seen.add(m);
  const from = imports.get(m)?.get(name);
  if (from) return owner(from, name, seen);
  for (const dep of new Set(imports.get(m)?.values() ?? [])) {
    const o = owner(dep, name, seen);
    if (o) return o;
  }
  return undefined;
}

const qualify = (m, name) => `${m.replace(/\//g, '.')}.${name}`;
const definitions = {};
const kinds = {};

for (const m of mods) {
  const sf = program.getSourceFile(path.join(typesRoot, m + '.d.ts'));
  const roots = sf.statements.filter((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.modifiers?.some((x) => x.kind === ts.SyntaxKind.ExportKeyword));
  if (roots.length === 0) continue;
  const schema = generator.createSchemaFromNodes(roots);
  const rename = (name) => {
    const o = owner(m, name);
    if (!o) throw new Error(`cannot place ${name} seen in ${m}`);
    return qualify(o, name);
  };
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      const r = {};
      for (const [k, v] of Object.entries(node)) {
        r[k] = k === '$ref' && typeof v === 'string' ? '#/definitions/' + rename(decodeURIComponent(v.slice('#/definitions/'.length))) : rewrite(v);
      }
      return r;
    }
    return node;
  };
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    const q = rename(name);
    if (!definitions[q]) definitions[q] = rewrite(def);
    const p = definitions[q].properties;
    if (owner(m, name) === m && p?.kind?.const && p?.apiVersion?.const) {
      kinds[`${p.apiVersion.const}:${p.kind.const}`] = q;
    }
  }
}

applyOverlay(definitions, kinds);

fs.mkdirSync(path.dirname(out), { recursive: true });
// One definition per line (still one JSON document), so that a door can parse only the definitions it reads
// (server/src/node/schemaBundle.ts); characters beyond ASCII are escaped, so the text loads as a one-byte string.
const head = JSON.stringify({ k8sVersion: typesVersion.split('.').slice(0, 2).join('.'), source: `kubernetes-types@${typesVersion}`, stamp, kinds, definitions: {} }).slice(0, -2);
const lines = Object.entries(definitions).map(([name, def]) => `${JSON.stringify(name)}:${JSON.stringify(def)}`);
const ascii = (text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
fs.writeFileSync(out, ascii(`${head}\n${lines.join(',\n')}\n}}\n`));
console.log(`schemas: ${Object.keys(kinds).length} kinds, ${Object.keys(definitions).length} definitions -> ${path.relative(process.cwd(), out)}`);
