import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';
import { regionByCode, type MrapRegion, type Simulation } from '../../server/src/core/routing';
import { clear, onActivate, svg } from './dom';

const WIDTH = 960;
const HEIGHT = 500;

export interface WorldMap {
  readonly element: SVGSVGElement;
  update(regions: readonly MrapRegion[], sim: Simulation | undefined, onRegion: (region: string) => void): void;
  /** Clicking the map (not a Region) puts the client there. */
  onPick(handler: (lat: number, lon: number) => void): void;
}

/** A world map (Natural Earth projection, land from world-atlas, bundled: no network). */
export function createMap(): WorldMap {
  const projection: GeoProjection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group', 'aria-label': 'World map of the Multi-Region Access Point' });
  const topology = land110m as unknown as Topology<{ land: GeometryCollection }>;
  root.appendChild(svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }));
  root.appendChild(svg('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }));
  root.appendChild(svg('path', { class: 'land', d: path(feature(topology, topology.objects.land)) ?? '' }));
  const overlay = svg('g', { class: 'overlay' });
  root.appendChild(overlay);

  const at = (lon: number, lat: number): [number, number] => projection([lon, lat]) ?? [0, 0];

  let pick: ((lat: number, lon: number) => void) | undefined;
  root.addEventListener('click', (e: MouseEvent) => {
    if (!pick || (e.target instanceof Element && e.target.closest('g.region'))) return;
    const ctm = root.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const lonLat = projection.invert?.([p.x, p.y]);
    if (!lonLat || !Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1]) || Math.abs(lonLat[1]) > 90) return;
    pick(lonLat[1], lonLat[0]);
  });

  return {
    element: root,
    onPick(handler) {
      pick = handler;
    },
    update(regions, sim, onRegion) {
      clear(overlay);
      if (sim) {
        const ends: [number, number][] = [[sim.from.lon, sim.from.lat], [sim.ingress.lon, sim.ingress.lat]];
        if (sim.chosen) {
          const r = regionByCode(sim.chosen.region);
          if (r) ends.push([r.lon, r.lat]);
        }
        overlay.appendChild(svg('path', { class: sim.chosen ? 'route' : 'route failed', d: path({ type: 'LineString', coordinates: ends }) ?? '' }));
        const [ex, ey] = at(sim.ingress.lon, sim.ingress.lat);
        if (!sim.ingress.inRegion) {
          const edge = svg('rect', { class: 'edge', x: ex - 4, y: ey - 4, width: 8, height: 8 });
          edge.appendChild(svg('title', {}, `Ingress edge ${sim.ingress.code} (${sim.ingress.city})`));
          overlay.appendChild(edge);
        }
        const [cx, cy] = at(sim.from.lon, sim.from.lat);
        const client = svg('circle', { class: 'client', cx, cy, r: 5 });
        client.appendChild(svg('title', {}, `Client: ${sim.from.label}`));
        overlay.appendChild(client);
      }
      for (const r of regions) {
        const where = regionByCode(r.region);
        if (!where) continue;
        const [x, y] = at(where.lon, where.lat);
        const chosen = sim?.chosen?.region === r.region;
        const g = svg('g', { class: `region region-${r.state}${chosen ? ' chosen' : ''}`, tabindex: 0, role: 'button', 'data-region': r.region, 'aria-label': `${r.region}, bucket ${r.bucket}: ${r.state}${chosen ? ', chosen' : ''}. Activate to change the state.` });
        g.appendChild(svg('circle', { cx: x, cy: y, r: chosen ? 9 : 7 }));
        g.appendChild(svg('text', { x: x + 10, y: y + 4 }, r.region));
        g.appendChild(svg('title', {}, `${r.region} (${where.city}): bucket ${r.bucket}, ${r.state}`));
        onActivate(g, () => onRegion(r.region));
        overlay.appendChild(g);
      }
    },
  };
}
