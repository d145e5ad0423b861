import * as assert from 'node:assert/strict';
import { propertyAt, schemaFor } from '../../server/src/core/schema/registry';

describe('schema registry (completion and hover API)', () => {
  it('knows the MRAP, MRAP policy, bucket and access point types, and nothing else', () => {
    for (const type of ['AWS::S3::MultiRegionAccessPoint', 'AWS::S3::MultiRegionAccessPointPolicy', 'AWS::S3::Bucket', 'AWS::S3::AccessPoint']) {
      assert.equal(schemaFor(type)?.typeName, type);
    }
    assert.equal(schemaFor('AWS::S3::Nope'), undefined);
    assert.equal(propertyAt('AWS::S3::Nope', ['Name']), undefined);
  });

  it('describes the resource itself for an empty path', () => {
    const mrap = propertyAt('AWS::S3::MultiRegionAccessPoint', []);
    assert.deepEqual(mrap?.required, ['Regions']);
    assert.deepEqual([...(mrap?.properties ?? [])].sort(), ['Alias', 'CreatedAt', 'Name', 'PublicAccessBlockConfiguration', 'Regions']);
    assert.equal(mrap?.createOnly, false);
  });

  it('gives type, pattern and create-only for the MRAP name', () => {
    const name = propertyAt('AWS::S3::MultiRegionAccessPoint', ['Name']);
    assert.equal(name?.type, 'string');
    assert.equal(name?.pattern, '^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$');
    assert.equal(name?.createOnly, true);
    assert.equal(name?.readOnly, false);
    assert.match(name?.description ?? '', /name you want to assign/);
  });

  it('steps into list items implicitly, with * or with an index; children of a create-only property are create-only', () => {
    const regions = propertyAt('AWS::S3::MultiRegionAccessPoint', ['Regions']);
    assert.equal(regions?.type, 'array');
    assert.deepEqual(regions?.properties, ['Bucket', 'BucketAccountId']);
    assert.deepEqual(regions?.required, ['Bucket']);
    const implicit = propertyAt('AWS::S3::MultiRegionAccessPoint', ['Regions', 'BucketAccountId']);
    assert.equal(implicit?.pattern, '^[0-9]{12}$');
    assert.deepEqual(propertyAt('AWS::S3::MultiRegionAccessPoint', ['Regions', '*', 'BucketAccountId']), implicit);
    assert.deepEqual(propertyAt('AWS::S3::MultiRegionAccessPoint', ['Regions', '0', 'BucketAccountId']), implicit);
    assert.equal(implicit?.createOnly, true);
  });

  it('marks attributes read-only', () => {
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPoint', ['Alias'])?.readOnly, true);
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPointPolicy', ['PolicyStatus', 'IsPublic'])?.readOnly, true);
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPointPolicy', ['MrapName'])?.readOnly, false);
  });

  it('accepts a JSON string for the MRAP policy document, as CloudFormation does', () => {
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPointPolicy', ['Policy'])?.type, 'object | string');
  });

  it('resolves $ref definitions with the description of the referring property', () => {
    const repl = propertyAt('AWS::S3::Bucket', ['ReplicationConfiguration']);
    assert.match(repl?.description ?? '', /^Configuration for replicating objects/);
    assert.deepEqual(repl?.required, ['Role', 'Rules']);
    const storage = propertyAt('AWS::S3::Bucket', ['ReplicationConfiguration', 'Rules', 'Destination', 'StorageClass']);
    assert.equal(storage?.enum?.length, 8);
    assert.ok(storage?.enum?.includes('GLACIER_IR'));
    assert.deepEqual(propertyAt('AWS::S3::Bucket', ['ReplicationConfiguration', 'Rules', 'Destination', 'AccessControlTranslation', 'Owner'])?.enum, ['Destination']);
    assert.deepEqual(propertyAt('AWS::S3::Bucket', ['VersioningConfiguration', 'Status'])?.enum, ['Enabled', 'Suspended']);
  });

  it('reads create-only bucket properties, and not the others', () => {
    assert.equal(propertyAt('AWS::S3::Bucket', ['BucketName'])?.createOnly, true);
    assert.equal(propertyAt('AWS::S3::Bucket', ['VersioningConfiguration', 'Status'])?.createOnly, false);
  });

  it('does not apply the misplaced maxLength of ReplicationConfiguration.Rules.items to rule objects', () => {
    const rules = schemaFor('AWS::S3::Bucket')?.root.properties?.get('ReplicationConfiguration')?.properties?.get('Rules');
    assert.equal(rules?.items?.types?.[0], 'object');
    assert.equal(rules?.items?.maxLength, undefined);
    assert.equal(rules?.items?.minLength, undefined);
  });

  it('returns undefined for a path that does not exist', () => {
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPoint', ['RoutingPolicy']), undefined);
    assert.equal(propertyAt('AWS::S3::MultiRegionAccessPoint', ['Name', 'Deeper']), undefined);
  });
});
