// Brings the result into view when a run or a comparison starts (the status turns to "running"): on a phone the
// result sits below the editor, and nothing else would scroll to it. A result already in view is left alone.
export function keepResultInView(status, result) {
  new MutationObserver(() => {
    if (status.dataset.state !== 'running') return;
    const top = result.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight / 2) return;
    // at once, not smoothly: a page still scrolling when the Stop button is clicked would move it under the pointer
    result.scrollIntoView({ block: 'start' });
  }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
}
