import type { Engine, CheckOptions } from '../../engine/check';
import { DEFAULT_SETTINGS } from '../../engine/check';
import { isGoTemplate, isNonResource } from '../../engine/k8s/nonResource';
import { objectStart, resourcesOf, type Resource } from '../../engine/k8s/resource';
import type { Rule } from '../../engine/rules/types';
import { cursorContext } from '../../engine/yaml/ast';
import type { EngineError, SimInput } from '../types';

export interface SourceText {
  /** The file as kubectl names it in messages (a relative path). */
  source: string;
  text: string;
}

/**
 * The rules that can make the apiserver reject an object: only errors reach
 * it (inputsFromSources passes no severity overrides, and no rule raises a
 * finding above its default), so an engine used only to simulate can skip
 * the rest and give the same inputs.
 */
export function rejectingRules(rules: readonly Rule[]): readonly Rule[] {
  let rejecting = REJECTING.get(rules);
  if (!rejecting) {
    // The same array when nothing is left out, so that results kept by the rules' identity still match.
    const only = rules.filter(isRejecting);
    rejecting = only.length === rules.length ? rules : only;
    REJECTING.set(rules, rejecting);
  }
  return rejecting;
}

const isRejecting = (r: Rule): boolean => r.meta.defaultSeverity === 'error';
const REJECTING = new WeakMap<readonly Rule[], readonly Rule[]>();

/**
 * The documents to apply, in the order `kubectl apply -f DIR --recursive`
 * sends them: files in the order given (the CLI walks directories lexically,
 * as kubectl's visitor does), then documents top to bottom, then `kind: List`
 * items. Each carries the validation engine's errors for that object, so the
 * apiserver can reject it the way a real one would.
 */
export function inputsFromSources(engine: Engine, files: readonly SourceText[], options: CheckOptions = DEFAULT_SETTINGS): SimInput[] {
  const out: SimInput[] = [];
  for (const f of files) {
    if (isGoTemplate(f.text)) continue; // a Helm template is not something kubectl can apply
    const parsed = engine.parse(f.source, f.text);
    // An editor's engine runs every rule for the workspace; the apiserver's question needs only these.
    const errors = engine.checkFile(parsed, options, rejectingRules(engine.rules)).filter((d) => d.severity === 'error');
    for (const res of resourcesOf(parsed)) {
      if (isNonResource(res.group, res.version, res.kind)) continue;
      const { start, end } = objectSpan(res);
      const mine: EngineError[] = errors
        .filter((d) => d.span.start >= start && d.span.start <= end)
        // The finding's own path when it has one: finding it by offset would build the document's AST.
        .map((d) => ({ ruleId: d.ruleId, message: d.message, path: d.path ?? cursorContext(res.node, d.span.start - res.document.start).path, ...(d.apiError ? { apiError: d.apiError } : {}) }));
      // Without a parse cache the value was parsed for this call alone: the apply may keep it rather than a copy.
      out.push({ source: f.source, span: { start, end }, value: res.value, engineErrors: mine, owned: engine.cache === null });
    }
  }
  return out;
}

/**
 * Where the object is in its file. A document's own object spans the
 * document, known without its AST; an item of a `kind: List` needs the AST
 * (few files are Lists).
 */
function objectSpan(res: Resource): { start: number; end: number } {
  const d = res.document;
  if (res.basePath.length === 0) return { start: d.start + (objectStart(res) ?? 0), end: d.end };
  const r = res.node.range;
  return { start: d.start + (r?.[0] ?? 0), end: d.start + (r?.[2] ?? r?.[1] ?? 0) };
}
