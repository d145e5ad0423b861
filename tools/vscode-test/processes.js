'use strict';
// Shared by the two code-server drivers (run-vscode-tests.js, e2e.js): a free loopback port, waiting
// for a child process to print a line (code-server's "HTTP server listening"), and the user settings
// of a quiet test profile (no update checks, telemetry, tips or chat; workspace trust off).
const net = require('node:net');

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** Resolves when the child's output matches `pattern`; rejects on exit or after `ms`. */
function waitForOutput(child, pattern, ms) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d) => { seen += d; if (pattern.test(seen)) done(resolve); };
    const onExit = (code) => done(() => reject(new Error(`code-server exited with ${code} before it listened:\n${seen}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`code-server did not listen within ${ms / 1000}s:\n${seen}`))), ms);
    const done = (fn) => {
      clearTimeout(timer);
      child.stdout.off('data', onData); child.stderr.off('data', onData); child.off('exit', onExit);
      fn();
    };
    child.stdout.on('data', onData); child.stderr.on('data', onData); child.once('exit', onExit);
  });
}

const QUIET_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
};

module.exports = { freePort, waitForOutput, QUIET_SETTINGS };
