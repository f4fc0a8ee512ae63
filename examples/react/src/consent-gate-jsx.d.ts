/**
 * consent-gate's elements in TSX. React 19 passes unknown props of a custom
 * element as properties or attributes; these elements take none, so plain
 * HTML attributes are all they need.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'consent-gate-declaration': ElementProps<HTMLElementTagNameMap['consent-gate-declaration']>;
    }
  }
}
