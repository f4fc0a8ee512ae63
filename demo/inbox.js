// Renders /inbox/data (see demo/server/inbox.mjs) as text, never as HTML.
const cell = (text, className) => {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
};
const row = (...cells) => {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
};
const time = (ms) => new Date(ms).toLocaleTimeString();

async function refresh() {
  const data = await (await fetch('/inbox/data', { cache: 'no-store' })).json();
  document.getElementById('consent').replaceChildren(
    ...data.consent.map(({ receivedAt, record }) =>
      row(cell(time(receivedAt)), cell(record.id), cell(record.granted.join(', ')), cell(record.refused.join(', ')), cell(record.language), cell(`${record.textHash.slice(0, 16)}…`)),
    ),
  );
  document.getElementById('replays').replaceChildren(
    ...data.replays.map((replay) =>
      row(
        cell(time(replay.receivedAt)),
        cell(String(replay.replayId).slice(0, 8)),
        cell(String(replay.segment)),
        cell(String(replay.events)),
        replay.unmasked.length === 0 ? cell('none ✓', 'ok') : cell(`${replay.unmasked.length}: ${replay.unmasked.join(' | ')}`, 'bad'),
      ),
    ),
  );
  document.getElementById('errors').replaceChildren(
    ...data.errors.map((error) => {
      const li = document.createElement('li');
      li.textContent = `${time(error.receivedAt)} ${error.message}`;
      return li;
    }),
  );
  document.getElementById('consent-count').textContent = `(${data.consent.length})`;
  document.getElementById('replay-count').textContent = `(${data.replays.length})`;
  document.getElementById('error-count').textContent = `(${data.errors.length})`;
}
refresh();
setInterval(refresh, 2000);
