import { AWS_DOCS } from '../docs';
import { MRAP_NAME_PATTERN } from '../mrap/nameFormat';
import type { Rule } from '../types';
import { rawEntry, routeList } from './cliInput';

const MRAP_ARN = /^arn:aws[a-z-]*:s3::\d{12}:accesspoint\/[a-z][a-z0-9]*\.mrap$/;
const ALIAS = /^[a-z][a-z0-9]*\.mrap$/;
const REGIONAL_AP_ARN = /^arn:[^:]+:s3:[a-z0-9-]+:\d{12}:accesspoint\//;
const ARN_WITH_NAME = /^arn:[^:]+:s3::\d{12}:accesspoint\/([^/]+)$/;

export const routesMrapArn: Rule = {
  id: 'cli/routes-mrap-arn',
  catalogue: 'C3',
  severity: 'error',
  title: 'Mrap must be the Multi-Region Access Point ARN (with the alias), not its name or bare alias',
  docs:
    'SubmitMultiRegionAccessPointRoutes (and GetMultiRegionAccessPointRoutes) identify the Multi-Region Access Point by its ARN, `arn:aws:s3::<account-id>:accesspoint/<alias>`, where the alias is the generated name ending in `.mrap` (for example `mfzwi23gnjvgw.mrap`). The name you chose at creation, the bare alias, or a Regional access point ARN (which has a Region field) are rejected. Find the alias with `aws s3control get-multi-region-access-point --account-id <id> --name <name> --region us-west-2`.',
  sources: [AWS_DOCS.apiRoutes, AWS_DOCS.mrapRequests, AWS_DOCS.cliSubmitRoutes],
  dialects: ['api'],
  check(ctx) {
    const skeleton = routeList(ctx.template)?.skeleton;
    const mrap = skeleton ? rawEntry(skeleton, 'Mrap') : undefined;
    if (!skeleton || !mrap || mrap.value.kind !== 'string') return;
    const value = mrap.value.value;
    if (MRAP_ARN.test(value)) return;
    const accountEntry = rawEntry(skeleton, 'AccountId');
    const account = accountEntry?.value.kind === 'string' && /^\d{12}$/.test(accountEntry.value.value) ? accountEntry.value.value : undefined;
    const shape = `arn:aws:s3::${account ?? '<account-id>'}:accesspoint/<alias>`;
    const lookup = `find the alias with: aws s3control get-multi-region-access-point --account-id ${account ?? '<account-id>'} --name <name> --region us-west-2`;
    let message: string;
    let fixes;
    if (ALIAS.test(value)) {
      const arn = account ? `arn:aws:s3::${account}:accesspoint/${value}` : undefined;
      message = `Mrap is the bare alias '${value}'; the routes API needs the MRAP ARN ${arn ?? `arn:aws:s3::<account-id>:accesspoint/${value}`}.`;
      fixes = arn ? [{ title: `Use the ARN ${arn}`, edits: [{ span: mrap.value.span, newText: JSON.stringify(arn) }], preferred: true }] : undefined;
    } else if (REGIONAL_AP_ARN.test(value)) {
      message = `Mrap '${value}' is a Regional access point ARN (it has a Region); an MRAP ARN has no Region: ${shape}.`;
    } else if (ARN_WITH_NAME.test(value)) {
      const tail = ARN_WITH_NAME.exec(value)?.[1] ?? '';
      message = `Mrap ends with '${tail}', which is not an alias: an MRAP ARN ends with the generated alias (ending in '.mrap'), never the name; ${lookup.replace('<name>', MRAP_NAME_PATTERN.test(tail) ? tail : '<name>')}.`;
    } else if (MRAP_NAME_PATTERN.test(value)) {
      message = `Mrap '${value}' looks like the MRAP name; the routes API needs the ARN ${shape}; ${lookup.replace('<name>', value)}.`;
    } else {
      message = `Mrap '${value}' is not a Multi-Region Access Point ARN; it must look like ${shape}.`;
    }
    ctx.report({ message, span: mrap.value.span, fixes });
  },
};
