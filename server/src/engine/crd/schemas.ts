import Ajv, { type ValidateFunction } from 'ajv';
import { deref, type JsonSchema, type SchemaBundle } from '../schema/bundle';
import { describeSchemaError, type SchemaFinding, type SchemaShape } from '../schema/describe';
import { valueToValidate } from '../schema/validate';
import type { Resource } from '../k8s/resource';
import type { PathSegment } from '../yaml/ast';
import { toAjvSchema } from './structural';

export type CompiledSchema = { ok: true; validate: ValidateFunction; schema: JsonSchema } | { ok: false; error: string };

/** Distinct schema contents kept compiled; a workspace rarely has more, and editing a CRD makes one per keystroke. */
const MAX_COMPILED = 256;

/**
 * Compiles CRD schemas with ajv, once per schema content: a second CRD with the
 * same schema, or the same CRD re-parsed, reuses the compiled validator. Owned
 * by the Engine, so every workspace of a session shares it.
 */
export class CrdSchemas {
  /** Made on the first CRD: adding every definition to ajv costs tens of milliseconds a file without CRDs need not wait for. */
  private ajvInstance: Ajv | undefined;
  private readonly byContent = new Map<string, CompiledSchema>();
  private readonly byObject = new WeakMap<object, CompiledSchema>();
  /** How many schemas were compiled: tests use it to prove the cache works. */
  compilations = 0;

  constructor(private readonly bundle: SchemaBundle) {}

  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
      this.ajvInstance.addSchema({ $id: 'k8s', definitions: this.bundle.definitions });
    }
    return this.ajvInstance;
  }

  /** The compiled form of a version's openAPIV3Schema; the parsed object is a cheap key while its document is unchanged. */
  compile(schema: Record<string, unknown>): CompiledSchema {
    const known = this.byObject.get(schema);
    if (known) return known;
    const key = JSON.stringify(schema);
    let compiled = this.byContent.get(key);
    if (compiled) {
      // Most recently used last, so eviction drops the oldest.
      this.byContent.delete(key);
    } else {
      compiled = this.compileNew(schema);
    }
    this.byContent.set(key, compiled);
    this.byObject.set(schema, compiled);
    this.evict();
    return compiled;
  }

  validate(res: Resource, text: string, compiled: CompiledSchema & { ok: true }): SchemaFinding[] {
    if (compiled.validate(valueToValidate(res))) return [];
    const shape = this.shapeOf(compiled.schema, res.kind);
    const out: SchemaFinding[] = [];
    for (const err of compiled.validate.errors ?? []) {
      const f = describeSchemaError(res, text, shape, err);
      if (f) out.push(f);
    }
    return out;
  }

  private compileNew(schema: Record<string, unknown>): CompiledSchema {
    this.compilations++;
    try {
      const converted = toAjvSchema(schema);
      return { ok: true, validate: this.ajv.compile(converted), schema: converted };
    } catch (e) {
      return { ok: false, error: (e as Error)?.message ?? String(e) };
    }
  }

  private evict(): void {
    while (this.byContent.size > MAX_COMPILED) {
      const [oldest, compiled] = this.byContent.entries().next().value as [string, CompiledSchema];
      this.byContent.delete(oldest);
      if (compiled.ok) this.ajv.removeSchema(compiled.schema);
    }
  }

  /** Field names and owner names for messages, following the converted schema and, from metadata on, the bundle. */
  private shapeOf(root: JsonSchema, kind: string): SchemaShape {
    const at = (path: readonly PathSegment[]): { schema?: JsonSchema; name: string } => {
      let s: JsonSchema | undefined = root;
      let name = kind;
      for (const seg of path) {
        if (!s) break;
        const next: JsonSchema | undefined = typeof seg === 'number' ? s.items : (s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
        const ref = next?.$ref;
        if (typeof ref === 'string' && ref.startsWith('k8s#/definitions/')) {
          name = ref.split('.').pop() ?? name;
          s = deref(this.bundle, { $ref: ref.slice('k8s'.length) });
          continue;
        }
        if (next?.$ref) name = next.$ref.split('.').pop() ?? name;
        else if (typeof seg === 'string') name = seg;
        s = deref(this.bundle, next);
      }
      return { schema: s, name };
    };
    return {
      knownFields: (path) => Object.keys(at(path).schema?.properties ?? {}),
      ownerName: (path) => at(path).name,
    };
  }
}

