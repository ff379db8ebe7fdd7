/** The search page's worker: the search service (src/scripts/search-service.ts), off the page. */
import type { SearchRequest } from './search-messages.ts';
import { searchService } from './search-service.ts';

const handle = searchService((reply) => postMessage(reply));
addEventListener('message', (event: MessageEvent<SearchRequest>) => void handle(event.data));
