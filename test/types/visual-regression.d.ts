/*
 * The package's own entry types re-export './browser/commands.mjs', which has no
 * .d.mts beside it, so TypeScript finds no members there. Its command, as the
 * package documents it:
 */
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline called `name`; rejects when they differ. */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
