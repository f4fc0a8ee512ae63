/**
 * The one component model of the widget's elements (`<consent-gate>`, the
 * privacy declaration, the embed placeholder): a custom element that renders a
 * lit-html template, batching changes into one render in the next microtask.
 * Each renders the consent store the wiring hands it (`store`) and renders
 * again on every change of it. It keeps what Lit's ReactiveElement would for
 * these three, at a third of LitElement's bytes, which the first visit's budget
 * has no room for.
 */
import { render } from 'lit/html.js';
import type { ConsentStore } from '../consent/store.js';

type Values = Map<string, unknown>;

export abstract class UiElement extends HTMLElement {
  /** The element's style sheets (css`` from css.ts), adopted by its shadow root. */
  static styles: readonly (() => CSSStyleSheet)[] = [];
  /** The reactive properties (see `reactive`). */
  static properties: readonly string[] = [];

  /**
   * Makes `names` reactive properties of the class: setting one asks for a
   * render. A value set before the element was defined (the wiring hands a
   * stand-in its data before its chunk arrives) is taken over on upgrade.
   */
  protected static reactive(...names: string[]): void {
    this.properties = [...this.properties, ...names];
    for (const name of names) {
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        get(this: UiElement) {
          return this.#values.get(name);
        },
        set(this: UiElement, value: unknown) {
          this.#values.set(name, value);
          this.requestUpdate();
        },
      });
    }
  }

  static {
    this.reactive('store');
  }

  /** The consent store to render; the wiring sets it. Without one the element shows nothing. */
  declare store: ConsentStore | undefined;
  /** Where the template renders: an open shadow root, or the element itself (see `createRenderRoot`). */
  readonly renderRoot: HTMLElement | ShadowRoot;
  #values: Values = new Map();
  /** The store listened to, and how to stop listening. */
  #following: { store: ConsentStore; stop: () => void } | null = null;
  /** The render waiting for the next microtask, if one is asked for. */
  #update: Promise<boolean> | null = null;

  constructor() {
    super();
    // An own property set before the upgrade hides the accessor: move it behind it.
    for (const name of (this.constructor as typeof UiElement).properties) {
      if (!Object.hasOwn(this, name)) continue;
      const value = (this as unknown as Record<string, unknown>)[name];
      delete (this as unknown as Record<string, unknown>)[name];
      this.#values.set(name, value);
    }
    this.renderRoot = this.createRenderRoot();
  }

  /** Renders in the next microtask (many changes, one render). */
  requestUpdate(): void {
    this.#update ??= Promise.resolve().then(() => {
      this.#update = null;
      // Like Lit's elements, nothing is drawn while out of the document.
      if (this.isConnected) {
        render(this.render(), this.renderRoot, { host: this });
        // Listens to the store it renders (again after a disconnection).
        if (this.store !== this.#following?.store) {
          this.#following?.stop();
          this.#following = this.store ? { store: this.store, stop: this.store.subscribe(() => this.requestUpdate()) } : null;
        }
        this.updated();
      }
      return true;
    });
  }

  /** Settles once the latest requested render is done. */
  get updateComplete(): Promise<boolean> {
    return this.#update ?? Promise.resolve(true);
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.#following?.stop();
    this.#following = null;
  }

  /** An open shadow root with the class's styles; an element that renders into the page returns `this`. */
  protected createRenderRoot(): HTMLElement | ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = (this.constructor as typeof UiElement).styles.map((sheet) => sheet());
    return root;
  }

  /** The template: lit-html's `html`, or `nothing`. */
  protected abstract render(): unknown;

  /** After each render. */
  protected updated(): void {}
}

/** Registers `element` as `tag` unless the tag is defined already (another copy of the widget); safe to run twice. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
