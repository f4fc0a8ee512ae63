/** Vite's `?url` imports: the built URL of a file, resolved against the importing chunk. */
declare module '*?url' {
  const url: string;
  export default url;
}
