// Starts dynalite on a free loopback port and prints "LISTENING <port>" for the Java side.
const dynalite = require('dynalite');
const path = process.argv[2];
const server = dynalite(Object.assign({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }, path ? { path } : {}));
server.listen(0, '127.0.0.1', (err) => {
  if (err) { console.error(err); process.exit(1); }
  console.log('LISTENING ' + server.address().port);
});
// Exit when the parent JVM goes away (stdin closes), so no orphan keeps the data dir locked.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
