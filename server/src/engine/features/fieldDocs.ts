import type { JsonSchema, SchemaBundle } from '../schema/bundle';
import { deref } from '../schema/bundle';
import { statedDefault, typeName } from './fieldSchema';

/** Markdown for one field: type, required, default, allowed values, then the upstream description. */
export function fieldDocumentation(bundle: SchemaBundle, name: string, raw: JsonSchema, parent: JsonSchema | undefined, opts: { isProperty?: boolean } = {}): string {
  const s = deref(bundle, raw) ?? raw;
  const lines: string[] = [];
  const required = opts.isProperty !== false && !!parent?.required?.includes(name);
  lines.push(`**${name}** · \`${typeName(bundle, raw)}\`${required ? ' · **required**' : ' · optional'}`);
  const enumValues = Array.isArray(s.enum) ? s.enum : Array.isArray(deref(bundle, s.items)?.enum) ? deref(bundle, s.items)?.enum : undefined;
  if (enumValues?.length) lines.push(`Allowed values: ${enumValues.map((v) => `\`${v === '' ? '""' : String(v)}\``).join(', ')}`);
  const def = statedDefault(s.description);
  if (def !== undefined) lines.push(`Default: ${def}`);
  if (s.description) lines.push('', s.description);
  return lines.join('\n\n').replace(/\n\n\n\n/g, '\n\n');
}
