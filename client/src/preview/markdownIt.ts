/**
 * The part of markdown-it's API the notes plugin uses, typed here because VS Code hands the plugin
 * its own markdown-it instance at run time (the extension bundles none) and markdown-it ships no
 * types. Shapes follow markdown-it 14 (`lib/token.mjs`, `lib/rules_*`), which VS Code 1.9x bundles.
 */

export interface Token {
  type: string;
  tag: string;
  nesting: 1 | 0 | -1;
  level: number;
  map: [number, number] | null;
  content: string;
  markup: string;
  children: Token[] | null;
  block: boolean;
  hidden: boolean;
  meta: unknown;
  attrs: [string, string][] | null;
}

export interface TokenConstructor {
  new (type: string, tag: string, nesting: 1 | 0 | -1): Token;
}

export interface StateCore {
  src: string;
  env: Record<string, unknown>;
  tokens: Token[];
  md: MarkdownIt;
  Token: TokenConstructor;
}

export interface StateBlock {
  src: string;
  env: Record<string, unknown>;
  tokens: Token[];
  md: MarkdownIt;
  Token: TokenConstructor;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  blkIndent: number;
  line: number;
  level: number;
  parentType: string;
  push(type: string, tag: string, nesting: 1 | 0 | -1): Token;
}

export interface StateInline {
  src: string;
  env: Record<string, unknown>;
  tokens: Token[];
  md: MarkdownIt;
  pos: number;
  posMax: number;
  push(type: string, tag: string, nesting: 1 | 0 | -1): Token;
}

export type CoreRule = (state: StateCore) => void;
export type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
export type InlineRule = (state: StateInline, silent: boolean) => boolean;

export interface Ruler<R> {
  before(beforeName: string, ruleName: string, fn: R, options?: { alt?: string[] }): void;
  after(afterName: string, ruleName: string, fn: R, options?: { alt?: string[] }): void;
  push(ruleName: string, fn: R, options?: { alt?: string[] }): void;
}

export type RenderRule = (tokens: Token[], index: number, options: unknown, env: unknown, self: Renderer) => string;

export interface Renderer {
  rules: Record<string, RenderRule | undefined>;
  renderInline(tokens: Token[], options: unknown, env: unknown): string;
  render(tokens: Token[], options: unknown, env: unknown): string;
}

export interface MarkdownIt {
  core: { ruler: Ruler<CoreRule> };
  block: { ruler: Ruler<BlockRule>; tokenize(state: StateBlock, startLine: number, endLine: number, silent?: boolean): void };
  inline: { ruler: Ruler<InlineRule>; parse(src: string, md: MarkdownIt, env: unknown, outTokens: Token[]): void };
  renderer: Renderer;
  helpers: { parseLinkLabel(state: StateInline, start: number, disableNested?: boolean): number };
  utils: { escapeHtml(text: string): string };
  options: Record<string, unknown>;
  parse(src: string, env: unknown): Token[];
  render(src: string, env?: unknown): string;
  use(plugin: (md: MarkdownIt, ...options: never[]) => void, ...options: unknown[]): MarkdownIt;
}
