import * as vscode from 'vscode';
import { INGRESS_EDGES, REGIONS, resolveLocation } from '../../../server/src/core/routing';

interface LocationItem extends vscode.QuickPickItem {
  /** What resolveLocation accepts for this item; absent for separators and "Enter coordinates...". */
  readonly value?: string;
  readonly coordinates?: true;
}

/** Offered first when nothing was picked before (the simulation's long-standing default). */
const DEFAULT_FROM = 'Frankfurt';

const separator = (label: string): LocationItem => ({ label, kind: vscode.QuickPickItemKind.Separator });

function locationItems(last: string | undefined): LocationItem[] {
  const cities = [...INGRESS_EDGES].sort((a, b) => a.city.localeCompare(b.city));
  return [
    { label: last ?? DEFAULT_FROM, description: last ? 'last used' : 'default', value: last ?? DEFAULT_FROM },
    { label: '$(location) Enter coordinates...', description: 'latitude,longitude', coordinates: true },
    separator('AWS edge cities (where the client enters the AWS network)'),
    ...cities.map((e) => ({ label: e.city, description: `${e.country} · ${e.code}`, value: e.city })),
    separator('AWS Regions (a client running inside AWS)'),
    ...REGIONS.map((r) => ({ label: r.code, description: `${r.name} · ${r.city}`, value: r.code })),
  ];
}

/**
 * Asks where the client is: a searchable list (last used, edge cities by city, country or airport code,
 * Region codes), "Enter coordinates...", or any text resolveLocation accepts typed into the filter.
 */
export function pickLocation(last: string | undefined): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<LocationItem>();
  const title = 'Simulate routing: where is the client?';
  pick.title = title;
  pick.placeholder = 'Search an AWS edge city or Region, or type latitude,longitude';
  pick.matchOnDescription = true;
  pick.items = locationItems(last);
  return new Promise((resolve) => {
    let answer: string | undefined;
    let askCoordinates = false;
    // QuickPick has no validation message in the stable API: the title says what is wrong with the typed text.
    pick.onDidChangeValue(() => {
      pick.title = title;
    });
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      if (item?.coordinates) askCoordinates = true;
      else if (item?.value) answer = item.value;
      else {
        // Nothing in the list matches: the typed text itself (coordinates, or a name the list does not show).
        const typed = resolveLocation(pick.value);
        if (!typed.ok) {
          pick.title = `${title} ${typed.message}`;
          return;
        }
        answer = pick.value.trim();
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!askCoordinates) return resolve(answer);
      void vscode.window
        .showInputBox({
          prompt: 'Latitude,longitude of the client (for example 35.68,139.69)',
          placeHolder: 'latitude,longitude',
          validateInput: (v) => {
            const r = resolveLocation(v);
            return r.ok && r.location.kind === 'point' && !r.location.edge ? undefined : 'Give latitude,longitude (latitude -90..90, longitude -180..180)';
          },
        })
        .then((v) => resolve(v?.trim()), () => resolve(undefined));
    });
    pick.show();
  });
}
