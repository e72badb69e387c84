import type { ScenarioComparison } from '../../../shared/domain/scenario/compare';

/** Per-territory potential as SVG bars with the target band drawn behind them. */
export function TerritoryBars({ scenario }: { scenario: ScenarioComparison }) {
  const bars = scenario.territories;
  const width = Math.max(320, bars.length * 12);
  const height = 140;
  const max = Math.max(scenario.band.high, ...bars.map((b) => b.potential)) || 1;
  const y = (v: number): number => height - (v / max) * (height - 10);
  const w = width / Math.max(1, bars.length);
  return (
    <figure className="cmp-bars" data-testid="territory-bars">
      <figcaption>{scenario.name}: potential per territory, band {Math.round(scenario.band.low).toLocaleString('en-US')}–{Math.round(scenario.band.high).toLocaleString('en-US')}</figcaption>
      <svg width={width} height={height} role="img" aria-label={`Potential per territory of ${scenario.name}`}>
        <rect x={0} y={y(scenario.band.high)} width={width} height={Math.max(1, y(scenario.band.low) - y(scenario.band.high))} fill="#dcfce7" data-testid="target-band" />
        <line x1={0} x2={width} y1={y(scenario.band.mean)} y2={y(scenario.band.mean)} stroke="#15803d" strokeDasharray="3 3" />
        {bars.map((b, i) => {
          const inBand = b.potential >= scenario.band.low && b.potential <= scenario.band.high;
          return (
            <rect key={b.territoryId} x={i * w + 1} y={y(b.potential)} width={Math.max(1, w - 2)} height={height - y(b.potential)} fill={inBand ? b.color : '#ef4444'} opacity={0.85}>
              <title>{`${b.name}: ${Math.round(b.potential).toLocaleString('en-US')} (${(b.potentialDeviation * 100).toFixed(1)}%)`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}
