import { EXPORT_TARGETS } from '../../lib/formats/exports.ts';
import { EXPORT_GROUPS } from '../../lib/formats/format.ts';
import type { Command } from '../command.ts';

export const formats: Command = {
  name: 'formats',
  usage: '',
  summary: 'List the tools personas can be added to, with the path each writes',
  async run({ out }) {
    for (const target of EXPORT_TARGETS) {
      out(`${target.id}\t${target.label} (${EXPORT_GROUPS[target.group]})\t${target.paths.join(', ')}\n`);
    }
  },
};
