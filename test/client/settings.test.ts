import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate } from './helpers';

suite('Settings', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the S3 MRAP settings are contributed with their defaults', () => {
    const config = vscode.workspace.getConfiguration('s3mrap');
    const defaults = Object.fromEntries(
      ['enable', 'rules', 'files.include', 'files.exclude', 'stackRegion', 'trace.server'].map((key) => [key, config.inspect(key)?.defaultValue]),
    );
    assert.deepEqual(defaults, {
      enable: true,
      rules: {},
      'files.include': [],
      'files.exclude': ['**/node_modules/**', '**/cdk.out/**'],
      stackRegion: '',
      'trace.server': 'off',
    });
  });
});
