/** Synthetic templates for the benchmarks: groups of (2 replicated buckets, 1 role, 1 MRAP) = 4 resources. */
export function generateTemplate(resourceCount: number): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: benchmark template', 'Resources:'];
  const groups = Math.max(1, Math.floor(resourceCount / 4));
  for (let g = 0; g < groups; g++) {
    lines.push(
      `  Source${g}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: bench-source-${g}`,
      '      VersioningConfiguration:',
      '        Status: Enabled',
      '      ReplicationConfiguration:',
      `        Role: !GetAtt Role${g}.Arn`,
      '        Rules:',
      `          - Id: rule-${g}`,
      '            Status: Enabled',
      '            Priority: 1',
      '            Filter:',
      "              Prefix: ''",
      '            DeleteMarkerReplication:',
      '              Status: Disabled',
      '            Destination:',
      `              Bucket: !GetAtt Dest${g}.Arn`,
      '              StorageClass: STANDARD',
      `  Dest${g}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: bench-dest-${g}`,
      '      VersioningConfiguration:',
      '        Status: Enabled',
      `  Role${g}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Service: s3.amazonaws.com',
      '            Action: sts:AssumeRole',
      `  Mrap${g}:`,
      '    Type: AWS::S3::MultiRegionAccessPoint',
      '    Properties:',
      `      Name: bench-mrap-${g}`,
      '      Regions:',
      `        - Bucket: !Ref Source${g}`,
      `        - Bucket: !Ref Dest${g}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
