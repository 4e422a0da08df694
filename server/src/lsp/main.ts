import { startServer } from './server';

startServer(process.argv.slice(2));
