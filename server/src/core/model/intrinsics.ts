/** CloudFormation intrinsic functions, by long name. Short YAML tags are `!` + the part after `Fn::`. */
export const INTRINSIC_FUNCTIONS: readonly string[] = [
  'Ref',
  'Condition',
  'Fn::And',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Equals',
  'Fn::FindInMap',
  'Fn::ForEach',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Not',
  'Fn::Or',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::GetParam',
];

const LONG_NAMES = new Set(INTRINSIC_FUNCTIONS);

/** Long names that, as the single key of an object, make that object an intrinsic call. */
export function isIntrinsicKey(key: string): boolean {
  return key !== 'Condition' && LONG_NAMES.has(key);
}

/** `!GetAtt` -> `Fn::GetAtt`, `!Ref` -> `Ref`, `!Condition` -> `Condition`; undefined for other tags. */
export function longNameOfTag(tag: string): string | undefined {
  const name = tag.startsWith('!') ? tag.slice(1) : tag;
  if (name === 'Ref' || name === 'Condition') return name;
  const long = `Fn::${name}`;
  return LONG_NAMES.has(long) ? long : undefined;
}

export function shortTagOf(fn: string): string {
  return `!${fn.startsWith('Fn::') ? fn.slice(4) : fn}`;
}

export const PSEUDO_PARAMETERS: readonly string[] = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];
