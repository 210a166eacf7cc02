/**
 * Memo tables for incremental analysis. Each analysis reads from the previous generation and
 * writes what it used into a fresh one, so the cache holds exactly what the current text needs:
 * typing in one paragraph reparses that paragraph and reuses everything else.
 */
export class Memo<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();

  get(key: string, compute: () => V): V {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key);
    if (value === undefined) value = compute();
    this.current.set(key, value);
    return value;
  }

  /** Ends a generation: what was not used since the last call is dropped. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.previous.clear();
    this.current.clear();
  }

  get size(): number {
    return this.previous.size;
  }
}
