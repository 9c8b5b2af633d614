// Entry point of the playground page (/): the graph editor (cytoscape + dagre) and the live result area.
import { startIsland } from '../app/island.js';
import { initPlayground } from '../app/playground.js';

startIsland('playground', initPlayground);
