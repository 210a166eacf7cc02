/**
 * Glob patterns for the `apparatus.files` setting, matched against a path relative to the
 * workspace folder with `/` separators: `*` (any characters but `/`), `**` (any folders), `?`,
 * `{a,b}`, `[abc]`. A pattern without `/` matches a file's name in any folder (`README.md`); a
 * pattern starting with `!` excludes.
 */

const compiled = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let made = compiled.get(pattern);
  if (made) return made;
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches no folder or any; a trailing `**` anything.
        if (pattern[i + 2] === '/') {
          source += '(?:.*/)?';
          i += 2;
        } else {
          source += '.*';
          i += 1;
        }
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  made = new RegExp(`^${source}$`, 'i');
  compiled.set(pattern, made);
  return made;
}

function matches(pattern: string, relativePath: string): boolean {
  const clean = pattern.replace(/^\.\//, '');
  const target = clean.includes('/') ? relativePath : relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return globToRegExp(clean).test(target);
}

/**
 * What the patterns say of a file: `include` when a pattern matches it, `exclude` when a `!`
 * pattern does (the last matching pattern wins), null when none does.
 */
export function matchFiles(patterns: readonly string[], relativePath: string): 'include' | 'exclude' | null {
  const normalised = relativePath.split('\\').join('/');
  let verdict: 'include' | 'exclude' | null = null;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matches(pattern.slice(1), normalised)) verdict = 'exclude';
    } else if (matches(pattern, normalised)) verdict = 'include';
  }
  return verdict;
}
