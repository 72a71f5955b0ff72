import { runPeer } from './bench/hugoPeer.ts';
import { writeSyntheticPersonas } from './bench/syntheticPersonas.ts';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const realDir = process.argv[2];
const md = readdirSync(realDir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md') && !p.split('/').some((part) => part.startsWith('.')));
const plain = '/tmp/real-plain'; rmSync(plain, { recursive: true, force: true }); mkdirSync(plain);
md.forEach((p, i) => writeFileSync(join(plain, `page-${i}.md`), `---\nname: ${JSON.stringify(p)}\n---\n${readFileSync(join(realDir, p), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')}`));
for (const kind of ['realistic', 'shipped'] as const) {
  writeSyntheticPersonas(`/tmp/syn-like-real-${kind}`, md.length, undefined, kind);
}
for (let i = 0; i < 2; i++) {
  const real = await runPeer(plain, '/tmp/hugo-real');
  const out = [`real ${real.pages} pages ${real.pagefindMs} ms ${(real.pagefindMs / real.pages).toFixed(2)} ms/page`];
  for (const kind of ['realistic', 'shipped']) {
    const syn = await runPeer(`/tmp/syn-like-real-${kind}`, `/tmp/hugo-syn-${kind}`);
    out.push(`${kind} ${syn.pages} pages ${syn.pagefindMs} ms ${(syn.pagefindMs / syn.pages).toFixed(2)} ms/page`);
  }
  console.log(md.length, out.join(' | '));
}
