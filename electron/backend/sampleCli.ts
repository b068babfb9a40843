import { parseArgs } from 'node:util';
import { currentActor, databasePath, resolveDataDir } from '@backend/core/paths';
import { createBackend } from '@backend/index';

/** `npm run sample -- [--data DIR]`: loads the sample dataset into an empty Keel database. */
async function main() {
  const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
  const file = databasePath(resolveDataDir(values.data));
  const backend = createBackend({ databasePath: file, actor: currentActor(), mode: 'browser' });
  try {
    const result = await backend.dispatch('sample.load', {});
    if (!result.ok) {
      console.error(`Keel: ${result.error.message}`);
      process.exitCode = 1;
      return;
    }
    const { clients, engagements, specialists } = result.value as { clients: number; engagements: number; specialists: number };
    console.log(`Keel: loaded ${clients} clients, ${engagements} engagements and ${specialists} specialists into ${file}`);
  } finally {
    backend.close();
  }
}

void main();
