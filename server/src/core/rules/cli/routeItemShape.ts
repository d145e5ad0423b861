import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { renameKey, ROUTE_KEYS, routeList } from './cliInput';

export const routeItemShape: Rule = {
  id: 'cli/route-item-shape',
  catalogue: 'C4',
  severity: 'error',
  title: 'Each route needs TrafficDialPercentage and a Bucket or a Region',
  docs:
    'Every item of `--route-updates` is `{"Bucket": ..., "Region": ..., "TrafficDialPercentage": 0|100}`: `TrafficDialPercentage` is required, and at least one of `Bucket` or `Region` names the route (with both, the bucket must be in that Region). The AWS CLI rejects other keys ("Unknown parameter") and a percentage written as a string ("Invalid type for parameter ... TrafficDialPercentage"): it does not convert `"100"` to a number.',
  sources: [AWS_DOCS.apiRoute, AWS_DOCS.apiRoutes, AWS_DOCS.cliSubmitRoutes],
  dialects: ['api'],
  check(ctx) {
    const routes = routeList(ctx.template);
    if (!routes) return;
    routes.list.items.forEach((item, i) => {
      const where = `Route ${i + 1}`;
      if (item.kind !== 'object') {
        ctx.report({ message: `${where} must be an object like {"Bucket": "my-bucket", "TrafficDialPercentage": 100}.`, span: item.span });
        return;
      }
      for (const e of item.entries) {
        if (ROUTE_KEYS.includes(e.rawKey)) continue;
        const rename = ROUTE_KEYS.find((k) => k.toLowerCase() === e.rawKey.toLowerCase() || (k === 'TrafficDialPercentage' && /dial|percent|traffic/i.test(e.rawKey)));
        const taken = rename !== undefined && item.entries.some((o) => o.rawKey === rename);
        const fixes = rename && !taken ? [{ title: `Rename to '${rename}'`, edits: [renameKey(ctx.text, e, rename)], preferred: true }] : undefined;
        ctx.report({ message: `${where}: '${e.rawKey}' is not a route parameter; the AWS CLI rejects it. Allowed: ${ROUTE_KEYS.join(', ')}.${rename && !taken ? ` Did you mean '${rename}'?` : ''}`, span: e.keySpan, fixes });
      }
      const has = (k: string): boolean => item.entries.some((e) => e.rawKey === k);
      if (!has('TrafficDialPercentage')) {
        ctx.report({ message: `${where} has no TrafficDialPercentage: set 100 (active) or 0 (passive).`, span: item.span });
      }
      if (!has('Bucket') && !has('Region')) {
        ctx.report({ message: `${where} names neither a Bucket nor a Region: add "Bucket" (the bucket name) or "Region" (e.g. "us-east-1").`, span: item.span });
      }
      const dial = item.entries.find((e) => e.rawKey === 'TrafficDialPercentage');
      if (dial?.value.kind === 'string') {
        const n = dial.value.value.trim();
        const numeric = /^\d+$/.test(n);
        ctx.report({
          message: `${where}: TrafficDialPercentage is the string "${dial.value.value}"; it must be a number (the AWS CLI does not convert strings: "Invalid type for parameter").`,
          span: dial.value.span,
          fixes: numeric ? [{ title: `Write ${Number(n)} as a number`, edits: [{ span: dial.value.span, newText: String(Number(n)) }], preferred: true, fixAll: true }] : undefined,
        });
      }
    });
  },
};
