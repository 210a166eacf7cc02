/**
 * V8 settings for a process that analyses essays, set from inside it (a server started as
 * `node dist/server.js` gets no command-line flags from us). Measured in bench/FINDINGS.md.
 */
import * as v8 from 'node:v8';

/**
 * The model's ~100 regular expressions run on every paragraph, so each ends up compiled to machine
 * code within the first essay. V8 by default first compiles a pattern to bytecode, interprets it
 * once, then compiles it again: going straight to machine code skips the first compile, a quarter
 * of the first analysis of a 25 KB essay (~100 → ~75 ms), at no cost later (finding 14). Patterns
 * are compiled on first use, so this applies as long as it runs before the first analysis.
 */
export function compileRegExpsOnce(): void {
  v8.setFlagsFromString('--no-regexp-tier-up');
}

/**
 * Each keystroke replaces a thesis's model with a new one, so the old ones pile up in V8's old
 * generation until it collects; by default it lets that generation grow to several times what is
 * alive first. Growing it by 30% at a time keeps a server's peak near what it holds (on a 660 KB
 * thesis about 135 MB instead of 200) at no measurable cost per keystroke (finding 13). V8 reads
 * this at each collection, so it can be set at any time.
 */
export function keepHeapNearLiveSize(): void {
  v8.setFlagsFromString('--heap-growing-percent=30');
}
