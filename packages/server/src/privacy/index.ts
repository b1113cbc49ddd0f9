export * from './sensitive.js';
