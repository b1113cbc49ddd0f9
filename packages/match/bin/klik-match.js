#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled dist/cli/main.js (npm run build -w packages/match).
const { runMain } = await import('../dist/cli/main.js');
runMain();
