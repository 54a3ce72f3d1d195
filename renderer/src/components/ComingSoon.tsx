export interface PlannedFeature {
  /** The rule in the behaviour spec this feature implements, e.g. R3.4. */
  rule: string;
  text: string;
}

/** An honest placeholder: says what will be here and which rules it follows, instead of faking a screen. */
export function ComingSoon({ features }: { features: PlannedFeature[] }) {
  return (
    <div className="card coming-soon">
      <h2>
        Coming here <span className="badge">not built yet</span>
      </h2>
      <ul className="feature-list">
        {features.map((feature) => (
          <li key={feature.rule}>
            <span>{feature.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
