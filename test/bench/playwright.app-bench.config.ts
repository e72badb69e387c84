import { benchConfig } from './bench-config';

// App-scale map bench (not part of `npm test`): see app-pan.spec.ts. BENCH_WORKSPACE picks the workspace file
// (default: the built-in demo).
const workspace = process.env.BENCH_WORKSPACE;
export default benchConfig('app-pan.spec.ts', Number(process.env.TESSERA_BENCH_PORT ?? 5902), workspace ? ` --workspace "${workspace}"` : '');
