import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

// Two Regions, replication from us-east-1 to eu-west-1, and an MRAP over both (with mistakes to find).
const app = new App();
const east = new Stack(app, 'East', { env: { region: 'us-east-1' } });
const west = new Stack(app, 'West', { env: { region: 'eu-west-1' } });

const replica = new s3.Bucket(west, 'Replica', { versioned: true });

new s3.Bucket(east, 'Source', {
  replicationRules: [{ destination: replica, priority: 1 }],
});

new s3.CfnMultiRegionAccessPoint(east, 'GlobalData', {
  name: 'global-data',
  regions: [{ bucket: 'acme-source-us-east-1' }, { bucket: 'acme-replica-eu-west-1' }],
});
