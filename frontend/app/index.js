// Entry point of every page: htmx for the server-rendered parts and the styles. The islands are entry points of
// their own (frontend/playground, frontend/shared), so /runs never downloads the graph editor or the timeline.
import htmx from 'htmx.org';
import './app.css';

window.htmx = htmx;
// The Content-Security-Policy allows no eval: htmx must not evaluate attribute expressions (trigger filters,
// js: values); with this, one that slips in fails loudly in the console instead of as a CSP violation.
htmx.config.allowEval = false;

// Decided once (see layout.html): 422 carries a plain-words fragment for the target and is swapped; any other
// error status is not swapped and shows a short message in #flash.
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '[23]..', swap: true },
  { code: '422', swap: true, error: false },
  { code: '[45]..', swap: false, error: true },
];
document.addEventListener('htmx:responseError', e => {
  const flash = document.getElementById('flash');
  if (!flash) return;
  flash.textContent = 'Something went wrong on the server (' + e.detail.xhr.status + '). Please try again.';
  flash.hidden = false;
});
document.addEventListener('htmx:sendError', () => {
  const flash = document.getElementById('flash');
  if (flash) { flash.textContent = 'The server could not be reached.'; flash.hidden = false; }
});
