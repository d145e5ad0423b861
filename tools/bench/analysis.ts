import { Lexer } from 'yaml';
import { createScanner } from 'jsonc-parser';
import { analyze } from '../../server/src/core';
import { jsonTemplate, yamlTemplate } from './generate';
import { fmt, rssMb, timeMs } from './measure';

/** Full analysis (parse + model + every rule) against the cost of bare tokenizing (the practical floor). */
export function benchAnalysis(): void {
  console.log('\nAnalysis of generated templates (median of 9 runs; floor = bare tokenizing of the same text)');
  console.log('resources  format   size      analyze     floor');
  for (const n of [100, 1000, 5000]) {
    for (const format of ['yaml', 'json'] as const) {
      const text = format === 'yaml' ? yamlTemplate(n) : jsonTemplate(n);
      const fileName = `bench.${format}`;
      const findings = analyze(text, { fileName }).diagnostics.length;
      const t = timeMs(() => analyze(text, { fileName }), n >= 5000 ? 5 : 9);
      const floor = timeMs(() => (format === 'yaml' ? tokenizeYaml(text) : tokenizeJson(text)), n >= 5000 ? 5 : 9);
      console.log(`${String(n).padStart(9)}  ${format.padEnd(6)} ${`${(text.length / 1024).toFixed(0)} KB`.padStart(7)}  ${fmt(t)}  ${fmt(floor)}   (${findings} findings)`);
    }
  }
  console.log(`peak RSS so far: ${rssMb().toFixed(0)} MB (targets: 1,000 resources YAML < 80 ms, JSON < 60 ms)`);
}

function tokenizeYaml(text: string): number {
  let n = 0;
  for (const _ of new Lexer().lex(text)) n++;
  return n;
}

function tokenizeJson(text: string): number {
  const s = createScanner(text, true);
  let n = 0;
  while (s.scan() !== 17 /* EOF */) n++;
  return n;
}
