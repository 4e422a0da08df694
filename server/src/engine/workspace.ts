import type { CheckOptions, Engine, ErrorSink } from './check';
import { checkCustomResource } from './crd/customResource';
import { DEFAULT_SETTINGS } from './check';
import type { Diagnostic, Fix, Related, Severity, Span } from './diagnostic';
import { compareDiagnostics } from './diagnostic';
import type { IndexView } from './index/types';
import { WorkspaceIndex } from './index/workspaceIndex';
import { kustomizationOf, type Kustomization } from './k8s/kustomization';
import { isGoTemplateFile, isNonResource } from './k8s/nonResource';
import { kindSpan, resourcesOf, spanAt, type Resource } from './k8s/resource';
import { RULES, RULES_BY_ID } from './rules/registry';
import type { RelatedInResource, WorkspaceContext, WorkspaceRule } from './rules/types';
import { applyFileSuppressions } from './suppress';
import type { ParsedChunk, ParsedFile } from './yaml/parse';

export interface WorkspaceFile {
  readonly uri: string;
  readonly parsed: ParsedFile;
  readonly resources: readonly Resource[];
  /** Set when the file is a kustomization.yaml: what it builds and generates. */
  readonly kustomization?: Kustomization;
}

/** A workspace-rule finding as cached: related locations in other files stay symbolic until published. */
interface StoredFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  related: (Related | RelatedInResource)[];
  fixes?: Fix[];
}

/** Workspace-rule results of one object; spans in its own file are relative to its document's start. */
interface ObjectResult {
  findings: StoredFinding[];
  /** Index topics the rules read for this object: its results change only when one of them does. */
  reads: Set<string>;
}

/**
 * A file's workspace-rule results, per object. Objects are found again by
 * their parsed document (the same object while its text is unchanged), the
 * how-many-th document with that text it is, and their place in it (List items).
 */
interface FileResults {
  byDocument: Map<ParsedChunk, (ObjectResult | undefined)[][]>;
  /** Union of the objects' reads: the topics under which this file is registered as a reader. */
  reads: Set<string>;
  objects: number;
}

const WORKSPACE_RULES = (): WorkspaceRule[] => RULES.filter((r): r is WorkspaceRule => r.kind === 'workspace');

/**
 * Every manifest file Kubesim knows of (open editors and the files on disk),
 * parsed once per content, checked file by file (Engine.checkFile) and as one
 * system (workspace rules over the WorkspaceIndex). The doors feed it text; it
 * never reads files.
 *
 * Workspace results are cached per file together with the index topics their
 * rules read; setFile re-checks only the edited file and the readers of topics
 * whose facts changed (see affectedBy).
 */
export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private readonly fileCache = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  private readonly wsCache = new Map<string, FileResults>();
  private readonly readers = new Map<string, Set<string>>();
  private readonly lastAffected = new Map<string, string[]>();
  private index: WorkspaceIndex;
  private unionsSinceFull = 0;
  /** How many times workspace rules ran on each file's objects (one per rule and object): tests use it to prove caching. */
  readonly ruleEvaluations = new Map<string, number>();

  constructor(
    readonly engine: Engine,
    public options: CheckOptions = DEFAULT_SETTINGS,
    private readonly onRuleError: ErrorSink = () => {},
  ) {
    this.index = new WorkspaceIndex(options.defaultNamespace);
  }

  setFile(uri: string, text: string): WorkspaceFile {
    const existing = this.files.get(uri);
    if (existing && existing.parsed.text === text) {
      this.lastAffected.set(uri, []);
      return existing;
    }
    const parsed = this.engine.parse(uri, text, existing?.parsed);
    const templated = isGoTemplateFile(parsed);
    const kustomization = templated ? undefined : kustomizationOf(parsed);
    const file: WorkspaceFile = { uri, parsed, resources: resourcesOf(parsed), ...(kustomization ? { kustomization } : {}) };
    this.files.set(uri, file);
    this.invalidate(uri, this.index.setFile(uri, templated ? [] : file.resources, kustomization));
    return file;
  }

  removeFile(uri: string): void {
    if (!this.files.has(uri)) return;
    this.files.delete(uri);
    this.fileCache.delete(uri);
    this.invalidate(uri, this.index.removeFile(uri));
  }

  getFile(uri: string): WorkspaceFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** The index for editor features (navigation, lenses, completion); their reads are not tracked as rule dependencies. */
  view(): IndexView {
    return this.index.view(new Set());
  }

  /**
   * The files whose diagnostics may have changed through the last setFile or
   * removeFile of `uri` (itself included while it exists): the doors republish these.
   */
  affectedBy(uri: string): string[] {
    return this.lastAffected.get(uri) ?? (this.files.has(uri) ? [uri] : []);
  }

  setOptions(options: CheckOptions): void {
    this.options = options;
    this.fileCache.clear();
    this.wsCache.clear();
    this.readers.clear();
    if (options.defaultNamespace !== this.index.defaultNamespace) {
      this.index = new WorkspaceIndex(options.defaultNamespace);
      for (const f of this.files.values()) this.index.setFile(f.uri, isGoTemplateFile(f.parsed) ? [] : f.resources, f.kustomization);
    }
  }

  /** Per-file and workspace diagnostics of one file, each computed once per content and relevant workspace facts. */
  diagnostics(uri: string): Diagnostic[] {
    const file = this.files.get(uri);
    if (!file) return [];
    let own = this.fileCache.get(uri);
    if (!own || own.text !== file.parsed.text) {
      own = { text: file.parsed.text, diagnostics: this.engine.checkFile(file.parsed, this.options) };
      this.fileCache.set(uri, own);
    }
    const findings = this.workspaceFindings(file);
    // A kustomize patch is part of another object: judged alone it lacks required fields it does not need to have.
    const mine = this.index.isPatch(uri) ? own.diagnostics.filter((d) => d.ruleId.startsWith('yaml')) : own.diagnostics;
    if (findings.length === 0) return mine;
    const cross = applyFileSuppressions(file.parsed, findings);
    return [...mine, ...cross].sort(compareDiagnostics);
  }

  /** Workspace-rule findings of a file, re-running the rules only for objects without a valid result. */
  private workspaceFindings(file: WorkspaceFile): Diagnostic[] {
    const uri = file.uri;
    const previous = this.wsCache.get(uri);
    const byDocument = new Map<ParsedChunk, (ObjectResult | undefined)[][]>();
    const occurrences = new Map<ParsedChunk, number>();
    const out: Diagnostic[] = [];
    const checkable = !isGoTemplateFile(file.parsed);
    let i = 0;
    const fresh: ObjectResult[] = [];
    for (const doc of file.parsed.documents) {
      const n = occurrences.get(doc.parsed) ?? 0;
      occurrences.set(doc.parsed, n + 1);
      const old = previous?.byDocument.get(doc.parsed)?.[n];
      const results: ObjectResult[] = [];
      for (let k = 0; i < file.resources.length && file.resources[i].document === doc; i++, k++) {
        const res = file.resources[i];
        let result = old?.[k];
        if (!result) {
          result = checkable ? this.runWorkspaceRules(file, res) : { findings: [], reads: new Set<string>() };
          fresh.push(result);
        }
        results.push(result);
        for (const f of result.findings) out.push(this.publish(uri, f, doc.start));
      }
      let lists = byDocument.get(doc.parsed);
      if (!lists) byDocument.set(doc.parsed, (lists = []));
      lists[n] = results;
    }
    const objects = file.resources.length;
    // With fewer objects than before, some reads may belong to none any more: take the full union then.
    const shrunk = previous !== undefined && objects < previous.objects;
    const reads = previous && fresh.length === 0 && !shrunk ? previous.reads : this.readsOf(byDocument, shrunk ? undefined : previous?.reads, fresh);
    if (reads !== previous?.reads) this.setReads(uri, previous?.reads, reads);
    this.wsCache.set(uri, { byDocument, reads, objects });
    return out;
  }

  /**
   * The union of the objects' reads. After a few re-run objects the previous
   * union plus theirs is enough: a topic read by an object that is gone only
   * costs a needless re-check, and a full union every so often drops those.
   */
  private readsOf(byDocument: FileResults['byDocument'], previous: ReadonlySet<string> | undefined, fresh: readonly ObjectResult[]): Set<string> {
    const full = !previous || fresh.length > 8 || ++this.unionsSinceFull > 64;
    if (!full) {
      // Usually a re-run object reads what it read before: then the union is the same set.
      if (fresh.every((r) => isSubset(r.reads, previous))) return previous as Set<string>;
      const reads = new Set<string>(previous);
      for (const r of fresh) for (const t of r.reads) reads.add(t);
      return reads;
    }
    this.unionsSinceFull = 0;
    const reads = new Set<string>();
    for (const lists of byDocument.values()) for (const results of lists) for (const r of results ?? []) for (const t of r?.reads ?? []) reads.add(t);
    return reads;
  }

  private setReads(uri: string, before: ReadonlySet<string> | undefined, after: ReadonlySet<string>): void {
    for (const t of before ?? []) {
      if (after.has(t)) continue;
      const set = this.readers.get(t);
      set?.delete(uri);
      if (set?.size === 0) this.readers.delete(t);
    }
    for (const t of after) {
      let set = this.readers.get(t);
      if (!set) this.readers.set(t, (set = new Set()));
      set.add(uri);
    }
  }

  private invalidate(uri: string, changedTopics: ReadonlySet<string>): void {
    const affected = new Set<string>([uri]);
    for (const t of changedTopics) for (const reader of this.readers.get(t) ?? []) affected.add(reader);
    // Objects whose reads changed lose their results; the others keep them (the edited file's untouched documents too).
    for (const u of affected) this.forget(u, changedTopics);
    if (!this.files.has(uri)) this.forget(uri, undefined);
    this.lastAffected.set(uri, [...affected].filter((u) => this.files.has(u)));
  }

  /** Drops the results of a file's objects that read one of `topics` (all of them when undefined). */
  private forget(uri: string, topics: ReadonlySet<string> | undefined): void {
    const ws = this.wsCache.get(uri);
    if (!ws) return;
    if (topics === undefined) {
      this.wsCache.delete(uri);
      this.setReads(uri, ws.reads, new Set());
      return;
    }
    for (const lists of ws.byDocument.values()) {
      for (const results of lists) {
        if (!results) continue;
        for (let k = 0; k < results.length; k++) if (results[k] && readsAny(results[k]!.reads, topics)) results[k] = undefined;
      }
    }
  }

  private publish(uri: string, f: StoredFinding, base: number): Diagnostic {
    const move = (span: Span): Span => ({ start: span.start + base, end: span.end + base });
    const related: Related[] = [];
    for (const r of f.related) {
      if (!('target' in r)) {
        related.push(r.uri === uri ? { ...r, span: move(r.span) } : r);
        continue;
      }
      // The target's facts are unchanged (else this finding would have been recomputed), but its position may have moved.
      const now = this.index.resolve(r.target.id);
      // An object a kustomization generates has no metadata of its own: point at its generator entry.
      const path = now?.facts.generatorPath && r.path.join('.') === 'metadata.name' ? now.facts.generatorPath : r.path;
      if (now) related.push({ uri: now.uri, span: spanAt(now.res, path, r.part), message: r.message });
    }
    const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.uri === uri ? { ...e, span: move(e.span) } : e)) }));
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, uri, span: move(f.span), ...(related.length ? { related } : {}), ...(fixes?.length ? { fixes } : {}) };
  }

  /** The workspace rules on one object; spans in its own file are stored relative to its document. */
  private runWorkspaceRules(file: WorkspaceFile, res: Resource): ObjectResult {
    const reads = new Set<string>();
    const findings: StoredFinding[] = [];
    if (isNonResource(res.group, res.version, res.kind)) return { findings, reads };
    const base = res.document.start;
    const local = (span: Span): Span => ({ start: span.start - base, end: span.end - base });
    const view = this.index.view(reads);
    if (view.isPatch(file.uri)) return { findings, reads };
    if (this.engine.isCustomResource(res)) this.checkCustomResource(res, file, view, findings, local);
    for (const rule of WORKSPACE_RULES()) {
      if (this.options.rules?.[rule.meta.id] === 'off') continue;
      this.ruleEvaluations.set(file.uri, (this.ruleEvaluations.get(file.uri) ?? 0) + 1);
      const ctx: WorkspaceContext = {
        res,
        namespace: view.namespaceOf(res),
        settings: this.options,
        index: view,
        isCustomResource: () => this.engine.isCustomResource(res),
        spanOf: (path, part) => spanAt(res, path, part),
        report: (f) => {
          const severity = this.severityOf(rule.meta.id, f.severity);
          if (!severity) return;
          const related = (f.related ?? []).map((r) => ('target' in r || r.uri !== file.uri ? r : { ...r, span: local(r.span) }));
          const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.uri === file.uri ? { ...e, span: local(e.span) } : e)) }));
          findings.push({ ruleId: rule.meta.id, severity, message: f.message, span: local(f.span ?? spanAt(res, f.path ?? [], f.part)), related, ...(fixes?.length ? { fixes } : {}) });
        },
      };
      try {
        rule.check(ctx);
      } catch (e) {
        this.onRuleError(rule.meta.id, e);
        findings.push({ ruleId: 'internal-error', severity: 'error', span: local(kindSpan(res)), related: [], message: `Rule ${rule.meta.id} failed on this object: ${(e as Error)?.message ?? String(e)}. The other rules still ran; see the log for the stack.` });
      }
    }
    return { findings, reads };
  }

  /** Schema findings of a custom resource against its CRD elsewhere in the workspace: per-file rule ids, cross-file facts. */
  private checkCustomResource(res: Resource, file: WorkspaceFile, view: IndexView, findings: StoredFinding[], local: (span: Span) => Span): void {
    try {
      for (const f of checkCustomResource(res, file.parsed.text, view, this.engine.crdSchemas)) {
        const severity = this.severityOf(f.ruleId, f.severity);
        if (!severity) continue;
        const related = (f.related ?? []).map((r) => ('target' in r || r.uri !== file.uri ? r : { ...r, span: local(r.span) }));
        const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.uri === file.uri ? { ...e, span: local(e.span) } : e)) }));
        findings.push({ ruleId: f.ruleId, severity, message: f.message, span: local(f.span ?? spanAt(res, f.path ?? [], f.part)), related, ...(fixes?.length ? { fixes } : {}) });
      }
    } catch (e) {
      this.onRuleError('crd-schema', e);
      findings.push({ ruleId: 'internal-error', severity: 'error', span: local(kindSpan(res)), related: [], message: `Checking this object against its CustomResourceDefinition failed: ${(e as Error)?.message ?? String(e)}. See the log for the stack.` });
    }
  }

  private severityOf(ruleId: string, findingSeverity: Severity | undefined): Severity | undefined {
    const configured = this.options.rules?.[ruleId];
    if (configured === 'off') return undefined;
    if (configured) return configured;
    return findingSeverity ?? RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? 'warning';
  }
}

function readsAny(reads: ReadonlySet<string>, topics: ReadonlySet<string>): boolean {
  if (topics.size === 0) return false;
  for (const t of reads) if (topics.has(t)) return true;
  return false;
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const t of a) if (!b.has(t)) return false;
  return true;
}
