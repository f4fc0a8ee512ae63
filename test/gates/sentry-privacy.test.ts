import { expect } from '@esm-bundle/chai';
import {
  ALWAYS_BLOCKED,
  elementPath,
  lockedReplayOptions,
  scrubBreadcrumb,
  scrubRecordingEvent,
  scrubSelector,
  scrubUrl,
} from '../../src/gates/sentry-privacy.js';

describe('Sentry privacy scrubbers', () => {
  describe('scrubUrl', () => {
    const cases: [string, string][] = [
      ['https://app.example/account?email=jane@example.com#billing', 'https://app.example/account'],
      ['/search?q=jane', '/search'],
      ['/plain/path', '/plain/path'],
      ['#only-fragment', ''],
    ];
    for (const [input, expected] of cases) {
      it(`${input} → ${JSON.stringify(expected)}`, () => expect(scrubUrl(input)).to.equal(expected));
    }
    it('keeps queries when the site allows them', () => expect(scrubUrl('/a?b=c', true)).to.equal('/a?b=c'));
  });

  describe('scrubSelector', () => {
    const cases: [string, string][] = [
      ['body > button#save.primary[aria-label="Delete Jane"][type="button"]', 'body > button#save.primary'],
      ['div.card[title="Jane Doe"] > img[alt="Jane"]', 'div.card > img'],
      // The SDK does not escape values: a value holding `"]` must not leak what follows.
      ['button.x[title="Patient"] John Doe"]', 'button.x'],
      ['main > a[href]', 'main > a'],
    ];
    for (const [input, expected] of cases) {
      it(`${input} → ${expected}`, () => expect(scrubSelector(input)).to.equal(expected));
    }
  });

  it('builds element paths from the element, without attribute values or text', () => {
    const host = document.createElement('div');
    host.innerHTML = '<section class="card wide"><button id="save" title="Jane Doe" aria-label="Delete Jane">Jane</button></section>';
    const path = elementPath(host.querySelector('button')!);
    expect(path).to.equal('div > section.card.wide > button#save');
  });

  it('strips text content and attributes from UI breadcrumbs, and queries from navigation', () => {
    const click = scrubBreadcrumb({
      category: 'ui.click',
      message: 'button[title="Jane"]',
      data: { node: { id: 3, tagName: 'button', textContent: 'Jane Doe', attributes: { id: 'b', title: 'Jane', class: 'x' } } },
    });
    expect(click.message).to.equal('button');
    expect(click.data!.node).to.deep.equal({ id: 3, tagName: 'button', textContent: '', attributes: { id: 'b', class: 'x' } });
    const navigation = scrubBreadcrumb({ category: 'navigation', data: { from: '/a?token=1', to: '/b#x' } });
    expect(navigation.data).to.deep.equal({ from: '/a', to: '/b' });
  });

  it('drops media resource spans from recordings and keeps scripts without their query', () => {
    const span = (op: string, description: string) => ({
      type: 5,
      timestamp: 1,
      data: { tag: 'performanceSpan', payload: { op, description } },
    });
    expect(scrubRecordingEvent(span('resource.img', '/avatars/jane-doe.jpg'))).to.equal(null);
    expect(scrubRecordingEvent(span('resource.iframe', '/embed'))).to.equal(null);
    expect(scrubRecordingEvent(span('resource.script', '/app.js?v=1'))!.data.payload!.description).to.equal('/app.js');
    expect(scrubRecordingEvent(span('navigation.push', '/inbox?message=42'))!.data.payload!.description).to.equal('/inbox');
  });

  it('locks the replay options: config only adds selectors, and bad ones are dropped', () => {
    const options = lockedReplayOptions({ mask: ['.name'], block: ['#chart', '.broken-['], keepUrlQuery: false });
    expect(options).to.include({ maskAllText: true, maskAllInputs: true, blockAllMedia: true, networkCaptureBodies: false });
    expect(options.block).to.deep.equal([...ALWAYS_BLOCKED, '#chart']);
    expect(options.block).to.include.members(['canvas', 'iframe', 'consent-gate']);
    expect(options.mask).to.deep.equal(['.name']);
    expect(options.unmask).to.deep.equal([]);
    expect(options.unblock).to.deep.equal([]);
    expect(options.maskAttributes).to.include.members(['title', 'alt', 'aria-label', 'placeholder']);
  });
});
