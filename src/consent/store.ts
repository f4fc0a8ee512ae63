/**
 * The consent store: the visitor's choice, read from and written to the consent
 * cookie, with actions and subscriptions. Pure TypeScript: no rendering, no
 * Sentry, no knowledge of the gates or the UI that subscribe to it.
 */
import { decodeChoice, encodeChoice, hexToUuid, type CookieJar, type StoredChoice } from './cookie.js';
import type { CategoryName, ChangeSource, ConsentState, ResolvedConfig } from './types.js';

/** Called after every change; a returned promise delays the action's own promise. */
export type ConsentListener = (state: ConsentState | null, source: ChangeSource) => void | Promise<unknown>;

export interface ConsentStoreOptions {
  readonly config: ResolvedConfig;
  readonly jar: CookieJar;
  /** `navigator.globalPrivacyControl === true`: categories marked `gpc` stay off. */
  readonly globalPrivacyControl?: boolean;
  readonly now?: () => number;
  readonly createId?: () => string;
  /** Receives messages about bad API input; the embed sends them to `console.error`. */
  readonly report?: (message: string) => void;
}

/**
 * A random v4 UUID. `crypto.randomUUID()` exists only in secure contexts; a site
 * on plain http still needs consent ids, so fall back to `getRandomValues`.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return hexToUuid([...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
}

function sameState(a: ConsentState | null, b: ConsentState | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.revision === b.revision &&
    a.updatedAt === b.updatedAt &&
    JSON.stringify(a.categories) === JSON.stringify(b.categories)
  );
}

/**
 * Holds the current choice (`null` before one) and tells subscribers about every
 * change. Actions return a promise that settles once every subscriber (the gates)
 * has followed.
 */
export class ConsentStore {
  readonly config: ResolvedConfig;
  readonly globalPrivacyControl: boolean;

  #jar: CookieJar;
  #now: () => number;
  #createId: () => string;
  #report: (message: string) => void;
  #listeners = new Set<ConsentListener>();
  #state: ConsentState | null;
  /** False when the browser refused the cookie: the choice then lasts for this page view. */
  #persisted = true;

  constructor(options: ConsentStoreOptions) {
    this.config = options.config;
    this.globalPrivacyControl = options.globalPrivacyControl === true;
    this.#jar = options.jar;
    this.#now = options.now ?? Date.now;
    this.#createId = options.createId ?? randomId;
    this.#report = options.report ?? (() => {});
    this.#state = this.#readStored();
  }

  /** The current choice, or `null` when the visitor has not chosen (or must choose again). */
  get state(): ConsentState | null {
    return this.#state;
  }

  /** True while the choice is kept only in memory because cookies are blocked. */
  get memoryOnly(): boolean {
    return !this.#persisted;
  }

  /** Whether `category` is granted now. `necessary` (the category that is always on) is always granted. */
  has(category: CategoryName): boolean {
    return this.#required(category) || this.#state?.categories[category] === true;
  }

  /** Whether Global Privacy Control keeps `category` off whatever the visitor picks. */
  isLockedByGpc(category: CategoryName): boolean {
    return this.globalPrivacyControl && this.config.categories.some((c) => c.name === category && c.gpc);
  }

  /** Listens to every change; returns the function that stops listening. */
  subscribe(listener: ConsentListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  acceptAll(): Promise<void> {
    return this.#choose(this.config.categories.map((category) => category.name));
  }

  rejectAll(): Promise<void> {
    return this.#choose([]);
  }

  /** Changes some categories; the others keep their current value (off before a choice). */
  set(changes: Readonly<Record<CategoryName, boolean>>): Promise<void> {
    if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
      this.#report(`set() takes an object such as { analytics: true }, got ${String(changes)}; nothing changed`);
      return Promise.resolve();
    }
    const granted = new Set(this.config.categories.filter((c) => this.has(c.name)).map((c) => c.name));
    const known = new Set(this.config.categories.map((category) => category.name));
    for (const [name, value] of Object.entries(changes)) {
      if (!known.has(name)) {
        this.#report(`set(): "${name}" is not a configured category; it is ignored`);
      } else if (typeof value !== 'boolean') {
        this.#report(`set(): "${name}" must be true or false; it is ignored`);
      } else if (this.#required(name)) {
        if (!value) this.#report(`set(): "${name}" cannot be switched off; it is ignored`);
      } else if (value) {
        granted.add(name);
      } else {
        granted.delete(name);
      }
    }
    return this.#choose([...granted]);
  }

  /** Forgets the choice: the cookie is removed and every gate closes. */
  reset(): Promise<void> {
    this.#jar.remove();
    this.#persisted = true;
    return this.#apply(null, 'local');
  }

  /**
   * Re-reads the cookie, for a change made in another tab. Returns true when the
   * state changed (subscribers have then been told, with source `remote`).
   */
  async refresh(): Promise<boolean> {
    if (!this.#persisted) return false; // our choice lives in memory; the cookie knows nothing of it
    const stored = this.#readStored();
    if (sameState(stored, this.#state)) return false;
    await this.#apply(stored, 'remote');
    return true;
  }

  #required(name: CategoryName): boolean {
    return this.config.categories.some((category) => category.required && category.name === name);
  }

  #choose(grantedNames: readonly CategoryName[]): Promise<void> {
    const granted = this.config.categories
      .filter((category) => !category.required && grantedNames.includes(category.name) && !this.isLockedByGpc(category.name))
      .map((category) => category.name);
    const choice: StoredChoice = {
      id: this.#state?.id ?? this.#createId(),
      revision: this.config.revision,
      updatedAt: this.#now(),
      granted,
    };
    this.#persisted = this.#jar.write(encodeChoice(choice));
    if (!this.#persisted) {
      this.#report('the consent cookie could not be stored (cookies blocked?); the choice lasts for this page view');
    }
    return this.#apply(this.#toState(choice), 'local');
  }

  async #apply(state: ConsentState | null, source: ChangeSource): Promise<void> {
    this.#state = state;
    const pending: Promise<unknown>[] = [];
    for (const listener of [...this.#listeners]) {
      try {
        const result = listener(state, source);
        if (result) pending.push(result);
      } catch (error) {
        this.#report(`a consent listener failed: ${String(error)}`);
      }
    }
    const results = await Promise.allSettled(pending);
    for (const result of results) {
      if (result.status === 'rejected') this.#report(`a consent listener failed: ${String(result.reason)}`);
    }
  }

  /** The newest valid choice of the current revision among the cookies, or null. */
  #readStored(): ConsentState | null {
    let newest: StoredChoice | null = null;
    for (const value of this.#jar.readAll()) {
      const decoded = decodeChoice(value, { now: this.#now(), maxAgeDays: this.config.cookie.maxAgeDays });
      if (!decoded.ok || decoded.choice.revision !== this.config.revision) continue;
      if (!newest || decoded.choice.updatedAt > newest.updatedAt) newest = decoded.choice;
    }
    return newest ? this.#toState(newest) : null;
  }

  #toState(choice: StoredChoice): ConsentState {
    const categories: Record<CategoryName, boolean> = {};
    for (const category of this.config.categories) {
      categories[category.name] =
        category.required || (choice.granted.includes(category.name) && !this.isLockedByGpc(category.name));
    }
    return Object.freeze({
      id: choice.id,
      revision: choice.revision,
      updatedAt: new Date(choice.updatedAt).toISOString(),
      categories: Object.freeze(categories),
    });
  }
}
