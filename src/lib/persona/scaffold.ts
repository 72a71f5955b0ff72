import { personaFileText } from '../formats/personaAtlas.ts';
export interface NewPersona {
  id: string;
  name: string;
  emoji: string;
  category: string;
  description: string;
}

/** A new persona file: valid frontmatter and the sections every good prompt has. */
export function scaffoldPersona({ id, name, emoji, category, description }: NewPersona): string {
  return `---
id: ${id}
name: ${JSON.stringify(name)}
emoji: ${JSON.stringify(emoji)}
category: ${category}
description: ${JSON.stringify(description)}
worker_affinity: []
tags: []
---

You are ${name}. Describe in one paragraph who this persona is, what experience it draws on, and how it thinks about problems.

## Expertise

- **Area**: the concrete skills, tools and methods this persona knows well.

## Communication Style

How this persona explains things, asks questions and presents trade-offs.

## Workflow Patterns

1. **First step**: how this persona starts on a task.

## Key Principles

- A rule this persona never breaks, and why.
`;
}

/**
 * A translation to write: the original's id, its name and description to
 * translate, and its prompt as the text to translate. The fields a
 * translation inherits (emoji, category, tags, affinities) are left out.
 */
export function scaffoldTranslation(original: { id: string; name: string; description: string }, prompt: string): string {
  return personaFileText({ id: original.id, name: original.name, description: original.description }, prompt);
}
