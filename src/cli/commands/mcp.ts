import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createCatalogServer } from '../../mcp/server.ts';
import type { Command } from '../command.ts';
import { VERSION } from '../package.ts';

export const mcp: Command = {
  name: 'mcp',
  usage: '',
  summary: 'Serve the catalog to agents over the Model Context Protocol (stdio)',
  details: 'Every persona becomes an MCP prompt named by its id; the tools search_personas and get_persona find and fetch personas.',
  async run({ catalog }) {
    const server = await createCatalogServer(catalog(), VERSION);
    await server.connect(new StdioServerTransport());
  },
};
