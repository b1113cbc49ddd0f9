/**
 * @klik/match — the Klik matching engine. Pure TypeScript: plain data in, plain data out.
 */
export * from './assignment/index.js';
export * from './scoring/index.js';
