// The build's lint of openapi.yaml: silent when it is clean; on a problem, Redocly's report and a failed build.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--config=redocly.yaml',
  '--format=stylish', '--max-problems=1000', '../../openapi.yaml'], {
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
});
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? String(result.error ?? ''));
}
process.exit(result.status ?? 1);
