import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import yaml from 'highlight.js/lib/languages/yaml';
import type { AnchorHTMLAttributes } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight, { type Options as HighlightOptions } from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { promql } from './promql.js';
import '../styles/markdown.css';
import '../styles/code.css';

/** Only the languages the bundled cards use, so the chunk stays small. */
const highlightOptions: HighlightOptions = {
  languages: { bash, json, plaintext, python, sql, yaml, promql },
  aliases: { bash: ['sh', 'shell', 'console'], plaintext: ['text', 'txt'], yaml: ['yml'] },
};

const SAFE_PROTOCOL = /^(https?|mailto):/i;

/**
 * Keeps http(s) and mailto links and drops every other URL, such as
 * `javascript:` or `data:`. Relative URLs go too, because cards have no pages to point to.
 */
export function safeUrl(url: string): string {
  return SAFE_PROTOCOL.test(url.trim()) ? url : '';
}

function ExternalLink({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (!href) return <span className="markdown-inert-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

const components: Components = { a: ExternalLink };

interface MarkdownProps {
  text: string;
}

/**
 * Renders card Markdown with GitHub extensions and highlighted code. Raw HTML
 * such as `<script>` shows as plain text, because react-markdown turns it into
 * text unless the rehype-raw plugin is added, and this component adds none.
 */
export function Markdown({ text }: MarkdownProps) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, highlightOptions]]}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

export default Markdown;
