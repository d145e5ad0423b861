import { describeFailover, failoverPreview, RoutingInputError, resolveLocation, simulate, type Simulation } from '../../server/src/core/routing';
import { clear, el, onActivate } from './dom';
import { createMap } from './map';
import { nextState, type Scenario } from './scenario';

const STATE_HELP: Record<string, string> = {
  active: 'active: receives traffic',
  passive: 'passive: routing dial 0, no new traffic',
  down: 'down: an outage, health checks take it out',
};

/** The simulation panel: form, outcome, map, ranking table, explanation. Re-rendered on every change. */
/** What the panel reports after each render (the extension host relays it to its tests). */
export interface RenderResult {
  readonly name: string;
  readonly from: string;
  readonly outcome: 'routed' | 'failed' | 'problem';
  readonly chosen: string | null;
}

export function mountPanel(
  root: HTMLElement,
  initial: Scenario,
  onChange: (s: Scenario) => void,
  onRender: (r: RenderResult) => void = () => undefined,
): { show(s: Scenario): void } {
  let scenario = initial;
  const title = el('h1');
  const fromInput = el('input', { attrs: { id: 'from', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'from-help' } });
  const failOpen = el('input', { attrs: { id: 'fail-open', type: 'checkbox' } });
  const form = el('form', { className: 'controls' }, [
    el('label', { text: 'Client location', attrs: { for: 'from' } }),
    fromInput,
    el('button', { text: 'Simulate', attrs: { type: 'submit' } }),
    el('label', { className: 'check' }, [failOpen, document.createTextNode(' GA-style fail-open (inferred from Global Accelerator, not documented for MRAP)')]),
    el('p', { className: 'help', attrs: { id: 'from-help' }, text: 'An AWS edge city (Frankfurt, São Paulo), latitude,longitude, or a Region code for a client inside AWS. Or click the map.' }),
  ]);
  const outcome = el('div', { className: 'outcome', attrs: { role: 'status', 'aria-live': 'polite' } });
  const map = createMap();
  const tableBody = el('tbody');
  const table = el('table', { className: 'ranking' }, [
    el('caption', { text: 'Regions, closest first (estimated round-trip time from the client). Activate a state to change it.' }),
    el('thead', {}, [el('tr', {}, ['#', 'Region', 'Bucket', 'State', 'RTT', 'Basis'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]),
    tableBody,
  ]);
  const steps = el('ol', { className: 'steps' });
  const notes = el('ul', { className: 'notes' });
  const failover = el('ul', { className: 'failover' });
  root.append(title, form, outcome, el('div', { className: 'map-wrap' }, [map.element]), table, el('h2', { text: 'How the decision was made' }), steps, el('h2', { text: 'What a failover changes' }), failover, el('h2', { text: 'Caveats' }), notes);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update({ ...scenario, from: fromInput.value, failOpen: failOpen.checked });
  });
  failOpen.addEventListener('change', () => update({ ...scenario, failOpen: failOpen.checked }));
  map.onPick((lat, lon) => update({ ...scenario, from: `${lat.toFixed(2)},${lon.toFixed(2)}` }));

  function cycle(region: string): void {
    const before = document.activeElement;
    const wasMap = before instanceof SVGElement;
    update({ ...scenario, regions: scenario.regions.map((r) => (r.region === region ? { ...r, state: nextState(r.state) } : r)) });
    // re-rendering replaced the control: keep the keyboard on the same Region's control
    if (before && root.contains(before) === false && before !== document.body) {
      const selector = wasMap ? `g.region[data-region="${CSS.escape(region)}"]` : `button.state[data-region="${CSS.escape(region)}"]`;
      root.querySelector<HTMLElement | SVGGElement>(selector)?.focus();
    }
  }

  function update(next: Scenario): void {
    scenario = next;
    render();
    onChange(scenario);
  }

  function render(): void {
    title.textContent = `Routing simulation: ${scenario.name}`;
    if (document.activeElement !== fromInput) fromInput.value = scenario.from;
    failOpen.checked = scenario.failOpen;
    let sim: Simulation | undefined;
    let problem: string | undefined;
    const where = resolveLocation(scenario.from);
    if (!where.ok) problem = where.message;
    else {
      try {
        sim = simulate({ name: scenario.name, regions: scenario.regions, from: where.location, failOpen: scenario.failOpen, lastMileMs: scenario.lastMileMs, replication: scenario.replication });
      } catch (e) {
        if (!(e instanceof RoutingInputError)) throw e;
        problem = e.message;
      }
    }
    renderOutcome(sim, problem);
    renderTable(sim);
    map.update(scenario.regions, sim, cycle);
    clear(steps);
    for (const s of sim?.explanation ?? []) steps.appendChild(el('li', { text: s }));
    clear(notes);
    for (const n of sim?.notes ?? []) notes.appendChild(el('li', { text: n }));
    clear(failover);
    const preview = sim?.chosen && !sim.viaFailOpen ? failoverPreview(scenario.regions, sim.chosen.region, sim.from, { failOpen: scenario.failOpen }) : undefined;
    const lines = preview ? describeFailover(preview) : ['Nothing to fail over: no Region serves this client through the documented routing.'];
    for (const line of lines) failover.appendChild(el('li', { text: line }));
    onRender({ name: scenario.name, from: scenario.from, outcome: sim && !problem ? sim.outcome : 'problem', chosen: sim?.chosen?.region ?? null });
  }

  function renderOutcome(sim: Simulation | undefined, problem: string | undefined): void {
    clear(outcome);
    outcome.className = 'outcome';
    if (problem || !sim) {
      outcome.classList.add('problem');
      outcome.appendChild(el('strong', { text: 'Cannot simulate: ' }));
      outcome.appendChild(document.createTextNode(problem ?? 'unknown problem'));
      return;
    }
    if (sim.chosen) {
      outcome.classList.add(sim.viaFailOpen ? 'fail-open' : 'routed');
      outcome.appendChild(el('strong', { text: `Routed to ${sim.chosen.region}` }));
      outcome.appendChild(document.createTextNode(` (bucket ${sim.chosen.bucket}), ≈${Math.round(sim.chosen.rttMs)} ms from ${sim.from.label}${sim.viaFailOpen ? ', by GA-style fail-open (inferred)' : ''}.`));
    } else {
      outcome.classList.add('failed');
      outcome.appendChild(el('strong', { text: 'Requests fail: ' }));
      outcome.appendChild(document.createTextNode(sim.failure ?? ''));
    }
  }

  function renderTable(sim: Simulation | undefined): void {
    clear(tableBody);
    const rows = sim ? sim.candidates : scenario.regions.map((r) => ({ ...r, rttMs: NaN, basis: '' }));
    rows.forEach((c, i) => {
      const chosen = sim?.chosen?.region === c.region;
      const button = el('button', { className: `state state-${c.state}`, text: c.state, attrs: { type: 'button', 'data-region': c.region, title: STATE_HELP[c.state] ?? c.state, 'aria-label': `${c.region} is ${c.state}; change state` } });
      onActivate(button, () => cycle(c.region));
      const row = el('tr', { className: chosen ? 'chosen' : '', attrs: { 'data-region': c.region } }, [
        el('td', { text: String(i + 1) }),
        el('td', { className: 'region', text: c.region }),
        el('td', { className: 'bucket', text: c.bucket }),
        el('td', {}, [button]),
        el('td', { className: 'rtt', text: Number.isFinite(c.rttMs) ? `${Math.round(c.rttMs)} ms` : '—' }),
        el('td', { className: 'basis', text: c.basis }),
      ]);
      if (chosen) row.setAttribute('aria-current', 'true');
      tableBody.appendChild(row);
    });
  }

  render();
  return {
    show(s: Scenario) {
      scenario = s;
      render();
    },
  };
}
