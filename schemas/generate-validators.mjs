#!/usr/bin/env node
// Compiles every kind's validator ahead of time with ajv's standalone code
// generation (compiling a Deployment at run time costs about 200 ms), then
// splits the code into chunks per kind (split-validators.mjs) under
// schemas/generated/validators/, so that checking a file loads only the code
// of the kinds it holds. index.json maps "apps/v1:Deployment" to its chunk and
// export. The chunks are minified and need no module but each other. The options must match
// SchemaValidator's.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { splitValidators } from './split-validators.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const bundlePath = path.join(here, 'generated', 'k8s.json');
const outDir = path.join(here, 'generated', 'validators');
const indexPath = path.join(outDir, 'index.json');
const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));

const mtime = (f) => fs.statSync(path.join(here, f)).mtimeMs;
const stamp = `${bundle.stamp}:${mtime('generate-validators.mjs')}:${mtime('split-validators.mjs')}`;
const current = () => {
  try {
    return JSON.parse(fs.readFileSync(indexPath, 'utf8')).stamp === stamp;
  } catch {
    return false;
  }
};
if (!process.argv.includes('--force') && current()) process.exit(0);

/** The schemas without their descriptions: validation never reads them, and ajv copies the schemas it refers to into the code. */
function withoutDescriptions(schema) {
  if (Array.isArray(schema)) return schema.map(withoutDescriptions);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'description' && typeof v === 'string') continue;
    // Under these keys sit maps of names to schemas: a field may be called "description".
    out[k] = k === 'properties' || k === 'definitions' ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, withoutDescriptions(s)])) : withoutDescriptions(v);
  }
  return out;
}

const Ajv = require('ajv');
const standalone = require('ajv/dist/standalone').default;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, code: { source: true, optimize: true } });
ajv.addSchema({ $id: 'k8s', definitions: withoutDescriptions(bundle.definitions) });
const refs = {};
for (const [key, def] of Object.entries(bundle.kinds)) refs[key] = `k8s#/definitions/${def}`;
const code = standalone(ajv, refs);
if (/require\(/.test(code)) throw new Error('generated validators need a runtime module; bundle it or avoid the keyword');
const { files, kinds } = splitValidators(code, (key) => bundle.kinds[key]);

fs.rmSync(outDir, { recursive: true, force: true });
fs.rmSync(path.join(here, 'generated', 'validators.js'), { force: true }); // the single module of earlier builds
fs.mkdirSync(outDir, { recursive: true });
// Minified, the chunks a workload needs load about a quarter faster; their messages and field names are strings and stay.
const esbuild = require('esbuild');
let bytes = 0;
for (const [name, text] of files) {
  const code = esbuild.transformSync(text, { loader: 'js', minify: true }).code;
  bytes += code.length;
  fs.writeFileSync(path.join(outDir, name), code);
}
fs.writeFileSync(indexPath, `${JSON.stringify({ stamp, kinds }, null, 1)}\n`);
console.log(`schemas: ${Object.keys(kinds).length} precompiled validators in ${files.size} chunks (${(bytes / 1024).toFixed(0)} KiB) -> ${path.relative(process.cwd(), outDir)}`);
