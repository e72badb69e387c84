// Entry of the browser-mode services worker thread: loads the TypeScript services through tsx, as bin/tessera.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
