import { startServer } from './server';

// Run as a program (the editor starts dist/server.js), it serves at once; `kubesim lsp` loads it and calls startServer itself.
if (require.main === module) startServer(process.argv.slice(2));

export { startServer };
