import * as agency from './agency.ts';
import * as agentSkills from './agentSkills.ts';
import * as aider from './aider.ts';
import * as antigravity from './antigravity.ts';
import { anthropic, openai, text } from './apiFormats.ts';
import * as claudeCode from './claudeCode.ts';
import * as codex from './codex.ts';
import * as continueDev from './continueDev.ts';
import * as copilot from './copilot.ts';
import * as cursor from './cursor.ts';
import type { FormatReader, SourceFile } from './format.ts';
import * as geminiCli from './geminiCli.ts';
import * as kimiCode from './kimiCode.ts';
import * as kiro from './kiro.ts';
import * as lobehub from './lobehub.ts';
import * as openclaw from './openclaw.ts';
import * as opencode from './opencode.ts';
import * as personaAtlas from './personaAtlas.ts';
import { amazonQ, cline } from './plainRules.ts';
import * as promptsCsv from './promptsCsv.ts';
import * as qwenCode from './qwenCode.ts';
import * as rooCode from './rooCode.ts';
import * as windsurf from './windsurf.ts';

/**
 * The one reader registry: every format personas can be read from, in the
 * order a file's format is detected. Our own format first (its files are
 * checked strictly), then formats told by their file names and folders, then
 * those told by their fields alone, the widest (subagent frontmatter) last.
 */
export const READERS: readonly FormatReader[] = [
  personaAtlas.reader,
  lobehub.reader,
  promptsCsv.reader,
  kimiCode.reader,
  openclaw.reader,
  agentSkills.reader,
  cursor.reader,
  copilot.reader,
  rooCode.reader,
  aider.reader,
  codex.reader,
  qwenCode.reader,
  opencode.reader,
  antigravity.reader,
  kiro.reader,
  continueDev.reader,
  cline.reader,
  amazonQ.reader,
  openai.reader,
  anthropic.reader,
  text.reader,
  geminiCli.reader,
  windsurf.reader,
  agency.reader,
  claudeCode.reader,
];

/** Our own format's id: its files go to the persona checker rather than a reader. */
export const OWN_FORMAT = personaAtlas.reader.id;

export const readerById = (id: string) => READERS.find((reader) => reader.id === id);

/** The format of a file, or undefined when no reader knows it. */
export function detectFormat(file: SourceFile): FormatReader | undefined {
  return READERS.find((reader) => {
    try {
      return reader.detect(file);
    } catch {
      return false;
    }
  });
}
