/**
 * `compute` with its answers remembered by key. Manifests repeat the same few
 * scalars, quantities and label keys thousands of times, so a small table
 * saves most of the work; past `size` entries it starts again empty, so
 * memory stays bounded whatever the input. Answers are shared between
 * callers, who must not change them. A `compute` that throws remembers nothing.
 */
export function remembered<T>(compute: (key: string) => T, size = 4096): (key: string) => T {
  let table = new Map<string, T>();
  return (key) => {
    let answer = table.get(key);
    if (answer === undefined && !table.has(key)) {
      answer = compute(key);
      if (table.size >= size) table = new Map();
      table.set(key, answer);
    }
    return answer as T;
  };
}
