/**
 * Sanity check for the test harness itself (throwaway; delete once real
 * component tests exist). It exercises everything the widget's tests rely on:
 * TypeScript + standard decorators served through esbuild, Lit rendering into
 * a shadow root, real keyboard input via `sendKeys`, cookies on the test
 * server's origin and the custom server middleware.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('harness-probe')
class HarnessProbe extends LitElement {
  @property() accessor name = 'world';

  @property({ type: Number }) accessor clicks = 0;

  override render() {
    return html`
      <p>Hello, ${this.name}!</p>
      <button id="first" @click=${() => this.clicks++}>Clicked ${this.clicks}</button>
      <button id="second">Second</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'harness-probe': HarnessProbe;
  }
}

async function mount(): Promise<HarnessProbe> {
  const el = document.createElement('harness-probe');
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function shadow(el: HarnessProbe): ShadowRoot {
  if (!el.shadowRoot) throw new Error('harness-probe has no shadow root');
  return el.shadowRoot;
}

describe('test harness', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('upgrades a Lit element whose properties use standard `accessor` decorators', async () => {
    const el = await mount();
    expect(el).to.be.instanceOf(HarnessProbe);
    expect(shadow(el).querySelector('p')?.textContent).to.equal('Hello, world!');

    // @property() must also have registered the observed attribute.
    el.setAttribute('name', 'harness');
    await el.updateComplete;
    expect(el.name).to.equal('harness');
    expect(shadow(el).querySelector('p')?.textContent).to.equal('Hello, harness!');
  });

  it('reacts to a click on a button inside the shadow root', async () => {
    const el = await mount();
    const button = shadow(el).querySelector<HTMLButtonElement>('#first')!;
    button.click();
    await el.updateComplete;
    expect(el.clicks).to.equal(1);
    expect(button.textContent?.trim()).to.equal('Clicked 1');
  });

  it('moves focus between shadow-root buttons with a real Tab key press', async () => {
    const el = await mount();
    const root = shadow(el);
    root.querySelector<HTMLButtonElement>('#first')!.focus();
    expect(document.activeElement).to.equal(el);
    expect(root.activeElement?.id).to.equal('first');

    await sendKeys({ press: 'Tab' });

    expect(document.activeElement).to.equal(el);
    expect(root.activeElement?.id).to.equal('second');
  });

  it('sets, reads and deletes a cookie on the test server origin', () => {
    const name = `harness_probe_${Math.random().toString(36).slice(2)}`;
    document.cookie = `${name}=1; path=/; SameSite=Lax`;
    expect(document.cookie.split('; ')).to.include(`${name}=1`);

    document.cookie = `${name}=; path=/; max-age=0`;
    expect(document.cookie).not.to.contain(name);
  });

  it('reaches middleware registered in test/server/middleware.mjs', async () => {
    const response = await fetch('/__ping');
    expect(response.status).to.equal(200);
    expect(await response.text()).to.equal('pong');
  });
});
