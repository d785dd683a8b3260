import { migrate, openDatabase } from '../db/database.ts';
import { parseServerOptions } from './options.ts';

/** `baton migrate [--database URL]`: brings the schema up to date and exits. */
export async function run(args: string[]): Promise<number> {
  const { databaseUrl } = parseServerOptions('migrate', args);
  const db = openDatabase(databaseUrl);
  try {
    const applied = await migrate(db);
    console.log(
      applied.length === 0
        ? `${db.description} is up to date`
        : `${db.description}: applied ${applied.join(', ')}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
