import type { Diagnostic, Fix, Related, Severity, Span } from '../diagnostic';
import type { Resource } from '../k8s/resource';
import type { SchemaBundle } from '../schema/bundle';
import type { IndexedResource, IndexView } from '../index/types';
import type { PathSegment } from '../yaml/ast';

export interface RuleMeta {
  /** Stable kebab-case id: shown in `code`, used in settings and suppressions. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  /** Why it matters, and what to write instead (docs page body). */
  rationale: string;
  defaultSeverity: Severity;
  /** A short example that fires, for the docs page. */
  example?: string;
}

export interface Finding {
  /** Where: a path inside the resource (with `part`), or an explicit file span. */
  path?: readonly PathSegment[];
  part?: 'key' | 'value';
  span?: Span;
  message: string;
  /** Overrides the rule's configured severity for this finding (e.g. optional references). */
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  /**
   * The API server's own words for this field error (`spec.accessModes:
   * Required value: ...`), when `message` explains more: the simulator
   * rejects the object with these, as kubectl prints them.
   */
  apiError?: string;
}

export interface EngineSettings {
  /** Kubernetes minor version, "1.30", used to judge removed and deprecated APIs. */
  k8sVersion: string;
  /** Namespace of objects that name none. */
  defaultNamespace: string;
}

export interface ResourceContext {
  readonly res: Resource;
  readonly bundle: SchemaBundle;
  readonly settings: EngineSettings;
  /** The file's whole text, for rules that look at how a value was written. */
  readonly text: string;
  /** API groups Kubernetes serves or once served; any other group is a custom resource. */
  readonly builtinGroups: ReadonlySet<string>;
  /** The file span of the value (or key) at a path inside the object. */
  spanOf(path: readonly PathSegment[], part?: 'key' | 'value'): Span;
  report(f: Finding): void;
}

/** A rule that looks at one object at a time. */
export interface ResourceRule {
  meta: RuleMeta;
  kind: 'resource';
  check(ctx: ResourceContext): void;
}

/**
 * Rules whose findings the engine produces elsewhere (YAML parsing, the schema
 * validator) still have metadata, so they get docs pages and settings like any other.
 */
export interface BuiltinRule {
  meta: RuleMeta;
  kind: 'builtin';
}

export type Rule = ResourceRule | BuiltinRule | WorkspaceRule;

/** A related location in another object, resolved to a file span when the diagnostic is published. */
export interface RelatedInResource {
  target: IndexedResource;
  path: readonly PathSegment[];
  part?: 'key' | 'value';
  message: string;
}

export interface WorkspaceFinding extends Omit<Finding, 'related'> {
  /** The other side of a cross-resource finding; always filled when that side exists. */
  related?: (Related | RelatedInResource)[];
}

export interface WorkspaceContext {
  readonly res: Resource;
  /** The object's effective namespace (undefined for cluster-scoped kinds). */
  readonly namespace: string | undefined;
  readonly settings: EngineSettings;
  /** The whole workspace; every read is recorded as a dependency of this file's results. */
  readonly index: IndexView;
  /** True when no built-in API group serves this object's kind: a custom resource. */
  isCustomResource(): boolean;
  spanOf(path: readonly PathSegment[], part?: 'key' | 'value'): Span;
  report(f: WorkspaceFinding): void;
}

/** A rule that looks at one object together with the rest of the workspace. */
export interface WorkspaceRule {
  meta: RuleMeta;
  kind: 'workspace';
  check(ctx: WorkspaceContext): void;
}

export type { Diagnostic };
