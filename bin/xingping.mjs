#!/usr/bin/env node
// The `xingping` command: runs the compiled CLI (dist/server/cli.mjs, built by `prepare` at npm ci), rebuilding it first
// when a source file is newer (about a second), so a command starts as plain JavaScript.
import { ensureServerBuilt } from '../scripts/build-server.mjs';

await ensureServerBuilt();
await import('../dist/server/cli.mjs');
