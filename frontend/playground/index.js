// Entry point of the playground page (/): the graph editor (cytoscape + dagre) and the live result area.
import { startIsland } from '../app/island.js';
import { initPlayground } from '../app/playground.js';
import { keepResultInView } from '../app/result-in-view.js';

startIsland('playground', root => {
  keepResultInView(root.querySelector('#run-status'), root.querySelector('.result-head'));
  initPlayground(root);
});
