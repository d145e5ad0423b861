/**
 * Whole-structure snippets (YAML). Lines after the first are indented relative to the cursor line,
 * which is how editors insert multi-line snippets. Each one analyzes clean as inserted.
 */

export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

export const MRAP_SNIPPET: Snippet = {
  label: 'Multi-Region Access Point',
  // One bucket per Region: this stack's bucket by reference, the other Region's bucket by name.
  detail: "AWS::S3::MultiRegionAccessPoint over this stack's bucket and another Region's",
  body: [
    '${1:MultiRegionAccessPoint}:',
    '  Type: AWS::S3::MultiRegionAccessPoint',
    '  Properties:',
    '    Name: ${2:my-mrap}',
    '    PublicAccessBlockConfiguration:',
    '      BlockPublicAcls: true',
    '      BlockPublicPolicy: true',
    '      IgnorePublicAcls: true',
    '      RestrictPublicBuckets: true',
    '    Regions:',
    '      - Bucket: !Ref ${3:Bucket}',
    '      - Bucket: ${4:bucket-in-another-region}$0',
  ].join('\n'),
};

export const REPLICATED_PAIR_SNIPPET: Snippet = {
  label: 'Replicated bucket pair with role',
  detail: 'Source bucket replicating to a destination bucket, both versioned, with the replication role',
  body: [
    '${1:SourceBucket}:',
    '  Type: AWS::S3::Bucket',
    '  Properties:',
    '    VersioningConfiguration:',
    '      Status: Enabled',
    '    ReplicationConfiguration:',
    '      Role: !GetAtt ${3:ReplicationRole}.Arn',
    '      Rules:',
    '        - Id: ReplicateAll',
    '          Status: Enabled',
    '          Priority: 1',
    '          Filter:',
    "            Prefix: ''",
    '          DeleteMarkerReplication:',
    '            Status: Disabled',
    '          Destination:',
    '            Bucket: !GetAtt ${2:DestinationBucket}.Arn',
    '${2:DestinationBucket}:',
    '  Type: AWS::S3::Bucket',
    '  Properties:',
    '    VersioningConfiguration:',
    '      Status: Enabled',
    '${3:ReplicationRole}:',
    '  Type: AWS::IAM::Role',
    '  Properties:',
    '    AssumeRolePolicyDocument:',
    "      Version: '2012-10-17'",
    '      Statement:',
    '        - Effect: Allow',
    '          Principal:',
    '            Service: s3.amazonaws.com',
    '          Action: sts:AssumeRole',
    '    Policies:',
    '      - PolicyName: replication',
    '        PolicyDocument:',
    "          Version: '2012-10-17'",
    '          Statement:',
    '            - Effect: Allow',
    '              Action:',
    '                - s3:GetReplicationConfiguration',
    '                - s3:ListBucket',
    '              Resource: !GetAtt ${1:SourceBucket}.Arn',
    '            - Effect: Allow',
    '              Action:',
    '                - s3:GetObjectVersionForReplication',
    '                - s3:GetObjectVersionAcl',
    '                - s3:GetObjectVersionTagging',
    "              Resource: !Sub '\\${${1:SourceBucket}.Arn}/*'",
    '            - Effect: Allow',
    '              Action:',
    '                - s3:ReplicateObject',
    '                - s3:ReplicateDelete',
    '                - s3:ReplicateTags',
    "              Resource: !Sub '\\${${2:DestinationBucket}.Arn}/*'$0",
  ].join('\n'),
};

export const REPLICATION_RULE_SNIPPET: Snippet = {
  label: 'Replication rule',
  detail: 'One rule of a bucket ReplicationConfiguration (V2 schema: Filter, Priority, DeleteMarkerReplication)',
  body: [
    '- Id: ${1:ReplicateAll}',
    '  Status: Enabled',
    '  Priority: ${2:1}',
    '  Filter:',
    "    Prefix: '${3}'",
    '  DeleteMarkerReplication:',
    '    Status: Disabled',
    '  Destination:',
    '    Bucket: !GetAtt ${4:DestinationBucket}.Arn$0',
  ].join('\n'),
};
