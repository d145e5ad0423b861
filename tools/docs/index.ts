import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesMarkdown } from './rulesDoc';

/** `npm run docs`: regenerate docs/rules.md. */
const target = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, rulesMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
