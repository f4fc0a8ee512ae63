// tsc reads the TypeScript files; the .vue files are checked by vue-tsc in a Vue project
// (which needs a TypeScript with a JS API: 5 or 6, not the native TypeScript 7 used here).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
