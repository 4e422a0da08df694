// Splits ajv's standalone validator code (one CommonJS module for every kind)
// into chunks, so that a process loads only the code of the kinds it checks.
// A top-level declaration goes into the chunk of the set of kinds that reach
// it: code only Deployment uses is Deployment's own, PodSpec's code is shared
// by the workload kinds, ObjectMeta's by all. A declaration only references
// declarations reached by at least the same kinds, so chunks require chunks of
// strictly larger sets and never each other in a cycle. Declarations no kind
// reaches (ajv writes every schema it saw) are left out.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');

/** The top-level statements of the code: what each declares (or assigns to) and which top-level names it reads. */
function statements(code) {
  const file = ts.createSourceFile('validators.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const out = [];
  for (const st of file.statements) {
    const text = code.slice(st.getStart(file), st.end);
    if (ts.isFunctionDeclaration(st) && st.name) out.push({ st, text, declares: [st.name.text] });
    else if (ts.isVariableStatement(st)) out.push({ st, text, declares: st.declarationList.declarations.map((d) => d.name.getText(file)) });
    else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = st.expression.left;
      if (ts.isElementAccessExpression(target) && target.expression.getText(file) === 'exports' && ts.isStringLiteral(target.argumentExpression)) {
        out.push({ st, text, exports: [target.argumentExpression.text, st.expression.right.getText(file)] });
      } else if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
        out.push({ st, text, attachesTo: target.expression.text });
      } else throw new Error(`split-validators: unexpected assignment at the top level: ${text.slice(0, 80)}`);
    } else if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) {
      // "use strict": every chunk gets its own.
    } else throw new Error(`split-validators: unexpected top-level statement: ${text.slice(0, 80)}`);
  }
  return out;
}

/** Top-level names an AST node reads (property names after a dot and object keys are not reads). */
function reads(node, names) {
  const found = new Set();
  const visit = (n) => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
      if (!isName && names.has(n.text)) found.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * Splits `code` (ajv standalone, CommonJS, `exports["apps/v1:Deployment"] = validateN`).
 * `nameOf(kindKey)` gives a readable file stem for a kind's own chunk.
 * Returns the chunk files (name → CommonJS source) and, per kind, its file and export.
 */
export function splitValidators(code, nameOf) {
  const all = statements(code);
  const declOf = new Map();
  for (const s of all) for (const n of s.declares ?? []) declOf.set(n, s);
  const names = new Set(declOf.keys());
  for (const s of all) if (s.declares) s.deps = [...reads(s.st, names)].filter((n) => !s.declares.includes(n)).map((n) => declOf.get(n));
  // `validate1.errors = null` and the like belong with what they assign to.
  for (const s of all) {
    if (!s.attachesTo) continue;
    const owner = declOf.get(s.attachesTo);
    if (!owner) throw new Error(`split-validators: assignment to unknown ${s.attachesTo}`);
    (owner.attached ??= []).push(s);
    owner.deps.push(...[...reads(s.st, names)].filter((n) => !owner.declares.includes(n)).map((n) => declOf.get(n)));
  }

  const roots = all.filter((s) => s.exports).map((s) => ({ kind: s.exports[0], fn: s.exports[1] }));
  for (const root of roots) {
    const stack = [declOf.get(root.fn)];
    while (stack.length) {
      const s = stack.pop();
      if (!s) throw new Error(`split-validators: ${root.kind} names an unknown function`);
      if (s.reachedBy?.has(root.kind)) continue;
      (s.reachedBy ??= new Set()).add(root.kind);
      stack.push(...s.deps);
    }
  }

  const chunkOf = (s) => {
    const kinds = [...s.reachedBy].sort();
    if (kinds.length === 1) return `${nameOf(kinds[0])}.js`;
    return `shared-${crypto.createHash('sha256').update(kinds.join('\n')).digest('hex').slice(0, 10)}.js`;
  };
  const chunks = new Map();
  for (const s of all) {
    if (!s.declares || !s.reachedBy) continue;
    const name = chunkOf(s);
    s.chunk = name;
    if (!chunks.has(name)) chunks.set(name, { body: [], declares: [], imports: new Map() });
    const c = chunks.get(name);
    c.body.push(s.text, ...(s.attached ?? []).map((a) => a.text));
    c.declares.push(...s.declares);
  }
  for (const s of all) {
    if (!s.chunk) continue;
    for (const d of s.deps) {
      if (d.chunk === s.chunk) continue;
      const c = chunks.get(s.chunk);
      if (!c.imports.has(d.chunk)) c.imports.set(d.chunk, new Set());
      for (const n of d.declares) c.imports.get(d.chunk).add(n);
    }
  }

  const files = new Map();
  for (const [name, c] of chunks) {
    const requires = [...c.imports].sort(([a], [b]) => a.localeCompare(b)).map(([from, ns]) => `const {${[...ns].sort().join(', ')}} = require(${JSON.stringify(`./${from}`)});`);
    files.set(name, `"use strict";\n${requires.join('\n')}${requires.length ? '\n' : ''}${c.body.join('\n')}\nmodule.exports = {${c.declares.join(', ')}};\n`);
  }
  const kinds = {};
  for (const r of roots) kinds[r.kind] = { file: declOf.get(r.fn).chunk, export: r.fn };
  return { files, kinds };
}
