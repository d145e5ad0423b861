import type { SourceFormat, Template } from '../../model/types';
import type { SourceOptions } from '../index';

/** AWS CDK TypeScript/JavaScript apps into the same model (see the CDK issue). Not ours yet. */
export function parseCdk(_text: string, _format: SourceFormat, _options: SourceOptions): Template | undefined {
  return undefined;
}
