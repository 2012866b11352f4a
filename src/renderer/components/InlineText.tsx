interface InlineTextProps {
  text: string;
}

/**
 * Renders one line of card text where the full Markdown renderer would be too
 * heavy, such as a prompt used as a heading: `code` spans become <code> and
 * bold markers are dropped. Everything else shows as written, as plain text.
 */
export function InlineText({ text }: InlineTextProps) {
  const parts = text.replace(/\*\*/g, '').split('`');
  // Backticks alternate text and code; an unmatched last backtick leaves its tail as text.
  const closed = parts.length % 2 === 1;
  return (
    <>
      {parts.map((part, index) => {
        const isCode = index % 2 === 1 && (closed || index < parts.length - 1);
        return isCode ? <code key={index}>{part}</code> : <span key={index}>{part}</span>;
      })}
    </>
  );
}
