/**
 * The scanner's judge, alone: tables of observations and the verdicts they must get.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { categoryOfCookie, cookiePatternMatcher, declarationFor, guessCategory, isNecessaryStorageKey, judgePage, judgeScan } from '../../src/scan/judge.mjs';
import { cookieBelongsTo, replayItemTypes, sameOriginPage } from '../../src/scan/collect.mjs';

const PAGE = 'http://site.test/';

/** A phase observation with only what a row sets. */
const seen = ({ cookies = [], localStorage = [], sessionStorage = [], replay = [] } = {}) => ({
  cookies: cookies.map((name) => ({ name, domain: 'site.test', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' })),
  localStorage,
  sessionStorage,
  otherHosts: [],
  replay,
});
const replaySend = (beforeChoice) => ({ url: 'http://sentry.test/api/1/envelope/', itemTypes: ['replay_event', 'replay_recording'], beforeChoice });

describe('cookie patterns', () => {
  const rows = [
    // pattern, name, matches
    ['_ga', '_ga', true],
    ['_ga', '_gat', false],
    ['/^_pk_/', '_pk_id.1', true],
    ['/^_pk_/', 'x_pk_', false],
    ['/^SESS/i', 'sessid', true],
    ['/^SESS/', 'sessid', false],
    ['/(/', '(', false], // a broken regex matches nothing
    [42, '42', false],
  ];
  for (const [pattern, name, matches] of rows) {
    test(`${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${name}`, () => {
      assert.equal(cookiePatternMatcher(pattern)(name), matches);
    });
  }
});

describe('the category of a cookie', () => {
  const config = { cookie: { name: 'my_consent' }, categories: { necessary: { cookies: ['sid', '/^csrf/'] }, analytics: { cookies: ['_ga', '/^_pk_/'] }, marketing: { cookies: ['_fbp'] } } };
  const rows = [
    // name, config, category
    ['consent_gate', null, 'necessary'],
    ['consent_gate', config, null], // the config renamed the consent cookie
    ['my_consent', config, 'necessary'],
    ['sid', config, 'necessary'],
    ['csrftoken', config, 'necessary'],
    ['_ga', config, 'analytics'],
    ['_pk_ses.1', config, 'analytics'],
    ['_fbp', config, 'marketing'],
    ['_tracker', config, null],
    ['sid', null, null],
    ['sid', 'not a config', null],
    ['sid', { categories: { necessary: { cookies: 'sid' } } }, null], // cookies must be a list
  ];
  for (const [name, cfg, category] of rows) {
    test(`${name} under ${JSON.stringify(cfg)?.slice(0, 40)} is ${category}`, () => {
      assert.equal(categoryOfCookie(name, cfg), category);
    });
  }
});

describe('storage keys allowed without consent', () => {
  const config = { categories: { necessary: { cookies: ['cart'] } } };
  const rows = [
    ['consent-gate:record:consent_gate', null, true],
    ['consent-gate:pending:consent_gate', config, true],
    ['cart', config, true],
    ['cart', null, false],
    ['sentryReplaySession', config, false],
    ['tracker_id', config, false],
  ];
  for (const [key, cfg, allowed] of rows) {
    test(`${key} ${allowed ? 'is' : 'is not'} necessary`, () => assert.equal(isNecessaryStorageKey(key, cfg), allowed));
  }
});

describe('violations on a page', () => {
  const config = { categories: { necessary: { cookies: ['sid'] }, analytics: { cookies: ['_ga'] } } };
  const rows = [
    {
      name: 'a clean page: necessary cookies and the widget storage everywhere, the rest after Accept all',
      phases: {
        before: seen({ cookies: ['sid'] }),
        reject: seen({ cookies: ['consent_gate', 'sid'], localStorage: ['consent-gate:record:consent_gate'] }),
        accept: seen({ cookies: ['_ga', 'consent_gate', 'sid'], sessionStorage: ['sentryReplaySession'], replay: [replaySend(false)] }),
      },
      expected: [],
    },
    {
      name: 'a tracker cookie before a choice',
      phases: { before: seen({ cookies: ['_tracker'] }) },
      expected: ['before cookie _tracker'],
    },
    {
      name: 'an analytics cookie after Reject all: declared, but not necessary',
      phases: { reject: seen({ cookies: ['_ga'] }) },
      expected: ['reject cookie _ga'],
    },
    {
      name: 'storage keys before a choice and after Reject all',
      phases: { before: seen({ localStorage: ['tracker_id'] }), reject: seen({ sessionStorage: ['sentryReplaySession'] }) },
      expected: ['before localStorage tracker_id', 'reject sessionStorage sentryReplaySession'],
    },
    {
      name: 'replay data sent before a choice and after Reject all',
      phases: { before: seen({ replay: [replaySend(true)] }), reject: seen({ replay: [replaySend(false)] }) },
      expected: ['before replay sentry.test (replay_event, replay_recording)', 'reject replay sentry.test (replay_event, replay_recording)'],
    },
    {
      name: 'replay data sent in the accept phase before Accept all was clicked',
      phases: { accept: seen({ replay: [replaySend(true), replaySend(false)] }) },
      expected: ['accept replay sentry.test (replay_event, replay_recording)'],
    },
    {
      name: 'anything goes after Accept all except early replay',
      phases: { accept: seen({ cookies: ['_tracker'], localStorage: ['tracker_id'] }) },
      expected: [],
    },
    {
      name: 'the same cookie twice in a phase is one violation',
      phases: { before: { ...seen({ cookies: ['_tracker'] }), cookies: [...seen({ cookies: ['_tracker', '_tracker'] }).cookies] } },
      expected: ['before cookie _tracker'],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const violations = judgePage({ url: PAGE, runsConsentGate: true, config, phases: row.phases }, config);
      assert.ok(violations.every((v) => v.page === PAGE));
      assert.deepEqual(violations.map((v) => `${v.phase} ${v.kind} ${v.name}`), row.expected);
    });
  }
});

describe('a whole scan', () => {
  test('a page without a config of its own is judged by the site config', () => {
    const config = { categories: { necessary: { cookies: ['sid'] } } };
    const { violations, pages } = judgeScan([
      { url: PAGE, runsConsentGate: true, config, phases: { before: seen({ cookies: ['sid'] }) } },
      { url: `${PAGE}plain`, runsConsentGate: false, config: null, phases: { before: seen({ cookies: ['sid', 'other'] }) } },
    ]);
    assert.deepEqual(violations, [{ phase: 'before', page: `${PAGE}plain`, kind: 'cookie', name: 'other' }]);
    assert.deepEqual(pages.map((page) => page.judgedBy), ['own', 'site']);
    assert.deepEqual(pages[1].phases.before.cookies.map((cookie) => cookie.category), ['necessary', null]);
  });

  test('the declaration: before/reject cookies under necessary, accept-only ones by their name', () => {
    const config = { categories: { necessary: { cookies: ['sid'] }, analytics: { cookies: ['/^_pk_/'] } } };
    const declaration = declarationFor([
      {
        url: PAGE, runsConsentGate: true, config,
        phases: {
          before: seen({ cookies: ['sid', 'lang'] }),
          reject: seen({ cookies: ['consent_gate', 'sid', 'lang'] }),
          accept: seen({ cookies: ['consent_gate', 'sid', 'lang', '_pk_id', '_fbp', 'shop_stats'] }),
        },
      },
    ]);
    assert.deepEqual(declaration, {
      necessary: { cookies: ['sid', 'lang'] },
      analytics: { cookies: ['/^_pk_/', 'shop_stats'] },
      replay: { cookies: [] },
      marketing: { cookies: ['_fbp'] },
    });
  });

  const guesses = [['_ga', 'analytics'], ['_gid', 'analytics'], ['_hjSession_1', 'analytics'], ['_fbp', 'marketing'], ['_gcl_au', 'marketing'], ['whatever', 'analytics']];
  for (const [name, category] of guesses) {
    test(`a first guess puts ${name} under ${category}`, () => assert.equal(guessCategory(name), category));
  }
});

describe('what the collector reads', () => {
  test('replay items in a Sentry envelope, binary payloads and all', () => {
    const envelope = Buffer.concat([
      Buffer.from('{"event_id":"e","sent_at":"2026-01-01T00:00:00Z"}\n{"type":"replay_event"}\n{"type":"replay_event","replay_id":"r"}\n'),
      Buffer.from('{"type":"replay_recording","length":5}\n'),
      Buffer.from([0x78, 0x9c, 0x0a, 0x7b, 0xff]),
    ]);
    assert.deepEqual(replayItemTypes(envelope), ['replay_event', 'replay_event', 'replay_recording']);
    assert.deepEqual(replayItemTypes(Buffer.from('{}\n{"type":"event"}\n{"message":"x"}')), []);
    assert.deepEqual(replayItemTypes(null), []);
  });

  const cookieRows = [['127.0.0.1', '127.0.0.1', true], ['.example.com', 'www.example.com', true], ['example.com', 'example.com', true], ['a.example.com', 'example.com', true], ['tracker.test', 'example.com', false], ['ample.com', 'example.com', false]];
  for (const [domain, host, belongs] of cookieRows) {
    test(`a cookie for ${domain} ${belongs ? 'belongs' : 'does not belong'} to ${host}`, () => assert.equal(cookieBelongsTo(domain, host), belongs));
  }

  const linkRows = [['/about#team', 'http://site.test/about'], ['https://site.test/', null], ['http://other.test/', null], ['mailto:a@site.test', null], ['?lang=de', 'http://site.test/?lang=de']];
  for (const [link, page] of linkRows) {
    test(`the link ${link} leads to ${page}`, () => assert.equal(sameOriginPage(link, new URL(PAGE)), page));
  }
});
