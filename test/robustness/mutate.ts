/** Seeded mutations of YAML text for the fuzz test. Deterministic for a seed. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

const SNIPPETS = ['\t', '\r\n', '\uFEFF', '😀', '\u{1F600}\u{1F4A9}', 'é', '\u0000', ': ', '- ', '---\n', '...\n', '{', '}', '[', ']', '&a ', '*a', '<<: *a\n', '!!binary ', '"', "'", '|\n', '>-\n', '#', '%YAML 1.1\n', 'n', 'yes', '0755', '1e400', '-', '? '];

/** One random mutation: a byte flip, a cut, an indentation shift, a splice of tricky text. */
export function mutate(text: string, rng: Rng): string {
  if (text.length === 0) return SNIPPETS[int(rng, SNIPPETS.length)];
  const at = int(rng, text.length + 1);
  switch (int(rng, 8)) {
    case 0: {
      const code = text.charCodeAt(Math.min(at, text.length - 1)) ^ (1 << int(rng, 7));
      return text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
    }
    case 1:
      return text.slice(0, at);
    case 2: {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return rng() < 0.5 ? text.slice(0, lineStart) + '  ' + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
    }
    case 3:
      return text.slice(0, at) + SNIPPETS[int(rng, SNIPPETS.length)] + text.slice(at);
    case 4:
      return text.replace(/\n/g, '\r\n');
    case 5: {
      const b = int(rng, text.length + 1);
      return text.slice(0, Math.min(at, b)) + text.slice(Math.max(at, b));
    }
    case 6: {
      // Duplicate a line, which makes duplicate keys.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
      return text.slice(0, lineStart) + line + text.slice(lineStart);
    }
    default:
      return text.slice(0, at) + String.fromCodePoint(0x20 + int(rng, 0x1ffff)) + text.slice(at);
  }
}

/** Documents built to hurt: deep nesting, huge sequences and scalars, alias bombs. */
export function hostileDocuments(): { name: string; text: string }[] {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  return [
    { name: 'deep block nesting', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(2 * (i + 1)) + `k${i}:`).join('\n') + ' v\n' },
    { name: 'deep flow nesting', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n' },
    { name: '100k-item sequence', text: 'apiVersion: v1\nkind: List\nitems:\n' + '  - 1\n'.repeat(100000) },
    { name: '1 MB scalar', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ' + 'x'.repeat(1_000_000) + '\n' },
    { name: 'alias bomb', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n' + bomb.join('\n') + '\ndata:\n  k: *i\n' },
    { name: 'merge keys', text: 'base: &b {app: web}\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels:\n    <<: *b\nspec:\n  selector:\n    <<: *b\n  ports: [{port: 80}]\n' },
    { name: 'astral plane names', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 😀😀\n  labels: {"😀": "\u{1F4A9}"}\ndata: {a: b}\n' },
  ];
}
