/** Offsets into the source text; converted to line/character only at the edges (LSP, CLI). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

interface NodeBase {
  readonly span: Span;
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
  /** How the scalar was written, so fixes can keep the user's quoting. */
  readonly quote?: 'single' | 'double' | 'plain' | 'block';
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullNode extends NodeBase {
  readonly kind: 'null';
}

export interface Entry {
  /** Canonical (CloudFormation) property name, e.g. `Id` for CLI `ID` or CDK `id`. */
  readonly key: string;
  /** The name exactly as written in the source. */
  readonly rawKey: string;
  readonly keySpan: Span;
  readonly value: ValueNode;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly entries: readonly Entry[];
  /** Flow style (`{}` / JSON / CDK literal) or block style (YAML indentation). */
  readonly flow?: boolean;
  /**
   * CDK L2 constructs are read as the CloudFormation properties CDK renders; such a made-up object
   * remembers the object literal it came from, so fixes edit the user's props instead.
   */
  readonly cdkOrigin?: { readonly kind: 'l2-bucket' | 'l2-rule' | 'l2-destination'; readonly literal: ObjectNode } | undefined;
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
  readonly flow?: boolean;
}

/**
 * An intrinsic function call: `!Ref X`, `{"Fn::GetAtt": [...]}`, or a CDK construct reference
 * (`bucket.bucketArn` becomes `Fn::GetAtt [Bucket, Arn]` with style `cdk`).
 */
export interface IntrinsicNode extends NodeBase {
  readonly kind: 'intrinsic';
  /** Long name: `Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::If`, `Condition`, ... */
  readonly fn: string;
  readonly style: 'short' | 'long' | 'cdk';
  /** Span of the tag (`!GetAtt`) or the key (`"Fn::GetAtt"`). */
  readonly nameSpan: Span;
  readonly arg: ValueNode;
}

/** A value that cannot be known statically (YAML alias, CDK expression, ...). */
export interface UnknownNode extends NodeBase {
  readonly kind: 'unknown';
  readonly reason: string;
}

export type ValueNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | ObjectNode
  | ArrayNode
  | IntrinsicNode
  | UnknownNode;

export type SourceFormat = 'yaml' | 'json' | 'typescript' | 'javascript';

/** `cfn`: CloudFormation/SAM names. `api`: AWS CLI/API JSON names. `cdk`: camelCase CDK props. */
export type Dialect = 'cfn' | 'api' | 'cdk';

export type CliInputShape = 'mrap-details' | 'mrap-policy-details' | 'replication-configuration' | 'route-updates';

export interface Resource {
  readonly logicalId: string;
  readonly idSpan: Span;
  readonly type: string | undefined;
  readonly typeSpan: Span | undefined;
  /** The whole resource body (`Type`, `Properties`, `Condition`, ...). */
  readonly body: ObjectNode;
  readonly properties: ObjectNode | undefined;
  readonly condition: string | undefined;
  /** The Region the resource deploys to, when the source says so (CDK `env.region`). */
  readonly region?: string | undefined;
  /** The stack the resource belongs to, for sources with several stacks (CDK apps). */
  readonly stack?: string | undefined;
  /**
   * CDK: what creates the resource, the stack (by id) or the class whose constructor runs with
   * `this` as scope. Resources with the same scope share a Region even when it is not known.
   */
  readonly scope?: string | undefined;
  /** The AWS account, when the source says so (CDK `env.account`). */
  readonly account?: string | undefined;
  /**
   * Made up from an input that is not a template (an AWS CLI JSON file): properties that are
   * absent there are unknown, not missing (no versioning in a replication JSON says nothing).
   */
  readonly synthetic?: boolean;
}

/** A CDK stack of the app file, with what its props say statically. */
export interface CdkStack {
  readonly id: string;
  readonly region: string | undefined;
  readonly account: string | undefined;
  readonly crossRegionReferences: boolean;
  readonly span: Span;
}

export interface ParseProblem {
  readonly message: string;
  readonly span: Span;
}

export interface Template {
  readonly format: SourceFormat;
  readonly dialect: Dialect;
  readonly root: ObjectNode | undefined;
  readonly resources: readonly Resource[];
  readonly resourcesById: ReadonlyMap<string, Resource>;
  readonly parameters: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  /** For AWS CLI input files: which command's input this is. */
  readonly cliShape?: CliInputShape | undefined;
  /** For AWS CLI input files: the object or array holding the command's input. */
  readonly cliInput?: ValueNode | undefined;
  /** Region the stack deploys to, when known (CLI flag, setting, CDK env). */
  readonly stackRegion?: string | undefined;
  readonly parseProblems: readonly ParseProblem[];
  /** CDK apps: the stacks found in the file (resources name theirs in `stack`). */
  readonly cdkStacks?: readonly CdkStack[] | undefined;
}
