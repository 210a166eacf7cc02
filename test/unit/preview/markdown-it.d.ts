// markdown-it ships no types: the tests use it through the subset the plugin is written against.
declare module 'markdown-it' {
  import type { MarkdownIt } from '../../../client/src/preview/markdownIt';
  const markdownIt: new (options?: Record<string, unknown>) => MarkdownIt;
  export default markdownIt;
}
