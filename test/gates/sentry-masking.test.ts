/**
 * What a recording may contain: a page full of SENTINEL-* strings (light DOM,
 * attributes, inputs, a same-origin iframe, shadow DOM, img, svg, video, audio,
 * canvas) is recorded after Accept all, and every decoded rrweb event, replay
 * event and breadcrumb is searched for them.
 */
import { expect } from '@esm-bundle/chai';
import { openPage, waitFor } from '../helpers/page.js';
import {
  REPLAY_SESSION_KEY,
  envelopes,
  items,
  openBuilt,
  pagesClosedAfterEach,
  recordedAsBlocked,
  replayItems,
  sentrySetup,
  sleep,
  waitForItem,
} from '../helpers/sentry.js';

/** Every sentinel of test/fixtures/replay-page.html (and its iframe) that must stay hidden. */
const HIDDEN = [
  'SENTINEL-TITLE-ATTR',
  'SENTINEL-HEADING-TEXT',
  'SENTINEL-LIGHT-NAME',
  'SENTINEL-LIGHT-BALANCE',
  'SENTINEL-INPUT-VALUE',
  'SENTINEL-PLACEHOLDER',
  'SENTINEL-PASSWORD',
  'SENTINEL-TEXTAREA',
  'SENTINEL-OPTION',
  'SENTINEL-ARIA-LABEL',
  'SENTINEL-BUTTON-TEXT',
  'SENTINEL-IMG-SRC',
  'SENTINEL-IMG-ALT',
  'SENTINEL-IMAGE-FILE',
  'SENTINEL-SVG-TEXT',
  'SENTINEL-VIDEO-SRC',
  'SENTINEL-POSTER',
  'SENTINEL-AUDIO-SRC',
  'SENTINEL-CANVAS',
  'SENTINEL-IFRAME-TITLE',
  'SENTINEL-IFRAME-DOC-TITLE',
  'SENTINEL-IFRAME-TEXT',
  'SENTINEL-IFRAME-INPUT',
  'SENTINEL-SHADOW-SPAN',
  'SENTINEL-SHADOW-BARE',
  'SENTINEL-MAILTO',
  'SENTINEL-LINK-PATH',
  'SENTINEL-AREA-HREF',
  'SENTINEL-FORM-ACTION',
  'SENTINEL-FORMACTION',
  'SENTINEL-CITE',
  'SENTINEL-PING',
  // Changed after recording started:
  'SENTINEL-TYPED',
  'SENTINEL-MUTATION-TEXT',
  'SENTINEL-MUTATION-TITLE',
  'SENTINEL-MUTATION-HREF',
  // The widget's own texts: <consent-gate> is blocked from recordings.
  'Privacy preferences',
  'Session replay',
];

describe('Session replay masking', function () {
  this.timeout(60_000);
  const pages = pagesClosedAfterEach();
  const openReplayPage = (config: unknown) => openBuilt(pages, config, { fixture: '/test/fixtures/replay-page.html' });

  it('records the page with all text, inputs and attributes masked and all media, canvas and iframes blocked', async () => {
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    const page = await openReplayPage(config);
    const doc = page.document;
    await page.window.consentGate.acceptAll();
    await waitFor(() => page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'replay to start', 10_000);

    // Visitor activity after the full snapshot: typing, text and attribute changes, clicks.
    const input = doc.getElementById('sentinel-input') as HTMLInputElement;
    input.focus();
    input.value = 'SENTINEL-TYPED';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const paragraph = doc.createElement('p');
    paragraph.textContent = 'SENTINEL-MUTATION-TEXT';
    doc.querySelector('main')!.append(paragraph);
    doc.getElementById('sentinel-heading')!.title = 'SENTINEL-MUTATION-TITLE';
    doc.getElementById('sentinel-mailto')!.setAttribute('href', 'mailto:SENTINEL-MUTATION-HREF@example.com');
    doc.getElementById('page-button')!.click();
    doc.getElementById('sentinel-img')!.click();

    await waitForItem(key, 'replay_recording', 20_000);
    await sleep(6500); // the next segment, with the changes above
    const list = await envelopes(key);
    const recordings = items(list, 'replay_recording');
    const everything = replayItems(list).map((item) => item.raw).join('\n');

    // The recording is real: a full snapshot with the page's elements in it, text masked.
    const events = recordings.flatMap((item) => item.recording!.events) as RecordedEvent[];
    expect(events.some((event) => event.type === 2), 'a full snapshot').to.equal(true);
    expect(everything).to.include('sentinel-light');
    expect(everything).to.match(/\*{8,}/);
    // Links are recorded, their targets masked like text (build/replay-sdk-privacy.mjs).
    expect(everything).to.match(/"tagName":"a","attributes":\{"id":"sentinel-mailto","href":"\*{34}"/);
    expect(everything, 'URL attributes masked').to.match(/"tagName":"form","attributes":\{"action":"\*{38}"\}/);

    const hrefChanges = events.flatMap((event) =>
      event.type === 3 && event.data.source === 0 ? (event.data.attributes ?? []).map((change) => change.attributes.href) : [],
    );
    expect(hrefChanges, 'the changed link target, masked').to.include('*'.repeat('mailto:SENTINEL-MUTATION-HREF@example.com'.length));
    const leaked = HIDDEN.filter((sentinel) => everything.includes(sentinel));
    expect(leaked, 'sentinels found in the recording').to.deep.equal([]);
    expect(everything, 'no image, video or audio URL').to.not.match(/sentinel-image\.svg|none\.webm|none\.ogg/);
    expect(everything, 'page URL queries stay out of replay events and spans').to.not.match(/"(urls|description)":\[?"[^"]*\?config=/);
    expect(everything, 'no canvas pixels').to.not.include('rr_dataURL');
    expect(everything, 'no iframe document').to.not.match(/iframe-content\.html|inside-iframe/);
    const notBlocked = ['img', 'map', 'svg', 'video', 'audio', 'canvas', 'iframe', 'consent-gate'].filter(
      (tag) => !recordedAsBlocked(everything, tag),
    );
    expect(notBlocked, 'elements recorded as more than a sized placeholder').to.deep.equal([]);
  });

  it('masks text placed directly in a shadow root, in the snapshot and in later changes', async () => {
    // rrweb decides masking by a text node's parent element, and such a node has none:
    // our replay chunk masks it by the shadow host (build/replay-sdk-privacy.mjs).
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    const page = await openReplayPage(config);
    await page.window.consentGate.acceptAll();
    await waitFor(() => page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'replay to start', 10_000);
    await waitForItem(key, 'replay_recording', 20_000);
    const shadow = page.document.getElementById('bare-shadow')!.shadowRoot!;
    (shadow.firstChild as Text).data = 'SENTINEL-SHADOW-BARE-CHANGED';
    shadow.append(page.document.createTextNode('SENTINEL-SHADOW-BARE-ADDED'));
    await sleep(6500); // the next segment, with the changes above

    const list = await envelopes(key);
    const everything = replayItems(list).map((item) => item.raw).join('\n');
    expect(everything.includes('SENTINEL-SHADOW-BARE'), 'bare shadow-root text in the recording').to.equal(false);
    // The nodes are in the recording, as shadow-root text of the same length, masked.
    const events = items(list, 'replay_recording').flatMap((item) => item.recording!.events) as RecordedEvent[];
    const shadowTexts = events.flatMap((event) => {
      if (event.type === 2 && event.data.node) return shadowTextNodes(event.data.node);
      if (event.type === 3 && event.data.source === 0) return (event.data.adds ?? []).flatMap((add) => shadowTextNodes(add.node));
      return [];
    });
    expect(shadowTexts, 'in the full snapshot').to.include('*'.repeat('SENTINEL-SHADOW-BARE'.length));
    expect(shadowTexts, 'added later').to.include('*'.repeat('SENTINEL-SHADOW-BARE-ADDED'.length));
    const changed = events.flatMap((event) => (event.type === 3 && event.data.source === 0 ? (event.data.texts ?? []).map((text) => text.value) : []));
    expect(changed, 'changed later').to.include('*'.repeat('SENTINEL-SHADOW-BARE-CHANGED'.length));
  });

  it('masks it with the npm build too, whose replay chunk carries the same code', async () => {
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    const page = await openPage({ fixture: '/test/fixtures/npm-page.html', src: ['none'], config });
    pages.push(page);
    const host = page.document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(page.document.createTextNode('SENTINEL-NPM-SHADOW-BARE'));
    page.document.querySelector('main')!.append(host);
    await page.window.consentGate.acceptAll();
    const list = await waitForItem(key, 'replay_recording', 20_000);
    const everything = replayItems(list).map((item) => item.raw).join('\n');
    expect(everything.includes('SENTINEL-NPM-SHADOW-BARE'), 'bare shadow-root text in the recording').to.equal(false);
    const events = items(list, 'replay_recording').flatMap((item) => item.recording!.events) as RecordedEvent[];
    const snapshots = events.flatMap((event) => (event.type === 2 && event.data.node ? shadowTextNodes(event.data.node) : []));
    expect(snapshots).to.include('*'.repeat('SENTINEL-NPM-SHADOW-BARE'.length));
    expect(everything, 'a link target masked').to.match(/"id":"footer-link","href":"\*+"/);
  });
});

/** What these tests read of rrweb's events: full snapshots (2) and mutations (3, source 0). */
interface SerializedNode {
  type: number;
  isShadow?: boolean;
  textContent?: string;
  childNodes?: SerializedNode[];
}
interface RecordedEvent {
  type: number;
  data: {
    node?: SerializedNode;
    source?: number;
    adds?: { node: SerializedNode }[];
    texts?: { value: string | null }[];
    attributes?: { attributes: Record<string, string | null> }[];
  };
}

/** The text of every text node (type 3) serialized as a direct child of a shadow root. */
function shadowTextNodes(node: SerializedNode): string[] {
  const own = node.type === 3 && node.isShadow ? [node.textContent ?? ''] : [];
  return [...own, ...(node.childNodes ?? []).flatMap(shadowTextNodes)];
}
