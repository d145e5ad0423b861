import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// Last line of defence: a bug outside a handler (a timer, a promise nobody awaited) is logged and the
// server keeps serving; every handler and the validation loop already catch their own errors.
process.on('uncaughtException', (error) => connection.console.error(`s3mrap: unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`s3mrap: unhandled rejection: ${String(reason)}`));
startServer(connection);
