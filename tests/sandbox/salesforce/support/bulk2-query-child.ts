/**
 * Runs jsforce's own `bulk2.query` against an emulator and prints `{"records": N}`. A separate process because
 * on multi-page results jsforce 3.10.16 throws from inside a stream (an uncaught error the test process must not
 * inherit). Usage: node --import tsx bulk2-query-child.ts <instanceUrl> <accessToken> <soql>
 */
import jsforce from 'jsforce';

const [instanceUrl, accessToken, soql] = process.argv.slice(2);
const conn = new jsforce.Connection({ instanceUrl, accessToken, version: '62.0' });
const records = await (await conn.bulk2.query(soql ?? '', { pollInterval: 10 })).toArray();
console.log(JSON.stringify({ records: records.length }));
