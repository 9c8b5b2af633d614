// Entry point of the playground page (/): the graph editor (cytoscape + dagre) and the live result area.
import { startIsland } from '../app/island.js';
import { initPlayground } from '../app/playground.js';
import { keepResultInView } from '../app/result-in-view.js';

startIsland('playground', root => {
  // Enter in a field must not submit the form (the page would reload): Run does the work. Here and not in an
  // onsubmit attribute, since the Content-Security-Policy allows no inline script.
  root.querySelector('#run-form').addEventListener('submit', e => e.preventDefault());
  keepResultInView(root.querySelector('#run-status'), root.querySelector('.result-head'));
  initPlayground(root);
});
