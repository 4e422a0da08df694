import type { Diagnostic, Severity, Span } from './diagnostic';
import { compareDiagnostics } from './diagnostic';
import { builtinGroups } from './k8s/apis';
import { isGoTemplateFile, isNonResource } from './k8s/nonResource';
import { resourcesOf, spanAt, type Resource } from './k8s/resource';
import { RULES, RULES_BY_ID } from './rules/registry';
import type { EngineSettings, Finding, ResourceContext, Rule } from './rules/types';
import type { SchemaBundle } from './schema/bundle';
import { crdProblems } from './crd/problems';
import { CrdSchemas } from './crd/schemas';
import { SchemaValidator, type PrecompiledValidators } from './schema/validate';
import { applyFileSuppressions } from './suppress';
import { isMap, type Node } from 'yaml';
import { findPair } from './yaml/ast';
import { ChunkCache, parseYamlFile, looksLikeManifest, type ParsedChunk, type ParsedFile, type YamlDocument } from './yaml/parse';

export type SeverityOverride = Severity | 'off';

export interface CheckOptions extends EngineSettings {
  /** Per-rule severity overrides (settings, .kubesim.yaml). */
  rules?: Record<string, SeverityOverride>;
}

export const DEFAULT_SETTINGS: CheckOptions = { k8sVersion: '1.30', defaultNamespace: 'default' };

/** Receives the stack of a rule that threw; the doors send it to their log. */
export type ErrorSink = (ruleId: string, error: unknown) => void;

interface DocumentResult {
  uri: string;
  options: CheckOptions;
  rules: readonly Rule[];
  diagnostics: readonly Diagnostic[];
}

/**
 * The engine: the schema bundle, compiled validators and a parse cache. One
 * instance serves a whole session (the language server, a CLI run).
 */
export class Engine {
  readonly validator: SchemaValidator;
  /** CRD schemas compiled once per content, for the CRDs' own check and their custom resources. */
  readonly crdSchemas: CrdSchemas;
  /** Null for a run that parses and checks each text once (a plain `kubesim simulate`): caches would only hash and hold every document. */
  readonly cache: ChunkCache | null;
  /**
   * Per-document diagnostics, kept with the parsed document they came from.
   * Two results per document: the language server checks a document for the
   * workspace and again, under the simulator's options, for a simulation; one
   * slot would make each evict the other.
   */
  private readonly documentResults = new WeakMap<ParsedChunk, DocumentResult[]>();
  readonly builtinGroups: ReadonlySet<string>;
  /** The rules run on each object; tests swap in their own (e.g. one that throws). */
  rules: readonly Rule[] = RULES;

  constructor(readonly bundle: SchemaBundle, private readonly onRuleError: ErrorSink = () => {}, precompiled?: PrecompiledValidators, cache: ChunkCache | null = new ChunkCache()) {
    this.cache = cache;
    this.validator = new SchemaValidator(bundle, precompiled);
    this.crdSchemas = new CrdSchemas(bundle);
    this.builtinGroups = builtinGroups(bundle.kinds);
  }

  /** A kind that no built-in API group serves: a custom resource, judged by its CRD when the workspace has it. */
  isCustomResource(res: Resource): boolean {
    return !this.bundle.kinds[`${res.apiVersion}:${res.kind}`] && !this.builtinGroups.has(res.group);
  }

  /** With the file's previous version, only the documents around the edit are cut and looked up again. */
  parse(uri: string, text: string, previous?: ParsedFile): ParsedFile {
    return parseYamlFile(uri, text, this.cache ?? undefined, previous);
  }

  /**
   * Diagnostics for one file, on its own (cross-file checks come from the
   * workspace). `rules` narrows the resource rules run (the simulator needs
   * only those that can reject an object). Never throws.
   */
  checkFile(file: ParsedFile, options: CheckOptions = DEFAULT_SETTINGS, rules: readonly Rule[] = this.rules): Diagnostic[] {
    try {
      return this.checkFileUnsafe(file, options, rules);
    } catch (e) {
      this.onRuleError('internal-error', e);
      const end = Math.min(file.text.length, Math.max(file.text.indexOf('\n'), 1));
      return [{ ruleId: 'internal-error', severity: 'error', uri: file.uri, span: { start: 0, end }, message: `Kubesim failed to check this file: ${(e as Error)?.message ?? String(e)}. See the log for the stack.` }];
    }
  }

  private checkFileUnsafe(file: ParsedFile, options: CheckOptions, rules: readonly Rule[]): Diagnostic[] {
    if (isGoTemplateFile(file)) return [];
    const out: Diagnostic[] = [];
    for (const doc of file.documents) {
      for (const d of this.checkDocumentCached(file.uri, doc, options, rules)) out.push(shiftDiagnostic(d, doc.start));
    }
    return applyFileSuppressions(file, out).sort(compareDiagnostics);
  }

  /**
   * One `---` document's diagnostics, with spans relative to its start. They
   * depend only on its text, the uri and the options, so they are kept with
   * the parsed document (the parse cache hands back the same object for the
   * same text) and an edit re-checks only the document it touched.
   */
  private checkDocumentCached(uri: string, doc: YamlDocument, options: CheckOptions, rules: readonly Rule[]): readonly Diagnostic[] {
    // Without a parse cache no parsed document comes back, so none is worth remembering results for.
    if (this.cache === null) return this.checkDocument(uri, doc, options, rules);
    const kept = this.documentResults.get(doc.parsed);
    const hit = kept?.find((r) => r.uri === uri && r.options === options && r.rules === rules);
    if (hit) return hit.diagnostics;
    const diagnostics = this.checkDocument(uri, doc, options, rules);
    const result: DocumentResult = { uri, options, rules, diagnostics };
    // The newest first; the older of two is dropped.
    this.documentResults.set(doc.parsed, kept ? [result, kept[0]] : [result]);
    return diagnostics;
  }

  private checkDocument(uri: string, whole: YamlDocument, options: CheckOptions, rules: readonly Rule[]): Diagnostic[] {
    // The document on its own, as if it were a file: rules and the validator see offsets relative to its start.
    const doc: YamlDocument = { ...whole, start: 0, end: whole.text.length };
    const file: ParsedFile = { uri, text: doc.text, documents: [doc] };
    const out: Diagnostic[] = [];
    const push = (ruleId: string, span: Span, f: Pick<Finding, 'message' | 'severity' | 'related' | 'fixes' | 'path' | 'apiError'>): void => {
      const severity = effectiveSeverity(ruleId, f.severity, options);
      if (!severity) return;
      out.push({ ruleId, severity, message: f.message, uri, span, ...(f.related?.length ? { related: f.related } : {}), ...(f.fixes?.length ? { fixes: f.fixes } : {}), ...(f.path ? { path: f.path } : {}), ...(f.apiError ? { apiError: f.apiError } : {}) });
    };

    // A document is checked for syntax only when it is (or tries to be) a manifest.
    const looksK8s = looksLikeManifest(doc.parsed.value) || /^\s*(apiVersion|kind)\s*:/m.test(doc.text);
    if (!looksK8s) return out;
    for (const p of doc.parsed.problems) {
      const ruleId = p.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
      // The parser may point one past the end of a document; keep spans inside it.
      const clamp = (o: number): number => Math.min(doc.end, Math.max(0, o));
      push(ruleId, { start: clamp(p.span.start), end: clamp(p.span.end) }, { message: p.message });
    }
    const missing = missingTypeField(doc, this.bundle);
    if (missing) push('schema-required', missing.span, { message: missing.message });

    for (const res of resourcesOf(file)) {
      if (isNonResource(res.group, res.version, res.kind)) continue;
      let findings: ReturnType<SchemaValidator['validate']> = [];
      try {
        findings = this.validator.validate(res, file.text);
      } catch (e) {
        // A pathological value (e.g. nesting deep enough to overflow the validator) must not hide the rest.
        this.onRuleError('schema', e);
        push('internal-error', spanAt(res, ['kind']), { message: `The schema check failed on this object: ${(e as Error)?.message ?? String(e)}.` });
      }
      // A schema finding on a value says where through instancePath (an unknown field's path ends at the field).
      for (const f of findings) push(f.ruleId, f.span ?? spanAt(res, f.path ?? [], f.part), { ...f, path: f.path ?? f.instancePath });
      try {
        for (const f of crdProblems(res, this.crdSchemas)) push('crd-invalid', f.span ?? spanAt(res, f.path ?? [], f.part), f);
      } catch (e) {
        this.onRuleError('crd-invalid', e);
        push('internal-error', spanAt(res, ['kind']), { message: `The CustomResourceDefinition check failed on this object: ${(e as Error)?.message ?? String(e)}.` });
      }
      this.runRules(res, file, options, rules, push);
    }
    return out;
  }

  /** The resource rules on one object. They share one context (rules are synchronous); `report` files under the rule running. */
  private runRules(res: Resource, file: ParsedFile, settings: CheckOptions, rules: readonly Rule[], push: (ruleId: string, span: Span, f: Finding) => void): void {
    let ruleId = '';
    const ctx: ResourceContext = {
      res,
      bundle: this.bundle,
      settings,
      text: file.text,
      builtinGroups: this.builtinGroups,
      spanOf: (path, part) => spanAt(res, path, part),
      report: (f) => push(ruleId, f.span ?? spanAt(res, f.path ?? [], f.part), f),
    };
    for (const rule of rules) {
      if (rule.kind !== 'resource' || effectiveSeverity(rule.meta.id, undefined, settings) === undefined) continue;
      ruleId = rule.meta.id;
      try {
        rule.check(ctx);
      } catch (e) {
        this.onRuleError(ruleId, e);
        push('internal-error', spanAt(res, ['kind']), { message: `Rule ${ruleId} failed on this object: ${(e as Error)?.message ?? String(e)}. The other rules still ran; see the log for the stack.` });
      }
    }
  }
}

/**
 * A document that names a kind but lacks a usable kind or apiVersion: kubectl
 * cannot decode it ("Object 'Kind' is missing in …" / "Object 'apiVersion' is
 * missing in …", NewMissingKindErr / NewMissingVersionErr in
 * k8s.io/apimachinery/pkg/runtime/error.go). A document with only an
 * apiVersion is left alone: Helm's Chart.yaml and many tool configs look so.
 */
function missingTypeField(doc: YamlDocument, bundle: SchemaBundle): { span: Span; message: string } | undefined {
  const value = doc.parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'kind')) return undefined;
  const obj = value as Record<string, unknown>;
  const kindEmpty = typeof obj.kind !== 'string' || obj.kind === '';
  const versionEmpty = typeof obj.apiVersion !== 'string' || obj.apiVersion === '';
  if (!kindEmpty && !versionEmpty) return undefined; // the common case decides without the AST
  const root = doc.parsed.doc.contents;
  const kindPair = isMap(root) ? findPair(root, 'kind') : undefined;
  if (!isMap(root) || !kindPair) return undefined;
  const at = (node: unknown): Span | undefined => {
    const r = (node as Node | null | undefined)?.range;
    return r ? { start: doc.start + r[0], end: doc.start + r[1] } : undefined;
  };
  const keySpan = at(kindPair.key) ?? { start: doc.start, end: doc.start };
  if (kindEmpty) {
    return { span: keySpan, message: 'kind is empty: kubectl cannot tell what object this is and refuses it ("Object \'Kind\' is missing"). Give the object\'s kind, e.g. kind: ConfigMap.' };
  }
  const versionPair = findPair(root, 'apiVersion');
  const served = Object.keys(bundle.kinds).filter((k) => k.endsWith(':' + obj.kind)).map((k) => k.slice(0, -String(obj.kind).length - 1));
  const hint = served.length ? ` ${obj.kind} is served as apiVersion: ${served.find((v) => !/alpha|beta/.test(v)) ?? served[0]}.` : '';
  return { span: (versionPair && at(versionPair.key)) || keySpan, message: `Missing required field "apiVersion": kubectl refuses an object without it ("Object 'apiVersion' is missing").${hint}` };
}

/** A document-relative diagnostic moved to its place in the file (its own spans, its fixes' and its related locations in the same file). */
function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  const move = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const out: Diagnostic = { ...d, span: move(d.span) };
  if (d.related) out.related = d.related.map((r) => (r.uri === d.uri ? { ...r, span: move(r.span) } : r));
  if (d.fixes) out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => (e.uri === d.uri ? { ...e, span: move(e.span) } : e)) }));
  return out;
}

function effectiveSeverity(ruleId: string, findingSeverity: Severity | undefined, options: CheckOptions): Severity | undefined {
  const configured = options.rules?.[ruleId];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  return findingSeverity ?? RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? 'error';
}
