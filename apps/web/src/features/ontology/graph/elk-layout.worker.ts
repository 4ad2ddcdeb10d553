// ELK's own engine, answering elk-api's messages from a Web Worker so a large layout never blocks the page:
// the import registers its message handler on the worker's global scope.
import 'elkjs/lib/elk-worker.min.js';
