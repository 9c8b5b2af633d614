// /runs: delete buttons ask first; the rest of the page is server-rendered with htmx.
export function initRuns(root) {
  root.addEventListener('htmx:confirm', e => {
    if (!e.detail.question) return;
    e.preventDefault();
    if (window.confirm(e.detail.question)) e.detail.issueRequest(true);
  });
}
