import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { openingOf, routeList } from './cliInput';

export const allPassive: Rule = {
  id: 'cli/all-passive',
  catalogue: 'C6',
  severity: 'error',
  title: 'Route update that sets every listed Region passive',
  docs:
    'At least one Region of a Multi-Region Access Point must stay active: a route update that would leave every Region passive (`TrafficDialPercentage` 0) is rejected with `InvalidRequest`. Regions not listed keep their current state, so a single route set to 0 (the usual way to fail one Region over) is fine and not reported; a list of two or more routes that are all 0 is taken as the full set of Regions. Set the Region that should take the traffic to 100.',
  sources: [AWS_DOCS.apiRoutes, AWS_DOCS.mrapFailover],
  dialects: ['api'],
  check(ctx) {
    const routes = routeList(ctx.template);
    if (!routes || routes.list.items.length < 2) return;
    const allZero = routes.list.items.every((item) => {
      const dial = item.kind === 'object' ? item.entries.find((e) => e.rawKey === 'TrafficDialPercentage')?.value : undefined;
      return dial?.kind === 'number' && dial.value === 0;
    });
    if (!allZero) return;
    ctx.report({
      message: `All ${routes.list.items.length} routes set TrafficDialPercentage to 0: at least one Region must stay active, so AWS rejects this with InvalidRequest. Set the Region that should serve requests to 100.`,
      span: routes.key?.keySpan ?? openingOf(routes.list.span),
    });
  },
};
