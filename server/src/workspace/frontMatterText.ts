/**
 * The YAML front matter at the top of a file's text (`---` … `---` or `...`), read without the
 * Markdown parser: the workspace asks it of chapters it has not analysed (which libraries they
 * name, whether a file is all bibliography). Only the head of a long file is searched.
 */
export function frontMatterBlock(text: string): { yaml: string; body: string } | null {
  const head = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 50_000));
  return head ? { yaml: head[1], body: text.slice(head[0].length) } : null;
}
