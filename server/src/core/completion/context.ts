/** Where the cursor is, independent of the syntax: the object path and whether a key or a value is being typed. */
export interface CursorContext {
  /** Keys from the document root to the object holding the cursor; array items are transparent. */
  readonly path: readonly string[];
  readonly position: 'key' | 'value';
  /** In value position: the key whose value is being typed. */
  readonly key?: string | undefined;
  /** What is typed so far (for values: the whole value text before the cursor). */
  readonly prefix: string;
  /** The text span the chosen item replaces. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** Keys already present in the object (not offered again). */
  readonly siblings: readonly string[];
  /** The cursor line starts a new list item (`- `) or sits in an array directly. */
  readonly listItem: boolean;
  readonly format: 'yaml' | 'json';
  /** Key position on a line that already has `: value` after the key: insert the name only. */
  readonly keyOnly?: boolean;
}
