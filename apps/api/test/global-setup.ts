/** Fails fast with a clear message when the MySQL run is asked for but the server is not reachable. */
import { createConnection } from 'mysql2/promise';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB !== 'mysql') return;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=mysql needs TEST_DATABASE_URL (e.g. mysql://root@127.0.0.1:3306/test)');
  const connection = await createConnection({ uri: url });
  await connection.end();
}
