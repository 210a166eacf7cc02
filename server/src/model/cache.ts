/**
 * Memo tables for incremental analysis. Each analysis marks what it used, and at its end
 * (`sweep`) whatever it did not use is dropped, so the cache holds exactly what the current text
 * needs: typing in one paragraph reparses that paragraph and reuses everything else.
 *
 * One map with a generation stamp per entry: a hit is one lookup and no write, which matters as
 * a thesis makes several thousand lookups per analysis.
 */
interface Slot<V> {
  value: V;
  /** The last generation that used this value. */
  used: number;
}

export class Memo<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private generation = 1;

  get(key: string, compute: () => V): V {
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      slot.used = this.generation;
      return slot.value;
    }
    const value = compute();
    this.slots.set(key, { value, used: this.generation });
    return value;
  }

  /** Marks `key` as used in this generation, if it is kept. */
  touch(key: string): void {
    const slot = this.slots.get(key);
    if (slot !== undefined) slot.used = this.generation;
  }

  /** Ends a generation: what it did not use is dropped. */
  sweep(): void {
    for (const [key, slot] of this.slots) {
      if (slot.used < this.generation) this.slots.delete(key);
    }
    this.generation++;
  }

  clear(): void {
    this.slots.clear();
  }

  /** Entries kept. */
  get size(): number {
    return this.slots.size;
  }
}
