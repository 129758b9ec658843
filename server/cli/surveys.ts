// `surveys list|close|open`: which surveys take answers; a closed survey answers 410.
import { openFromEnv } from './open';

export async function surveysCommand([verb, id]: string[]): Promise<number> {
  const { store, catalog } = await openFromEnv();
  try {
    if (verb === 'list') {
      for (const s of catalog.surveys)
        console.log(
          `${s.id}  v${s.newest.version}  ${(await store.isSurveyClosed(s.id)) ? 'closed' : 'open'}`,
        );
      return 0;
    }
    if ((verb === 'close' || verb === 'open') && id) {
      if (!catalog.getSurvey(id)) {
        console.error(`no survey "${id}" in the catalog`);
        return 1;
      }
      await store.setSurveyClosed(id, verb === 'close', new Date().toISOString());
      console.log(`survey ${id} is now ${verb === 'close' ? 'closed' : 'open'}`);
      return 0;
    }
    console.error('usage: surveys list | surveys close <id> | surveys open <id>');
    return 2;
  } finally {
    await store.close();
  }
}
