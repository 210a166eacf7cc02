// citeproc (citeproc-js) ships no types; cslEngine.ts declares the part of its API it uses.
declare module 'citeproc' {
  const CSL: unknown;
  export default CSL;
}
