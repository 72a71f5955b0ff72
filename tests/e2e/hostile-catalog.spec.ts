import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, test } from '@playwright/test';
import { cli, BIN } from './support/cli.ts';
import { HOSTILE_CATALOGS, hostileCatalogUrl } from './support/hostileCatalog.ts';

// Catalogs that lie: every command refuses them with one line naming the
// catalog, the file and the rule, exits 2, and writes nothing anywhere.

const catalogUrl = hostileCatalogUrl;

/** Every file and folder under `dir`, so a write anywhere below shows. */
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

const COMMANDS: Record<string, string[]> = {
  'traversal-json': ['add', 'helper', 'other', '--tool', 'claude-code'],
  'traversal-index': ['add', '--category', 'testing', '--tool', 'claude-code'],
  'swapped-json': ['add', 'other', 'helper', '--tool', 'cursor'],
  'wrong-types': ['add', 'helper', '--tool', 'claude-code'],
  'duplicate-ids': ['list'],
  endless: ['add', 'helper', '--tool', 'claude-code', '--timeout', '2'],
  oversized: ['show', 'helper'],
  'redirect-http': ['add', 'other', 'helper', '--tool', 'codex'],
  'hidden-text': ['add', 'other', 'helper', '--tool', 'claude-code'],
  'hidden-index': ['list'],
  'false-version': ['add', 'helper', '--tool', 'claude-code'],
};

for (const [name, { says }] of Object.entries(HOSTILE_CATALOGS)) {
  test(`a catalog that lies (${name}) makes the command exit 2, naming catalog, file and rule, and nothing is written`, () => {
    const parent = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
    const project = join(parent, 'project');
    mkdirSync(project);
    const before = tree(parent);
    const result = cli([...COMMANDS[name], '--catalog', catalogUrl(name)], project);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`persona-atlas: ${catalogUrl(name)}`);
    expect(result.stderr).toContain(says);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(tree(parent)).toEqual(before);
    expect(existsSync('/tmp/atlas-escape') || existsSync(join(tmpdir(), 'escape'))).toBe(false);
  });
}

test('the MCP server over lying catalogs lists only valid personas, reports the rest on stderr and keeps answering', async () => {
  for (const name of ['traversal-index', 'wrong-types', 'duplicate-ids', 'traversal-json', 'swapped-json', 'endless', 'hidden-text', 'hidden-index']) {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--timeout', '2', '--catalog', catalogUrl(name)], stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk) => (stderr += chunk));
    const client = new Client({ name: 'atlas-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name).sort(), name).toEqual(['helper', 'other']);
      const broken = await client.callTool({ name: 'get_persona', arguments: { id: 'helper' } });
      const fine = await client.getPrompt({ name: 'other' });
      expect(fine.messages[0].content).toEqual({ type: 'text', text: 'You are other.\n' });
      if (['traversal-json', 'swapped-json', 'endless', 'hidden-text'].includes(name)) {
        expect(broken.isError, name).toBe(true);
        expect(JSON.parse((broken.content as Array<{ text: string }>)[0].text).error).toContain(HOSTILE_CATALOGS[name].says);
        expect(stderr, name).toContain(HOSTILE_CATALOGS[name].says);
      } else {
        expect(broken.isError, name).toBeFalsy();
        expect(stderr, name).toContain(HOSTILE_CATALOGS[name].says);
        expect(stderr, name).toMatch(/; left out\n/);
      }
      const search = await client.callTool({ name: 'search_personas', arguments: { words: 'persona' } });
      expect(search.isError, name).toBeFalsy();
    } finally {
      await client.close();
    }
  }
});
