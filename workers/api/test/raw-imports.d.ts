/** Vite's `?raw` imports (test fixtures such as docs/samples/*.csv) are strings. */
declare module '*?raw' {
  const content: string;
  export default content;
}
