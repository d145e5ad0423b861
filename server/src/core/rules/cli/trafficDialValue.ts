import { AWS_DOCS } from '../docs';
import type { Fix, Rule } from '../types';
import { routeList } from './cliInput';

export const trafficDialValue: Rule = {
  id: 'cli/traffic-dial-value',
  catalogue: 'C5',
  severity: 'warning',
  title: 'TrafficDialPercentage should be 0 (passive) or 100 (active)',
  docs:
    'A Multi-Region Access Point route is either active (`100`: requests are routed to the Region) or passive (`0`: no new requests go there). The API model allows whole numbers from 0 to 100, but only 0 and 100 are documented, and AWS describes no percentage-based traffic splitting (requests go to the closest active Region). Use 0 or 100 so the route state is unambiguous. Values outside 0-100, or with a fraction, are rejected outright and reported as errors.',
  sources: [AWS_DOCS.apiRoute, AWS_DOCS.mrapFailover],
  dialects: ['api'],
  check(ctx) {
    const routes = routeList(ctx.template);
    if (!routes) return;
    routes.list.items.forEach((item, i) => {
      if (item.kind !== 'object') return;
      const dial = item.entries.find((e) => e.rawKey === 'TrafficDialPercentage')?.value;
      if (dial?.kind !== 'number' || dial.value === 0 || dial.value === 100) return;
      const fixes: Fix[] = [
        { title: 'Set to 100 (active)', edits: [{ span: dial.span, newText: '100' }] },
        { title: 'Set to 0 (passive)', edits: [{ span: dial.span, newText: '0' }] },
      ];
      if (!Number.isInteger(dial.value) || dial.value < 0 || dial.value > 100) {
        ctx.report({ message: `Route ${i + 1}: TrafficDialPercentage ${dial.value} is rejected: it must be a whole number from 0 to 100, and only 0 (passive) and 100 (active) are meaningful.`, span: dial.span, severity: 'error', fixes });
        return;
      }
      ctx.report({
        message: `Route ${i + 1}: TrafficDialPercentage ${dial.value} is neither 0 (passive) nor 100 (active): only those two values are documented, and AWS describes no traffic splitting for values in between (requests go to the closest active Region).`,
        span: dial.span,
        fixes,
      });
    });
  },
};
