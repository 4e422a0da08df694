import type { Diagnostic, Severity, Span } from './diagnostic';
import { compareDiagnostics } from './diagnostic';
import { builtinGroups } from './k8s/apis';
import { isGoTemplate, isNonResource } from './k8s/nonResource';
import { resourcesOf, spanAt, type Resource } from './k8s/resource';
import { RULES, RULES_BY_ID } from './rules/registry';
import type { EngineSettings, Finding, ResourceContext, ResourceRule } from './rules/types';
import type { SchemaBundle } from './schema/bundle';
import { SchemaValidator } from './schema/validate';
import { applySuppressions } from './suppress';
import { ChunkCache, parseYamlFile, looksLikeManifest, type ParsedFile } from './yaml/parse';

export type SeverityOverride = Severity | 'off';

export interface CheckOptions extends EngineSettings {
  /** Per-rule severity overrides (settings, .kubesim.yaml). */
  rules?: Record<string, SeverityOverride>;
}

export const DEFAULT_SETTINGS: CheckOptions = { k8sVersion: '1.30', defaultNamespace: 'default' };

/** Receives the stack of a rule that threw; the doors send it to their log. */
export type ErrorSink = (ruleId: string, error: unknown) => void;

/**
 * The engine: the schema bundle, compiled validators and a parse cache. One
 * instance serves a whole session (the language server, a CLI run).
 */
export class Engine {
  readonly validator: SchemaValidator;
  readonly cache = new ChunkCache();
  readonly builtinGroups: ReadonlySet<string>;

  constructor(readonly bundle: SchemaBundle, private readonly onRuleError: ErrorSink = () => {}) {
    this.validator = new SchemaValidator(bundle);
    this.builtinGroups = builtinGroups(bundle.kinds);
  }

  parse(uri: string, text: string): ParsedFile {
    return parseYamlFile(uri, text, this.cache);
  }

  /** Diagnostics for one file, on its own (cross-file checks come from the workspace). */
  checkFile(file: ParsedFile, options: CheckOptions = DEFAULT_SETTINGS): Diagnostic[] {
    if (isGoTemplate(file.text)) return [];
    const out: Diagnostic[] = [];
    const resources = resourcesOf(file);
    if (resources.length === 0 && !/^\s*(apiVersion|kind)\s*:/m.test(file.text)) return [];
    const push = (ruleId: string, span: Span, f: Pick<Finding, 'message' | 'severity' | 'related' | 'fixes'>): void => {
      const severity = effectiveSeverity(ruleId, f.severity, options);
      if (!severity) return;
      out.push({ ruleId, severity, message: f.message, uri: file.uri, span, ...(f.related?.length ? { related: f.related } : {}), ...(f.fixes?.length ? { fixes: f.fixes } : {}) });
    };

    for (const doc of file.documents) {
      // A document is checked for syntax only when it is (or tries to be) a manifest.
      const looksK8s = looksLikeManifest(doc.parsed.value) || /^\s*(apiVersion|kind)\s*:/m.test(doc.text);
      if (!looksK8s) continue;
      for (const p of doc.parsed.problems) {
        const ruleId = p.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
        push(ruleId, { start: doc.start + p.span.start, end: doc.start + p.span.end }, { message: p.message });
      }
    }

    for (const res of resources) {
      if (isNonResource(res.group, res.version, res.kind)) continue;
      for (const f of this.validator.validate(res, file.text)) push(f.ruleId, f.span ?? spanAt(res, f.path ?? [], f.part), f);
      for (const rule of RULES) {
        if (rule.kind !== 'resource' || effectiveSeverity(rule.meta.id, undefined, options) === undefined) continue;
        this.runRule(rule, res, file, options, push);
      }
    }
    return applySuppressions(file.text, out).sort(compareDiagnostics);
  }

  private runRule(rule: ResourceRule, res: Resource, file: ParsedFile, settings: EngineSettings, push: (ruleId: string, span: Span, f: Finding) => void): void {
    const ctx: ResourceContext = {
      res,
      bundle: this.bundle,
      settings,
      text: file.text,
      builtinGroups: this.builtinGroups,
      spanOf: (path, part) => spanAt(res, path, part),
      isCustomResourceKnown: () => false,
      report: (f) => push(rule.meta.id, f.span ?? spanAt(res, f.path ?? [], f.part), f),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      this.onRuleError(rule.meta.id, e);
      push('internal-error', spanAt(res, ['kind']), { message: `Rule ${rule.meta.id} failed on this object: ${(e as Error)?.message ?? String(e)}. The other rules still ran; see the log for the stack.` });
    }
  }
}

function effectiveSeverity(ruleId: string, findingSeverity: Severity | undefined, options: CheckOptions): Severity | undefined {
  const configured = options.rules?.[ruleId];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  return findingSeverity ?? RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? 'error';
}
