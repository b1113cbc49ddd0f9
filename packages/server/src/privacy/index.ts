export * from './sensitive.js';
export * from './anonymity.js';
