const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const IN_ALPHABET = new Set(ALPHABET);

/**
 * Where Go's base64.StdEncoding.Decode gives up on `s`, as the offset its
 * CorruptInputError reports ("illegal base64 data at input byte N"), or
 * undefined when it decodes. It is how the API server's JSON decoder reads a
 * Secret's data: four characters a quantum, \r and \n skipped, `=` padding
 * only at the end, nothing after it. Ported from encoding/base64
 * decodeQuantum; the bits past the last byte are not checked (not Strict).
 */
export function base64ErrorOffset(s: string): number | undefined {
  let si = 0;
  const newline = (c: string): boolean => c === '\n' || c === '\r';
  while (si < s.length) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === s.length) {
        if (j === 0) return undefined;
        return si - j; // a quantum cut short: StdEncoding wants its padding
      }
      const c = s[si++];
      if (IN_ALPHABET.has(c)) continue;
      if (newline(c)) {
        j--;
        continue;
      }
      if (c !== '=') return si - 1;
      // Padding: only after two or three characters of a quantum, and only at the end.
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < s.length && newline(s[si])) si++;
        if (si === s.length) return s.length;
        if (s[si] !== '=') return si - 1;
        si++;
      }
      while (si < s.length && newline(s[si])) si++;
      return si < s.length ? si : undefined;
    }
  }
  return undefined;
}

/** The standard, padded base64 of a text's UTF-8 bytes (Buffer is Node's; the engine runs anywhere). */
export function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}
