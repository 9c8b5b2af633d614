// Entry point of the shared page (/s/{slug}): the read-only replay, without the graph editor.
import { startIsland } from '../app/island.js';
import { initShared } from '../app/shared.js';

startIsland('shared', initShared);
