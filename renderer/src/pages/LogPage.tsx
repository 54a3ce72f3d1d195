import { ComingSoon } from '../components/ComingSoon.js';
import { Page } from '../components/Page.js';

export function LogPage() {
  return (
    <Page id="log" title="Log" lead="Every write and every decision not to write, browsable offline.">
      <ComingSoon
        features={[
          {
            rule: 'R9.1',
            text: 'One entry per write or skipped write: run, time, direction, records, rule or reason code, and field values before and after. Never a token.',
          },
          {
            rule: 'R7.4',
            text: 'Two-way conflicts are logged with both values, so the losing change can be reviewed and restored.',
          },
          {
            rule: 'R9.5',
            text: 'Filter and export the log without a network, and revert a whole run as a new, previewed run.',
          },
        ]}
      />
    </Page>
  );
}
