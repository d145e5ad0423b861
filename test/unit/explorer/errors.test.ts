import * as assert from 'node:assert/strict';
import { classify, scrub, toExplorerError } from '../../../client/src/explorer/errors';

describe('explorer: error mapping', () => {
  const aws = (name: string, status: number, message = 'x') => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

  it('maps AWS error codes and statuses to the explorer kinds', () => {
    assert.equal(classify(aws('AccessDenied', 403)).kind, 'AccessDenied');
    assert.equal(classify(aws('InvalidAccessKeyId', 403)).kind, 'AccessDenied');
    assert.equal(classify(aws('SlowDown', 503)).kind, 'Throttled');
    assert.equal(classify(aws('ThrottlingException', 400)).kind, 'Throttled');
    assert.equal(classify(aws('NoSuchMultiRegionAccessPoint', 404)).kind, 'NotFound');
    assert.equal(classify(aws('ExpiredToken', 400)).kind, 'ExpiredSso');
    assert.equal(classify(aws('InvalidRequest', 400)).kind, 'Other');
    assert.equal(classify(aws('InvalidRequest', 400)).code, 'InvalidRequest');
  });

  it('maps credential-provider and network failures', () => {
    const cred = (message: string) => Object.assign(new Error(message), { name: 'CredentialsProviderError' });
    assert.equal(classify(cred('Could not load credentials from any providers')).kind, 'NoCredentials');
    assert.equal(classify(cred('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login')).kind, 'ExpiredSso');
    assert.equal(classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).kind, 'Network');
    assert.equal(classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind, 'Network');
    assert.equal(classify(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).kind, 'Network');
    assert.equal(classify('a string').kind, 'Other');
  });

  it('scrubs access key ids, long mixed-case tokens and known secret values, but keeps names and ARNs', () => {
    const text = 'AKIAABCDEFGHIJKLMNOP wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap my-very-long-multi-region-access-point-name-01 hunter22';
    const out = scrub(text, ['hunter22']);
    assert.doesNotMatch(out, /AKIAABCDEFGHIJKLMNOP|wJalrXUtnFEMI|hunter22/);
    assert.match(out, /arn:aws:s3::111122223333:accesspoint\/mfzwi23gnjvgw\.mrap/);
    assert.match(out, /my-very-long-multi-region-access-point-name-01/);
  });

  it('builds one-line messages with the action and code, never the stack', () => {
    const e = toExplorerError(aws('AccessDenied', 403, 'Access Denied\n    at secret/place.js:1:1'), 'listing Multi-Region Access Points');
    assert.equal(e.message, 'Access denied while listing Multi-Region Access Points (AccessDenied): Access Denied');
    assert.equal(e.kind, 'AccessDenied');
    assert.doesNotMatch(e.stack ?? '', /\n/);
  });
});
