import type { CheckOptions, Engine, ErrorSink } from './check';
import { checkCustomResource } from './crd/customResource';
import { DEFAULT_SETTINGS } from './check';
import type { Diagnostic, Fix, Related, Severity, Span } from './diagnostic';
import { compareDiagnostics } from './diagnostic';
import { WorkspaceIndex } from './index/workspaceIndex';
import { isGoTemplate, isNonResource } from './k8s/nonResource';
import { kindSpan, resourcesOf, spanAt, type Resource } from './k8s/resource';
import { RULES, RULES_BY_ID } from './rules/registry';
import type { IndexView } from './index/types';
import type { RelatedInResource, WorkspaceContext, WorkspaceRule } from './rules/types';
import { applySuppressions } from './suppress';
import type { ParsedFile } from './yaml/parse';

export interface WorkspaceFile {
  readonly uri: string;
  readonly parsed: ParsedFile;
  readonly resources: readonly Resource[];
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

interface WorkspaceResult {
  findings: StoredFinding[];
  /** Index topics the rules read for this file: its results change only when one of them does. */
  reads: Set<string>;
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
  private readonly wsCache = new Map<string, WorkspaceResult>();
  private readonly readers = new Map<string, Set<string>>();
  private readonly lastAffected = new Map<string, string[]>();
  private index: WorkspaceIndex;
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
    const parsed = this.engine.parse(uri, text);
    const file: WorkspaceFile = { uri, parsed, resources: resourcesOf(parsed) };
    this.files.set(uri, file);
    this.invalidate(uri, this.index.setFile(uri, isGoTemplate(text) ? [] : file.resources));
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
      for (const f of this.files.values()) this.index.setFile(f.uri, isGoTemplate(f.parsed.text) ? [] : f.resources);
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
    let ws = this.wsCache.get(uri);
    if (!ws) {
      ws = this.runWorkspaceRules(file);
      this.wsCache.set(uri, ws);
      for (const t of ws.reads) {
        let set = this.readers.get(t);
        if (!set) this.readers.set(t, (set = new Set()));
        set.add(uri);
      }
    }
    if (ws.findings.length === 0) return own.diagnostics;
    const cross = applySuppressions(file.parsed.text, ws.findings.map((f) => this.publish(uri, f)));
    return [...own.diagnostics, ...cross].sort(compareDiagnostics);
  }

  private invalidate(uri: string, changedTopics: ReadonlySet<string>): void {
    const affected = new Set<string>([uri]);
    for (const t of changedTopics) for (const reader of this.readers.get(t) ?? []) affected.add(reader);
    for (const u of affected) this.forget(u);
    this.lastAffected.set(uri, [...affected].filter((u) => this.files.has(u)));
  }

  private forget(uri: string): void {
    const ws = this.wsCache.get(uri);
    if (!ws) return;
    this.wsCache.delete(uri);
    for (const t of ws.reads) {
      const set = this.readers.get(t);
      set?.delete(uri);
      if (set?.size === 0) this.readers.delete(t);
    }
  }

  private publish(uri: string, f: StoredFinding): Diagnostic {
    const related: Related[] = [];
    for (const r of f.related) {
      if (!('target' in r)) {
        related.push(r);
        continue;
      }
      // The target's facts are unchanged (else this finding would have been recomputed), but its position may have moved.
      const now = this.index.resolve(r.target.id);
      if (now) related.push({ uri: now.uri, span: spanAt(now.res, r.path, r.part), message: r.message });
    }
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, uri, span: f.span, ...(related.length ? { related } : {}), ...(f.fixes?.length ? { fixes: f.fixes } : {}) };
  }

  private runWorkspaceRules(file: WorkspaceFile): WorkspaceResult {
    const reads = new Set<string>();
    const findings: StoredFinding[] = [];
    if (isGoTemplate(file.parsed.text)) return { findings, reads };
    const view = this.index.view(reads);
    const rules = WORKSPACE_RULES().filter((r) => this.options.rules?.[r.meta.id] !== 'off');
    for (const res of file.resources) {
      if (isNonResource(res.group, res.version, res.kind)) continue;
      if (this.engine.isCustomResource(res)) this.checkCustomResource(res, file, view, findings);
      for (const rule of rules) {
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
            findings.push({ ruleId: rule.meta.id, severity, message: f.message, span: f.span ?? spanAt(res, f.path ?? [], f.part), related: f.related ?? [], ...(f.fixes?.length ? { fixes: f.fixes } : {}) });
          },
        };
        try {
          rule.check(ctx);
        } catch (e) {
          this.onRuleError(rule.meta.id, e);
          findings.push({ ruleId: 'internal-error', severity: 'error', span: kindSpan(res), related: [], message: `Rule ${rule.meta.id} failed on this object: ${(e as Error)?.message ?? String(e)}. The other rules still ran; see the log for the stack.` });
        }
      }
    }
    return { findings, reads };
  }

  /** Schema findings of a custom resource against its CRD elsewhere in the workspace: per-file rule ids, cross-file facts. */
  private checkCustomResource(res: Resource, file: WorkspaceFile, view: IndexView, findings: StoredFinding[]): void {
    try {
      for (const f of checkCustomResource(res, file.parsed.text, view, this.engine.crdSchemas)) {
        const severity = this.severityOf(f.ruleId, f.severity);
        if (severity) findings.push({ ruleId: f.ruleId, severity, message: f.message, span: f.span ?? spanAt(res, f.path ?? [], f.part), related: f.related ?? [], ...(f.fixes?.length ? { fixes: f.fixes } : {}) });
      }
    } catch (e) {
      this.onRuleError('crd-schema', e);
      findings.push({ ruleId: 'internal-error', severity: 'error', span: kindSpan(res), related: [], message: `Checking this object against its CustomResourceDefinition failed: ${(e as Error)?.message ?? String(e)}. See the log for the stack.` });
    }
  }

  private severityOf(ruleId: string, findingSeverity: Severity | undefined): Severity | undefined {
    const configured = this.options.rules?.[ruleId];
    if (configured === 'off') return undefined;
    if (configured) return configured;
    return findingSeverity ?? RULES_BY_ID.get(ruleId)?.meta.defaultSeverity ?? 'warning';
  }
}
