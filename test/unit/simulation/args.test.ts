/** The argument forms of `s3mrap.simulateRouting` (CodeLens, callers, the explorer). */
import * as assert from 'node:assert/strict';
import { liveRegions, readSimulateArgs } from '../../../client/src/simulation/args';

/** A stand-in for vscode.Uri: strings starting with file: become "URIs". */
class FakeUri {
  constructor(readonly value: string) {}
}
const asUri = (v: unknown): FakeUri | undefined => (v instanceof FakeUri ? v : typeof v === 'string' && v.startsWith('file:') ? new FakeUri(v) : undefined);
const read = (...args: unknown[]) => readSimulateArgs(args, asUri);

describe('simulation: command arguments', () => {
  it('no arguments (palette): the active editor, everything asked', () => {
    assert.deepEqual(read(), { kind: 'template' });
  });

  it('(uri, logicalId) from the CodeLens', () => {
    const uri = new FakeUri('file:///t.yaml');
    assert.deepEqual(read(uri, 'Mrap'), { kind: 'template', uri, mrap: 'Mrap' });
    assert.deepEqual(read(uri), { kind: 'template', uri, mrap: undefined });
  });

  it('{ uri, mrap, from } with a Uri or a URI string', () => {
    assert.deepEqual(read({ uri: 'file:///t.yaml', mrap: 'acme-global', from: 'Tokyo' }), { kind: 'template', uri: new FakeUri('file:///t.yaml'), mrap: 'acme-global', from: 'Tokyo' });
    assert.deepEqual(read({ from: 'Tokyo' }), { kind: 'template', uri: undefined, mrap: undefined, from: 'Tokyo' });
  });

  it("the explorer's live MRAP, with the location inside or as the second argument", () => {
    const mrap = { name: 'orders', regions: [{ bucket: 'b1', region: 'us-east-1', state: 'active' }] };
    assert.deepEqual(read(mrap), { kind: 'live', mrap, from: undefined });
    assert.deepEqual(read(mrap, 'Tokyo'), { kind: 'live', mrap, from: 'Tokyo' });
    assert.deepEqual(read({ ...mrap, from: 'Paris' }), { kind: 'live', mrap: { ...mrap, from: 'Paris' }, from: 'Paris' });
    assert.deepEqual(read({ mrap, from: 'Tokyo' }), { kind: 'live', mrap, from: 'Tokyo' });
  });

  it('explains arguments it cannot use instead of failing later', () => {
    assert.match(read(42) as string, /expected a file/);
    assert.match(read({ uri: 7 }) as string, /uri must be/);
    assert.match(read({ mrap: 7 }) as string, /mrap must be/);
    assert.match(read({ name: 'x', regions: [{ region: 'us-east-1' }] }) as string, /expected a file/);
  });

  it('live Regions: unknown routing counts as active, a missing Region is reported', () => {
    assert.deepEqual(
      liveRegions({ name: 'm', regions: [{ bucket: 'a', region: 'us-east-1', state: 'unknown' }, { bucket: 'b', region: 'eu-west-1', state: 'passive' }, { bucket: 'c', state: 'active' }] }),
      { regions: [{ region: 'us-east-1', bucket: 'a', state: 'active' }, { region: 'eu-west-1', bucket: 'b', state: 'passive' }], unknown: ['c'] },
    );
  });
});
