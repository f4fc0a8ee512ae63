// The demo app's own script: a chart on a canvas, an error on demand, and the
// live session-replay indicator in the header.
const chart = document.getElementById('chart');
if (chart) {
  const context = chart.getContext('2d');
  const values = [12, 18, 16, 25, 30, 36, 41];
  context.strokeStyle = '#3b6fd8';
  context.lineWidth = 3;
  context.beginPath();
  values.forEach((value, index) => context[index ? 'lineTo' : 'moveTo'](20 + index * 40, 130 - value * 2.8));
  context.stroke();
}

document.getElementById('throw')?.addEventListener('click', () => {
  throw new Error('Demo error: the invoice service did not answer');
});

// The SDK keeps its replay session in sessionStorage while it records.
const indicator = document.getElementById('replay-indicator');
const showReplayState = () => {
  if (!indicator || !window.consentGate) return;
  const allowed = window.consentGate.has('replay');
  const recording = allowed && sessionStorage.getItem('sentryReplaySession') !== null;
  indicator.dataset.state = recording ? 'recording' : allowed ? 'allowed' : 'off';
  indicator.textContent = recording ? '● recording (masked)' : allowed ? 'allowed, starting' : 'off';
};
setInterval(showReplayState, 1000);
document.addEventListener('consent-gate:change', showReplayState);
