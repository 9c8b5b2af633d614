// The timeline legend (tags/legend.html) names every pattern; the items of patterns that no timeline on the page
// can show (the GIL on a run without threads, limits in a graph without any, executor lanes without offloaded work)
// are hidden, so that the legend says what is on screen.

/** Shows the legend items the given runs (RunModels) can draw. */
export function showLegend(models) {
  const legend = document.querySelector('.legend');
  if (!legend) return;
  const runs = models.filter(Boolean);
  const want = {
    gil: runs.some(m => m.scheduler?.type === 'threads' && m.scheduler.gil !== false),
    limit: runs.some(m => m.order.some(t => t.limit)),
    executor: runs.some(m => m.onLoop && m.order.some(t => t.offload)),
  };
  for (const item of legend.querySelectorAll('[data-legend]')) item.hidden = !want[item.dataset.legend];
}
