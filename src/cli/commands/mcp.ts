import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createCatalogServer } from '../../mcp/server.ts';
import type { Command } from '../command.ts';
import { VERSION } from '../../lib/packageRoot.ts';

export const mcp: Command = {
  name: 'mcp',
  usage: '',
  summary: 'Serve the catalog to agents over the Model Context Protocol (stdio)',
  details:
    'Every persona becomes an MCP prompt named by its id; the tools search_personas and get_persona find and fetch personas, and installed_personas reports a project’s installs and their states, as outdated does. A persona the catalog sends that breaks a rule is left out, with a line on stderr, and the server serves the rest.',
  async run({ catalog }) {
    // stdout carries the protocol: anything a library logs goes to stderr.
    console.log = console.error;
    const report = (message: string) => process.stderr.write(`persona-atlas: ${message}\n`);
    const server = await createCatalogServer(catalog(undefined, { onInvalid: report }), VERSION, report, (location) => catalog(location));
    await server.connect(new StdioServerTransport());
  },
};
