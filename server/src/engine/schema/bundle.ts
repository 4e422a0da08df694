/** The schema bundle that schemas/generate.mjs writes; the doors load it and hand it in. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  description?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  [key: string]: unknown;
}

export interface SchemaBundle {
  k8sVersion: string;
  source: string;
  /** "apps/v1:Deployment" -> definition name */
  kinds: Record<string, string>;
  definitions: Record<string, JsonSchema>;
}

export const kindKey = (apiVersion: string, kind: string): string => `${apiVersion}:${kind}`;

/** Follows $ref chains to the schema they name. */
export function deref(bundle: SchemaBundle, s: JsonSchema | undefined): JsonSchema | undefined {
  for (let i = 0; s?.$ref && i < 32; i++) {
    const target: JsonSchema | undefined = bundle.definitions[s.$ref.slice('#/definitions/'.length)];
    if (!target) return undefined;
    // Keep the field's own description, which is more specific than the type's.
    s = s.description ? { ...target, description: s.description } : target;
  }
  return s;
}

/** Follows $ref chains to the schema they name, as it is: for walkers that read only the structure (deref copies the schema to keep a field's description). */
export function resolveRef(bundle: SchemaBundle, s: JsonSchema | undefined): JsonSchema | undefined {
  for (let i = 0; s?.$ref && i < 32; i++) s = bundle.definitions[s.$ref.slice('#/definitions/'.length)];
  return s;
}

/** The schema of the field at `path` under a definition, walking objects and arrays. */
export function schemaAtPath(bundle: SchemaBundle, root: JsonSchema | undefined, path: readonly (string | number)[]): JsonSchema | undefined {
  let s = deref(bundle, root);
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') {
      s = deref(bundle, s.items);
      continue;
    }
    const next: JsonSchema | undefined = s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    s = deref(bundle, next);
  }
  return s;
}
