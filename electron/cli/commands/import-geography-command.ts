import type { Command } from 'commander';
import type { Io } from '../output';

/** Registers `import units|geojson|zips` (custom geography into a new workspace). */
export function registerGeographyImports(_cmd: Command, _io: Io): void {}
