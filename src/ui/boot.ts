/**
 * The page's entry, small on purpose: on a lab's address it starts the
 * engine worker and its open request at once, then loads the page itself
 * (React, the terminal), so the scenario compiles on the other core while
 * the page loads instead of after.
 */
import { openEarly } from './lab/early-open';

openEarly(window.location.hash);
void import('./main');
